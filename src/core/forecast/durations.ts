/**
 * Time in care: how long a child has been in the current period of care.
 * Leaving care depends strongly on it (many children go home within weeks,
 * while those who stay a year mostly stay for years), and a model without
 * it overstates how fast long-staying children leave and how long new
 * entrants stay (docs/forecasting.md, "Why time in care"). Rates are
 * estimated per duration band; the projection follows each child's time
 * in care in whole months up to the last boundary.
 */
import { addMonths } from "../dates.js";

export interface DurationBands {
  /** Lower bounds in months of every band but the first (ascending, above 0). */
  bounds: readonly number[];
  NB: number;
  /** Months followed exactly: a child in care this long or longer is in the last band. */
  DM: number;
  /** Band of each month of time in care 0..DM. */
  band: Int8Array;
  labels: string[];
}

export function durationBands(bounds: readonly number[]): DurationBands {
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i]!;
    if (!Number.isInteger(b) || b <= 0 || (i > 0 && b <= bounds[i - 1]!) || b > 120) {
      throw new RangeError("time-in-care bands must be whole months in increasing order, from 1 to 120");
    }
  }
  const DM = bounds.length ? bounds[bounds.length - 1]! : 0;
  const band = new Int8Array(DM + 1);
  for (let m = 0; m <= DM; m++) {
    let b = 0;
    while (b < bounds.length && m >= bounds[b]!) b++;
    band[m] = b;
  }
  const edges = [0, ...bounds];
  const labels = edges.map((lo, i) =>
    i + 1 < edges.length ? `${lo}-${edges[i + 1]! - 1} months` : `${lo}+ months`,
  );
  return { bounds, NB: bounds.length + 1, DM, band, labels };
}

export const DEFAULT_DURATION_BANDS: DurationBands = durationBands([3, 12]);

/** Band of time in care on `day` for a period that began on `periodStart`. */
export function durationBandOn(d: DurationBands, periodStart: number, day: number): number {
  let b = 0;
  while (b < d.bounds.length && day >= addMonths(periodStart, d.bounds[b]!)) b++;
  return b;
}
