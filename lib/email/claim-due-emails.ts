import { db, dbProvider } from "@/lib/db";
import { CLAIM_LEASE_MS } from "./retry-schedule";

export interface ClaimedEmail {
  id: string;
  /** The attempt this claim starts (the row's new attempt count). */
  attempt: number;
  toAddress: string;
  subject: string;
  textBody: string;
}

const DUE_STATUSES = ["queued", "sending"];

/**
 * Claims up to `limit` due emails for this sender: each comes back with its attempt count raised
 * and its next attempt moved past the claim's lease, so no other sender (in this process or
 * another) takes it until the lease runs out.
 */
export async function claimDueEmails(now: Date, limit: number): Promise<ClaimedEmail[]> {
  return dbProvider === "postgresql" ? claimSkippingLocked(now, limit) : claimOneByOne(now, limit);
}

/**
 * PostgreSQL: one statement locks due rows no other sender holds (SKIP LOCKED) and claims them,
 * so senders on several instances split the queue instead of racing for the same rows.
 */
async function claimSkippingLocked(now: Date, limit: number): Promise<ClaimedEmail[]> {
  const leaseEnd = new Date(now.getTime() + CLAIM_LEASE_MS);
  return db.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboxEmail" AS email
    SET "status" = 'sending', "attempts" = email."attempts" + 1, "nextAttemptAt" = ${leaseEnd}, "updatedAt" = ${now}
    WHERE email."id" IN (
      SELECT due."id" FROM "OutboxEmail" AS due
      WHERE due."status" IN ('queued', 'sending') AND due."nextAttemptAt" <= ${now}
      ORDER BY due."nextAttemptAt", due."id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING email."id", email."attempts" AS "attempt", email."toAddress", email."subject", email."textBody"`;
}

/**
 * SQLite (one writer at a time): reads due rows, then claims each with an update conditional on
 * the attempt count it read; a row another sender claimed meanwhile is skipped.
 */
async function claimOneByOne(now: Date, limit: number): Promise<ClaimedEmail[]> {
  const due = await db.outboxEmail.findMany({
    where: { status: { in: DUE_STATUSES }, nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, attempts: true, toAddress: true, subject: true, textBody: true },
  });
  const claimed: ClaimedEmail[] = [];
  for (const { attempts, ...row } of due) {
    const { count } = await db.outboxEmail.updateMany({
      where: { id: row.id, attempts, status: { in: DUE_STATUSES }, nextAttemptAt: { lte: now } },
      data: { status: "sending", attempts: attempts + 1, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
    });
    if (count === 1) claimed.push({ ...row, attempt: attempts + 1 });
  }
  return claimed;
}
