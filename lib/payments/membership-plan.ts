import type Stripe from "stripe";
import { db } from "@/lib/db";
import { MEMBERSHIP_PLAN } from "@/lib/membership/plan-config";
import { stripe } from "./stripe-client";

export type StoredPlan = Awaited<ReturnType<typeof db.membershipPlan.findUniqueOrThrow>>;

/**
 * The membership's product, monthly price and joining-fee price: read from the database, else
 * found in Stripe by lookup key, else created (with idempotency keys, so two first requests
 * create one of each) and stored. Safe to run on every start and on first need.
 */
export async function ensureMembershipPlan(): Promise<StoredPlan> {
  const plan = MEMBERSHIP_PLAN;
  const stored = await db.membershipPlan.findUnique({ where: { lookupKey: plan.monthlyLookupKey } });
  if (stored) return stored;

  const found = await stripe().prices.list({ lookup_keys: [plan.monthlyLookupKey, plan.joiningFeeLookupKey], active: true, limit: 2 });
  let monthly = found.data.find((price) => price.lookup_key === plan.monthlyLookupKey);
  let joining = found.data.find((price) => price.lookup_key === plan.joiningFeeLookupKey);
  const productOf = (price?: Stripe.Price) => (price ? (typeof price.product === "string" ? price.product : price.product.id) : undefined);
  let productId = productOf(monthly) ?? productOf(joining);
  if (!productId) {
    const product = await stripe().products.create(
      { name: plan.name, metadata: { lookup_key: plan.monthlyLookupKey } },
      { idempotencyKey: `membership-plan:${plan.monthlyLookupKey}:product` },
    );
    productId = product.id;
  }
  monthly ??= await stripe().prices.create(
    {
      product: productId,
      currency: plan.currency,
      unit_amount: plan.monthlyMinor,
      recurring: { interval: "month" },
      lookup_key: plan.monthlyLookupKey,
      nickname: "Membership (monthly)",
    },
    { idempotencyKey: `membership-plan:${plan.monthlyLookupKey}:price` },
  );
  joining ??= await stripe().prices.create(
    {
      product: productId,
      currency: plan.currency,
      unit_amount: plan.joiningFeeMinor,
      lookup_key: plan.joiningFeeLookupKey,
      nickname: "Membership joining fee",
    },
    { idempotencyKey: `membership-plan:${plan.joiningFeeLookupKey}:price` },
  );

  const data = {
    stripeProductId: productId,
    stripePriceId: monthly.id,
    stripeJoiningPriceId: joining.id,
    monthlyMinor: monthly.unit_amount ?? plan.monthlyMinor,
    joiningFeeMinor: joining.unit_amount ?? plan.joiningFeeMinor,
    currency: monthly.currency,
  };
  return db.membershipPlan.upsert({ where: { lookupKey: plan.monthlyLookupKey }, create: { lookupKey: plan.monthlyLookupKey, ...data }, update: data });
}
