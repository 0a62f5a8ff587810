import { z } from "zod";
import { type Day, formatISO, parseDate } from "../dates.js";
import { InputFileError, numberField, readCsvTable } from "../inputs/csv-table.js";
import { COST_CATEGORY_LABELS, type CostCategory, PROVIDER_LABELS, type Provider } from "./categories.js";
import { type CostEntry, categoryField, providerField } from "./cost-table.js";
import { type FinancialYear, fyLabel, splitByFinancialYear } from "./financial-years.js";
import { quantileSorted } from "./percentiles.js";

/** One child-placement's weekly cost, as the council's finance system records it. */
export interface ActualCost {
  /** Pseudonymous child id (never a name). */
  child: string;
  category: CostCategory;
  provider: Provider;
  start: Day;
  /** The end date: the placement is paid for the days [start, end); null while it goes on. */
  end: Day | null;
  weekly: number;
}

/** LGA (2023): 1,510 children's home placements cost £10,000 or more a week in 2022/23. */
export const HIGH_COST_WEEKLY = 10_000;

const dateField = (what: string, optional: boolean) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const d = parseDate(s ?? "");
      if (d === null) {
        if (!optional) ctx.addIssue({ code: "custom", message: `${what} must not be blank` });
        return null;
      }
      if (Number.isNaN(d)) {
        ctx.addIssue({ code: "custom", message: "must be a date (DD/MM/YYYY or YYYY-MM-DD)" });
        return null;
      }
      return d;
    });

const Row = z.object({
  child: z.string({ error: "must not be blank" }).trim().min(1, "must not be blank"),
  category: categoryField(),
  provider: providerField(),
  start: dateField("the start date", false),
  end: dateField("the end date", true),
  weekly_cost: numberField().pipe(
    z.number().nonnegative("must not be negative").max(1_000_000, "must be at most £1,000,000 a week"),
  ),
});

export const ACTUAL_COST_COLUMNS = ["child", "category", "provider", "start", "end", "weekly_cost"] as const;

/**
 * Reads actual costs `child,category,provider,start,end,weekly_cost`, one row
 * per child-placement (a blank end: still placed). The placement is paid for
 * the days [start, end), like an episode.
 */
export function readActualCostsCsv(file: string, text: string): ActualCost[] {
  const rows = readCsvTable(file, text, Row);
  const problems = [];
  const out: ActualCost[] = [];
  for (const [i, r] of rows.entries()) {
    if (r.end !== null && r.start !== null && r.end < r.start) {
      problems.push({ file, row: i + 2, field: "end", rule: "must not be before the start date" });
      continue;
    }
    out.push({
      child: r.child,
      category: r.category,
      provider: r.provider,
      start: r.start!,
      end: r.end,
      weekly: r.weekly_cost,
    });
  }
  if (problems.length) throw new InputFileError(problems);
  if (out.length === 0) throw new InputFileError([{ file, rule: "no cost rows" }]);
  return out;
}

export interface ActualCostGroup {
  category: CostCategory;
  provider: Provider;
  placements: number;
  children: number;
  childWeeks: number;
  /** Weighted by days placed: Σ weekly × days ÷ Σ days. */
  averageWeekly: number;
  /** Of the placements' weekly costs, unweighted. */
  medianWeekly: number;
  p90Weekly: number;
  maxWeekly: number;
  /** Placements at £10,000 a week or more, and their share of the group's spend. */
  highCost: number;
  highCostSpendShare: number | null;
}

export interface ActualCostYear {
  year: string;
  category: CostCategory;
  provider: Provider;
  childWeeks: number;
  averageWeekly: number;
  spend: number;
}

export interface ActualCostSummary {
  /** Ongoing placements are counted up to this day (exclusive). */
  asOf: string;
  groups: ActualCostGroup[];
  byYear: ActualCostYear[];
  notes: string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const tenth = (x: number) => Math.round(x * 10) / 10;

/**
 * Summarises actual costs per category and provider (averages, median, 90th
 * percentile, maximum, the high-cost tail) and per financial year (child-weeks,
 * day-weighted average weekly cost, spend = Σ weekly ÷ 7 × days in the year).
 * Ongoing placements run to `asOf` (exclusive); a placement starting after it
 * has no days.
 */
export function summariseActualCosts(rows: readonly ActualCost[], asOf: Day): ActualCostSummary {
  const groups = new Map<string, ActualCost[]>();
  for (const r of rows) {
    const k = `${r.category}|${r.provider}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const daysOf = (r: ActualCost) => Math.max(0, Math.min(r.end ?? asOf, asOf) - r.start);
  const out: ActualCostGroup[] = [];
  const years = new Map<string, { days: number; spend: number }>();
  for (const [, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    let days = 0;
    let weighted = 0;
    let high = 0;
    let highSpend = 0;
    for (const r of g) {
      const d = daysOf(r);
      days += d;
      weighted += (r.weekly * d) / 7;
      if (r.weekly >= HIGH_COST_WEEKLY) {
        high += 1;
        highSpend += (r.weekly * d) / 7;
      }
      for (const part of splitByFinancialYear(r.start, Math.min(r.end ?? asOf, asOf))) {
        const k = `${part.year}|${r.category}|${r.provider}`;
        const y = years.get(k) ?? { days: 0, spend: 0 };
        y.days += part.days;
        y.spend += (r.weekly * part.days) / 7;
        years.set(k, y);
      }
    }
    const sorted = Float64Array.from(g.map((r) => r.weekly)).sort();
    const first = g[0]!;
    out.push({
      category: first.category,
      provider: first.provider,
      placements: g.length,
      children: new Set(g.map((r) => r.child)).size,
      childWeeks: tenth(days / 7),
      averageWeekly: round2(days > 0 ? (weighted * 7) / days : sorted.reduce((a, b) => a + b, 0) / g.length),
      medianWeekly: round2(quantileSorted(sorted, 0.5)),
      p90Weekly: round2(quantileSorted(sorted, 0.9)),
      maxWeekly: round2(sorted[sorted.length - 1]!),
      highCost: high,
      highCostSpendShare: weighted > 0 ? round2(highSpend / weighted) : null,
    });
  }
  const byYear: ActualCostYear[] = [...years]
    .map(([k, v]) => {
      const [y, category, provider] = k.split("|") as [string, CostCategory, Provider];
      return {
        year: fyLabel(Number(y)),
        category,
        provider,
        childWeeks: tenth(v.days / 7),
        averageWeekly: round2((v.spend * 7) / v.days),
        spend: Math.round(v.spend),
      };
    })
    .sort((a, b) => a.year.localeCompare(b.year) || a.category.localeCompare(b.category));
  return { asOf: formatISO(asOf), groups: out, byYear, notes: [] };
}

/**
 * Cost-table entries from actual costs: for each category, provider and
 * financial year with placements, the day-weighted average weekly cost, to
 * replace the defaults (overlayCosts) with the council's own prices.
 */
export function actualCostEntries(summary: ActualCostSummary): CostEntry[] {
  return summary.byYear.map((y) => {
    const placements = summary.groups.find(
      (g) => g.category === y.category && g.provider === y.provider,
    )!.placements;
    return {
      category: y.category,
      provider: y.provider,
      year: Number(y.year.slice(0, 4)) as FinancialYear,
      weekly: y.averageWeekly,
      source: `council's actual costs, ${y.year}: ${y.childWeeks.toLocaleString("en-GB")} child-weeks (${COST_CATEGORY_LABELS[y.category].toLowerCase()}, ${PROVIDER_LABELS[y.provider].toLowerCase()}; ${placements} placements over all years)`,
      origin: "actual" as const,
    };
  });
}
