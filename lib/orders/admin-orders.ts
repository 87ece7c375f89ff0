import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listHref, parseQuery, type RawQuery } from "@/lib/list-params";
import { DISPUTE_FILTERS, ORDER_STATUSES } from "./order-status";

export const ADMIN_ORDERS_PAGE_SIZE = 25;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)));

const filtersSchema = z.object({
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  dispute: z.enum(DISPUTE_FILTERS).optional().catch(undefined),
  seller: z.string().trim().min(1).max(64).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AdminOrderFilters = z.output<typeof filtersSchema>;

/** Filters from a URL's query; anything malformed is dropped rather than refused. */
export function parseAdminOrderFilters(raw: RawQuery): AdminOrderFilters {
  return parseQuery(filtersSchema, raw);
}

export function adminOrdersHref(filters: Partial<AdminOrderFilters>): string {
  const { status, dispute, seller, from, to, page } = filters;
  return listHref("/admin/orders", { status, dispute, seller, from, to, page });
}

function whereOf(filters: AdminOrderFilters): Prisma.OrderWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  // Dates are whole UTC days; "to" includes its own day.
  if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) createdAt.lt = new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000);
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.dispute ? { disputeStatus: filters.dispute === "any" ? { not: null } : filters.dispute } : {}),
    ...(filters.seller ? { sellerId: filters.seller } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
}

/** What the admin's list and order page both show of an order. */
const orderSummary = {
  id: true,
  status: true,
  amountMinor: true,
  currency: true,
  applicationFeeMinor: true,
  refundedMinor: true,
  feeRefundedMinor: true,
  disputeStatus: true,
  disputeAmountMinor: true,
  stripeDisputeId: true,
  chargeType: true,
  stripePaymentIntentId: true,
  stripeAccountId: true,
  paymentProcessingAt: true,
  createdAt: true,
  paidAt: true,
  buyer: { select: { name: true, email: true } },
  seller: { select: { id: true, name: true, email: true } },
  course: { select: { title: true, slug: true } },
} as const;

export async function listAdminOrders(filters: AdminOrderFilters) {
  const where = whereOf(filters);
  const [orders, total] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * ADMIN_ORDERS_PAGE_SIZE,
      take: ADMIN_ORDERS_PAGE_SIZE,
      select: orderSummary,
    }),
    db.order.count({ where }),
  ]);
  return { orders, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_ORDERS_PAGE_SIZE)) };
}

export type AdminOrderRow = Awaited<ReturnType<typeof listAdminOrders>>["orders"][number];

/** Sellers to filter by: everyone who has had an order, by name. */
export async function listOrderSellers() {
  return db.user.findMany({
    where: { sales: { some: {} } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true },
  });
}

/** One order with its refund requests, for the admin's order page. */
export async function getAdminOrder(orderId: string) {
  return db.order.findUnique({
    where: { id: orderId },
    select: {
      ...orderSummary,
      enrolment: { select: { id: true, frozenAt: true } },
      refundRequests: {
        orderBy: { createdAt: "desc" },
        select: { id: true, amountMinor: true, reason: true, note: true, status: true, error: true, stripeRefundId: true, createdAt: true, requestedBy: { select: { name: true } } },
      },
    },
  });
}
