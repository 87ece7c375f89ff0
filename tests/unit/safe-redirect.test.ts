import { beforeAll, describe, expect, it } from "vitest";

let sameOriginTarget: typeof import("@/lib/security/safe-redirect").sameOriginTarget;

beforeAll(async () => {
  process.env.APP_URL = "https://shop.example";
  ({ sameOriginTarget } = await import("@/lib/security/safe-redirect"));
});

describe("sameOriginTarget", () => {
  // "/\t/evil.example" passed the old `//` check: browsers drop the tab and read "//evil.example".
  it.each([
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    " //evil.example",
    "https://evil.example/courses",
    "http://shop.example/courses",
    "https://shop.example.evil.example/",
    "https://shop.example@evil.example/",
    "javascript:alert(1)",
    "data:text/html,hi",
    "",
  ])("refuses %j", (target) => {
    const decoded = target.includes("%09") ? decodeURIComponent(target) : target;
    expect(sameOriginTarget(decoded)).toBe("/courses");
  });

  it.each([
    ["/library", "/library"],
    ["/courses/intro?tab=1#top", "/courses/intro?tab=1#top"],
    ["https://shop.example/seller", "/seller"],
    ["seller/sales", "/seller/sales"],
    ["/../admin", "/admin"],
  ])("keeps %j on this site as %j", (target, expected) => {
    expect(sameOriginTarget(target)).toBe(expected);
  });

  it("uses the fallback given", () => {
    expect(sameOriginTarget("//evil.example", "/")).toBe("/");
    expect(sameOriginTarget(undefined, "/")).toBe("/");
  });
});
