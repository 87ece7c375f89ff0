// Money is always an integer count of the currency's minor unit. Conversions to and from the
// decimal strings people type happen only here, with string arithmetic, never floats.

interface CurrencyRule {
  /** Digits after the decimal point (0 for zero-decimal currencies such as JPY). */
  exponent: number;
  /** Stripe's minimum charge, in minor units. */
  minimumMinor: number;
}

export const CURRENCIES = {
  usd: { exponent: 2, minimumMinor: 50 },
  eur: { exponent: 2, minimumMinor: 50 },
  gbp: { exponent: 2, minimumMinor: 30 },
  cad: { exponent: 2, minimumMinor: 50 },
  aud: { exponent: 2, minimumMinor: 50 },
  nzd: { exponent: 2, minimumMinor: 50 },
  chf: { exponent: 2, minimumMinor: 50 },
  sek: { exponent: 2, minimumMinor: 300 },
  nok: { exponent: 2, minimumMinor: 300 },
  dkk: { exponent: 2, minimumMinor: 250 },
  sgd: { exponent: 2, minimumMinor: 50 },
  hkd: { exponent: 2, minimumMinor: 400 },
  mxn: { exponent: 2, minimumMinor: 1000 },
  jpy: { exponent: 0, minimumMinor: 50 },
} as const satisfies Record<string, CurrencyRule>;

export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as Currency[];

/** Stripe's largest amount for a single charge (eight digits in the minor unit). */
export const MAXIMUM_MINOR = 99_999_999;

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCIES, code);
}

export type ParseResult = { ok: true; minor: number } | { ok: false; message: string };

export type DecimalProblem = "empty" | "negative" | "format" | "precision";

/**
 * "19.99", "1,299", "1500" → an integer count of the currency's minor unit, with string
 * arithmetic only. Says what is wrong rather than how to word it: a price and a refund phrase
 * their messages differently.
 */
export function decimalToMinor(
  input: string,
  currency: Currency,
): { ok: true; minor: number } | { ok: false; problem: DecimalProblem } {
  const trimmed = input.trim();
  // Commas only as thousands separators: "1,5" may mean 1.5, so it is refused rather than read as 15.
  if (trimmed.includes(",") && !/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed)) return { ok: false, problem: "format" };
  const text = trimmed.replace(/,/g, "");
  if (text === "") return { ok: false, problem: "empty" };
  if (/^-/.test(text)) return { ok: false, problem: "negative" };
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, problem: "format" };
  const [, whole, fraction = ""] = match;
  const { exponent } = CURRENCIES[currency];
  if (fraction.length > exponent) return { ok: false, problem: "precision" };
  return { ok: true, minor: Number(whole + fraction.padEnd(exponent, "0")) };
}

export function precisionMessage(currency: Currency): string {
  const { exponent } = CURRENCIES[currency];
  return exponent === 0
    ? `${currency.toUpperCase()} has no minor unit: enter a whole number.`
    : `Use at most ${exponent} decimal places.`;
}

const PRICE_PROBLEMS: Record<Exclude<DecimalProblem, "precision">, string> = {
  empty: "Enter a price.",
  negative: "The price cannot be negative.",
  format: "Enter the price as a number, like 19.99.",
};

/** Parses a price typed in the major unit ("19.99", "49", "1500" for JPY) into minor units. */
export function parseMajorAmount(input: string, currency: Currency): ParseResult {
  const parsed = decimalToMinor(input, currency);
  if (!parsed.ok) {
    return { ok: false, message: parsed.problem === "precision" ? precisionMessage(currency) : PRICE_PROBLEMS[parsed.problem] };
  }
  const { minor } = parsed;
  const { minimumMinor } = CURRENCIES[currency];
  if (minor < minimumMinor) {
    return { ok: false, message: `The lowest price Stripe accepts is ${formatMinor(minimumMinor, currency)}.` };
  }
  if (minor > MAXIMUM_MINOR) {
    return { ok: false, message: `The highest price is ${formatMinor(MAXIMUM_MINOR, currency)}.` };
  }
  return { ok: true, minor };
}

/** The amount as typed in a form field, the inverse of parseMajorAmount. */
export function minorToMajorString(minor: number, currency: Currency): string {
  const { exponent } = CURRENCIES[currency];
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, "0");
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** The amount for people to read, in the given language (US English unless the caller knows the viewer's). */
export function formatMinor(minor: number, currency: string, locale = "en-US"): string {
  const code = currency.toLowerCase();
  const exponent = isCurrency(code) ? CURRENCIES[code].exponent : 2;
  const key = `${locale}:${code}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: code.toUpperCase(),
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(minor / 10 ** exponent);
}

/** "12.5" → 1250 basis points; at most two decimals, 0 to 100 %. */
export function parsePercentToBasisPoints(input: string): ParseResult {
  const text = input.trim().replace(/%$/, "").trim();
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { ok: false, message: "Enter a percentage between 0 and 100, like 12.5." };
  const [, whole, fraction = ""] = match;
  const basisPoints = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (basisPoints > 10_000) return { ok: false, message: "The fee cannot be more than 100 %." };
  return { ok: true, minor: basisPoints };
}

export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = basisPoints % 100;
  if (fraction === 0) return `${whole} %`;
  return `${whole}.${String(fraction).padStart(2, "0").replace(/0$/, "")} %`;
}

/**
 * The platform's fee on a charge: amount × basisPoints / 10 000, rounded half up to a whole
 * minor unit, in integer arithmetic. Half up (not banker's rounding) so the rule is easy to
 * state to sellers: "rounded to the nearest cent, halves up".
 */
export function applicationFeeMinor(amountMinor: number, basisPoints: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError("amount must be a non-negative integer");
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
    throw new RangeError("basis points must be an integer from 0 to 10000");
  }
  return Math.floor((amountMinor * basisPoints + 5_000) / 10_000);
}
