import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatMinor } from "@/lib/money";
import {
  cancelPaymentIntent,
  createCoursePaymentIntent,
  PAYABLE_INTENT_STATUSES,
  retrievePaymentIntent,
} from "@/lib/payments/course-payment-intents";
import { ensureConnectedCustomer } from "@/lib/payments/connected-customers";
import { ensureStripeCustomer } from "@/lib/payments/customers";
import { isStripeStateError, isStripeUnavailable } from "@/lib/payments/stripe-errors";
import type { ChargeType } from "@/lib/env";
import { intentAccountOf, paymentIntentKey, samePlan, type ChargePlan } from "./charge-plan";
import { planCourseCharge } from "./plan-course-charge";
import { fulfilOrderFromIntent } from "./fulfil-order";
import { pendingKeyOf } from "./order-status";

export interface PurchaseRequest {
  courseId: string;
  /** What the checkout page showed; compared with the database, never charged. */
  expectedAmountMinor: number;
  expectedCurrency: string;
  /** The charge type the page initialised Stripe.js for; a direct charge needs the seller's account there. */
  expectedChargeType: ChargeType;
}

export type PurchaseResult =
  | { ok: true; orderId: string; clientSecret: string; intentStatus: string; chargeType: ChargeType; stripeAccountId: string }
  | {
      ok: false;
      reason:
        | "not-for-sale"
        | "own-course"
        | "already-owned"
        | "price-changed"
        | "charge-changed"
        | "seller-cannot-sell"
        | "payment-processing"
        | "stripe-unavailable";
      message: string;
    };

const NOT_FOR_SALE = "This course is not for sale right now.";
const ALREADY_OWNED = "You already own this course. Find it in your library.";
const EARLIER_PAYMENT_PAID = "Your earlier payment for this course has just gone through, so nothing more was charged. It will appear in your library.";
const EARLIER_PAYMENT_PROCESSING =
  "Your earlier payment for this course is still being processed by your bank. Nothing more was charged; the course opens as soon as it clears.";

async function ownsCourse(userId: string, courseId: string): Promise<boolean> {
  const enrolment = await db.enrolment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { id: true } });
  return !!enrolment;
}

const orderColumns = {
  id: true,
  amountMinor: true,
  currency: true,
  stripePaymentIntentId: true,
  idempotencyKey: true,
  chargeType: true,
  stripeAccountId: true,
  applicationFeeMinor: true,
} as const;
type PendingOrder = Prisma.OrderGetPayload<{ select: typeof orderColumns }>;

/**
 * Starts (or resumes) paying for a course: the pending order first, then its PaymentIntent.
 * Calling it again for the same buyer and course while unpaid returns the same order and intent.
 */
export async function startCoursePurchase(buyerId: string, request: PurchaseRequest): Promise<PurchaseResult> {
  const course = await db.course.findFirst({
    where: { id: request.courseId, published: true, seller: { disabled: false } },
    select: { id: true, title: true, priceMinor: true, currency: true, sellerId: true, feeBasisPoints: true },
  });
  if (!course) return { ok: false, reason: "not-for-sale", message: NOT_FOR_SALE };
  if (course.sellerId === buyerId) return { ok: false, reason: "own-course", message: "This is your own course: you cannot buy it." };
  if (await ownsCourse(buyerId, course.id)) return { ok: false, reason: "already-owned", message: ALREADY_OWNED };
  if (course.priceMinor !== request.expectedAmountMinor || course.currency !== request.expectedCurrency) {
    return {
      ok: false,
      reason: "price-changed",
      message: `The price of this course is now ${formatMinor(course.priceMinor, course.currency)}. Please check it and pay again.`,
    };
  }
  const planned = await planCourseCharge(course);
  if (!planned.ok) return { ok: false, reason: planned.reason, message: planned.message };
  const { plan } = planned;
  if (plan.chargeType !== request.expectedChargeType) {
    return {
      ok: false,
      reason: "charge-changed",
      message: "The way payments for this course are processed has just changed. Please reload the page and pay again; nothing was charged.",
    };
  }

  try {
    let order = await pendingOrder(buyerId, course, plan);
    // An order made at another price, or under another charge plan (an admin switched the charge
    // type, the fee changed, the seller reconnected another account), is never charged the old
    // way: its intent is canceled and a new order with a new idempotency key takes its place.
    if (order.amountMinor !== course.priceMinor || order.currency !== course.currency || !samePlan(order, plan)) {
      const abandoned = await abandonOrder(order);
      if (abandoned === "paid") {
        const owned = await ownsCourse(buyerId, course.id);
        return { ok: false, reason: "already-owned", message: owned ? ALREADY_OWNED : EARLIER_PAYMENT_PAID };
      }
      if (abandoned === "in-flight") return { ok: false, reason: "payment-processing", message: EARLIER_PAYMENT_PROCESSING };
      if (await ownsCourse(buyerId, course.id)) return { ok: false, reason: "already-owned", message: ALREADY_OWNED };
      order = await pendingOrder(buyerId, course, plan);
    }
    return await intentFor(order, buyerId, course, plan);
  } catch (error) {
    if (isStripeUnavailable(error)) {
      return {
        ok: false,
        reason: "stripe-unavailable",
        message: "We could not reach our payment provider. Nothing was charged; please try again in a moment.",
      };
    }
    throw error;
  }
}

async function pendingOrder(
  buyerId: string,
  course: { id: string; priceMinor: number; currency: string; sellerId: string },
  plan: ChargePlan,
): Promise<PendingOrder> {
  const pendingKey = pendingKeyOf(buyerId, course.id);
  const existing = await db.order.findUnique({ where: { pendingKey }, select: orderColumns });
  if (existing) return existing;
  const id = randomUUID();
  try {
    return await db.order.create({
      data: {
        id,
        buyerId,
        courseId: course.id,
        sellerId: course.sellerId,
        amountMinor: course.priceMinor,
        currency: course.currency,
        pendingKey,
        idempotencyKey: paymentIntentKey(id, plan.chargeType),
        chargeType: plan.chargeType,
        stripeAccountId: plan.stripeAccountId,
        applicationFeeMinor: plan.applicationFeeMinor,
      },
      select: orderColumns,
    });
  } catch (error) {
    // A double submit raced us to the unique pending key: use the order it made.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return db.order.findUniqueOrThrow({ where: { pendingKey }, select: orderColumns });
    }
    throw error;
  }
}

async function intentFor(
  order: PendingOrder,
  buyerId: string,
  course: { id: string; title: string },
  plan: ChargePlan,
): Promise<PurchaseResult> {
  const account = intentAccountOf(order);
  const made = { chargeType: plan.chargeType, stripeAccountId: plan.stripeAccountId };
  if (order.stripePaymentIntentId) {
    const existing = await retrievePaymentIntent(order.stripePaymentIntentId, account);
    if (existing.status === "succeeded") await fulfilOrderFromIntent(existing, account ?? null);
    if (existing.status !== "canceled") {
      return { ok: true, orderId: order.id, clientSecret: existing.client_secret!, intentStatus: existing.status, ...made };
    }
  }
  const customerId =
    plan.chargeType === "direct" ? await ensureConnectedCustomer(buyerId, plan.stripeAccountId) : await ensureStripeCustomer(buyerId);
  const intent = await createCoursePaymentIntent({
    orderId: order.id,
    buyerId,
    courseId: course.id,
    courseTitle: course.title,
    amountMinor: order.amountMinor,
    currency: order.currency,
    customerId,
    idempotencyKey: order.idempotencyKey,
    chargeType: plan.chargeType,
    stripeAccountId: plan.stripeAccountId,
    applicationFeeMinor: plan.applicationFeeMinor,
  });
  await db.order.updateMany({ where: { id: order.id, stripePaymentIntentId: null }, data: { stripePaymentIntentId: intent.id } });
  return { ok: true, orderId: order.id, clientSecret: intent.client_secret!, intentStatus: intent.status, ...made };
}

/**
 * A pending order at an old price or plan: its intent is canceled and the order released, so a new
 * one can take its place; but only once Stripe says the intent is canceled. An intent can succeed
 * between our read and the cancel (the buyer confirms in another tab): the cancel then answers
 * `payment_intent_unexpected_state`, and the intent is read again and, if paid, fulfilled. One
 * still `processing` (a bank debit) keeps its order, which blocks a new one until it settles.
 */
async function abandonOrder(order: PendingOrder): Promise<"released" | "paid" | "in-flight"> {
  if (order.stripePaymentIntentId) {
    const account = intentAccountOf(order);
    let intent = await retrievePaymentIntent(order.stripePaymentIntentId, account);
    if (PAYABLE_INTENT_STATUSES.has(intent.status)) {
      try {
        intent = await cancelPaymentIntent(intent.id, `order:${order.id}:cancel`, account);
      } catch (error) {
        if (!isStripeStateError(error)) throw error;
        intent = await retrievePaymentIntent(intent.id, account);
      }
    }
    if (intent.status === "succeeded") {
      await fulfilOrderFromIntent(intent, account ?? null);
      return "paid";
    }
    if (intent.status !== "canceled") return "in-flight";
  }
  await db.order.updateMany({ where: { id: order.id, status: "pending" }, data: { status: "canceled", pendingKey: null } });
  return "released";
}
