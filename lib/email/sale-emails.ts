import { formatMinor } from "@/lib/money";
import { detailLines, formatEmailDate, greeting, SIGNATURE, type EmailMessage } from "./email-message";

export interface SaleFacts {
  orderId: string;
  courseTitle: string;
  courseUrl: string;
  amountMinor: number;
  currency: string;
  /** The platform's fee on this sale; null on orders from before Connect (no fee was set). */
  applicationFeeMinor: number | null;
  paidAt: Date;
  buyer: { name: string; email: string };
  seller: { name: string; email: string };
  salesUrl: string;
}

export function saleDedupeKey(orderId: string, recipient: "buyer" | "seller"): string {
  return `order:${orderId}:sale:${recipient}`;
}

/** The buyer's receipt and the seller's notice of one sale. */
export function saleEmails(sale: SaleFacts): EmailMessage[] {
  const amount = formatMinor(sale.amountMinor, sale.currency);
  const feeMinor = sale.applicationFeeMinor ?? 0;
  const receipt = [
    greeting(sale.buyer.name),
    "",
    `Thank you for your purchase. Your payment of ${amount} was received and the course is yours.`,
    "",
    detailLines([
      ["Course", sale.courseTitle],
      ["Amount paid", amount],
      ["Date", `${formatEmailDate(sale.paidAt)} (UTC)`],
      ["Order", sale.orderId],
    ]),
    "",
    `Open the course: ${sale.courseUrl}`,
    "",
    SIGNATURE,
  ].join("\n");
  // The seller learns the buyer's name, not their email address: sellers are paid through the
  // platform and have no need to contact buyers outside it.
  const notice = [
    greeting(sale.seller.name),
    "",
    `You sold "${sale.courseTitle}".`,
    "",
    detailLines([
      ["Course", sale.courseTitle],
      ["Buyer", sale.buyer.name.trim() || "a Coursemarket buyer"],
      ["Amount", amount],
      ["Platform fee", formatMinor(feeMinor, sale.currency)],
      ["Your net", formatMinor(sale.amountMinor - feeMinor, sale.currency)],
      ["Date", `${formatEmailDate(sale.paidAt)} (UTC)`],
      ["Order", sale.orderId],
    ]),
    "",
    `Your sales: ${sale.salesUrl}`,
    "",
    SIGNATURE,
  ].join("\n");
  return [
    { kind: "sale", dedupeKey: saleDedupeKey(sale.orderId, "buyer"), to: sale.buyer.email, subject: `Your receipt for "${sale.courseTitle}"`, text: receipt },
    { kind: "sale", dedupeKey: saleDedupeKey(sale.orderId, "seller"), to: sale.seller.email, subject: `You sold "${sale.courseTitle}" for ${amount}`, text: notice },
  ];
}
