import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailMessage } from "./email-message";

type Writer = Pick<Prisma.TransactionClient, "outboxEmail">;

/**
 * Queues emails, normally inside the transaction of the change they report so that neither
 * exists without the other. A message whose key is already queued is left as it is: a re-run of
 * the same change (a webhook and the return page, a replayed event) never queues it twice.
 */
export async function enqueueEmails(messages: EmailMessage[], writer: Writer = db): Promise<void> {
  for (const message of messages) {
    await writer.outboxEmail.upsert({
      where: { dedupeKey: message.dedupeKey },
      create: { dedupeKey: message.dedupeKey, kind: message.kind, toAddress: message.to, subject: message.subject, textBody: message.text },
      update: {},
    });
  }
}
