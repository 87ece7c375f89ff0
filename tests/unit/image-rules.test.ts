import { describe, expect, it } from "vitest";
import { dimensionsProblem, IMAGE_MAX_BYTES, imageStorageKey, imageVariant, isImageId, uploadProblem } from "@/lib/images/image-rules";
import { checkHandle, handleFromName } from "@/lib/sellers/handle";
import { assertSafeKey } from "@/lib/storage/storage";

describe("which uploads may become a picture", () => {
  it.each([
    ["a JPEG", 2_000, "image/jpeg", null],
    ["a PNG", 2_000, "image/png", null],
    ["a WebP", 2_000, "image/webp", null],
    ["exactly the limit", IMAGE_MAX_BYTES, "image/png", null],
    ["one byte over the limit", IMAGE_MAX_BYTES + 1, "image/png", /larger than the 8 MB limit/],
    ["an empty file", 0, undefined, /empty/],
    ["a GIF", 2_000, "image/gif", /not a JPEG, PNG or WebP/],
    ["an SVG (script inside a picture)", 2_000, "application/xml", /not a JPEG, PNG or WebP/],
    ["bytes no type matches (a text file renamed .png)", 2_000, undefined, /contents were checked/],
  ])("%s", (_label, size, type, expected) => {
    const problem = uploadProblem(size, type);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe("which dimensions a picture may have", () => {
  it.each([
    ["cover", 1600, 900, null],
    ["cover", 640, 360, null],
    ["cover", 639, 360, /too small \(639 × 360 pixels\)\. A cover needs at least 640 × 360/],
    ["cover", 10_000, 5_000, null],
    ["cover", 10_001, 600, /too large/],
    ["cover", 9_000, 9_000, /too large/],
    ["cover", 0, 0, /could not be read/],
    ["avatar", 128, 128, null],
    ["avatar", 100, 400, /too small/],
  ] as const)("%s %i × %i", (kind, width, height, expected) => {
    const problem = dimensionsProblem(kind, width, height);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it("names sizes by kind, and every storage key is a safe one", () => {
    expect(imageVariant("cover", "w960.webp")).toMatchObject({ width: 960, height: 540 });
    expect(imageVariant("avatar", "w960.webp")).toBeUndefined();
    expect(imageVariant("cover", "../secret")).toBeUndefined();
    expect(() => assertSafeKey(imageStorageKey("a".repeat(32), "og.jpg"))).not.toThrow();
    expect(isImageId("0123456789abcdef0123456789abcdef")).toBe(true);
    expect(isImageId("../../etc")).toBe(false);
  });
});

describe("seller handles", () => {
  it.each([
    ["sam-seller", "sam-seller"],
    ["  Sam-Seller ", "sam-seller"],
    ["abc", "abc"],
    ["a1-b2-c3", "a1-b2-c3"],
  ])("accepts %j as %j", (input, handle) => {
    expect(checkHandle(input)).toEqual({ ok: true, handle });
  });

  it.each([
    ["ab", /at least 3/],
    ["a".repeat(41), /at most 40/],
    ["sam seller", /letters a–z, digits and single hyphens/],
    ["sam_seller", /letters/],
    ["-sam", /letters/],
    ["sam-", /letters/],
    ["sam--seller", /letters/],
    ["zoë", /letters/],
    ["../admin", /letters/],
    ["<script>", /letters/],
  ])("refuses %j with a clear message", (input, message) => {
    const result = checkHandle(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.each([
    ["Sam Seller", "sam-seller"],
    ["Zoë O'Neil", "zoe-oneil"],
    ["  李  ", "seller"],
    ["A", "seller"],
  ])("suggests a handle from the name %j", (name, handle) => {
    expect(handleFromName(name)).toBe(handle);
    expect(checkHandle(handleFromName(name)).ok).toBe(true);
  });
});
