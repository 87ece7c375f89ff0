import type { StripeError } from "@stripe/stripe-js";

/**
 * Stripe writes card and form errors for the person paying ("Your card was declined."); other
 * errors are about our integration and are replaced by plain words.
 */
export function paymentErrorMessage(error: StripeError): string {
  if ((error.type === "card_error" || error.type === "validation_error") && error.message) return error.message;
  if (error.code === "payment_intent_authentication_failure") {
    return "Your bank could not confirm the payment. Please try again or use another card.";
  }
  return "The payment could not be completed. Nothing was charged; please try again.";
}
