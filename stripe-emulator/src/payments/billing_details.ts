// The billing_details object of a PaymentMethod, shared by cards and bank accounts.
import type { Params } from "../http/params.js";
import type { StripeObject } from "../store/store.js";

export function emptyBillingDetails(): StripeObject {
  return {
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    email: null,
    name: null,
    phone: null,
    tax_id: null,
  };
}

export function applyBillingDetails(target: StripeObject, p: Params | undefined): StripeObject {
  if (!p) return target;
  for (const k of ["email", "name", "phone"]) if (p.has(k)) target[k] = p.nullableStr(k) ?? null;
  const addr = p.obj("address");
  if (addr) {
    for (const k of ["city", "country", "line1", "line2", "postal_code", "state"]) {
      if (addr.has(k)) target.address[k] = addr.nullableStr(k) ?? null;
    }
  }
  return target;
}
