import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getMerchantDetails } from "@/lib/settings/merchant-details";
import { hasAccountLink, withoutAccountLinks } from "./account-emails";
import { claimDueEmails } from "./claim-due-emails";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry-schedule";
import { renderEmail } from "./email-layout";
import { describeSendError, isPermanentFailure, smtpSender, type MailSender, type OutgoingEmail } from "./smtp-transport";

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
  let merchant: Awaited<ReturnType<typeof getMerchantDetails>> | undefined;
  try {
    for (;;) {
      const claimed = await claimDueEmails(now(), options.batchSize ?? 10);
      if (claimed.length === 0) return report;
      for (const row of claimed) {
        const { attempt } = row;
        sender ??= smtpSender();
        merchant ??= await getMerchantDetails();
        try {
          await sender.send(await composed(row, merchant));
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
          // A sent link is not kept readable in the database (only its hash is, in AccountToken).
          data: { status: "sent", sentAt: now(), lastError: null, ...(hasAccountLink(row.textBody) ? { textBody: withoutAccountLinks(row.textBody) } : {}) },
        });
        report.sent += 1;
      }
    }
  } finally {
    if (sender && sender !== options.sender) sender.close();
  }
}

/** The stored text in the one layout, as HTML with the text as its alternative; the text alone if the layout fails. */
async function composed(row: { toAddress: string; subject: string; textBody: string }, merchant: { name: string; addressLines: string[] }): Promise<OutgoingEmail> {
  try {
    const { html, text } = await renderEmail({ subject: row.subject, text: row.textBody, merchant, appUrl: env().APP_URL });
    return { to: row.toAddress, subject: row.subject, text, html };
  } catch (error) {
    console.error(`Email outbox: the HTML layout failed, sending text only: ${describeSendError(error)}`);
    return { to: row.toAddress, subject: row.subject, text: row.textBody };
  }
}
