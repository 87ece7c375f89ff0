import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  details: Record<string, unknown>;
}

type Writer = Pick<Prisma.TransactionClient, "auditLog">;

/** Written in the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(entry: AuditEntry, writer: Writer = db): Promise<void> {
  await writer.auditLog.create({
    data: { actorId: entry.actorId, action: entry.action, details: JSON.stringify(entry.details) },
  });
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>[number];

/** The newest entries, of one action or any of several. */
export async function listAuditEntries(options: { action?: string | string[]; take?: number } = {}) {
  const rows = await db.auditLog.findMany({
    where: options.action ? { action: { in: [options.action].flat() } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 20,
    select: { id: true, action: true, details: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  return rows.map((row) => ({ ...row, details: parseDetails(row.details) }));
}

function parseDetails(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
