import { describe, expect, it } from "vitest";
import { valueAxisTicks } from "@/lib/charts/value-axis";
import { DEFAULT_LOCALE, pickLocale, pickTimeZone, viewerFormat } from "@/lib/locale/format";
import { formatMinor } from "@/lib/money";

describe("pickLocale", () => {
  it.each([
    [null, DEFAULT_LOCALE],
    ["", DEFAULT_LOCALE],
    ["*", DEFAULT_LOCALE],
    ["de-DE,de;q=0.9,en;q=0.8", "de-DE"],
    ["en;q=0.5, fr-FR;q=0.9", "fr-FR"],
    ["ja", "ja"],
    ["xx-invalid-tag-$$, en-GB", "en-GB"],
    ["fr;q=0, es", "es"],
    ["de;q=abc, it", "de"],
  ])("%j → %s", (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});

describe("pickTimeZone", () => {
  it.each([
    [undefined, "UTC"],
    ["Europe/Berlin", "Europe/Berlin"],
    ["Mars/Olympus_Mons", "UTC"],
    ["x".repeat(100), "UTC"],
  ])("%j → %s", (zone, expected) => {
    expect(pickTimeZone(zone)).toBe(expected);
  });
});

// Intl separates some of these with a no-break or narrow no-break space.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("money in the viewer's language", () => {
  it.each([
    [1999, "usd", "en-US", "$19.99"],
    [1999, "usd", "de-DE", "19,99 $"],
    [123456, "eur", "de-DE", "1.234,56 €"],
    [123456, "eur", "fr-FR", "1 234,56 €"],
    [123456, "eur", "en-US", "€1,234.56"],
    [4500, "jpy", "ja-JP", "￥4,500"],
    [4500, "jpy", "en-US", "¥4,500"],
    [99, "gbp", "en-GB", "£0.99"],
  ])("%i %s in %s → %s", (minor, currency, locale, expected) => {
    expect(plain(viewerFormat(locale).money(minor, currency))).toBe(expected);
  });

  it("keeps the old two-argument formatMinor in US English", () => {
    expect(formatMinor(2900, "usd")).toBe("$29.00");
    expect(formatMinor(1500, "eur")).toBe("€15.00");
  });
});

describe("numbers and dates", () => {
  const moment = new Date("2026-03-05T23:30:00Z");
  it.each([
    ["en-US", "UTC", "date", "Mar 5, 2026"],
    ["en-GB", "UTC", "date", "5 Mar 2026"],
    ["de-DE", "UTC", "long-date", "5. März 2026"],
    ["en-US", "UTC", "date-time", "Mar 5, 2026, 11:30 PM UTC"],
    ["en-GB", "Europe/Berlin", "date-time", "6 Mar 2026, 00:30 (Europe/Berlin)"],
    ["en-US", "America/New_York", "date", "Mar 5, 2026"],
    ["en-US", "UTC", "month", "March 2026"],
  ] as const)("%s in %s as %s → %s", (locale, zone, style, expected) => {
    expect(plain(viewerFormat(locale, zone).date(moment, style))).toBe(expected);
  });

  it.each([
    ["en-US", 1234567, "1,234,567"],
    ["de-DE", 1234567, "1.234.567"],
    ["fr-FR", 1234567, "1 234 567"],
  ])("%s: %i → %s", (locale, value, expected) => {
    expect(plain(viewerFormat(locale).number(value))).toBe(expected);
  });
});

describe("valueAxisTicks", () => {
  it.each([
    [0, [0, 1, 2, 3, 4]],
    [1, [0, 1, 2, 3, 4]],
    [1000, [0, 250, 500, 750, 1000]],
    [1001, [0, 500, 1000, 1500, 2000]],
    [4500, [0, 2000, 4000, 6000, 8000]],
    [12345, [0, 5000, 10000, 15000, 20000]],
    [99, [0, 25, 50, 75, 100]],
  ])("up to %i → %j", (max, ticks) => {
    const result = valueAxisTicks(max);
    expect(result).toEqual(ticks);
    expect(result[result.length - 1]).toBeGreaterThanOrEqual(max);
  });
});
