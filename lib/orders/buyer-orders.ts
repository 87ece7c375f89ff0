import { db } from "@/lib/db";

export async function listBuyerOrders(buyerId: string) {
  return db.order.findMany({
    where: { buyerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      status: true,
      refundedMinor: true,
      disputeStatus: true,
      paymentProcessingAt: true,
      amountMinor: true,
      currency: true,
      createdAt: true,
      paidAt: true,
      course: { select: { slug: true, title: true } },
    },
  });
}

/** One order of this buyer, for the receipt; null for anyone else's. */
export async function getBuyerOrder(buyerId: string, orderId: string) {
  return db.order.findFirst({
    where: { id: orderId, buyerId },
    select: {
      id: true,
      status: true,
      refundedMinor: true,
      disputeStatus: true,
      paymentProcessingAt: true,
      amountMinor: true,
      currency: true,
      createdAt: true,
      paidAt: true,
      stripePaymentIntentId: true,
      chargeType: true,
      stripeAccountId: true,
      course: { select: { slug: true, title: true, seller: { select: { name: true } } } },
      buyer: { select: { name: true, email: true } },
    },
  });
}

/** The buyer's order for a course whose bank payment is still processing, if any (it blocks paying again). */
export async function processingOrderFor(buyerId: string, courseId: string) {
  return db.order.findFirst({
    where: { buyerId, courseId, status: "pending", paymentProcessingAt: { not: null } },
    select: { id: true },
  });
}
