import { z } from "zod";
import { db } from "@/lib/db";
import { OUTBOX_STATUSES } from "./outbox-status";

export const ADMIN_OUTBOX_PAGE_SIZE = 50;

const filtersSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AdminOutboxFilters = z.output<typeof filtersSchema>;

/** Filters from a URL's query; anything malformed is dropped rather than refused. */
export function parseAdminOutboxFilters(raw: Record<string, string | string[] | undefined>): AdminOutboxFilters {
  const first = (value: string | string[] | undefined) => {
    const text = Array.isArray(value) ? value[0] : value;
    return text === "" ? undefined : text;
  };
  return filtersSchema.parse({ status: first(raw.status), page: first(raw.page) });
}

export function adminOutboxHref(filters: Partial<AdminOutboxFilters>): string {
  const query = new URLSearchParams();
  if (filters.status) query.set("status", filters.status);
  if (filters.page && filters.page > 1) query.set("page", String(filters.page));
  const text = query.toString();
  return text ? `/admin/emails?${text}` : "/admin/emails";
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
