import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmails } from "./enqueue-emails";
import { refundEmails } from "./refund-emails";
import { saleEmails } from "./sale-emails";

type Reader = Pick<Prisma.TransactionClient, "order" | "outboxEmail">;

const orderDetails = {
  id: true,
  amountMinor: true,
  currency: true,
  applicationFeeMinor: true,
  feeRefundedMinor: true,
  paidAt: true,
  course: { select: { title: true, slug: true } },
  buyer: { select: { name: true, email: true } },
  seller: { select: { name: true, email: true } },
} as const;

function appLink(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

/** Queues the receipt and the seller's notice of a sale, in the transaction that marks the order paid. */
export async function queueSaleEmails(tx: Reader, orderId: string): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderDetails });
  await enqueueEmails(
    saleEmails({
      orderId: order.id,
      courseTitle: order.course.title,
      courseUrl: appLink(`/library/${order.course.slug}`),
      amountMinor: order.amountMinor,
      currency: order.currency,
      applicationFeeMinor: order.applicationFeeMinor,
      paidAt: order.paidAt ?? new Date(),
      buyer: order.buyer,
      seller: order.seller,
      salesUrl: appLink("/seller/sales"),
    }),
    tx,
  );
}

/**
 * Queues the buyer's and the seller's refund emails for a recorded increase of the refunded
 * total, in the transaction that records it (after the order row is updated).
 */
export async function queueRefundEmails(
  tx: Reader,
  refund: { orderId: string; previousRefundedMinor: number; refundedTotalMinor: number; accessWithdrawn: boolean },
): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: refund.orderId }, select: orderDetails });
  await enqueueEmails(
    refundEmails({
      orderId: order.id,
      courseTitle: order.course.title,
      currency: order.currency,
      amountMinor: order.amountMinor,
      refundedNowMinor: refund.refundedTotalMinor - refund.previousRefundedMinor,
      refundedTotalMinor: refund.refundedTotalMinor,
      applicationFeeMinor: order.applicationFeeMinor,
      feeRefundedMinor: order.feeRefundedMinor,
      accessWithdrawn: refund.accessWithdrawn,
      buyer: order.buyer,
      seller: order.seller,
    }),
    tx,
  );
}
