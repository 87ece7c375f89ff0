import { db } from "@/lib/db";
import { syncSubscription } from "@/lib/membership/sync-membership";
import { intentAccountOf } from "@/lib/orders/charge-plan";
import { cancelOrderOfIntent, fulfilOrderFromIntent } from "@/lib/orders/fulfil-order";
import { retrievePaymentIntent } from "@/lib/payments/course-payment-intents";

export interface ReconcileOptions {
  now?: Date;
  /** Younger orders are left to the buyer's own return page and the webhook, which are on their way. */
  minAgeMs?: number;
  /** Orders older than this are not looked at again (an abandoned checkout stays pending). */
  maxAgeMs?: number;
  /** At most this many orders and this many memberships per sweep. */
  limit?: number;
}

export interface ReconcileReport {
  ordersChecked: number;
  ordersFulfilled: number;
  ordersCanceled: number;
  membershipsChecked: number;
  membershipsChanged: number;
  errors: number;
}

const MINUTE = 60_000;
/** Memberships in these states are waiting for something from Stripe. */
const UNSETTLED_MEMBERSHIP = ["incomplete", "past_due", "unpaid"];

/**
 * Settles from Stripe what a missed webhook left behind (the app was down, an endpoint was
 * misconfigured): a pending order whose PaymentIntent succeeded is fulfilled (or its canceled
 * intent frees it), and a membership that is unsettled or past its period end is re-read from
 * its subscription. Everything goes through the same idempotent code as the webhooks and the
 * return page, so racing them is harmless. One item's failure (Stripe down) does not stop the rest.
 */
export async function reconcileFromStripe(options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 100;
  const report: ReconcileReport = { ordersChecked: 0, ordersFulfilled: 0, ordersCanceled: 0, membershipsChecked: 0, membershipsChanged: 0, errors: 0 };

  const orders = await db.order.findMany({
    where: {
      status: "pending",
      stripePaymentIntentId: { not: null },
      createdAt: { lte: new Date(now.getTime() - (options.minAgeMs ?? 2 * MINUTE)), gte: new Date(now.getTime() - (options.maxAgeMs ?? 3 * 24 * 60 * MINUTE)) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, stripePaymentIntentId: true, chargeType: true, stripeAccountId: true },
  });
  for (const order of orders) {
    report.ordersChecked += 1;
    try {
      const account = intentAccountOf(order) ?? null;
      const intent = await retrievePaymentIntent(order.stripePaymentIntentId!, account ?? undefined);
      if (intent.status === "succeeded" && (await fulfilOrderFromIntent(intent, account)) === "fulfilled") report.ordersFulfilled += 1;
      if (intent.status === "canceled") {
        await cancelOrderOfIntent(intent.id);
        report.ordersCanceled += 1;
      }
    } catch (error) {
      report.errors += 1;
      console.error(`Reconciliation: order ${order.id} could not be checked: ${error instanceof Error ? error.message : error}`);
    }
  }

  const memberships = await db.membership.findMany({
    where: {
      stripeSubscriptionId: { not: null },
      OR: [
        { status: { in: UNSETTLED_MEMBERSHIP }, updatedAt: { lte: new Date(now.getTime() - (options.minAgeMs ?? 2 * MINUTE)) } },
        { status: { in: ["active", "trialing"] }, currentPeriodEnd: { lt: now } },
      ],
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, userId: true, status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, stripeSubscriptionId: true },
  });
  for (const membership of memberships) {
    report.membershipsChecked += 1;
    try {
      await syncSubscription(membership.stripeSubscriptionId!);
      const after = await db.membership.findUniqueOrThrow({
        where: { id: membership.id },
        select: { status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true },
      });
      const changed =
        after.status !== membership.status ||
        after.cancelAtPeriodEnd !== membership.cancelAtPeriodEnd ||
        after.currentPeriodEnd?.getTime() !== membership.currentPeriodEnd?.getTime();
      if (changed) report.membershipsChanged += 1;
    } catch (error) {
      report.errors += 1;
      console.error(`Reconciliation: membership of user ${membership.userId} could not be checked: ${error instanceof Error ? error.message : error}`);
    }
  }
  return report;
}
