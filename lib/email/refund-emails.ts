import { formatMinor } from "@/lib/money";
import { detailLines, greeting, SIGNATURE, type EmailMessage } from "./email-message";

export interface RefundFacts {
  orderId: string;
  courseTitle: string;
  currency: string;
  amountMinor: number;
  /** Refunded by this change (the new total minus the total recorded before). */
  refundedNowMinor: number;
  /** Everything refunded on the order so far, this refund included. */
  refundedTotalMinor: number;
  /** The platform fee on the sale and how much of it has been given back so far. */
  applicationFeeMinor: number | null;
  feeRefundedMinor: number;
  accessWithdrawn: boolean;
  buyer: { name: string; email: string };
  seller: { name: string; email: string };
}

/** Keyed by the new refunded total: each recorded increase is one refund email, however many times it is recorded. */
export function refundDedupeKey(orderId: string, refundedTotalMinor: number, recipient: "buyer" | "seller"): string {
  return `order:${orderId}:refund:${refundedTotalMinor}:${recipient}`;
}

export function refundEmails(refund: RefundFacts): EmailMessage[] {
  const money = (minor: number) => formatMinor(minor, refund.currency);
  const refundedNow = money(refund.refundedNowMinor);
  const leftMinor = Math.max(refund.amountMinor - refund.refundedTotalMinor, 0);
  const full = leftMinor === 0;
  const buyerText = [
    greeting(refund.buyer.name),
    "",
    `We have refunded ${refundedNow} of your payment for "${refund.courseTitle}". Your bank may take a few days to show it.`,
    "",
    detailLines([
      ["Course", refund.courseTitle],
      ["Refunded now", refundedNow],
      ["Refunded in total", money(refund.refundedTotalMinor)],
      ["Paid and not refunded", money(leftMinor)],
      ["Order", refund.orderId],
    ]),
    "",
    refund.accessWithdrawn
      ? "The payment is refunded in full, so your access to this course has ended."
      : "You keep your access to this course.",
    "",
    SIGNATURE,
  ].join("\n");
  const feeMinor = refund.applicationFeeMinor ?? 0;
  const sellerText = [
    greeting(refund.seller.name),
    "",
    `A refund of ${refundedNow} was made on your sale of "${refund.courseTitle}".`,
    "",
    detailLines([
      ["Course", refund.courseTitle],
      ["Refunded now", refundedNow],
      ["Refunded in total", `${money(refund.refundedTotalMinor)} of ${money(refund.amountMinor)}`],
      ["Platform fee returned", `${money(refund.feeRefundedMinor)} of ${money(feeMinor)}`],
      ["Your net now", money(refund.amountMinor - refund.refundedTotalMinor - (feeMinor - refund.feeRefundedMinor))],
      ["Order", refund.orderId],
    ]),
    "",
    refund.accessWithdrawn ? "The sale is refunded in full and the buyer no longer has access to the course." : "The buyer keeps access to the course.",
    "",
    SIGNATURE,
  ].join("\n");
  const subjectTail = full ? "refunded in full" : `${refundedNow} refunded`;
  return [
    { kind: "refund", dedupeKey: refundDedupeKey(refund.orderId, refund.refundedTotalMinor, "buyer"), to: refund.buyer.email, subject: `Refund for "${refund.courseTitle}": ${subjectTail}`, text: buyerText },
    { kind: "refund", dedupeKey: refundDedupeKey(refund.orderId, refund.refundedTotalMinor, "seller"), to: refund.seller.email, subject: `Sale of "${refund.courseTitle}": ${subjectTail}`, text: sellerText },
  ];
}
