import { describe, expect, it } from "vitest";
import { courseStructuredData, scriptSafeJson } from "@/lib/courses/course-structured-data";
import { refundPolicyWords } from "@/lib/refunds/refund-policy";

describe("the course page's JSON-LD", () => {
  const course = {
    slug: "sql",
    title: "SQL </script><script>alert(1)</script>",
    description: "Joins.",
    priceMinor: 4500,
    currency: "jpy" as const,
    sellerName: "Sam Seller",
    sellerHandle: "sam-seller",
    imageUrl: "/api/images/abc/og.jpg",
  };

  it("describes the course, its teacher and its price with absolute addresses", () => {
    expect(courseStructuredData(course, "https://shop.example")).toMatchObject({
      "@type": "Course",
      url: "https://shop.example/courses/sql",
      image: "https://shop.example/api/images/abc/og.jpg",
      provider: { name: "Sam Seller", url: "https://shop.example/sellers/sam-seller" },
      offers: { price: "4500", priceCurrency: "JPY", category: "Paid" },
    });
  });

  it("cannot close its script element, whatever the title says", () => {
    const json = scriptSafeJson(courseStructuredData(course, "https://shop.example"));
    expect(json).not.toContain("</script");
    expect(JSON.parse(json).name).toBe(course.title);
  });
});

describe("the refund policy in words", () => {
  it.each([
    [14, "14-day money-back guarantee", "within 14 days"],
    [1, "1-day money-back guarantee", "within 1 day of"],
    [0, "All sales are final", "cannot be refunded"],
  ])("%i days", (days, headline, detail) => {
    const words = refundPolicyWords({ refundWindowDays: days });
    expect(words.headline).toBe(headline);
    expect(words.detail).toContain(detail);
  });
});
