import { type FinancialYear, parseFinancialYear } from "./financial-years.js";

/**
 * Child-days of care by financial year and placement category for each
 * Monte Carlo run of a forecast: the shape the forecasting engine gives for
 * costing. values[(run × years.length + y) × categories.length + c]. The
 * expected path has the same shape with one run.
 */
export interface RunDays {
  /** Financial years, "2025/26". */
  readonly years: readonly string[];
  readonly categories: readonly string[];
  readonly values: ArrayLike<number>;
}

/** The forecast days a budget is made from: the runs, the expected path, or both. */
export interface ForecastDays {
  runDays?: RunDays;
  expectedDays?: RunDays;
}

/** Number of runs; throws RangeError when the values do not fill whole runs. */
export function runCount(d: RunDays): number {
  const per = d.years.length * d.categories.length;
  if (per === 0) return 0;
  if (d.values.length % per !== 0)
    throw new RangeError(
      `forecast days: ${d.values.length} values do not fill whole runs of ${d.years.length} years × ${d.categories.length} categories`,
    );
  return d.values.length / per;
}

/** The financial years of a RunDays; throws RangeError on a label that is not one. */
export function runDaysYears(d: RunDays): FinancialYear[] {
  return d.years.map((label) => {
    const y = parseFinancialYear(label);
    if (y === undefined)
      throw new RangeError(`forecast days: '${label}' is not a financial year like 2025/26`);
    return y;
  });
}

/** The value for a run, year index and category index. */
export function dayValue(d: RunDays, run: number, y: number, c: number): number {
  return d.values[(run * d.years.length + y) * d.categories.length + c]!;
}

/** Totals over runs: mean child-days per year and category (a RunDays of one run). */
export function meanOverRuns(d: RunDays): RunDays {
  const n = runCount(d);
  const per = d.years.length * d.categories.length;
  const out = new Float64Array(per);
  for (let r = 0; r < n; r++) for (let i = 0; i < per; i++) out[i]! += d.values[r * per + i]!;
  for (let i = 0; i < per; i++) out[i]! /= n || 1;
  return { years: d.years, categories: d.categories, values: out };
}
