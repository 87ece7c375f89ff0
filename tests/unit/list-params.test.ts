import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listHref, parseListParams, parseQuery } from "@/lib/list-params";

describe("list page queries", () => {
  const schema = z.object({
    status: z.enum(["paid", "refunded"]).optional().catch(undefined),
    page: z.coerce.number().int().min(1).catch(1).default(1),
  });

  it("reads the schema's keys only, the first of a repeated value, and an empty one as absent", () => {
    expect(parseQuery(schema, { status: ["refunded", "paid"], page: "3", other: "x" })).toEqual({ status: "refunded", page: 3 });
    expect(parseQuery(schema, { status: "", page: "" })).toEqual({ page: 1 });
    expect(parseQuery(schema, { status: "stolen", page: "-2" })).toEqual({ page: 1 });
  });

  it("falls back to no search and the first page", () => {
    expect(parseListParams({})).toEqual({ q: "", page: 1 });
    expect(parseListParams({ q: ["rust", "go"], page: "2" })).toEqual({ q: "rust", page: 2 });
    expect(parseListParams({ q: "x".repeat(101), page: "abc" })).toEqual({ q: "", page: 1 });
  });

  it("links with the set filters in the given order and the page only after the first", () => {
    expect(listHref("/courses", { q: "", page: 1 })).toBe("/courses");
    expect(listHref("/admin/orders", { status: "paid", seller: undefined, from: "2026-01-01", page: 2 })).toBe("/admin/orders?status=paid&from=2026-01-01&page=2");
    expect(listHref("/courses", { q: "a&b", page: 3 })).toBe("/courses?q=a%26b&page=3");
  });
});
