import type { CostTable } from "./cost-table.js";
import { daysInFinancialYear, parseFinancialYear } from "./financial-years.js";
import type { InflationPath } from "./inflation.js";
import { roundSpread, type Spread, spread } from "./percentiles.js";
import type { ProviderMix } from "./provider-mix.js";
import { type ForecastDays, type RunDays, runCount, runDaysYears } from "./run-days.js";
import { type CategoryYearCost, type UnitCosts, unitCosts } from "./unit-costs.js";

/** What a budget is costed with: the cost table, the inflation path and the provider mix. */
export interface Costing {
  table: CostTable;
  inflation: InflationPath;
  mix: ProviderMix;
}

/** The unit costs for the years and categories of forecast days. */
export function unitCostsFor(d: RunDays, costing: Costing): UnitCosts {
  return unitCosts(costing.table, costing.inflation, costing.mix, runDaysYears(d), d.categories);
}

/** For each category of `d`, its index in the unit costs (−1 when absent); likewise years. */
function align(d: RunDays, costs: UnitCosts): { cat: number[]; year: number[] } {
  return {
    cat: d.categories.map((c) => costs.categories.indexOf(c)),
    year: runDaysYears(d).map((y) => costs.years.indexOf(y)),
  };
}

/**
 * Each run's total cost per year: out[run × Y + y] = Σ_c days(run, y, c) ×
 * daily(c, y). Costing each run before summarising is what makes the
 * interval right: the percentiles of the runs' totals, not a total of each
 * category's percentiles (categories do not peak together). Uncosted
 * categories add nothing.
 */
export function runTotals(d: RunDays, costs: UnitCosts): Float64Array {
  const runs = runCount(d);
  const Y = d.years.length;
  const C = d.categories.length;
  const CC = costs.categories.length;
  const { cat, year } = align(d, costs);
  const out = new Float64Array(runs * Y);
  for (let r = 0; r < runs; r++) {
    for (let y = 0; y < Y; y++) {
      let total = 0;
      const yi = year[y]!;
      for (let c = 0; c < C; c++) {
        const ci = cat[c]!;
        if (yi < 0 || ci < 0) continue;
        const rate = costs.daily[yi * CC + ci]!;
        if (Number.isNaN(rate)) continue;
        total += d.values[(r * Y + y) * C + c]! * rate;
      }
      out[r * Y + y] = total;
    }
  }
  return out;
}

export interface CategoryBudget {
  childWeeks: number;
  /** Average number of children placed over the year: child-days ÷ days in the year. */
  children: number;
  /** Null when the category is not costed. */
  cost: number | null;
}

export interface BudgetYear {
  year: string;
  /** The expected path: cost and child-weeks by category, and the total. */
  expected: {
    total: number;
    byCategory: Record<string, CategoryBudget>;
    uncostedChildWeeks: number;
  } | null;
  /** Over the Monte Carlo runs: mean and percentiles of each run's total cost. */
  runs: Spread | null;
}

export interface Budget {
  years: BudgetYear[];
  /** Number of Monte Carlo runs costed (0 with the expected path only). */
  runs: number;
  /**
   * False when, in some year, the mean of the runs' costs is more than 20% from the expected
   * path's (a sign the forecast's runs and expected path do not describe the same thing);
   * null without both.
   */
  runsAgree: boolean | null;
  unitCosts: CategoryYearCost[];
  notes: string[];
}

const pounds = (x: number) => Math.round(x);
const tenth = (x: number) => Math.round(x * 10) / 10;

/**
 * The placement budget by financial year: for the expected path, child-weeks
 * and cost by category; over the runs, the spread of each run's total
 * (runTotals). Costs are in pounds at each year's prices (the cost table
 * inflated by the path), rounded to the pound; child-weeks to 0.1.
 */
export function projectBudget(days: ForecastDays, costing: Costing): Budget {
  const shape = days.runDays ?? days.expectedDays;
  if (!shape) throw new RangeError("no forecast days to cost");
  const costs = unitCostsFor(shape, costing);
  const runs = days.runDays ? runCount(days.runDays) : 0;
  const totals = days.runDays && runs > 0 ? runTotals(days.runDays, costs) : undefined;
  const exp = days.expectedDays;
  const expCosts = exp && exp !== shape ? unitCostsFor(exp, costing) : costs;
  const years: BudgetYear[] = shape.years.map((label, y) => {
    let expected: BudgetYear["expected"] = null;
    const ey = exp ? exp.years.indexOf(label) : -1;
    if (exp && ey >= 0) {
      const C = exp.categories.length;
      const CC = expCosts.categories.length;
      const fy = parseFinancialYear(label)!;
      const yi = expCosts.years.indexOf(fy);
      const daysInYear = daysInFinancialYear(fy);
      const byCategory: Record<string, CategoryBudget> = {};
      let total = 0;
      let uncosted = 0;
      exp.categories.forEach((cat, c) => {
        const d = exp.values[ey * C + c]!;
        const rate = expCosts.daily[yi * CC + expCosts.categories.indexOf(cat)]!;
        const cost = Number.isNaN(rate) ? null : d * rate;
        if (cost === null) uncosted += d / 7;
        else total += cost;
        byCategory[cat] = {
          childWeeks: tenth(d / 7),
          children: tenth(d / daysInYear),
          cost: cost === null ? null : pounds(cost),
        };
      });
      expected = { total: pounds(total), byCategory, uncostedChildWeeks: tenth(uncosted) };
    }
    let runSpread: Spread | null = null;
    if (totals) {
      const Y = shape.years.length;
      const sample = new Float64Array(runs);
      for (let r = 0; r < runs; r++) sample[r] = totals[r * Y + y]!;
      runSpread = roundSpread(spread(sample), pounds);
    }
    return { year: label, expected, runs: runSpread };
  });
  const notes = [...costs.notes];
  const apart = years.filter(
    (y) => y.expected && y.runs && y.expected.total > 0 && Math.abs(y.runs.mean / y.expected.total - 1) > 0.2,
  );
  if (apart.length)
    notes.push(
      `The forecast's runs and its expected path disagree: the mean of the runs' costs is more than 20% from the expected path's in ${apart.map((y) => y.year).join(", ")}. Check the forecast before using the interval.`,
    );
  const both = years.filter((y) => y.expected && y.runs);
  return { years, runs, runsAgree: both.length ? apart.length === 0 : null, unitCosts: costs.rows, notes };
}

export interface ComparisonYear {
  year: string;
  /** Expected path: base cost, scenario cost and the saving (base − scenario). */
  expected: { base: number; scenario: number; saving: number } | null;
  /** The saving run by run (run i of the base against run i of the scenario), summarised. */
  saving: Spread | null;
}

export interface BudgetComparison {
  name: string;
  years: ComparisonYear[];
  notes: string[];
}

/**
 * The saving of a scenario against the base: base − scenario, per year. Over
 * the runs the difference is taken run by run and then summarised, so the
 * interval is that of the saving itself (the forecast runs each scenario
 * with the same seeds, so run i of each meets the same chance events);
 * the difference of two intervals would be far too wide.
 */
export function compareBudgets(
  name: string,
  base: ForecastDays,
  scenario: ForecastDays,
  costing: Costing,
): BudgetComparison {
  const notes: string[] = [];
  const shape = base.runDays ?? base.expectedDays;
  if (!shape) throw new RangeError("no forecast days to cost");
  let baseRuns: Float64Array | undefined;
  let scenRuns: Float64Array | undefined;
  let n = 0;
  if (base.runDays && scenario.runDays) {
    n = runCount(base.runDays);
    if (n !== runCount(scenario.runDays)) {
      notes.push(
        `The base has ${n} runs and the scenario ${runCount(scenario.runDays)}: runs cannot be paired, so no interval is given.`,
      );
    } else {
      baseRuns = runTotals(base.runDays, unitCostsFor(base.runDays, costing));
      scenRuns = runTotals(scenario.runDays, unitCostsFor(scenario.runDays, costing));
    }
  }
  const expTotal = (d: RunDays | undefined) => {
    if (!d) return undefined;
    const t = runTotals(d, unitCostsFor(d, costing));
    return (label: string) => {
      const i = d.years.indexOf(label);
      return i < 0 ? undefined : t[i]!;
    };
  };
  const be = expTotal(base.expectedDays);
  const se = expTotal(scenario.expectedDays);
  const years = shape.years.map((label, y): ComparisonYear => {
    const b = be?.(label);
    const s = se?.(label);
    let saving: Spread | null = null;
    if (baseRuns && scenRuns && scenario.runDays) {
      const sy = scenario.runDays.years.indexOf(label);
      if (sy >= 0) {
        const Y = shape.years.length;
        const SY = scenario.runDays.years.length;
        const diff = new Float64Array(n);
        for (let r = 0; r < n; r++) diff[r] = baseRuns[r * Y + y]! - scenRuns[r * SY + sy]!;
        saving = roundSpread(spread(diff), pounds);
      }
    }
    return {
      year: label,
      expected:
        b === undefined || s === undefined
          ? null
          : { base: pounds(b), scenario: pounds(s), saving: pounds(b) - pounds(s) },
      saving,
    };
  });
  return { name, years, notes };
}
