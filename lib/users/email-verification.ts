import { countAttempt, LINK_RESEND_PER_USER } from "@/lib/auth/attempt-limits";
import { verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { emailChangeEmail, verificationEmail } from "@/lib/email/account-emails";
import { enqueueEmails } from "@/lib/email/enqueue-emails";
import { notifyOutbox } from "@/lib/email/outbox-worker";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkToken, issueToken, TOKEN_PROBLEM_MESSAGES, useToken, type TokenPurpose } from "./account-tokens";

type Writer = Prisma.TransactionClient;

export const EMAIL_TAKEN = "That email address already belongs to another account. Use another one.";
export const WRONG_PASSWORD = "Your current password is not right.";

function confirmUrl(token: string): string {
  return `${env().APP_URL}/verify-email?token=${token}`;
}

/** Queues the "confirm your email address" link, in the caller's transaction (registration's). */
export async function queueVerificationLink(user: { id: string; name: string; email: string }, tx: Writer, now = new Date()): Promise<void> {
  const { token, id } = await issueToken(user.id, "email_verification", user.email, now, tx);
  await enqueueEmails([verificationEmail({ user, tokenId: id, url: confirmUrl(token) })], tx);
}

export async function isEmailVerified(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return !!user?.emailVerifiedAt;
}

export type LinkResult = { ok: true; message: string } | { ok: false; message: string };

function tooSoon(retryAfterSeconds: number): LinkResult {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return { ok: false, message: `We have sent several links in the last hour. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
}

/** "Send the link again", a few times an hour at most. */
export async function resendVerificationLink(userId: string, now = new Date()): Promise<LinkResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, emailVerifiedAt: true } });
  if (!user) return { ok: false, message: "We could not find your account." };
  if (user.emailVerifiedAt) return { ok: false, message: "Your email address is already confirmed." };
  const gate = await countAttempt([[LINK_RESEND_PER_USER, user.id]]);
  if (!gate.ok) return tooSoon(gate.retryAfterSeconds);
  await db.$transaction((tx) => queueVerificationLink(user, tx, now));
  notifyOutbox();
  return { ok: true, message: `We have sent a new link to ${user.email}. It works for 24 hours.` };
}

/**
 * A change of address takes effect only when the link sent to the new address is opened; until
 * then the account keeps its address. The current password is asked, so an unattended session
 * cannot move the account to someone else's inbox.
 */
export async function requestEmailChange(userId: string, newEmail: string, currentPassword: string, now = new Date()): Promise<LinkResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, passwordHash: true } });
  if (!user) return { ok: false, message: "We could not find your account." };
  if (!(await verifyPassword(user.passwordHash, currentPassword))) return { ok: false, message: WRONG_PASSWORD };
  if (newEmail === user.email) return { ok: false, message: "That is already your email address." };
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) return { ok: false, message: EMAIL_TAKEN };
  const gate = await countAttempt([[LINK_RESEND_PER_USER, user.id]]);
  if (!gate.ok) return tooSoon(gate.retryAfterSeconds);
  await db.$transaction(async (tx) => {
    const { token, id } = await issueToken(user.id, "email_change", newEmail, now, tx);
    await enqueueEmails([emailChangeEmail({ user: { name: user.name, email: newEmail }, tokenId: id, url: confirmUrl(token) })], tx);
  });
  notifyOutbox();
  return { ok: true, message: `We have sent a link to ${newEmail}. Your address changes when you open it.` };
}

const CONFIRMABLE: readonly TokenPurpose[] = ["email_verification", "email_change"];

export type ConfirmResult = { ok: true; email: string; changed: boolean } | { ok: false; message: string };

/** What the confirmation page offers for a link, before anything is used. */
export async function describeConfirmLink(token: string): Promise<ConfirmResult> {
  const check = await checkToken(token, CONFIRMABLE);
  if (!check.ok) return { ok: false, message: TOKEN_PROBLEM_MESSAGES[check.problem] };
  const row = await db.accountToken.findUniqueOrThrow({ where: { id: check.token.id }, select: { purpose: true } });
  return { ok: true, email: check.token.email, changed: row.purpose === "email_change" };
}

/** Opens a verification or email-change link: once, before it expires, for the address it was sent to. */
export async function confirmEmail(token: string, now = new Date()): Promise<ConfirmResult> {
  try {
    return await db.$transaction(async (tx) => {
      const used = await useToken(token, CONFIRMABLE, tx, now);
      if (!used.ok) return { ok: false, message: TOKEN_PROBLEM_MESSAGES[used.problem] } as const;
      const { userId, email } = used.token;
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
      if (used.purpose === "email_verification") {
        // A link sent to an address the account no longer has proves nothing about the current one.
        if (user.email !== email) return rollBack(TOKEN_PROBLEM_MESSAGES.invalid);
        await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
        return { ok: true, email, changed: false } as const;
      }
      const taken = await tx.user.findFirst({ where: { email, NOT: { id: userId } }, select: { id: true } });
      if (taken) return rollBack(EMAIL_TAKEN);
      await tx.user.update({ where: { id: userId }, data: { email, emailVerifiedAt: now } });
      await tx.accountToken.deleteMany({ where: { userId, usedAt: null, purpose: { in: ["email_change", "email_verification"] } } });
      await recordAudit({ actorId: userId, action: "user.email_changed", details: { from: user.email, to: email } }, tx);
      return { ok: true, email, changed: true } as const;
    });
  } catch (error) {
    if (error instanceof RolledBack) return { ok: false, message: error.message };
    // Someone took the address between the check and the update.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, message: EMAIL_TAKEN };
    throw error;
  }
}

/** Leaves the transaction without a change: the link stays unused. */
class RolledBack extends Error {}
function rollBack(message: string): never {
  throw new RolledBack(message);
}
