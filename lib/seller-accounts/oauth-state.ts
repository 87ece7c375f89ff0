import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";

// The OAuth `state` is bound to the seller who started the flow: the cookie carries the state,
// its expiry and an HMAC over both plus the user ID, so a state minted for one session (or a
// forged one) never completes a connection for another. The state is also stored server-side
// and deleted when it comes back, so the same state and cookie never complete a second one.

const LIFETIME_MS = 10 * 60 * 1000;

export const OAUTH_STATE_COOKIE = "connect_oauth_state";

function sign(secret: string, state: string, userId: string, expires: number): string {
  return createHmac("sha256", secret).update(`${state}.${userId}.${expires}`).digest("base64url");
}

export function createOAuthState(secret: string, userId: string, now = Date.now()) {
  const state = randomBytes(24).toString("base64url");
  const expires = now + LIFETIME_MS;
  return { state, cookie: `${state}.${expires}.${sign(secret, state, userId, expires)}`, maxAgeSeconds: LIFETIME_MS / 1000 };
}

export type StateCheck = "ok" | "missing" | "mismatch" | "expired";

export function checkOAuthState(
  secret: string,
  cookie: string | undefined,
  returnedState: string | null,
  userId: string,
  now = Date.now(),
): StateCheck {
  if (!cookie || !returnedState) return "missing";
  const [state, expiresText, signature] = cookie.split(".");
  const expires = Number(expiresText);
  if (!state || !signature || !Number.isFinite(expires)) return "mismatch";
  const expected = Buffer.from(sign(secret, state, userId, expires));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "mismatch";
  if (state.length !== returnedState.length || !timingSafeEqual(Buffer.from(state), Buffer.from(returnedState))) {
    return "mismatch";
  }
  if (now > expires) return "expired";
  return "ok";
}

function stateHash(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}

/** Kept server-side (hashed) as well as in the cookie, so that a state can be used only once. */
export async function rememberOAuthState(state: string, userId: string, now = new Date()): Promise<void> {
  await db.connectOAuthState.deleteMany({ where: { expiresAt: { lte: now } } });
  await db.connectOAuthState.create({ data: { stateHash: stateHash(state), userId, expiresAt: new Date(now.getTime() + LIFETIME_MS) } });
}

/**
 * Uses the state up: one atomic delete, so of two callbacks with the same state (a replay, a
 * double click) exactly one goes on. False for a state that is unknown, used, expired or
 * another user's.
 */
export async function consumeOAuthState(state: string, userId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.connectOAuthState.deleteMany({ where: { stateHash: stateHash(state), userId, expiresAt: { gt: now } } });
  return count === 1;
}
