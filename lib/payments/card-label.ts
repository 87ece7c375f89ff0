const BRANDS: Record<string, string> = {
  amex: "American Express",
  cartes_bancaires: "Cartes Bancaires",
  diners: "Diners Club",
  discover: "Discover",
  eftpos_au: "eftpos Australia",
  jcb: "JCB",
  mastercard: "Mastercard",
  unionpay: "UnionPay",
  visa: "Visa",
};

/** A brand Stripe adds later reads as words: "new_brand" becomes "New brand". */
function brandName(brand: string): string {
  const words = brand.replace(/_/g, " ");
  return BRANDS[brand] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Visa ending 4242", from Stripe's lower-case brand code. */
export function cardLabel(brand: string, last4: string): string {
  return `${brandName(brand)} ending ${last4}`;
}
