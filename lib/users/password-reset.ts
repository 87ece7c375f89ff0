import { z } from "zod";
import { countAttempt, RESET_PER_ADDRESS, RESET_PER_EMAIL } from "@/lib/auth/attempt-limits";
import { hashPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { passwordResetEmail } from "@/lib/email/account-emails";
import { enqueueEmails } from "@/lib/email/enqueue-emails";
import { notifyOutbox } from "@/lib/email/outbox-worker";
import { env } from "@/lib/env";
import { checkToken, issueToken, TOKEN_PROBLEM_MESSAGES, useToken } from "./account-tokens";
import { newPasswordSchema } from "./account-input";

export const resetRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254, "Enter a valid email address."),
});

export const passwordResetSchema = z.object({
  token: z.string().max(200),
  password: newPasswordSchema,
});

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * "Send me a link": counted per email and per client address first, so an address can neither
 * be flooded with mail nor used to probe for accounts; the answer is the same for an address
 * with an account and one without.
 */
export async function requestPasswordReset(email: string, address: string, now = new Date()): Promise<ResetRequestResult> {
  const gate = await countAttempt([
    [RESET_PER_EMAIL, email],
    [RESET_PER_ADDRESS, address],
  ]);
  if (!gate.ok) return { ok: false, retryAfterSeconds: gate.retryAfterSeconds };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, disabled: true, deletedAt: true } });
  if (!user || user.disabled || user.deletedAt) return { ok: true };
  await db.$transaction(async (tx) => {
    const { token, id } = await issueToken(user.id, "password_reset", user.email, now, tx);
    await enqueueEmails([passwordResetEmail({ user, tokenId: id, url: `${env().APP_URL}/reset-password?token=${token}` })], tx);
  });
  notifyOutbox();
  return { ok: true };
}

export type ResetResult = { ok: true } | { ok: false; message: string };

/** A new password from a reset link: the link is used up and every session of the account ends. */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<ResetResult> {
  // A dead link is answered before the (slow, deliberately) hashing; it is checked again as it is used.
  const check = await checkToken(token, ["password_reset"], now);
  if (!check.ok) return { ok: false, message: TOKEN_PROBLEM_MESSAGES[check.problem] };
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const used = await useToken(token, ["password_reset"], tx, now);
    if (!used.ok) return { ok: false, message: TOKEN_PROBLEM_MESSAGES[used.problem] };
    const user = await tx.user.findUniqueOrThrow({ where: { id: used.token.userId }, select: { email: true, emailVerifiedAt: true } });
    // The link reached the inbox, which proves the address as well as a verification link would.
    const verified = user.emailVerifiedAt ?? (user.email === used.token.email ? now : null);
    await tx.user.update({ where: { id: used.token.userId }, data: { passwordHash, emailVerifiedAt: verified } });
    await tx.accountToken.deleteMany({ where: { userId: used.token.userId, purpose: "password_reset", usedAt: null } });
    await endAllSessions(used.token.userId, tx);
    await recordAudit({ actorId: used.token.userId, action: "user.password_reset", details: {} }, tx);
    return { ok: true };
  });
}
