const BRANDS: Record<string, string> = { amex: "American Express", diners: "Diners Club", jcb: "JCB", unionpay: "UnionPay", mastercard: "Mastercard", visa: "Visa", discover: "Discover" };

/** "Visa ending 4242", from Stripe's lower-case brand code. */
export function cardLabel(brand: string, last4: string): string {
  return `${BRANDS[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1)} ending ${last4}`;
}
