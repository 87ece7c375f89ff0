import { CURRENCIES, CURRENCY_CODES, decimalToMinor, isCurrency, type Currency } from "@/lib/money";
import { listHref, type RawQuery } from "@/lib/list-params";
import { TAG_PATTERN } from "./tags";

export const CATALOGUE_SORTS = {
  relevance: "Best match",
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  rating: "Highest rated",
  students: "Most students",
} as const;

export type CatalogueSort = keyof typeof CATALOGUE_SORTS;

export const MIN_RATING_FILTERS = [4, 3, 2, 1] as const;

/** A price bound as typed, in the course's own currency's major unit ("10", "9.50"). */
export interface PriceBound {
  text: string;
  /** Hundredths of the major unit (1000 = 10.00), compared per currency in the query. */
  hundredths: number;
}

export interface CatalogueFilters {
  q: string;
  sort: CatalogueSort;
  price?: "free" | "paid";
  min?: PriceBound;
  max?: PriceBound;
  membership?: true;
  currency?: Currency;
  /** At least this many stars on average (1–4). */
  rating?: number;
  seller?: string;
  tag?: string;
  page: number;
}

export interface ParsedCatalogue {
  filters: CatalogueFilters;
  /** One sentence per value that was not understood and left out, for the page to say so. */
  ignored: string[];
}

const first = (value: string | string[] | undefined): string => ((Array.isArray(value) ? value[0] : value) ?? "").trim();
const quoted = (text: string) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

function priceBound(text: string): PriceBound | null {
  // Any currency's major unit to two places (read as dollars only for its two decimals): the
  // query scales it to each currency's minor unit.
  const minor = decimalToMinor(text, "usd");
  return minor.ok && minor.minor <= 1_000_000_00 ? { text, hundredths: minor.minor } : null;
}

/**
 * The catalogue's search, filters, sort and page from its URL. Nothing here throws: a value that
 * is not understood is dropped and named in `ignored`, so a hand-edited or outdated link still
 * shows courses and the visitor sees which part was left out.
 */
export function parseCatalogueQuery(raw: RawQuery): ParsedCatalogue {
  const ignored: string[] = [];
  const filters: CatalogueFilters = { q: "", sort: "newest", page: 1 };

  const q = first(raw.q);
  if (q.length > 100) ignored.push("The search was longer than 100 characters and was left out.");
  else filters.q = q;

  const sort = first(raw.sort);
  if (sort && !Object.hasOwn(CATALOGUE_SORTS, sort)) ignored.push(`Unknown sort ${quoted(sort)}: showing the default order.`);
  const chosen = Object.hasOwn(CATALOGUE_SORTS, sort) ? (sort as CatalogueSort) : undefined;
  filters.sort = chosen === "relevance" && !filters.q ? "newest" : (chosen ?? (filters.q ? "relevance" : "newest"));

  const price = first(raw.price);
  if (price === "free" || price === "paid") filters.price = price;
  else if (price) ignored.push(`Unknown price filter ${quoted(price)}: use free or paid.`);

  for (const key of ["min", "max"] as const) {
    const text = first(raw[key]);
    if (!text) continue;
    const bound = priceBound(text);
    if (bound) filters[key] = bound;
    else ignored.push(`The ${key === "min" ? "lowest" : "highest"} price ${quoted(text)} is not an amount like 10 or 9.50.`);
  }
  if (filters.min && filters.max && filters.min.hundredths > filters.max.hundredths) {
    ignored.push("The lowest price was above the highest: both were left out.");
    delete filters.min;
    delete filters.max;
  }

  const membership = first(raw.membership);
  if (membership === "1") filters.membership = true;
  else if (membership) ignored.push(`Unknown membership filter ${quoted(membership)}.`);

  const currency = first(raw.currency).toLowerCase();
  if (isCurrency(currency)) filters.currency = currency;
  else if (currency) ignored.push(`Unknown currency ${quoted(currency)}.`);

  const rating = first(raw.rating);
  if (MIN_RATING_FILTERS.some((n) => String(n) === rating)) filters.rating = Number(rating);
  else if (rating) ignored.push(`Unknown rating filter ${quoted(rating)}: choose 1 to 4 stars and up.`);

  const seller = first(raw.seller);
  if (/^[a-z0-9]{1,64}$/i.test(seller)) filters.seller = seller;
  else if (seller) ignored.push(`Unknown seller ${quoted(seller)}.`);

  const tag = first(raw.tag).toLowerCase();
  if (TAG_PATTERN.test(tag)) filters.tag = tag;
  else if (tag) ignored.push(`Unknown tag ${quoted(tag)}.`);

  const page = first(raw.page);
  if (/^\d{1,6}$/.test(page) && Number(page) >= 1) filters.page = Number(page);
  else if (page) ignored.push(`Unknown page ${quoted(page)}: showing the first.`);

  return { filters, ignored };
}

/** Whether anything narrows the list (the search or a filter), for the "no results" advice. */
export function activeFilterCount(filters: CatalogueFilters): number {
  const { price, min, max, membership, currency, rating, seller, tag } = filters;
  return [price, min, max, membership, currency, rating, seller, tag].filter((value) => value !== undefined).length;
}

/** The catalogue's address for these filters (the default sort and the first page left out). */
export function catalogueHref(filters: CatalogueFilters, changes: Partial<Record<keyof CatalogueFilters, unknown>> = {}): string {
  const next = { ...filters, ...changes } as CatalogueFilters;
  const defaultSort = next.q ? "relevance" : "newest";
  return listHref("/courses", {
    q: next.q || undefined,
    sort: next.sort === defaultSort ? undefined : next.sort,
    price: next.price,
    min: next.min?.text,
    max: next.max?.text,
    membership: next.membership ? "1" : undefined,
    currency: next.currency,
    rating: next.rating,
    seller: next.seller,
    tag: next.tag,
    page: next.page,
  });
}

/** A price bound in a currency's minor unit (10.00 → 1000 cents, 10 yen → 10). */
export function boundInMinor(bound: PriceBound, currency: Currency): number {
  const exponent: number = CURRENCIES[currency].exponent;
  return exponent >= 2 ? bound.hundredths * 10 ** (exponent - 2) : Math.floor(bound.hundredths / 10 ** (2 - exponent));
}

/** Currencies grouped by how many decimals they have, for price bounds compared in each one's minor unit. */
export function currenciesByExponent(only?: Currency): Array<{ currencies: Currency[]; sample: Currency }> {
  const groups = new Map<number, Currency[]>();
  for (const code of only ? [only] : CURRENCY_CODES) {
    const exponent: number = CURRENCIES[code].exponent;
    groups.set(exponent, [...(groups.get(exponent) ?? []), code]);
  }
  return [...groups.values()].map((currencies) => ({ currencies, sample: currencies[0] }));
}
