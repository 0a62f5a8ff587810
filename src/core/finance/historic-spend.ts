import {
  COST_CATEGORIES,
  COST_CATEGORY_LABELS,
  type CostCategory,
  PROVIDERS,
  type Provider,
} from "./categories.js";
import type { ChildDaysRow } from "./child-days.js";
import { type CostTable, weeklyCost } from "./cost-table.js";
import { type FinancialYear, fyLabel } from "./financial-years.js";
import type { InflationPath } from "./inflation.js";
import { defaultProviderMix } from "./provider-mix.js";

export interface HistoricCategory {
  childWeeks: number;
  /** Null when the category has no cost. */
  cost: number | null;
}

export interface HistoricYear {
  year: string;
  byCategory: Record<CostCategory, HistoricCategory>;
  childWeeks: number;
  cost: number;
  uncostedChildWeeks: number;
}

export interface HistoricSpend {
  years: HistoricYear[];
  notes: string[];
}

/**
 * What past placements cost at the cost table's prices: for each past
 * financial year, child-days by category and provider (from the rebuilt
 * history) × the weekly cost of that category and provider in that year ÷ 7.
 * Costs are brought to each year's prices by the inflation path (deflated for
 * years before a cost's price year). Days with no provider code are costed at
 * the category's default provider split. This is a reconstruction to show
 * the trend, not the council's accounts.
 */
export function historicSpend(
  rows: readonly ChildDaysRow[],
  years: readonly FinancialYear[],
  table: CostTable,
  inflation: InflationPath,
): HistoricSpend {
  const notes: string[] = [];
  const fallback = defaultProviderMix().mix;
  const uncostedCats = new Set<CostCategory>();
  const dailyCache = new Map<string, number | null>();
  const daily = (c: CostCategory, p: Provider | undefined, y: FinancialYear): number | null => {
    const key = `${c}|${p}|${y}`;
    if (dailyCache.has(key)) return dailyCache.get(key)!;
    let weekly: number | null = 0;
    const parts: Array<[Provider, number]> = p
      ? [[p, 1]]
      : PROVIDERS.filter((q) => (fallback[c][q] ?? 0) > 0).map((q) => [q, fallback[c][q]!]);
    for (const [q, share] of parts) {
      const w = weeklyCost(table, inflation, c, q, y);
      if (!w) {
        weekly = null;
        break;
      }
      weekly += share * w.weekly;
    }
    const value = weekly === null ? null : weekly / 7;
    dailyCache.set(key, value);
    return value;
  };
  const out: HistoricYear[] = years.map((y) => {
    const byCategory = Object.fromEntries(
      COST_CATEGORIES.map((c) => [c, { childWeeks: 0, cost: 0 as number | null }]),
    ) as Record<CostCategory, HistoricCategory>;
    let days = 0;
    let cost = 0;
    let uncosted = 0;
    for (const r of rows) {
      if (r.year !== y) continue;
      const cat = byCategory[r.category];
      cat.childWeeks += r.days / 7;
      days += r.days;
      const rate = daily(r.category, r.provider, y);
      if (rate === null) {
        uncosted += r.days / 7;
        uncostedCats.add(r.category);
        cat.cost = null;
      } else {
        if (cat.cost !== null) cat.cost += r.days * rate;
        cost += r.days * rate;
      }
    }
    for (const c of COST_CATEGORIES) {
      const cat = byCategory[c];
      cat.childWeeks = Math.round(cat.childWeeks * 10) / 10;
      if (cat.cost !== null) cat.cost = Math.round(cat.cost);
    }
    return {
      year: fyLabel(y),
      byCategory,
      childWeeks: Math.round((days / 7) * 10) / 10,
      cost: Math.round(cost),
      uncostedChildWeeks: Math.round(uncosted * 10) / 10,
    };
  });
  for (const c of uncostedCats)
    notes.push(
      `No weekly cost for ${COST_CATEGORY_LABELS[c]}: its child-days are not costed; give one in the cost table.`,
    );
  return { years: out, notes };
}
