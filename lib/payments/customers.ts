import { db } from "@/lib/db";
import { stripe } from "./stripe-client";

/**
 * The user's Stripe Customer: created on first need and stored on the user. Never found by
 * listing customers. Two first purchases racing send the same idempotency key, so Stripe hands
 * both the same customer and only one ID is ever stored.
 */
export async function ensureStripeCustomer(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, stripeCustomerId: true },
  });
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const customer = await stripe().customers.create(
    { email: user.email, name: user.name, metadata: { user_id: user.id } },
    { idempotencyKey: `user:${user.id}:create-customer` },
  );
  await db.user.updateMany({ where: { id: user.id, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { stripeCustomerId: true } });
  return stored.stripeCustomerId ?? customer.id;
}
