// Rating arithmetic, in integers: a course stores the count and sum of the ratings that count, and
// the average in hundredths of a star for the catalogue's rating filter and sort.

export const MIN_RATING = 1;
export const MAX_RATING = 5;

/** The average in hundredths of a star, rounded half up (4.375 → 438); 0 when nothing counts yet. */
export function averageHundredths(sum: number, count: number): number {
  if (count <= 0) return 0;
  return Math.floor((sum * 200 + count) / (2 * count));
}

/** "4.4" for people: one decimal, rounded half up from the hundredths; null when there is no rating. */
export function formatAverage(hundredths: number, count: number): string | null {
  if (count <= 0) return null;
  const tenths = Math.floor((hundredths + 5) / 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** How full each of the five stars is (0, 0.5 or 1), rounding the average to the nearest half star. */
export function starFills(hundredths: number): number[] {
  const halves = Math.round(hundredths / 50);
  return Array.from({ length: MAX_RATING }, (_, i) => Math.max(0, Math.min(1, (halves - i * 2) / 2)));
}

/** "1 review", "12 reviews". */
export function reviewCountLabel(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "review" : "reviews"}`;
}
