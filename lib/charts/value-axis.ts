/**
 * Ticks for a chart's value axis: from 0 to a round top at or above the largest value, in
 * `steps` equal steps of 1, 2, 2.5 or 5 × a power of ten (so the labels read well).
 */
export function valueAxisTicks(max: number, steps = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return Array.from({ length: steps + 1 }, (_, index) => index);
  const rough = max / steps;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const whole = Math.max(1, Math.ceil(step));
  return Array.from({ length: steps + 1 }, (_, index) => index * whole);
}
