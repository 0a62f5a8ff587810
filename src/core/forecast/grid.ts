/**
 * The projection's time grid: monthly steps from the start date to each
 * following month end up to the horizon, each with its length in days, its
 * financial year (April–March, as collection years) and the population
 * child-years it holds for each age group.
 */
import { addMonths, type Day, monthEnd, monthEnds } from "../dates.js";
import type { AgeBands } from "../profile/bands.js";
import { collectionYearOf, yearLabel } from "../ssda903/years.js";
import { DAYS_PER_YEAR, type PopulationCurve } from "./population-curve.js";

export interface TimeGrid {
  start: Day;
  /** Month ends after the start, one per step. */
  ends: Day[];
  K: number;
  /** Days in each step. */
  days: Float64Array;
  /**
   * Days each step's moves and exits are reckoned over: a whole month is
   * always 365.25/12 days (so one set of monthly transition tables serves
   * every month; the year's total is the same), a part month its days.
   */
  dynDays: Float64Array;
  /** Financial year index of each step (into years). */
  fy: Int32Array;
  /** Financial years covered, as collection years (2025 = 2025/26), and their labels. */
  years: number[];
  labels: string[];
  /** Population child-years of each age group in each step, index k·G + g. */
  popYears: Float64Array;
  G: number;
}

export function timeGrid(start: Day, years: number, pop: PopulationCurve, groups: AgeBands): TimeGrid {
  const last = monthEnd(addMonths(start, 12 * years));
  const ends = monthEnds(start, last).filter((d) => d > start);
  const K = ends.length;
  const days = new Float64Array(K);
  const dynDays = new Float64Array(K);
  const fy = new Int32Array(K);
  const G = groups.lower.length;
  const popYears = new Float64Array(K * G);
  const first = collectionYearOf(start + 1);
  const fyYears: number[] = [];
  let prev = start;
  for (let k = 0; k < K; k++) {
    const end = ends[k]!;
    days[k] = end - prev;
    dynDays[k] = monthEnd(prev) === prev ? DAYS_PER_YEAR / 12 : days[k]!;
    const y = collectionYearOf(end);
    fy[k] = y - first;
    if (fyYears[y - first] === undefined) fyYears[y - first] = y;
    const mid = (prev + end) / 2;
    for (let g = 0; g < G; g++) {
      const hi = groups.lower[g + 1] ?? 18;
      let s = 0;
      for (let a = groups.lower[g]!; a < hi; a++) s += pop.at(mid, a);
      popYears[k * G + g] = (s * days[k]!) / DAYS_PER_YEAR;
    }
    prev = end;
  }
  return { start, ends, K, days, dynDays, fy, years: fyYears, labels: fyYears.map(yearLabel), popYears, G };
}
