import { db } from "@/lib/db";
import { listCustomerInvoices, type InvoiceSummary } from "@/lib/payments/invoices";
import { ensureMembershipPlan, type StoredPlan } from "@/lib/payments/membership-plan";
import { defaultCardLabel } from "@/lib/payments/payment-methods";

export type MembershipOverview =
  | { available: false }
  | {
      available: true;
      plan: StoredPlan;
      membership: { status: string; currentPeriodEnd: Date | null; cancelAtPeriodEnd: boolean } | null;
      /** null when Stripe could not list them right now; empty before the first payment. */
      invoices: InvoiceSummary[] | null;
      /** The card renewals are charged to, e.g. "Visa •••• 4242". */
      card: string | null;
    };

/** What the membership page shows a signed-in person: the plan, their membership, its invoices and card. */
export async function readMembershipOverview(userId: string): Promise<MembershipOverview> {
  const [membership, account] = await Promise.all([
    db.membership.findUnique({
      where: { userId },
      select: { status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, stripeSubscriptionId: true },
    }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { stripeCustomerId: true } }),
  ]);
  let plan: StoredPlan;
  try {
    plan = await ensureMembershipPlan();
  } catch (error) {
    console.error("membership plan unavailable", error);
    return { available: false };
  }
  const customerId = account.stripeCustomerId;
  const [invoices, card] =
    customerId && membership?.stripeSubscriptionId
      ? await Promise.all([listCustomerInvoices(customerId).catch(() => null), defaultCardLabel(customerId)])
      : [[], null];
  return { available: true, plan, membership, invoices, card };
}
