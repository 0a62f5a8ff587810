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
 * Mean and percentiles of some values. The order statistics each percentile needs come from
 * counting when the values are whole numbers in a range of at most 4n (a run's counts of
 * children and placements are: one pass to count, one over the counts); otherwise the
 * array is reordered in place, far enough that each is where sorting would put it
 * (`selectOrder`), which takes a few passes over the values where a sort takes about log₂ n.
 */
export function summarise(values: Float64Array, expected?: number): Summary {
  const n = values.length;
  let s = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    s += x;
    if (x < min) min = x;
    if (x > max) max = x;
    if (x !== Math.floor(x)) whole = false;
  }
  const ks = orderNeeded(n);
  // The order statistic at each position k in ks, as sorting would put it.
  const sorted: OrderStats = { length: n };
  if (n > 0 && !(whole && max - min <= 4 * n && countOrder(values, min, max, ks, sorted))) {
    selectOrder(values, ks);
    for (const k of ks) sorted[k] = values[k]!;
  }
  const out: Summary = {
    mean: n ? s / n : Number.NaN,
    p5: percentileSorted(sorted, 5),
    p25: percentileSorted(sorted, 25),
    p50: percentileSorted(sorted, 50),
    p75: percentileSorted(sorted, 75),
    p95: percentileSorted(sorted, 95),
  };
  return expected === undefined ? out : { expected, ...out };
}

/** The order statistics (ascending, each once) that the percentiles of n values interpolate between. */
const needed = new Map<number, number[]>();
function orderNeeded(n: number): number[] {
  let ks = needed.get(n);
  if (!ks) {
    const all: number[] = [];
    for (const p of PERCENTILES) {
      const lo = Math.floor(percentilePosition(n, p));
      all.push(lo, Math.min(n - 1, lo + 1));
    }
    ks = n > 0 ? [...new Set(all)].sort((x, y) => x - y) : [];
    needed.set(n, ks);
  }
  return ks;
}

/** Some order statistics of n values, at their positions (read as `valueAtPosition` reads a sorted array). */
interface OrderStats {
  length: number;
  [k: number]: number;
}

/** Counts, reused between calls (a summary at a time). */
let counts = new Int32Array(0);

/**
 * The order statistics ks (ascending) of whole-number values from min to max, into out at their
 * positions, by counting each value. False (and nothing done) when the range is too wide to count.
 */
function countOrder(
  values: Float64Array,
  min: number,
  max: number,
  ks: readonly number[],
  out: OrderStats,
): boolean {
  const range = max - min + 1;
  if (!(range <= 1 << 24)) return false;
  if (counts.length < range) counts = new Int32Array(Math.max(range, 2 * counts.length));
  counts.fill(0, 0, range);
  for (let i = 0; i < values.length; i++) counts[values[i]! - min]! += 1;
  // Walk the counts: value v holds positions [below, below + counts[v]).
  let below = 0;
  let j = 0;
  for (let v = 0; v < range && j < ks.length; v++) {
    below += counts[v]!;
    while (j < ks.length && ks[j]! < below) out[ks[j++]!] = v + min;
  }
  return true;
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
