// What a person does when a page fails: tries again, a few times, a moment later.
export const PERSON_PATIENCE = 6;

export class GaveUp extends Error {}

/**
 * Runs `attempt` until it reports done. A thrown error (a 500 page) and a refusal (a
 * "please try again" message) are both retried, as the buyer presses Pay again or reloads.
 */
export async function untilDone<T>(what: string, attempt: () => Promise<T>, done: (result: T) => boolean): Promise<T> {
  const seen: string[] = [];
  for (let tries = 1; tries <= PERSON_PATIENCE; tries++) {
    try {
      const result = await attempt();
      if (done(result)) return result;
      seen.push(JSON.stringify(result).slice(0, 200));
    } catch (error) {
      seen.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new GaveUp(`${what} never succeeded in ${PERSON_PATIENCE} tries:\n  ${seen.join("\n  ")}`);
}

/** A page load whose errors the app swallows (e.g. the onboarding return page): one try, errors ignored. */
export async function once(attempt: () => Promise<unknown>): Promise<void> {
  try {
    await attempt();
  } catch {
    // the page shows its normal state; the webhook brings the rest
  }
}
