import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";

// Password guessing and account creation are limited per email and per client address. Each
// attempt is counted in the database before the password is checked (or the account made), in
// one atomic increment, so concurrent attempts can never pass the limit, and every instance of
// the app shares the counts.

export interface AttemptLimit {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

export const LOGIN_PER_EMAIL: AttemptLimit = { keyPrefix: "login:email", points: 10, durationSeconds: 15 * 60 };
export const LOGIN_PER_ADDRESS: AttemptLimit = { keyPrefix: "login:ip", points: 100, durationSeconds: 15 * 60 };
export const REGISTER_PER_EMAIL: AttemptLimit = { keyPrefix: "register:email", points: 5, durationSeconds: 60 * 60 };
export const REGISTER_PER_ADDRESS: AttemptLimit = { keyPrefix: "register:ip", points: 30, durationSeconds: 60 * 60 };
export const RESET_PER_EMAIL: AttemptLimit = { keyPrefix: "reset:email", points: 3, durationSeconds: 60 * 60 };
export const RESET_PER_ADDRESS: AttemptLimit = { keyPrefix: "reset:ip", points: 20, durationSeconds: 60 * 60 };
/** Asking for another verification or email-change link. */
export const LINK_RESEND_PER_USER: AttemptLimit = { keyPrefix: "link:user", points: 3, durationSeconds: 60 * 60 };

const limiters = new Map<string, RateLimiterPrisma>();

function limiterFor(limit: AttemptLimit): RateLimiterPrisma {
  const name = `${limit.keyPrefix}:${limit.points}:${limit.durationSeconds}`;
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimiterFlexible",
      keyPrefix: limit.keyPrefix,
      points: limit.points,
      duration: limit.durationSeconds,
    });
    limiters.set(name, limiter);
  }
  return limiter;
}

export type AttemptGate = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one attempt against every limit given; refused when any of them is used up. */
export async function countAttempt(checks: Array<[AttemptLimit, string]>): Promise<AttemptGate> {
  let retryAfterMs = 0;
  for (const [limit, key] of checks) {
    try {
      await limiterFor(limit).consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext);
    }
  }
  return retryAfterMs > 0 ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { ok: true };
}

/** A successful login gives its attempt back: only failures add up. */
export async function forgiveAttempt(limit: AttemptLimit, key: string, wholeWindow = false): Promise<void> {
  if (wholeWindow) await limiterFor(limit).delete(key);
  else await limiterFor(limit).reward(key, 1);
}

/** Seconds until the key may try again, or 0. */
export async function secondsUntilAllowed(limit: AttemptLimit, key: string): Promise<number> {
  const state = await limiterFor(limit).get(key);
  if (!state || state.consumedPoints <= limit.points) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}
