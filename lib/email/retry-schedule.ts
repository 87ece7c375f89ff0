/** After this many failed attempts (about four hours of retries) the email is marked failed for an admin to see. */
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;
/**
 * How long a claimed row stays reserved for its sender. Longer than the SMTP timeouts together,
 * so a live sender always finishes first; a sender that died leaves the row due again after it.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** Doubling waits from 30 s, at most an hour: a short outage is bridged quickly, a long one is not hammered. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(failedAttempts - 1, 0), LONGEST_WAIT_MS);
}
