import { env } from "@/lib/env";

export interface DashboardLinks {
  payment: string | null;
  account: string | null;
}

/**
 * Where an admin can look at an order's payment: Stripe's test-mode dashboard, or the emulator's
 * own dashboard, which has one page listing every payment and account.
 */
export function dashboardLinksOf(order: { stripePaymentIntentId: string | null; stripeAccountId: string | null; chargeType: string | null }): DashboardLinks {
  const { usesEmulator, apiUrl } = env().stripe;
  if (usesEmulator) {
    const home = `${apiUrl}/`;
    return { payment: order.stripePaymentIntentId ? home : null, account: order.stripeAccountId ? home : null };
  }
  const intent = order.stripePaymentIntentId;
  // A direct charge's payment lives on the seller's account: Stripe's dashboard names the account in the path.
  const paymentBase = order.chargeType === "direct" && order.stripeAccountId
    ? `https://dashboard.stripe.com/${order.stripeAccountId}/test/payments/`
    : "https://dashboard.stripe.com/test/payments/";
  return {
    payment: intent ? `${paymentBase}${intent}` : null,
    account: order.stripeAccountId ? `https://dashboard.stripe.com/test/connect/accounts/${order.stripeAccountId}` : null,
  };
}
