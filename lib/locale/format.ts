// How numbers, money and dates read for a viewer: their language from Accept-Language, their time
// zone where the browser told us (a cookie), UTC otherwise, and always labelled with the zone.
import { formatMinor } from "@/lib/money";

export const DEFAULT_LOCALE = "en-US";
export const DEFAULT_TIME_ZONE = "UTC";

/** The first language in Accept-Language (by weight) that this runtime can format; the default otherwise. */
export function pickLocale(acceptLanguage: string | null | undefined): string {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.weight > 0 && Number.isFinite(entry.weight))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranked) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // not a well-formed language tag: try the next one
    }
  }
  return DEFAULT_LOCALE;
}

/** An IANA zone this runtime knows ("Europe/Berlin"), or UTC. */
export function pickTimeZone(candidate: string | null | undefined): string {
  if (!candidate || candidate.length > 64) return DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: candidate }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

export type DateStyle = "date" | "long-date" | "date-time" | "month";

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  "long-date": { dateStyle: "long" },
  "date-time": { dateStyle: "medium", timeStyle: "short" },
  month: { month: "long", year: "numeric" },
};

export interface ViewerFormat {
  locale: string;
  timeZone: string;
  /** An integer amount in the currency's minor unit, e.g. 1999 usd → "$19.99" or "19,99 $US". */
  money(minor: number, currency: string): string;
  number(value: number): string;
  /** A date in the viewer's zone; "date-time" ends with the zone's name so nobody guesses. */
  date(value: Date, style?: DateStyle): string;
}

export function viewerFormat(locale: string = DEFAULT_LOCALE, timeZone: string = DEFAULT_TIME_ZONE): ViewerFormat {
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Map<DateStyle, Intl.DateTimeFormat>();
  const dateFormat = (style: DateStyle) => {
    let format = dates.get(style);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[style], timeZone });
      dates.set(style, format);
    }
    return format;
  };
  return {
    locale,
    timeZone,
    money: (minor, currency) => formatMinor(minor, currency, locale),
    number: (value) => numbers.format(value),
    date: (value, style = "date") => (style === "date-time" ? `${dateFormat(style).format(value)} ${zoneLabel(timeZone)}` : dateFormat(style).format(value)),
  };
}

function zoneLabel(timeZone: string): string {
  return timeZone === "UTC" ? "UTC" : `(${timeZone.replace(/_/g, " ")})`;
}
