"use server";

import { z } from "zod";
import { protectedAction, type ActionState } from "@/lib/auth/action";
import { startCoursePurchase } from "@/lib/orders/start-purchase";

export interface CheckoutState extends ActionState {
  orderId?: string;
  clientSecret?: string;
  intentStatus?: string;
  /** The page showed an old price: it must be reloaded before paying. */
  priceChanged?: boolean;
  /** The platform switched charge types since the page opened: Stripe.js must be set up again. */
  chargeChanged?: boolean;
}

const checkoutSchema = z.object({
  courseId: z.string().trim().min(1).max(64),
  expectedAmountMinor: z.coerce.number().int().min(0),
  expectedCurrency: z.string().trim().toLowerCase().length(3),
  expectedChargeType: z.enum(["destination", "direct"]),
});

const startCheckoutAction = protectedAction("any-user", checkoutSchema, async (input, user) => {
  const result = await startCoursePurchase(user.id, input);
  const state: CheckoutState = result.ok
    ? { ok: true, orderId: result.orderId, clientSecret: result.clientSecret, intentStatus: result.intentStatus }
    : { error: result.message, priceChanged: result.reason === "price-changed", chargeChanged: result.reason === "charge-changed" };
  return state;
});

/** Creates (or finds) the pending order and its PaymentIntent; the browser confirms it. */
export async function startCheckout(formData: FormData): Promise<CheckoutState> {
  // protectedAction is typed for plain ActionState; the handler above returns CheckoutState.
  return (await startCheckoutAction(undefined, formData)) as CheckoutState;
}
