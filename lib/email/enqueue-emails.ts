import { db, dbProvider } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailMessage } from "./email-message";

type Writer = Pick<Prisma.TransactionClient, "outboxEmail">;
type OutboxRow = Prisma.OutboxEmailCreateManyInput;
// The SQLite client's types leave out skipDuplicates; the PostgreSQL client has it.
type CreateManySkippingDuplicates = (args: { data: OutboxRow[]; skipDuplicates: true }) => Promise<unknown>;

/**
 * Queues emails, normally inside the transaction of the change they report so that neither
 * exists without the other. A message whose key is already queued is left as it is: a re-run of
 * the same change (a webhook and the return page, a replayed event) never queues it twice.
 * PostgreSQL inserts with ON CONFLICT DO NOTHING, because two requests upserting one key at once
 * both try the insert there (and a failed insert would abort the caller's transaction); SQLite
 * runs one writer at a time, so its upsert cannot race.
 */
export async function enqueueEmails(messages: EmailMessage[], writer: Writer = db): Promise<void> {
  const rows: OutboxRow[] = messages.map((message) => ({
    dedupeKey: message.dedupeKey,
    kind: message.kind,
    toAddress: message.to,
    subject: message.subject,
    textBody: message.text,
  }));
  if (dbProvider === "postgresql") {
    if (rows.length) await (writer.outboxEmail.createMany as unknown as CreateManySkippingDuplicates)({ data: rows, skipDuplicates: true });
    return;
  }
  for (const row of rows) {
    await writer.outboxEmail.upsert({ where: { dedupeKey: row.dedupeKey }, create: row, update: {} });
  }
}
