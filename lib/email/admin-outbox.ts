import { z } from "zod";
import { db } from "@/lib/db";
import { listHref, parseQuery, type RawQuery } from "@/lib/list-params";
import { OUTBOX_STATUSES } from "./outbox-status";

export const ADMIN_OUTBOX_PAGE_SIZE = 50;

const filtersSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AdminOutboxFilters = z.output<typeof filtersSchema>;

/** Filters from a URL's query; anything malformed is dropped rather than refused. */
export function parseAdminOutboxFilters(raw: RawQuery): AdminOutboxFilters {
  return parseQuery(filtersSchema, raw);
}

export function adminOutboxHref(filters: Partial<AdminOutboxFilters>): string {
  return listHref("/admin/emails", { status: filters.status, page: filters.page });
}

/** The outbox, newest first, with the delivery state admins need to see failed mail (never the body). */
export async function listAdminOutbox(filters: AdminOutboxFilters) {
  const where = filters.status ? { status: filters.status } : {};
  const [emails, total, counts] = await Promise.all([
    db.outboxEmail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * ADMIN_OUTBOX_PAGE_SIZE,
      take: ADMIN_OUTBOX_PAGE_SIZE,
      select: { id: true, kind: true, toAddress: true, subject: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, createdAt: true },
    }),
    db.outboxEmail.count({ where }),
    db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, counts.find((c) => c.status === status)?._count._all ?? 0]));
  return { emails, total, byStatus, pageCount: Math.max(1, Math.ceil(total / ADMIN_OUTBOX_PAGE_SIZE)) };
}
