import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listHref, parseQuery, type RawQuery } from "@/lib/list-params";

export const ADMIN_EVENTS_PAGE_SIZE = 50;

export const EVENT_STATUSES = ["received", "handled", "ignored", "failed"] as const;

const filtersSchema = z.object({
  type: z.string().trim().regex(/^[a-z0-9_.]{1,100}$/).optional().catch(undefined),
  status: z.enum(EVENT_STATUSES).optional().catch(undefined),
  account: z.string().trim().regex(/^acct_[A-Za-z0-9]{1,100}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AdminEventFilters = z.output<typeof filtersSchema>;

/** Filters from a URL's query; anything malformed is dropped rather than refused. */
export function parseAdminEventFilters(raw: RawQuery): AdminEventFilters {
  return parseQuery(filtersSchema, raw);
}

export function adminEventsHref(filters: Partial<AdminEventFilters>): string {
  const { type, status, account, page } = filters;
  return listHref("/admin/events", { type, status, account, page });
}

function whereOf(filters: AdminEventFilters): Prisma.StripeEventWhereInput {
  return {
    // A prefix: "invoice." or "customer.subscription" picks a family of types.
    ...(filters.type ? { type: { startsWith: filters.type } } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.account ? { account: filters.account } : {}),
  };
}

export async function listAdminEvents(filters: AdminEventFilters) {
  const where = whereOf(filters);
  const [events, total] = await Promise.all([
    db.stripeEvent.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * ADMIN_EVENTS_PAGE_SIZE,
      take: ADMIN_EVENTS_PAGE_SIZE,
      select: { id: true, type: true, account: true, status: true, error: true, attempts: true, receivedAt: true },
    }),
    db.stripeEvent.count({ where }),
  ]);
  return { events, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_EVENTS_PAGE_SIZE)) };
}

/** One event with its payload, pretty-printed (the page escapes it like any text). */
export async function getAdminEvent(eventId: string) {
  const event = await db.stripeEvent.findUnique({ where: { id: eventId } });
  if (!event) return null;
  let payload = event.payload;
  try {
    payload = JSON.stringify(JSON.parse(event.payload), null, 2);
  } catch {
    // Shown as stored.
  }
  return { ...event, payload };
}
