/**
 * Fitting the forecast model: from the segments and the population, the
 * reference window's rates and entries, and the stock on the start date.
 */
import { addMonths, type Day, formatISO } from "../dates.js";
import type { AgeBands } from "../profile/bands.js";
import { checkAgeGroups, DEFAULT_AGE_GROUPS, groupOfMonth, REPORT_BANDS } from "./ages.js";
import { DEFAULT_DURATION_BANDS, type DurationBands } from "./durations.js";
import { type EntryModel, estimateEntries } from "./entries.js";
import { countWindow, stockByMonth, type WindowCounts } from "./exposure.js";
import type { PopulationCurve } from "./population-curve.js";
import { estimateRates, type RateEstimates } from "./rates.js";
import type { Segments } from "./segments.js";
import { DEFAULT_SHRINKAGE, type ShrinkageOptions } from "./shrinkage.js";

export interface FitOptions {
  /** Years of history before the start used to estimate rates (default 3). */
  referenceYears?: number;
  /** Apply the fitted entry trend (default false: the trend is reported, not used). */
  trend?: boolean;
  uascPerYear?: number | [number, number];
  ageGroups?: AgeBands;
  /** Time-in-care bands (default 0–2, 3–11, 12+ months). */
  durations?: DurationBands;
  bands?: AgeBands;
  shrinkage?: ShrinkageOptions;
}

export interface FittedModel {
  categories: readonly string[];
  C: number;
  G: number;
  /** Time-in-care bands, and age group × band combinations (GA = G·NB). */
  NB: number;
  GA: number;
  D: number;
  groups: AgeBands;
  durations: DurationBands;
  bands: AgeBands;
  /** Age group and report band of each month of age. */
  monthGroup: Int8Array;
  monthBand: Int8Array;
  start: Day;
  /** The reference window [from, to): to is the day after the start. */
  window: { from: Day; to: Day };
  counts: WindowCounts;
  rates: RateEstimates;
  entries: EntryModel;
  /** Stock on the start date, index ((u·MONTHS + m)·(DM + 1) + dm)·C + c. */
  initial: Float64Array;
  /** Children in care on the start date with no date of birth (given an age). */
  imputedAges: number;
  notes: string[];
}

export function fitModel(seg: Segments, pop: PopulationCurve, start: Day, o: FitOptions = {}): FittedModel {
  const groups = o.ageGroups ?? DEFAULT_AGE_GROUPS;
  checkAgeGroups(groups);
  const bands = o.bands ?? REPORT_BANDS;
  const refYears = o.referenceYears ?? 3;
  if (!(refYears > 0)) throw new RangeError("the reference period must be at least one year");
  const notes: string[] = [];
  const to = start + 1;
  let from = addMonths(start, -12 * refYears) + 1;
  if (!Number.isFinite(seg.dataStart)) throw new RangeError("the data hold no episodes");
  if (from < seg.dataStart) {
    from = seg.dataStart;
    notes.push(`the reference period was shortened to begin with the data, on ${formatISO(from)}`);
  }
  if (to <= from) throw new RangeError("the start date is before the first year of data");
  const durations = o.durations ?? DEFAULT_DURATION_BANDS;
  const counts = countWindow(seg, groups, durations, from, to);
  const rates = estimateRates(counts, o.shrinkage ?? DEFAULT_SHRINKAGE);
  const entries = estimateEntries(seg, counts, pop, groups, {
    trend: o.trend ?? false,
    uascPerYear: o.uascPerYear,
  });
  const { stock, imputed } = stockByMonth(seg, start, durations.DM);
  if (imputed > 0)
    notes.push(
      `${imputed} children in care at the start have no date of birth; each was given the middle age of their category`,
    );
  if (seg.childrenWithoutDob > 0)
    notes.push(
      `${seg.childrenWithoutDob} children without a date of birth are left out of the rate estimates`,
    );
  if (start > pop.lastMid)
    notes.push("the population file ends before the start; its last year is held flat");
  return {
    categories: seg.categories,
    C: counts.C,
    G: counts.G,
    NB: counts.NB,
    GA: counts.GA,
    D: counts.D,
    groups,
    durations,
    bands,
    monthGroup: groupOfMonth(groups),
    monthBand: groupOfMonth(bands),
    start,
    window: { from, to },
    counts,
    rates,
    entries,
    initial: stock,
    imputedAges: imputed,
    notes,
  };
}
