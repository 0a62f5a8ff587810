import { valueAtPosition } from "../forecast/percentiles.js";

/** The percentiles every interval in costs, supply and the gap reports. */
export interface Spread {
  mean: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/**
 * The p-th quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear
 * interpolation between order statistics: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)
 * (x[⌊h⌋+1] − x[⌊h⌋]) (Hyndman and Fan's type 7, the default of R and
 * NumPy). NaN for no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  return valueAtPosition(sorted, (sorted.length - 1) * p);
}

/** Mean and the 5th, 25th, 50th, 75th and 95th percentiles of a sample. */
export function spread(values: ArrayLike<number>): Spread {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
  };
}

/** A spread with each figure rounded by `round`. */
export function roundSpread(s: Spread, round: (x: number) => number): Spread {
  return {
    mean: round(s.mean),
    p5: round(s.p5),
    p25: round(s.p25),
    p50: round(s.p50),
    p75: round(s.p75),
    p95: round(s.p95),
  };
}
