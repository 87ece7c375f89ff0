import { db } from "@/lib/db";
import { claimDueEmails } from "./claim-due-emails";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry-schedule";
import { describeSendError, isPermanentFailure, smtpSender, type MailSender } from "./smtp-transport";

export interface DeliveryOptions {
  /** Tests move time forward to reach retries without waiting for them. */
  now?: () => Date;
  sender?: MailSender;
  batchSize?: number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends every email that is due. Rows are claimed before they are sent (claim-due-emails.ts),
 * so two senders (two instances, or a sweep and a kick) never send one email twice. A failure
 * is recorded on the row and retried later, unless the server refused it for good (5xx); it
 * never throws. A sender that dies after the server accepted a message but
 * before marking it sent leaves it to be sent again once the claim's lease runs out: at least
 * once, never lost.
 */
export async function deliverDueEmails(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  let sender = options.sender;
  try {
    for (;;) {
      const claimed = await claimDueEmails(now(), options.batchSize ?? 10);
      if (claimed.length === 0) return report;
      for (const row of claimed) {
        const { attempt } = row;
        sender ??= smtpSender();
        try {
          await sender.send({ to: row.toAddress, subject: row.subject, text: row.textBody });
        } catch (error) {
          const gaveUp = attempt >= MAX_ATTEMPTS || isPermanentFailure(error);
          await db.outboxEmail.updateMany({
            where: { id: row.id, attempts: attempt, status: "sending" },
            data: {
              status: gaveUp ? "failed" : "queued",
              lastError: describeSendError(error),
              nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempt)),
            },
          });
          report[gaveUp ? "failed" : "retrying"] += 1;
          continue;
        }
        await db.outboxEmail.updateMany({
          where: { id: row.id, attempts: attempt, status: "sending" },
          data: { status: "sent", sentAt: now(), lastError: null },
        });
        report.sent += 1;
      }
    }
  } finally {
    if (sender && sender !== options.sender) sender.close();
  }
}
