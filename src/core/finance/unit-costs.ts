import {
  COST_CATEGORY_LABELS,
  isCostCategory,
  PROVIDER_LABELS,
  PROVIDERS,
  type Provider,
} from "./categories.js";
import { type CostTable, weeklyCost } from "./cost-table.js";
import { type FinancialYear, fyLabel } from "./financial-years.js";
import type { InflationPath } from "./inflation.js";
import type { ProviderMix } from "./provider-mix.js";

/** One provider's part of a category's cost in a year. */
export interface CostPart {
  provider: Provider;
  share: number;
  weekly: number;
  /** The price the weekly cost was inflated from, its year and source. */
  baseWeekly: number;
  baseYear: string;
  factor: number;
  source: string;
  origin: "default" | "given" | "actual";
  /** Another provider's figure was used for lack of this one's. */
  usedProvider?: Provider;
}

export interface CategoryYearCost {
  category: string;
  year: string;
  /** Weekly cost per child, the provider costs weighted by the mix; null when not costed. */
  weekly: number | null;
  parts: CostPart[];
}

/** Unit costs for the years and categories of a forecast or of the history. */
export interface UnitCosts {
  years: FinancialYear[];
  categories: string[];
  /** Daily cost per child = weekly ÷ 7, index y × categories.length + c; NaN when not costed. */
  daily: Float64Array;
  rows: CategoryYearCost[];
  notes: string[];
}

/** An old price is one at least this many years before the year it is used for. */
export const OLD_PRICE_YEARS = 3;

/**
 * The weekly and daily cost of each category in each financial year:
 * weekly(c, y) = Σ_p mix(c, p) × weekly(c, p, y), each provider's weekly cost
 * brought from its price year to y by the inflation path; daily = weekly ÷ 7,
 * so part weeks cost pro rata by days. A category that is not one of the
 * cost categories, or has no cost for any provider, is not costed (NaN), and
 * a note says so; a note also names each default used at a price three or
 * more years old, with the factor it was inflated by.
 */
export function unitCosts(
  table: CostTable,
  inflation: InflationPath,
  mix: ProviderMix,
  years: readonly FinancialYear[],
  categories: readonly string[],
): UnitCosts {
  const C = categories.length;
  const daily = new Float64Array(years.length * C).fill(Number.NaN);
  const rows: CategoryYearCost[] = [];
  const notes: string[] = [];
  const noted = new Set<string>();
  years.forEach((year, yi) => {
    categories.forEach((category, ci) => {
      const row: CategoryYearCost = { category, year: fyLabel(year), weekly: null, parts: [] };
      rows.push(row);
      if (!isCostCategory(category)) {
        if (!noted.has(category)) {
          notes.push(`'${category}' is not a cost category; its child-days are not costed.`);
          noted.add(category);
        }
        return;
      }
      const shares = mix[category];
      let weekly = 0;
      let costed = true;
      for (const p of PROVIDERS) {
        const share = shares[p] ?? 0;
        if (share === 0) continue;
        const w = weeklyCost(table, inflation, category, p, year);
        if (!w) {
          costed = false;
          break;
        }
        weekly += share * w.weekly;
        row.parts.push({
          provider: p,
          share,
          weekly: w.weekly,
          baseWeekly: w.entry.weekly,
          baseYear: fyLabel(w.entry.year),
          factor: w.factor,
          source: w.entry.source,
          origin: w.entry.origin,
          ...(w.usedProvider ? { usedProvider: w.usedProvider } : {}),
        });
        const key = `${category}|${p}|${w.entry.year}`;
        if (
          w.entry.origin === "default" &&
          w.entry.weekly > 0 &&
          year - w.entry.year >= OLD_PRICE_YEARS &&
          !noted.has(key)
        ) {
          noted.add(key);
          notes.push(
            `${COST_CATEGORY_LABELS[category]} (${PROVIDER_LABELS[p].toLowerCase()}): the default £${w.entry.weekly.toLocaleString("en-GB")} a week is a ${fyLabel(w.entry.year)} price (${w.entry.source}); inflated to ${fyLabel(year)} prices by ×${w.factor.toFixed(3)}. Replace it with the council's own cost where known.`,
          );
        }
        if (w.usedProvider && w.entry.weekly > 0 && !noted.has(`${key}|used`)) {
          noted.add(`${key}|used`);
          notes.push(
            `${COST_CATEGORY_LABELS[category]}: no cost for ${PROVIDER_LABELS[p].toLowerCase()} placements; the ${PROVIDER_LABELS[w.usedProvider].toLowerCase()} cost is used.`,
          );
        }
      }
      if (!costed || row.parts.length === 0) {
        row.parts = [];
        if (!noted.has(category)) {
          noted.add(category);
          notes.push(
            `No weekly cost for ${COST_CATEGORY_LABELS[category]}: its child-days are not costed; give one in the cost table.`,
          );
        }
        return;
      }
      row.weekly = weekly;
      daily[yi * C + ci] = weekly / 7;
    });
  });
  return { years: [...years], categories: [...categories], daily, rows, notes };
}
