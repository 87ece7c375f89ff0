import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { stripe } from "./stripe-client";

/**
 * The buyer's Customer on a seller's connected account, for direct charges: created there once
 * (Stripe-Account header) and stored per (user, account). The idempotency key is per user and
 * account, so two first purchases racing get the same customer back from Stripe.
 */
export async function ensureConnectedCustomer(userId: string, stripeAccountId: string): Promise<string> {
  const where = { userId_stripeAccountId: { userId, stripeAccountId } };
  const existing = await db.connectedCustomer.findUnique({ where, select: { stripeCustomerId: true } });
  if (existing) return existing.stripeCustomerId;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
  const customer = await stripe().customers.create(
    { email: user.email, name: user.name, metadata: { user_id: user.id } },
    { stripeAccount: stripeAccountId, idempotencyKey: `user:${user.id}:create-customer:${stripeAccountId}` },
  );
  try {
    await db.connectedCustomer.create({ data: { userId, stripeAccountId, stripeCustomerId: customer.id } });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  const stored = await db.connectedCustomer.findUniqueOrThrow({ where, select: { stripeCustomerId: true } });
  return stored.stripeCustomerId;
}
