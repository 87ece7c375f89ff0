import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";

export type ResendResult = { ok: true; toAddress: string } | { ok: false; message: string };

/**
 * Puts an email the outbox gave up on back in the queue with a fresh set of attempts, for when
 * the admin has fixed what made it fail (the mail server, an address). Only a failed email can be
 * sent again: one queued or sent is left alone, so a double click queues nothing twice.
 */
export async function resendFailedEmail(adminId: string, emailId: string): Promise<ResendResult> {
  return db.$transaction(async (tx) => {
    const email = await tx.outboxEmail.findUnique({ where: { id: emailId }, select: { toAddress: true, subject: true, lastError: true } });
    if (!email) return { ok: false, message: "There is no such email." };
    const requeued = await tx.outboxEmail.updateMany({
      where: { id: emailId, status: "failed" },
      data: { status: "queued", attempts: 0, nextAttemptAt: new Date() },
    });
    if (requeued.count === 0) return { ok: false, message: "This email is not failed: it is already queued or sent." };
    await recordAudit(
      { actorId: adminId, action: "email.resent", details: { emailId, toAddress: email.toAddress, subject: email.subject, lastError: email.lastError } },
      tx,
    );
    return { ok: true, toAddress: email.toAddress };
  });
}
