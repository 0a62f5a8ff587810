/**
 * Percentiles of Monte Carlo results: the linear interpolation between
 * order statistics that R calls type 7 (and NumPy and Excel's
 * PERCENTILE.INC use): for n sorted values x₀..xₙ₋₁, the p-th percentile is
 * x at position h = (n − 1)·p/100, interpolated between ⌊h⌋ and ⌈h⌉.
 */

export const PERCENTILES = [5, 25, 50, 75, 95] as const;

export interface Summary {
  /** The expected path's value, when there is one. */
  expected?: number;
  mean: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** The p-th percentile (0–100) of values sorted ascending. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  return valueAtPosition(sorted, ((sorted.length - 1) * p) / 100);
}

/**
 * The value at position h (0 ≤ h ≤ n − 1) of values sorted ascending,
 * interpolated between ⌊h⌋ and ⌈h⌉ (type 7); NaN for no values. Callers
 * work out h as their percentiles are given (0–100 here, 0–1 in finance).
 */
export function valueAtPosition(sorted: ArrayLike<number>, h: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Mean and percentiles of some values (the array is sorted in place). */
export function summarise(values: Float64Array, expected?: number): Summary {
  values.sort();
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  const out: Summary = {
    mean: values.length ? s / values.length : Number.NaN,
    p5: percentileSorted(values, 5),
    p25: percentileSorted(values, 25),
    p50: percentileSorted(values, 50),
    p75: percentileSorted(values, 75),
    p95: percentileSorted(values, 95),
  };
  return expected === undefined ? out : { expected, ...out };
}

/** A summary of a single value (a method with no interval). */
export function pointSummary(x: number): Summary {
  return { expected: x, mean: x, p5: x, p25: x, p50: x, p75: x, p95: x };
}

/** Rounds a summary for output (one decimal place). */
export function roundSummary(s: Summary, places = 1): Summary {
  const f = 10 ** places;
  const r = (x: number) => Math.round(x * f) / f;
  const out: Summary = {
    mean: r(s.mean),
    p5: r(s.p5),
    p25: r(s.p25),
    p50: r(s.p50),
    p75: r(s.p75),
    p95: r(s.p95),
  };
  return s.expected === undefined ? out : { expected: r(s.expected), ...out };
}
