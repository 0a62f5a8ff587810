import { COST_CATEGORIES, type CostCategory, PROVIDERS, type Provider } from "./categories.js";
import type { ChildDaysRow } from "./child-days.js";
import { DEFAULT_PROVIDER_MIX } from "./cost-defaults.js";
import type { FinancialYear } from "./financial-years.js";

/** Shares (summing to 1) of each category's child-days by provider type. */
export type ProviderMix = Record<CostCategory, Partial<Record<Provider, number>>>;

export interface ProviderMixResult {
  mix: ProviderMix;
  /** Where each category's shares came from. */
  from: Record<CostCategory, "history" | "default">;
  /** The financial year of the history used, if any. */
  year?: FinancialYear;
}

export function defaultProviderMix(): ProviderMixResult {
  const mix = {} as ProviderMix;
  const from = {} as Record<CostCategory, "history" | "default">;
  for (const c of COST_CATEGORIES) {
    mix[c] = { ...DEFAULT_PROVIDER_MIX[c] };
    from[c] = "default";
  }
  return { mix, from };
}

/**
 * Each category's split of child-days by provider in one year of the
 * history (days with no provider code left out); the default split for a
 * category with no days that say. The cost of a category-day is then the
 * provider costs weighted by these shares (the method councils' demand
 * models use: "split within a category by historical shares").
 */
export function providerMixFromDays(rows: readonly ChildDaysRow[], year: FinancialYear): ProviderMixResult {
  const result = defaultProviderMix();
  result.year = year;
  for (const c of COST_CATEGORIES) {
    const days: Partial<Record<Provider, number>> = {};
    let total = 0;
    for (const r of rows) {
      if (r.year !== year || r.category !== c || r.provider === undefined) continue;
      days[r.provider] = (days[r.provider] ?? 0) + r.days;
      total += r.days;
    }
    if (total === 0) continue;
    const shares: Partial<Record<Provider, number>> = {};
    for (const p of PROVIDERS) if (days[p]) shares[p] = days[p]! / total;
    result.mix[c] = shares;
    result.from[c] = "history";
  }
  return result;
}
