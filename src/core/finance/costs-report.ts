import type { Day } from "../dates.js";
import {
  type ActualCost,
  type ActualCostSummary,
  actualCostEntries,
  summariseActualCosts,
} from "./actual-costs.js";
import { type Budget, type BudgetComparison, type Costing, compareBudgets, projectBudget } from "./budget.js";
import { COST_CATEGORIES } from "./categories.js";
import type { ChildDaysRow } from "./child-days.js";
import { type CostEntry, type CostTable, overlayCosts } from "./cost-table.js";
import { type FinancialYear, fyLabel } from "./financial-years.js";
import { type HistoricSpend, historicSpend } from "./historic-spend.js";
import { HISTORIC_CPI_SOURCE, type InflationPath, type RateSource, rateFor } from "./inflation.js";
import { defaultProviderMix, type ProviderMixResult, providerMixFromDays } from "./provider-mix.js";
import { type ForecastDays, runDaysYears } from "./run-days.js";

/** What `sufficiency costs` reports: the costs used, the budget, scenarios, past spend and actual costs. */
export interface CostsReport {
  costTable: CostEntry[];
  /** The inflation rate of every year used, for all categories, with where it came from; category rates that differ are listed too. */
  inflation: Array<{ year: string; rate: number; source: RateSource; byCategory: Record<string, number> }>;
  providerMix: ProviderMixResult;
  budget: Budget | null;
  scenarios: BudgetComparison[];
  historic: HistoricSpend | null;
  actual: ActualCostSummary | null;
  notes: string[];
}

export interface CostsInput {
  table: CostTable;
  inflation: InflationPath;
  /** The history's child-days (for past spend and the provider mix), and the years to reconstruct. */
  history?: { rows: ChildDaysRow[]; years: FinancialYear[] };
  forecast?: ForecastDays;
  scenarios?: Array<{ name: string; days: ForecastDays }>;
  /** Actual costs per child-placement, and the day ongoing placements are counted to. */
  actual?: { rows: ActualCost[]; asOf: Day };
}

/**
 * Puts the costs together: actual costs (when given) replace the table's
 * entries for their category and provider; the provider mix comes from the
 * history's latest year (defaults without one); then the budget of the
 * forecast and of each scenario, and the reconstruction of past spend.
 */
export function costsReport(input: CostsInput): CostsReport {
  const notes: string[] = [];
  let table = input.table;
  let actual: ActualCostSummary | null = null;
  if (input.actual) {
    actual = summariseActualCosts(input.actual.rows, input.actual.asOf);
    table = overlayCosts(table, actualCostEntries(actual));
    notes.push(
      `The council's actual costs replace the cost table for ${actual.groups.length} category and provider pairs (each year's day-weighted average).`,
    );
  }
  const h = input.history;
  const lastYear = h?.years[h.years.length - 1];
  const providerMix =
    h && lastYear !== undefined ? providerMixFromDays(h.rows, lastYear) : defaultProviderMix();
  if (!h)
    notes.push(
      "No 903 history given: children's homes and other categories are split between providers by national defaults.",
    );
  const costing: Costing = { table, inflation: input.inflation, mix: providerMix.mix };
  let budget: Budget | null = null;
  const scenarios: BudgetComparison[] = [];
  if (input.forecast && (input.forecast.runDays || input.forecast.expectedDays)) {
    budget = projectBudget(input.forecast, costing);
    for (const s of input.scenarios ?? [])
      scenarios.push(compareBudgets(s.name, input.forecast, s.days, costing));
  }
  const historic = h ? historicSpend(h.rows, h.years, table, input.inflation) : null;
  if (historic) notes.push(...historic.notes);
  if (budget) notes.push(...budget.notes);

  const years = new Set<FinancialYear>(h?.years ?? []);
  const shape = input.forecast?.runDays ?? input.forecast?.expectedDays;
  if (shape) for (const y of runDaysYears(shape)) years.add(y);
  const inflation = [...years]
    .sort((a, b) => a - b)
    .map((y) => {
      const all = rateFor(input.inflation, "", y);
      const byCategory: Record<string, number> = {};
      for (const c of COST_CATEGORIES) {
        const r = rateFor(input.inflation, c, y).rate;
        if (r !== all.rate) byCategory[c] = r;
      }
      return { year: fyLabel(y), rate: all.rate, source: all.source, byCategory };
    });
  if (inflation.some((r) => r.source === "CPI")) notes.push(`Past inflation: ${HISTORIC_CPI_SOURCE}.`);
  if (inflation.some((r) => r.source === "default"))
    notes.push(
      "Years with no inflation rate given use 2% a year (the Bank of England's CPI target); councils budget with their own rates (Bromley 2022: 7% rising to 9%).",
    );
  return {
    costTable: table.entries,
    inflation,
    providerMix,
    budget,
    scenarios,
    historic,
    actual,
    notes: [...new Set(notes)],
  };
}
