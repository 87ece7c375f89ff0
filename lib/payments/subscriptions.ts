import type Stripe from "stripe";
import { stripe } from "./stripe-client";

export interface NewMembershipSubscription {
  customerId: string;
  userId: string;
  priceId: string;
  joiningFeePriceId: string;
  idempotencyKey: string;
}

/**
 * The subscription starts incomplete: its first invoice (first month plus the joining fee) is
 * paid in the browser with the invoice's confirmation secret, so 3-D Secure works, and the card
 * used is saved as the subscription's default.
 */
export async function createMembershipSubscription(input: NewMembershipSubscription): Promise<Stripe.Subscription> {
  return stripe().subscriptions.create(
    {
      customer: input.customerId,
      items: [{ price: input.priceId }],
      add_invoice_items: [{ price: input.joiningFeePriceId }],
      payment_behavior: "default_incomplete",
      payment_settings: { save_default_payment_method: "on_subscription", payment_method_types: ["card"] },
      metadata: { user_id: input.userId },
      expand: ["latest_invoice.confirmation_secret"],
    },
    { idempotencyKey: input.idempotencyKey },
  );
}

export async function retrieveSubscription(id: string): Promise<Stripe.Subscription> {
  return stripe().subscriptions.retrieve(id, { expand: ["latest_invoice.confirmation_secret"] });
}

export async function setCancelAtPeriodEnd(id: string, cancel: boolean, idempotencyKey: string): Promise<Stripe.Subscription> {
  return stripe().subscriptions.update(id, { cancel_at_period_end: cancel }, { idempotencyKey });
}

/** The client secret of the open first invoice, when the subscription still waits for it. */
export function openInvoiceSecret(subscription: Stripe.Subscription): string | null {
  const invoice = subscription.latest_invoice;
  if (!invoice || typeof invoice === "string" || invoice.status !== "open") return null;
  return invoice.confirmation_secret?.client_secret ?? null;
}

export function invoiceTotal(subscription: Stripe.Subscription): { amountMinor: number; currency: string } | null {
  const invoice = subscription.latest_invoice;
  if (!invoice || typeof invoice === "string") return null;
  return { amountMinor: invoice.amount_due, currency: invoice.currency };
}

/** End of the current period (on the items since the 2025 API versions). */
export function currentPeriodEnd(subscription: Stripe.Subscription): Date | null {
  const end = subscription.items.data[0]?.current_period_end;
  return end ? new Date(end * 1000) : null;
}
