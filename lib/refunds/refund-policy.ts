/**
 * The platform's refund promise to buyers, shown on every course page before paying. Fixed in
 * code for now (documented in the README); an admin setting will replace these defaults later.
 */
export interface RefundPolicy {
  /** Days after buying in which a buyer gets the full price back on request. */
  refundWindowDays: number;
}

export const DEFAULT_REFUND_POLICY: RefundPolicy = { refundWindowDays: 14 };

export function refundPolicy(): RefundPolicy {
  return DEFAULT_REFUND_POLICY;
}

/** The policy in plain words, for a buyer deciding whether to pay. */
export function refundPolicyWords(policy: RefundPolicy): { headline: string; detail: string } {
  const days = policy.refundWindowDays;
  if (days <= 0) {
    return { headline: "All sales are final", detail: "Watch the free preview lessons before you buy: purchases cannot be refunded." };
  }
  return {
    headline: `${days}-day money-back guarantee`,
    detail: `Not what you expected? Ask for a refund within ${days} ${days === 1 ? "day" : "days"} of buying and you get the full price back to the card you paid with. After that, the purchase is final.`,
  };
}
