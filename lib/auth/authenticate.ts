import { z } from "zod";
import { db } from "@/lib/db";
import { countAttempt, forgiveAttempt, LOGIN_PER_ADDRESS, LOGIN_PER_EMAIL, type AttemptLimit } from "./attempt-limits";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { isRole, type Role } from "./roles";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

export type Authentication =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** The keys an attempt is counted under; the email as typed (trimmed, lower case) so junk counts too. */
export function loginAttemptKeys(email: string, address: string): Array<[AttemptLimit, string]> {
  return [
    [LOGIN_PER_EMAIL, email.trim().toLowerCase().slice(0, 254)],
    [LOGIN_PER_ADDRESS, address],
  ];
}

/**
 * Checks an email and password. The attempt is counted (per email and per client address)
 * before the password is looked at; a success gives it back. An unknown email costs the same
 * hashing time as a known one.
 */
export async function authenticate(raw: unknown, address: string): Promise<Authentication> {
  const typedEmail = typeof (raw as { email?: unknown } | null)?.email === "string" ? (raw as { email: string }).email : "";
  const gate = await countAttempt(loginAttemptKeys(typedEmail, address));
  if (!gate.ok) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };

  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true, sessionVersion: true },
  });
  if (!user) {
    await verifyAgainstDummy(password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "invalid" };
  if (user.disabled) return { ok: false, reason: "disabled" };
  if (!isRole(user.role)) return { ok: false, reason: "invalid" };
  const [emailKey, addressKey] = loginAttemptKeys(typedEmail, address);
  await forgiveAttempt(...emailKey, true);
  await forgiveAttempt(...addressKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
