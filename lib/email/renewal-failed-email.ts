import { formatMinor } from "@/lib/money";
import { detailLines, formatEmailDate, greeting, SIGNATURE, type EmailMessage } from "./email-message";

export interface FailedRenewalFacts {
  invoiceId: string;
  amountDueMinor: number;
  currency: string;
  /** When Stripe tries the card again, if it will. */
  nextAttemptAt: Date | null;
  member: { name: string; email: string };
  membershipUrl: string;
}

/** One email per failed renewal invoice: Stripe's later retries of the same invoice do not repeat it. */
export function renewalFailedDedupeKey(invoiceId: string): string {
  return `invoice:${invoiceId}:renewal_failed:member`;
}

export function renewalFailedEmail(renewal: FailedRenewalFacts): EmailMessage {
  const amount = formatMinor(renewal.amountDueMinor, renewal.currency);
  const text = [
    greeting(renewal.member.name),
    "",
    `We could not renew your Coursemarket membership: the payment of ${amount} with your saved card was declined.`,
    "",
    detailLines([
      ["Amount due", amount],
      ["Next try", renewal.nextAttemptAt ? `${formatEmailDate(renewal.nextAttemptAt)} (UTC)` : "none scheduled"],
      ["Invoice", renewal.invoiceId],
    ]),
    "",
    "To keep your membership, update your card: open the page below, choose \"Update card\", enter a",
    "card that can pay and save it. We then charge the amount due to the new card.",
    "",
    `Your membership: ${renewal.membershipUrl}`,
    "",
    "You keep access to the membership's courses while we retry the payment.",
    "",
    SIGNATURE,
  ].join("\n");
  return {
    kind: "renewal_failed",
    dedupeKey: renewalFailedDedupeKey(renewal.invoiceId),
    to: renewal.member.email,
    subject: "Your membership payment did not go through",
    text,
  };
}
