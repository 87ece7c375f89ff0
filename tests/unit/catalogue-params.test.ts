import { describe, expect, it } from "vitest";
import { boundInMinor, catalogueHref, parseCatalogueQuery } from "@/lib/courses/catalogue-params";
import { ftsQuery, searchWords, tsQuery } from "@/lib/courses/course-search";
import { parseTags } from "@/lib/courses/tags";

describe("the catalogue's URL", () => {
  it("reads every filter and sort, and writes the same URL back", () => {
    const url = "/courses?q=sql+basics&sort=price-asc&price=paid&min=10&max=49.50&membership=1&currency=eur&rating=4&seller=cm1abc&tag=data-analysis&page=2";
    const { filters, ignored } = parseCatalogueQuery(Object.fromEntries(new URL(url, "http://x").searchParams));
    expect(ignored).toEqual([]);
    expect(filters).toEqual({
      q: "sql basics",
      sort: "price-asc",
      price: "paid",
      min: { text: "10", hundredths: 1000 },
      max: { text: "49.50", hundredths: 4950 },
      membership: true,
      currency: "eur",
      rating: 4,
      seller: "cm1abc",
      tag: "data-analysis",
      page: 2,
    });
    expect(catalogueHref(filters)).toBe(url);
  });

  it("defaults to the best match for a search and the newest otherwise, and leaves defaults out of links", () => {
    expect(parseCatalogueQuery({ q: "sql" }).filters.sort).toBe("relevance");
    expect(parseCatalogueQuery({}).filters.sort).toBe("newest");
    expect(parseCatalogueQuery({ sort: "relevance" }).filters.sort).toBe("newest");
    expect(catalogueHref(parseCatalogueQuery({ q: "sql", sort: "relevance", page: "1" }).filters)).toBe("/courses?q=sql");
    expect(catalogueHref(parseCatalogueQuery({ q: "sql" }).filters, { page: 3 })).toBe("/courses?q=sql&page=3");
  });

  it.each([
    [{ sort: "cheapest" }, "Unknown sort “cheapest”: showing the default order."],
    [{ price: "gratis" }, "Unknown price filter “gratis”: use free or paid."],
    [{ min: "ten" }, "The lowest price “ten” is not an amount like 10 or 9.50."],
    [{ max: "-5" }, "The highest price “-5” is not an amount like 10 or 9.50."],
    [{ min: "50", max: "10" }, "The lowest price was above the highest: both were left out."],
    [{ membership: "yes" }, "Unknown membership filter “yes”."],
    [{ currency: "xyz" }, "Unknown currency “xyz”."],
    [{ rating: "5" }, "Unknown rating filter “5”: choose 1 to 4 stars and up."],
    [{ rating: "4.5" }, "Unknown rating filter “4.5”: choose 1 to 4 stars and up."],
    [{ seller: "<script>" }, "Unknown seller “<script>”."],
    [{ tag: "C++" }, "Unknown tag “c++”."],
    [{ page: "0" }, "Unknown page “0”: showing the first."],
    [{ q: "x".repeat(101) }, "The search was longer than 100 characters and was left out."],
  ])("drops %j and says so", (raw, message) => {
    const { filters, ignored } = parseCatalogueQuery(raw);
    expect(ignored).toEqual([message]);
    expect(catalogueHref(filters)).toBe("/courses");
  });

  it("takes the first of a repeated value", () => {
    expect(parseCatalogueQuery({ currency: ["usd", "eur"] }).filters.currency).toBe("usd");
  });

  it("turns a price bound into each currency's minor unit", () => {
    const bound = { text: "10.50", hundredths: 1050 };
    expect(boundInMinor(bound, "usd")).toBe(1050);
    expect(boundInMinor(bound, "jpy")).toBe(10);
  });
});

describe("search words", () => {
  it("keeps letters and digits only, so operators and quotes are never syntax", () => {
    expect(searchWords(`"sql" AND (data*) NEAR/2 -x ^title: 'or'; --`)).toEqual(["sql", "and", "data", "near", "2", "x", "title", "or"]);
    expect(searchWords("Café  Ünïcode")).toEqual(["café", "ünïcode"]);
    expect(searchWords(`"'*():^-`)).toEqual([]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });

  it("quotes each word and lets the last one of three letters or more match as a prefix", () => {
    expect(ftsQuery(["and", "photo"])).toBe(`"and" "photo"*`);
    expect(ftsQuery(["go"])).toBe(`"go"`);
    expect(tsQuery(["sql", "data"])).toBe("sql & data:*");
  });
});

describe("tags", () => {
  it.each([
    ["SQL, Data Analysis,sql", { ok: true, tags: ["sql", "data-analysis"] }],
    ["", { ok: true, tags: [] }],
    ["c++", { ok: false, message: "“c++” is not a tag: use 2–30 letters or digits, words joined by hyphens." }],
    ["a", { ok: false, message: "“a” is not a tag: use 2–30 letters or digits, words joined by hyphens." }],
    ["a1,b2,c3,d4,e5,f6,g7,h8,i9", { ok: false, message: "Use at most 8 tags." }],
  ])("%j", (text, expected) => {
    expect(parseTags(text)).toEqual(expected);
  });
});
