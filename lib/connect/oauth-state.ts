import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// The OAuth `state` is bound to the seller who started the flow: the cookie carries the state,
// its expiry and an HMAC over both plus the user ID, so a state minted for one session (or a
// forged one) never completes a connection for another.

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
