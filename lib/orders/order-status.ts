export const ORDER_STATUSES = ["pending", "paid", "canceled", "refunded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<string, string> = {
  pending: "Awaiting payment",
  paid: "Paid",
  canceled: "Canceled",
  refunded: "Refunded",
};

/** At most one pending order per buyer and course: the value of Order.pendingKey. */
export function pendingKeyOf(buyerId: string, courseId: string): string {
  return `${buyerId}:${courseId}`;
}

export const DISPUTE_STATUS_LABELS: Record<string, string> = {
  open: "Disputed",
  won: "Dispute won",
  lost: "Dispute lost",
};

/** The admin order list's dispute filter: one outcome, or any order that was ever disputed. */
export const DISPUTE_FILTERS = ["any", "open", "won", "lost"] as const;
export const DISPUTE_FILTER_LABELS: Record<(typeof DISPUTE_FILTERS)[number], string> = {
  any: "Ever disputed",
  open: "Disputed (open)",
  won: "Dispute won",
  lost: "Dispute lost",
};

/** What the buyer and the admin see as an order's status: a dispute, a partial refund, or the status. */
export function orderStatusLabel(order: {
  status: string;
  refundedMinor?: number;
  disputeStatus?: string | null;
  paymentProcessingAt?: Date | null;
}): string {
  if (order.status === "pending" && order.paymentProcessingAt) return "Payment processing";
  if (order.disputeStatus === "open" || order.disputeStatus === "lost") return DISPUTE_STATUS_LABELS[order.disputeStatus]!;
  const base = order.status === "paid" && (order.refundedMinor ?? 0) > 0 ? "Partly refunded" : (ORDER_STATUS_LABELS[order.status] ?? order.status);
  return order.disputeStatus === "won" ? `${base} · dispute won` : base;
}
