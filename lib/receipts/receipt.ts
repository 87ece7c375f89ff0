import type { Merchant } from "@/lib/env";
import type { ViewerFormat } from "@/lib/locale/format";
import { orderStatusLabel } from "@/lib/orders/order-status";

/** What a receipt says, once, for the page, its print-out and its PDF. */
export interface Receipt {
  orderId: string;
  merchant: Merchant;
  rows: Array<[label: string, value: string]>;
  /** The total line, given prominence. */
  amount: string;
}

interface ReceiptOrder {
  id: string;
  status: string;
  refundedMinor: number;
  disputeStatus: string | null;
  amountMinor: number;
  currency: string;
  createdAt: Date;
  paidAt: Date | null;
  course: { title: string; seller: { name: string } };
  buyer: { name: string; email: string };
}

export function buildReceipt(order: ReceiptOrder, card: string | null, merchant: Merchant, fmt: ViewerFormat): Receipt {
  const amount = fmt.money(order.amountMinor, order.currency);
  const rows: Receipt["rows"] = [
    ["Order", order.id],
    ["Date", fmt.date(order.paidAt ?? order.createdAt, "date-time")],
    ["Billed to", `${order.buyer.name} (${order.buyer.email})`],
    ["Course", `${order.course.title} by ${order.course.seller.name}`],
    ["Amount", amount],
  ];
  if (order.refundedMinor > 0) rows.push(["Refunded", fmt.money(order.refundedMinor, order.currency)]);
  rows.push(["Status", orderStatusLabel(order)]);
  if (card) rows.push(["Paid with", card]);
  return { orderId: order.id, merchant, rows, amount };
}

/** Orders that were paid have a receipt; a pending or failed one does not. */
export function hasReceipt(status: string): boolean {
  return status === "paid" || status === "refunded";
}
