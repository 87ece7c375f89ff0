/** The membership on sale: found in Stripe by these lookup keys, or created with these amounts. */
export const MEMBERSHIP_PLAN = {
  name: "Coursemarket membership",
  monthlyLookupKey: "coursemarket_membership_monthly",
  joiningFeeLookupKey: "coursemarket_membership_joining_fee",
  currency: "usd",
  monthlyMinor: 1200,
  joiningFeeMinor: 2000,
} as const;
