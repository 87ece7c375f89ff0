import { describe, expect, it } from "vitest";
import { z } from "zod";
import { courseFormSchema } from "@/lib/courses/course-input";

const valid = {
  title: "Intro to SQL",
  slug: "",
  description: "Tables and joins.",
  price: "19.99",
  currency: "usd",
};

function fieldErrors(input: Record<string, string>) {
  const result = courseFormSchema.safeParse(input);
  return (result.success ? {} : z.flattenError(result.error).fieldErrors) as Record<string, string[] | undefined>;
}

describe("courseFormSchema", () => {
  it("turns a valid form into a course in minor units with a derived slug", () => {
    expect(courseFormSchema.parse({ ...valid, includedInMembership: "on", tags: "SQL, databases" })).toEqual({
      title: "Intro to SQL",
      slug: "intro-to-sql",
      description: "Tables and joins.",
      priceMinor: 1999,
      currency: "usd",
      includedInMembership: true,
      tags: ["sql", "databases"],
    });
  });

  it("refuses a tag with odd characters, naming it", () => {
    expect(fieldErrors({ ...valid, tags: "sql, <b>" }).tags).toEqual(["“<b>” is not a tag: use 2–30 letters or digits, words joined by hyphens."]);
  });

  it("ignores a platform fee a seller posts: only admins set the fee", () => {
    for (const feePercent of ["0", "12.5", "200"]) {
      const parsed = courseFormSchema.parse({ ...valid, feePercent });
      expect(parsed).not.toHaveProperty("feeBasisPoints");
    }
  });

  it("reports every bad field at once", () => {
    expect(fieldErrors({ title: "", description: "", price: "abc", currency: "usd", slug: "" })).toEqual({
      title: ["Give the course a title."],
      description: ["Describe what buyers will learn."],
      price: ["Enter the price as a number, like 19.99."],
    });
  });

  it.each([
    [{ price: "-1" }, "price", "The price cannot be negative."],
    [{ price: "1.999" }, "price", "Use at most 2 decimal places."],
    [{ currency: "xyz" }, "currency", "Choose a currency from the list."],
    [{ currency: "" }, "currency", "Choose a currency from the list."],
    [{ slug: "Bad Slug!" }, "slug", "Use at least 3 lower-case letters, digits and single hyphens, like intro-to-sql."],
    [{ slug: "a--b" }, "slug", "Use at least 3 lower-case letters, digits and single hyphens, like intro-to-sql."],
    [{ title: "x".repeat(121) }, "title", "Keep the title under 120 characters."],
  ])("%j → %s error", (change, field, message) => {
    expect(fieldErrors({ ...valid, ...change })[field]).toEqual([message]);
  });

  it("ignores fields it does not know, such as a forged seller or price in cents", () => {
    const parsed = courseFormSchema.parse({ ...valid, sellerId: "someone-else", priceMinor: "1" });
    expect(parsed).not.toHaveProperty("sellerId");
    expect(parsed.priceMinor).toBe(1999);
  });
});
