import Stripe from "stripe";
import { cardLabel } from "./card-label";
import { stripe } from "./stripe-client";

/**
 * Makes the card the customer's invoice default (what renewals charge) unless the customer
 * already has one, so a late webhook never overwrites a card the member changed since.
 */
export async function adoptFirstCardAsDefault(customerId: string, paymentMethodId: string, idempotencyKey: string): Promise<void> {
  const customer = await stripe().customers.retrieve(customerId);
  if (customer.deleted || customer.invoice_settings.default_payment_method) return;
  await stripe().customers.update(
    customerId,
    { invoice_settings: { default_payment_method: paymentMethodId } },
    { idempotencyKey },
  );
}

export async function createCardSetupIntent(customerId: string, userId: string, idempotencyKey: string): Promise<Stripe.SetupIntent> {
  return stripe().setupIntents.create(
    { customer: customerId, usage: "off_session", automatic_payment_methods: { enabled: true }, metadata: { user_id: userId, purpose: "membership_card" } },
    { idempotencyKey },
  );
}

/** Null when Stripe has no such SetupIntent (a made-up or mistyped ID from the browser). */
export async function findSetupIntent(id: string): Promise<Stripe.SetupIntent | null> {
  try {
    return await stripe().setupIntents.retrieve(id);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return null;
    throw error;
  }
}

/** The new card for renewals, on the customer and on the subscription (which takes precedence). */
export async function useCardForRenewals(
  customerId: string,
  subscriptionId: string,
  paymentMethodId: string,
  keyPrefix: string,
): Promise<Stripe.Subscription> {
  await stripe().customers.update(
    customerId,
    { invoice_settings: { default_payment_method: paymentMethodId } },
    { idempotencyKey: `${keyPrefix}:customer-default` },
  );
  return stripe().subscriptions.update(
    subscriptionId,
    { default_payment_method: paymentMethodId },
    { idempotencyKey: `${keyPrefix}:subscription-default` },
  );
}

/** Pays an open invoice again (after a failed renewal) with the default card. */
export async function retryOpenInvoice(invoiceId: string, idempotencyKey: string): Promise<Stripe.Invoice> {
  return stripe().invoices.pay(invoiceId, {}, { idempotencyKey });
}

/** "visa ending 4242" for the customer's renewal card, or null. */
export async function defaultCardLabel(customerId: string): Promise<string | null> {
  try {
    const customer = await stripe().customers.retrieve(customerId, { expand: ["invoice_settings.default_payment_method"] });
    if (customer.deleted) return null;
    const method = customer.invoice_settings.default_payment_method;
    if (!method || typeof method === "string" || !method.card) return null;
    return cardLabel(method.card.brand, method.card.last4);
  } catch {
    return null;
  }
}
