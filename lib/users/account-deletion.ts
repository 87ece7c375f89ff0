import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { WRONG_PASSWORD } from "./email-verification";

// Deleting an account removes what identifies the person (name, email, password, sessions,
// links, progress, mail to them) and keeps the row itself, because orders, refunds, disputes and
// the audit log point at it and are kept for the books. What would leave money or a promise
// hanging (a payment still processing, a live membership, a seller's shop) is dealt with first.

const LIVE_MEMBERSHIP = ["active", "trialing", "past_due", "unpaid", "incomplete"];

/** Why the account cannot be deleted yet, each with what to do about it; empty when it can. */
export async function deletionBlockers(userId: string): Promise<string[]> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, deletedAt: true, membership: { select: { status: true, cancelAtPeriodEnd: true } }, sellerAccount: { select: { stripeAccountId: true, disconnectedAt: true } } },
  });
  if (!user || user.deletedAt) return ["This account no longer exists."];
  const blockers: string[] = [];
  if (user.role === "admin") blockers.push("Admin accounts cannot be deleted here: ask another admin to change your role first.");
  const [processing, openRefunds, published, processingSales, openSaleRefunds] = await Promise.all([
    db.order.count({ where: { buyerId: userId, status: "pending", paymentProcessingAt: { not: null } } }),
    db.refundRequest.count({ where: { status: "pending", order: { buyerId: userId } } }),
    db.course.count({ where: { sellerId: userId, published: true } }),
    db.order.count({ where: { sellerId: userId, status: "pending", paymentProcessingAt: { not: null } } }),
    db.refundRequest.count({ where: { status: "pending", order: { sellerId: userId } } }),
  ]);
  if (processing) blockers.push("A payment of yours is still processing. You can delete your account once it has gone through or failed (see Your orders).");
  if (openRefunds) blockers.push("A refund to you is still in progress. Please wait until it is finished.");
  if (user.membership && LIVE_MEMBERSHIP.includes(user.membership.status) && !user.membership.cancelAtPeriodEnd) {
    blockers.push("You have a membership that renews. Cancel it on the Membership page first.");
  }
  if (published) blockers.push(`You have ${published} published course${published === 1 ? "" : "s"}. Unpublish ${published === 1 ? "it" : "them"} on your seller page first; buyers keep their access.`);
  if (user.sellerAccount?.stripeAccountId && !user.sellerAccount.disconnectedAt) {
    blockers.push("Your Stripe account is still connected. Disconnect it on your seller page first; your balance and payouts stay in your Stripe account.");
  }
  if (processingSales || openSaleRefunds) blockers.push("Payments or refunds on your sales are still in progress. Please wait until they are finished.");
  return blockers;
}

export type DeletionResult = { ok: true } | { ok: false; message: string };

export async function deleteAccount(userId: string, currentPassword: string, now = new Date()): Promise<DeletionResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, email: true, deletedAt: true } });
  if (!user || user.deletedAt || !(await verifyPassword(user.passwordHash, currentPassword))) return { ok: false, message: WRONG_PASSWORD };
  const blockers = await deletionBlockers(userId);
  if (blockers.length) return { ok: false, message: `Your account cannot be deleted yet. ${blockers.join(" ")}` };
  // Nobody knows this password: the account can never be logged into again.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { name: "Deleted user", email: `deleted-${userId}@deleted.invalid`, passwordHash, disabled: true, deletedAt: now, emailVerifiedAt: null },
    });
    await endAllSessions(userId, tx);
    await tx.accountToken.deleteMany({ where: { userId } });
    await tx.lessonProgress.deleteMany({ where: { userId } });
    await tx.outboxEmail.deleteMany({ where: { toAddress: user.email } });
    await recordAudit({ actorId: userId, action: "user.deleted", details: {} }, tx);
  });
  return { ok: true };
}
