import { describe, expect, it } from "vitest";
import { averageHundredths, formatAverage, reviewCountLabel, starFills } from "@/lib/reviews/rating";

describe("rating math", () => {
  it.each([
    [0, 0, 0],
    [5, 1, 500],
    [9, 2, 450],
    [13, 3, 433], // 4.333…
    [14, 3, 467], // 4.666…
    [35, 8, 438], // 4.375 rounds half up
    [33, 12, 275],
    [1, 3, 33],
  ])("sum %i over %i ratings averages %i hundredths", (sum, count, hundredths) => {
    expect(averageHundredths(sum, count)).toBe(hundredths);
  });

  it("shows one decimal, rounded half up, and nothing without reviews", () => {
    expect(formatAverage(438, 8)).toBe("4.4");
    expect(formatAverage(445, 2)).toBe("4.5");
    expect(formatAverage(500, 1)).toBe("5.0");
    expect(formatAverage(100, 1)).toBe("1.0");
    expect(formatAverage(0, 0)).toBeNull();
  });

  it("fills stars to the nearest half", () => {
    expect(starFills(438)).toEqual([1, 1, 1, 1, 0.5]);
    expect(starFills(420)).toEqual([1, 1, 1, 1, 0]);
    expect(starFills(275)).toEqual([1, 1, 1, 0, 0]);
    expect(starFills(500)).toEqual([1, 1, 1, 1, 1]);
    expect(starFills(0)).toEqual([0, 0, 0, 0, 0]);
  });

  it("counts reviews in words", () => {
    expect(reviewCountLabel(1)).toBe("1 review");
    expect(reviewCountLabel(1200)).toBe("1,200 reviews");
  });
});
