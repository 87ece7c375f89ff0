// Slows password guessing: after too many failed logins for one email within the window, that
// email is refused until the window passes. Kept in memory: the app runs as one process; a
// deployment with several would move this to a shared store.

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

const failures = new Map<string, number[]>();

function recent(email: string, now: number): number[] {
  const kept = (failures.get(email) ?? []).filter((at) => now - at < WINDOW_MS);
  if (kept.length) failures.set(email, kept);
  else failures.delete(email);
  return kept;
}

export function isLoginThrottled(email: string, now = Date.now()): boolean {
  return recent(email, now).length >= MAX_FAILURES;
}

export function recordLoginFailure(email: string, now = Date.now()): void {
  failures.set(email, [...recent(email, now), now]);
}

export function clearLoginFailures(email: string): void {
  failures.delete(email);
}
