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

/** The position (n − 1)·p/100 of the p-th percentile (0–100) among n sorted values. */
function percentilePosition(n: number, p: number): number {
  return ((n - 1) * p) / 100;
}

/** The p-th percentile (0–100) of values sorted ascending. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  return valueAtPosition(sorted, percentilePosition(sorted.length, p));
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

/**
 * Mean and percentiles of some values. The array is reordered in place, far enough that each
 * order statistic a percentile needs is where sorting would put it (`selectOrder`), which takes
 * a few passes over the values where a sort takes about log₂ n.
 */
export function summarise(values: Float64Array, expected?: number): Summary {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i]!;
  // The order statistics each percentile interpolates between (as valueAtPosition reads them).
  const need: number[] = [];
  for (const p of PERCENTILES) {
    const lo = Math.floor(percentilePosition(n, p));
    need.push(lo, Math.min(n - 1, lo + 1));
  }
  if (n > 0)
    selectOrder(
      values,
      [...new Set(need)].sort((x, y) => x - y),
    );
  const out: Summary = {
    mean: n ? s / n : Number.NaN,
    p5: percentileSorted(values, 5),
    p25: percentileSorted(values, 25),
    p50: percentileSorted(values, 50),
    p75: percentileSorted(values, 75),
    p95: percentileSorted(values, 95),
  };
  return expected === undefined ? out : { expected, ...out };
}

/**
 * Reorders `a` so that a[k] is its k-th smallest value (0-based) for each k in `ks` (ascending),
 * as in the sorted array: Hoare's quickselect, partitioning once and going on into each side
 * that still holds a wanted position (C. A. R. Hoare, "Algorithm 65: Find", CACM 4, 1961).
 */
export function selectOrder(a: Float64Array, ks: readonly number[]): void {
  select(a, 0, a.length - 1, ks, 0, ks.length - 1);
}

function select(
  a: Float64Array,
  lo: number,
  hi: number,
  ks: readonly number[],
  k0: number,
  k1: number,
): void {
  while (lo < hi && k0 <= k1) {
    if (hi - lo < 16) {
      insertionSort(a, lo, hi);
      return;
    }
    // Median of three as the pivot; the partition leaves a[lo..j] ≤ pivot ≤ a[j + 1..hi].
    const mid = (lo + hi) >>> 1;
    const pivot = median3(a[lo]!, a[mid]!, a[hi]!);
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do i++;
      while (a[i]! < pivot);
      do j--;
      while (a[j]! > pivot);
      if (i >= j) break;
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
    // Wanted positions k0..m are on the left (≤ j), the rest on the right.
    let m = k0 - 1;
    while (m < k1 && ks[m + 1]! <= j) m++;
    if (m >= k0) select(a, lo, j, ks, k0, m);
    lo = j + 1;
    k0 = m + 1;
  }
}

function median3(x: number, y: number, z: number): number {
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
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
