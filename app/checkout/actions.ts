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

/** Creates (or finds) the pending order and its PaymentIntent; the browser confirms it. */
export const startCheckout = protectedAction<typeof checkoutSchema, CheckoutState>("any-user", checkoutSchema, async (input, user) => {
  const result = await startCoursePurchase(user.id, input);
  return result.ok
    ? { ok: true, orderId: result.orderId, clientSecret: result.clientSecret, intentStatus: result.intentStatus }
    : { error: result.message, priceChanged: result.reason === "price-changed", chargeChanged: result.reason === "charge-changed" };
});
