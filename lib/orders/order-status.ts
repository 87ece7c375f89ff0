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
