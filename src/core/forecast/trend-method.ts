/**
 * The trend-and-population method councils use (after Bromley's
 * sufficiency strategy), as a second method to compare with: for each age
 * band and category, the average of the month-end counts over the last
 * months (default 12) before the start, scaled by the growth of the band's
 * population since the start and by a growth factor a year (default 0).
 * UASC are averaged the same way and held flat (councils plan them
 * separately). It gives one number per date: no interval.
 */
import { addMonths, type Day, monthEnds } from "../dates.js";
import type { AgeBands } from "../profile/bands.js";
import { STRATA, stockOnDays } from "./exposure.js";
import { DAYS_PER_YEAR, type PopulationCurve } from "./population-curve.js";
import type { Segments } from "./segments.js";

export interface TrendMethodOptions {
  /** Month ends averaged (default 12). */
  averageMonths?: number;
  /** Growth a year on top of the population's (0.02 = +2%; default 0). */
  growth?: number;
}

export interface TrendMethodPath {
  /** For each date: [total, each category, each band]. */
  values: Float64Array;
  W: number;
  /** The averages the forecast starts from, by stratum, band and category, index (u·B + b)·C + c. */
  average: Float64Array;
  averagedFrom: Day;
}

function bandPopulation(pop: PopulationCurve, bands: AgeBands, b: number, day: number): number {
  const hi = bands.lower[b + 1] ?? 18;
  let s = 0;
  for (let a = bands.lower[b]!; a < hi; a++) s += pop.at(day, a);
  return s;
}

export function trendMethod(
  seg: Segments,
  pop: PopulationCurve,
  start: Day,
  dates: readonly Day[],
  bands: AgeBands,
  o: TrendMethodOptions = {},
): TrendMethodPath {
  const months = o.averageMonths ?? 12;
  const growth = o.growth ?? 0;
  const C = seg.categories.length;
  const B = bands.lower.length;
  const W = 1 + C + B;
  const from = addMonths(start, -(months - 1));
  const ends = monthEnds(from, start).filter((d) => d <= start && d >= seg.dataStart);
  if (ends.length === 0) ends.push(start);
  const { counts, unknownAge } = stockOnDays(seg, ends, bands);
  const average = new Float64Array(STRATA * B * C);
  const unknown = new Float64Array(C);
  for (let j = 0; j < ends.length; j++) {
    for (let i = 0; i < STRATA * B * C; i++) average[i]! += counts[j * STRATA * B * C + i]! / ends.length;
    for (let c = 0; c < C; c++) unknown[c]! += unknownAge[j * C + c]! / ends.length;
  }
  const base = Array.from({ length: B }, (_, b) => bandPopulation(pop, bands, b, start));
  const values = new Float64Array(dates.length * W);
  dates.forEach((d, k) => {
    const years = (d - start) / DAYS_PER_YEAR;
    const g = (1 + growth) ** years;
    const at = k * W;
    for (let b = 0; b < B; b++) {
      const scale = base[b]! > 0 ? (bandPopulation(pop, bands, b, d) / base[b]!) * g : g;
      for (let c = 0; c < C; c++) {
        const x = average[(0 * B + b) * C + c]! * scale + average[(1 * B + b) * C + c]!;
        values[at]! += x;
        values[at + 1 + c]! += x;
        values[at + 1 + C + b]! += x;
      }
    }
    for (let c = 0; c < C; c++) {
      values[at]! += unknown[c]!;
      values[at + 1 + c]! += unknown[c]!;
    }
  });
  return { values, W, average, averagedFrom: ends[0]! };
}
