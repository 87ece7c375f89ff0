// Card field parsing, formatting and validation with Stripe.js's user-facing wording.
// Pure functions: used inside the card frame and unit-tested in Node.

export interface FieldError {
  code: string;
  message: string;
}

export type Brand = "visa" | "mastercard" | "amex" | "discover" | "diners" | "jcb" | "unionpay" | "unknown";

export const digitsOnly = (s: string): string => s.replace(/\D+/g, "");

export function cardBrand(digits: string): Brand {
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  if (/^(6011|65|64[4-9])/.test(digits)) return "discover";
  if (/^(36|38|30[0-5])/.test(digits)) return "diners";
  if (/^35/.test(digits)) return "jcb";
  if (/^62/.test(digits)) return "unionpay";
  return "unknown";
}

export function numberLength(brand: Brand): number {
  if (brand === "amex") return 15;
  if (brand === "diners") return 14;
  return 16;
}

export function maxNumberLength(brand: Brand): number {
  return brand === "unionpay" ? 19 : numberLength(brand);
}

export const cvcLength = (brand: Brand): number => (brand === "amex" ? 4 : 3);

/** "4242424242424242" → "4242 4242 4242 4242"; Amex and Diners use 4-6-5 / 4-6-4. */
export function formatNumber(digits: string): string {
  const brand = cardBrand(digits);
  const groups = brand === "amex" || brand === "diners" ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const out: string[] = [];
  let i = 0;
  for (const size of groups) {
    if (i >= digits.length) break;
    out.push(digits.slice(i, i + size));
    i += size;
  }
  return out.join(" ");
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Result of validating one field: `error` is shown only when `final` (or forced on submit). */
export interface FieldCheck {
  empty: boolean;
  complete: boolean;
  /** The error the field has now; shown live when `showNow`, otherwise only on blur or submit. */
  error?: FieldError;
  showNow?: boolean;
}

export function checkNumber(raw: string): FieldCheck {
  const digits = digitsOnly(raw);
  if (!digits) return { empty: true, complete: false, error: { code: "incomplete_number", message: "Your card number is incomplete." } };
  const brand = cardBrand(digits);
  const needed = numberLength(brand);
  if (digits.length < needed) {
    return { empty: false, complete: false, error: { code: "incomplete_number", message: "Your card number is incomplete." } };
  }
  if (!luhnValid(digits)) {
    return { empty: false, complete: false, showNow: true, error: { code: "invalid_number", message: "Your card number is invalid." } };
  }
  return { empty: false, complete: true };
}

/** "1234" → "12 / 34"; a leading digit 2-9 becomes "0d"; two digits get the separator unless deleting. */
export function formatExpiry(raw: string, deleting = false): string {
  let digits = digitsOnly(raw).slice(0, 4);
  if (/^[2-9]/.test(digits)) digits = `0${digits}`.slice(0, 4);
  if (digits.length > 2) return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
  if (digits.length === 2 && !deleting) return `${digits} / `;
  return digits;
}

export function parseExpiry(raw: string): { month: number; year: number } | null {
  const digits = digitsOnly(raw);
  if (digits.length !== 4) return null;
  return { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) };
}

export function checkExpiry(raw: string, now: Date = new Date()): FieldCheck {
  const digits = digitsOnly(raw);
  const incomplete = { code: "incomplete_expiry", message: "Your card's expiration date is incomplete." };
  if (!digits) return { empty: true, complete: false, error: incomplete };
  const month = Number(digits.slice(0, 2));
  if (digits.length >= 2 && (month < 1 || month > 12)) {
    return { empty: false, complete: false, showNow: true, error: { code: "invalid_expiry_month", message: "Your card's expiration month is invalid." } };
  }
  const parsed = parseExpiry(raw);
  if (!parsed) return { empty: false, complete: false, error: incomplete };
  const thisYear = now.getFullYear();
  const thisMonth = now.getMonth() + 1;
  if (parsed.year < thisYear) {
    return { empty: false, complete: false, showNow: true, error: { code: "invalid_expiry_year_past", message: "Your card's expiration year is in the past." } };
  }
  if (parsed.year === thisYear && parsed.month < thisMonth) {
    return { empty: false, complete: false, showNow: true, error: { code: "invalid_expiry_month_past", message: "Your card's expiration date is in the past." } };
  }
  if (parsed.year > thisYear + 50) {
    return { empty: false, complete: false, showNow: true, error: { code: "invalid_expiry_year", message: "Your card's expiration year is invalid." } };
  }
  return { empty: false, complete: true };
}

export function checkCvc(raw: string, brand: Brand): FieldCheck {
  const digits = digitsOnly(raw);
  const incomplete = { code: "incomplete_cvc", message: "Your card's security code is incomplete." };
  if (!digits) return { empty: true, complete: false, error: incomplete };
  if (digits.length < cvcLength(brand)) return { empty: false, complete: false, error: incomplete };
  return { empty: false, complete: true };
}

/** US ZIP codes (all digits) need 5 digits; other postal codes only need to be non-empty. */
export function checkPostalCode(raw: string): FieldCheck {
  const value = raw.trim();
  const incomplete = { code: "incomplete_zip", message: "Your postal code is incomplete." };
  if (!value) return { empty: true, complete: false, error: incomplete };
  if (/^\d+$/.test(value) && value.length < 5) return { empty: false, complete: false, error: incomplete };
  return { empty: false, complete: true };
}
