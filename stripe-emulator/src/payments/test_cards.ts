// Stripe's test cards: numbers, test PaymentMethod IDs (pm_card_*) and test tokens (tok_*),
// and the outcome each one produces.

export interface Decline {
  code: string;
  decline_code?: string;
  message: string;
}

export const DECLINES = {
  generic: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  insufficient_funds: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  lost_card: { code: "card_declined", decline_code: "lost_card", message: "Your card was declined." },
  stolen_card: { code: "card_declined", decline_code: "stolen_card", message: "Your card was declined." },
  expired_card: { code: "expired_card", decline_code: "expired_card", message: "Your card has expired." },
  incorrect_cvc: { code: "incorrect_cvc", decline_code: "incorrect_cvc", message: "Your card's security code is incorrect." },
  processing_error: { code: "processing_error", message: "An error occurred while processing your card. Try again in a little bit." },
  authentication_required: {
    code: "authentication_required",
    decline_code: "authentication_required",
    message: "Your card was declined. This transaction requires authentication.",
  },
} satisfies Record<string, Decline>;

export type ThreeDS =
  /** no authentication */
  | "none"
  /** 4000002500003155: authentication on-session; off-session payments succeed once set up */
  | "on_session"
  /** always authentication; off-session payments are declined with authentication_required */
  | "always";

export interface CardBehaviour {
  /** Declined when charged (after authentication, if any). */
  chargeDecline?: Decline;
  /** Declined already when attached to a customer or set up (false for 4000000000000341). */
  declinesOnAttach: boolean;
  threeDS: ThreeDS;
  cvcCheck?: "pass" | "fail";
  /** The payment succeeds, then a dispute is opened on its charge. */
  dispute?: { reason: string; inquiry: boolean };
}

export interface CardInfo {
  brand: string;
  funding: "credit" | "debit" | "prepaid";
  country: string;
  behaviour: CardBehaviour;
}

const ok: CardBehaviour = { declinesOnAttach: false, threeDS: "none" };
const declined = (d: Decline): CardBehaviour => ({ chargeDecline: d, declinesOnAttach: true, threeDS: "none" });

/** Special numbers; any other Luhn-valid number behaves like 4242 4242 4242 4242. */
export const TEST_CARDS: Record<string, Partial<CardInfo> & { behaviour: CardBehaviour }> = {
  "4242424242424242": { behaviour: ok },
  "4000056655665556": { funding: "debit", behaviour: ok },
  "5555555555554444": { behaviour: ok },
  "2223003122003222": { behaviour: ok },
  "5200828282828210": { funding: "debit", behaviour: ok },
  "5105105105105100": { funding: "prepaid", behaviour: ok },
  "378282246310005": { behaviour: ok },
  "371449635398431": { behaviour: ok },
  "6011111111111117": { behaviour: ok },
  "4000000000000077": { behaviour: ok },
  "4000000000000002": { behaviour: declined(DECLINES.generic) },
  "4000000000009995": { behaviour: declined(DECLINES.insufficient_funds) },
  "4000000000009987": { behaviour: declined(DECLINES.lost_card) },
  "4000000000009979": { behaviour: declined(DECLINES.stolen_card) },
  "4000000000000069": { behaviour: declined(DECLINES.expired_card) },
  "4000000000000127": { behaviour: declined(DECLINES.incorrect_cvc) },
  "4000000000000119": { behaviour: declined(DECLINES.processing_error) },
  "4000000000000341": { behaviour: { chargeDecline: DECLINES.generic, declinesOnAttach: false, threeDS: "none" } },
  "4000000000000101": { behaviour: { ...ok, cvcCheck: "fail" } },
  "4000002500003155": { behaviour: { declinesOnAttach: false, threeDS: "on_session" } },
  "4000002760003184": { behaviour: { declinesOnAttach: false, threeDS: "always" } },
  "4000008260003178": {
    behaviour: { declinesOnAttach: false, threeDS: "always", chargeDecline: DECLINES.insufficient_funds },
  },
  "4000000000003220": { behaviour: { declinesOnAttach: false, threeDS: "always" } },
  "4000000000003063": { behaviour: { declinesOnAttach: false, threeDS: "always" } },
  "4000000000003055": { behaviour: ok },
  "4000000000000259": { behaviour: { ...ok, dispute: { reason: "fraudulent", inquiry: false } } },
  "4000000000002685": { behaviour: { ...ok, dispute: { reason: "product_not_received", inquiry: false } } },
  "4000000000001976": { behaviour: { ...ok, dispute: { reason: "fraudulent", inquiry: true } } },
};

/** Test names shared by pm_card_<name> and tok_<name>. */
const TEST_NAMES: Record<string, string> = {
  visa: "4242424242424242",
  visa_debit: "4000056655665556",
  mastercard: "5555555555554444",
  mastercard_debit: "5200828282828210",
  mastercard_prepaid: "5105105105105100",
  amex: "378282246310005",
  discover: "6011111111111117",
  bypassPending: "4000000000000077",
  visa_chargeDeclined: "4000000000000002",
  chargeDeclined: "4000000000000002",
  visa_chargeDeclinedInsufficientFunds: "4000000000009995",
  chargeDeclinedInsufficientFunds: "4000000000009995",
  visa_chargeDeclinedLostCard: "4000000000009987",
  chargeDeclinedLostCard: "4000000000009987",
  visa_chargeDeclinedStolenCard: "4000000000009979",
  chargeDeclinedStolenCard: "4000000000009979",
  chargeDeclinedExpiredCard: "4000000000000069",
  visa_chargeDeclinedExpiredCard: "4000000000000069",
  chargeDeclinedIncorrectCvc: "4000000000000127",
  visa_chargeDeclinedIncorrectCvc: "4000000000000127",
  chargeDeclinedProcessingError: "4000000000000119",
  visa_chargeDeclinedProcessingError: "4000000000000119",
  chargeCustomerFail: "4000000000000341",
  cvcCheckFail: "4000000000000101",
  authenticationRequiredOnSetup: "4000002500003155",
  authenticationRequired: "4000002760003184",
  authenticationRequiredChargeDeclinedInsufficientFunds: "4000008260003178",
  authenticationRequiredSetupForOffSession: "4000002500003155",
  threeDSecure2Required: "4000000000003220",
  threeDSecureRequired: "4000000000003063",
  threeDSecureOptional: "4000000000003055",
  createDispute: "4000000000000259",
  createDisputeProductNotReceived: "4000000000002685",
  createDisputeInquiry: "4000000000001976",
};

/** The card number behind `pm_card_visa`, `tok_visa`... or undefined. */
export function testCardNumberFor(id: string): string | undefined {
  if (id.startsWith("pm_card_")) return TEST_NAMES[id.slice("pm_card_".length)];
  if (id.startsWith("tok_")) return TEST_NAMES[id.slice("tok_".length)];
  return undefined;
}

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  let double = false;
  for (let i = number.length - 1; i >= 0; i--) {
    let d = Number(number[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function brandOf(number: string): string {
  if (/^4/.test(number)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  if (/^(6011|65|64[4-9])/.test(number)) return "discover";
  if (/^3(0[0-5]|[68])/.test(number)) return "diners";
  if (/^35/.test(number)) return "jcb";
  if (/^62/.test(number)) return "unionpay";
  return "unknown";
}

export function cardInfo(number: string): CardInfo {
  const special = TEST_CARDS[number];
  return {
    brand: brandOf(number),
    funding: special?.funding ?? "credit",
    country: special?.country ?? "US",
    behaviour: special?.behaviour ?? ok,
  };
}
