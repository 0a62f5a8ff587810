import Papa from "papaparse";
import { z } from "zod";
import { InputFileError, numberField, readCsvTable } from "../inputs/csv-table.js";
import {
  COST_CATEGORIES,
  type CostCategory,
  isCostCategory,
  isProvider,
  PROVIDERS,
  type Provider,
} from "./categories.js";
import { DEFAULT_COSTS } from "./cost-defaults.js";
import { type FinancialYear, fyLabel, parseFinancialYear } from "./financial-years.js";
import { type InflationPath, inflationFactor } from "./inflation.js";

/**
 * A weekly unit cost: pounds per child per week for a placement category and
 * provider, at the prices of one financial year, with where it came from.
 */
export interface CostEntry {
  category: CostCategory;
  provider: Provider;
  year: FinancialYear;
  weekly: number;
  source: string;
  /** "default": the built-in national figure; "given": the council's cost table; "actual": averaged from its actual costs. */
  origin: "default" | "given" | "actual";
}

/** The costs in use: a council's entries over the defaults. */
export interface CostTable {
  entries: CostEntry[];
}

export function defaultCostTable(): CostTable {
  return { entries: DEFAULT_COSTS.map((e) => ({ ...e })) };
}

/**
 * Lays `overrides` over `base`: for each (category, provider) the overrides
 * name, the base's entries are dropped and the overrides' used, so a
 * council's own figures never mix with the defaults for the same pair.
 */
export function overlayCosts(base: CostTable, overrides: readonly CostEntry[]): CostTable {
  const named = new Set(overrides.map((e) => `${e.category}|${e.provider}`));
  return {
    entries: [...base.entries.filter((e) => !named.has(`${e.category}|${e.provider}`)), ...overrides],
  };
}

/** A weekly cost for a year: the entry used, brought to the year by inflation. */
export interface WeeklyCost {
  weekly: number;
  entry: CostEntry;
  /** The inflation factor from the entry's year to the year costed. */
  factor: number;
  /** Set when the (category, provider) had no entry and another provider's was used. */
  usedProvider?: Provider;
}

/**
 * The weekly cost of a category and provider in a financial year: the
 * entry for the latest year at or before it (else the earliest), times the
 * inflation factor between the two years. When the provider has no entry,
 * the category's entry for another provider (agency, in-house, other council,
 * in that order) is used and named; undefined when the category has none.
 */
export function weeklyCost(
  table: CostTable,
  inflation: InflationPath,
  category: CostCategory,
  provider: Provider,
  year: FinancialYear,
): WeeklyCost | undefined {
  const order = [provider, ...(["agency", "inhouse", "other_la"] as const).filter((p) => p !== provider)];
  for (const p of order) {
    const entries = table.entries.filter((e) => e.category === category && e.provider === p);
    if (entries.length === 0) continue;
    const atOrBefore = entries.filter((e) => e.year <= year).sort((a, b) => b.year - a.year)[0];
    const entry = atOrBefore ?? entries.sort((a, b) => a.year - b.year)[0]!;
    const factor = inflationFactor(inflation, category, entry.year, year);
    return { weekly: entry.weekly * factor, entry, factor, ...(p !== provider ? { usedProvider: p } : {}) };
  }
  return undefined;
}

const PROVIDER_ALIASES: Record<string, Provider> = {
  inhouse: "inhouse",
  in_house: "inhouse",
  own: "inhouse",
  la: "inhouse",
  agency: "agency",
  ifa: "agency",
  private: "agency",
  voluntary: "agency",
  other_la: "other_la",
  other: "other_la",
};

/** Reads a provider type, accepting a few spellings ("in-house", "IFA", "other LA"). */
export function parseProvider(text: string): Provider | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return isProvider(key) ? key : PROVIDER_ALIASES[key];
}

export const categoryField = () =>
  z
    .string({ error: "must not be blank" })
    .trim()
    .refine(isCostCategory, { message: `must be a placement category: ${COST_CATEGORIES.join(", ")}` })
    .transform((s) => s as CostCategory);

export const providerField = () =>
  z
    .string({ error: "must not be blank" })
    .refine((s) => parseProvider(s) !== undefined, {
      message: `must be a provider type: ${PROVIDERS.join(", ")}`,
    })
    .transform((s) => parseProvider(s)!);

export const financialYearField = () =>
  z
    .string({ error: "must not be blank" })
    .refine((s) => parseFinancialYear(s) !== undefined, {
      message: "must be a financial year like 2025/26 or 2025",
    })
    .transform((s) => parseFinancialYear(s)!);

const CostRow = z.object({
  category: categoryField(),
  provider: providerField(),
  year: financialYearField(),
  weekly_cost: numberField().pipe(
    z.number().nonnegative("must not be negative").max(1_000_000, "must be at most £1,000,000 a week"),
  ),
  source: z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim()),
});

export const COST_TABLE_COLUMNS = ["category", "provider", "year", "weekly_cost", "source"] as const;

/**
 * Reads a cost table `category,provider,year,weekly_cost,source` (pounds per
 * child per week; year a financial year). Each (category, provider, year)
 * may appear once.
 */
export function readCostTableCsv(file: string, text: string): CostEntry[] {
  const rows = readCsvTable(file, text, CostRow);
  const seen = new Map<string, number>();
  const problems = [];
  const out: CostEntry[] = [];
  for (const [i, r] of rows.entries()) {
    const key = `${r.category}|${r.provider}|${r.year}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({
        file,
        row: i + 2,
        field: "year",
        rule: `${r.category}, ${r.provider}, ${fyLabel(r.year)} already given in row ${first}`,
      });
    seen.set(key, i + 2);
    out.push({
      category: r.category,
      provider: r.provider,
      year: r.year,
      weekly: r.weekly_cost,
      source: r.source || `${file}, row ${i + 2}`,
      origin: "given",
    });
  }
  if (problems.length) throw new InputFileError(problems);
  if (out.length === 0) throw new InputFileError([{ file, rule: "no cost rows" }]);
  return out;
}

/** The table as CSV in the form `readCostTableCsv` reads. */
export function costTableCsv(table: CostTable): string {
  const rows = [...table.entries]
    .sort(
      (a, b) =>
        a.category.localeCompare(b.category) || a.provider.localeCompare(b.provider) || a.year - b.year,
    )
    .map((e) => [e.category, e.provider, fyLabel(e.year), e.weekly, e.source]);
  return `${Papa.unparse({ fields: [...COST_TABLE_COLUMNS], data: rows }, { newline: "\r\n", escapeFormulae: true })}\r\n`;
}
