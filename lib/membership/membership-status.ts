/**
 * Subscription statuses that open member courses. past_due keeps access while Stripe retries
 * the renewal (the member is asked to update the card); canceled, unpaid and incomplete do not.
 */
export const MEMBER_ACCESS_STATUSES = ["active", "trialing", "past_due"] as const;

export function grantsMemberAccess(status: string | null | undefined): boolean {
  return (MEMBER_ACCESS_STATUSES as readonly string[]).includes(status ?? "");
}

export const MEMBERSHIP_STATUS_LABELS: Record<string, string> = {
  none: "Not a member",
  incomplete: "Waiting for the first payment",
  incomplete_expired: "First payment not completed",
  active: "Active",
  trialing: "Trial",
  past_due: "Payment failed: past due",
  unpaid: "Unpaid",
  canceled: "Ended",
  paused: "Paused",
};
