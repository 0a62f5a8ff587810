/**
 * The forecast and backtest as plain tables, for the CSV and spreadsheet
 * outputs (and anything else that wants rows): each table has a name, its
 * column headings, and rows whose first `keys` cells say what the row is.
 */
import type { BacktestResult } from "./backtest.js";
import type { ForecastResult, Projection } from "./forecast.js";
import { PERCENTILES, roundSummary, type Summary } from "./percentiles.js";

export type TableCell = string | number | boolean | null;

export interface ForecastTable {
  /** Which projection ("base" or a scenario's name), or "model" / "backtest". */
  section: string;
  id: string;
  /** A short name for a spreadsheet tab. */
  sheet: string;
  title: string;
  columns: string[];
  /** How many leading columns identify a row. */
  keys: number;
  rows: TableCell[][];
}

const STATS = ["expected", "mean", ...PERCENTILES.map((p) => `p${p}`)] as const;

const r1 = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10) / 10;

function stats(s: Summary): TableCell[] {
  return [r1(s.expected), r1(s.mean), r1(s.p5), r1(s.p25), r1(s.p50), r1(s.p75), r1(s.p95)];
}

function projectionTables(p: Projection, section: string): ForecastTable[] {
  const out: ForecastTable[] = [];
  out.push({
    section,
    id: "total",
    sheet: "Totals",
    title: "Children in care: total",
    columns: ["date", ...STATS],
    keys: 1,
    rows: p.series.map((s) => [s.date, ...stats(s.total)]),
  });
  out.push({
    section,
    id: "by_category",
    sheet: "By category",
    title: "Children in care by placement category",
    columns: ["date", "category", ...STATS],
    keys: 2,
    rows: p.series.flatMap((s) => Object.entries(s.byCategory).map(([c, v]) => [s.date, c, ...stats(v)])),
  });
  out.push({
    section,
    id: "by_age_band",
    sheet: "By age band",
    title: "Children in care by age band",
    columns: ["date", "age_band", ...STATS],
    keys: 2,
    rows: p.series.flatMap((s) => Object.entries(s.byAgeBand).map(([b, v]) => [s.date, b, ...stats(v)])),
  });
  if (p.placementsNeeded.length) {
    out.push({
      section,
      id: "placements_needed",
      sheet: "Placements needed",
      title: "New placements needed by financial year",
      columns: ["year", "group", ...STATS],
      keys: 2,
      rows: p.placementsNeeded.flatMap((y) => [
        [y.year, "total", ...stats(y.total)],
        ...Object.entries(y.byCategory).map(([c, v]) => [y.year, c, ...stats(v)]),
        ...Object.entries(y.byAgeBand).map(([b, v]) => [y.year, `age ${b}`, ...stats(v)]),
      ]),
    });
  }
  out.push({
    section,
    id: "child_days",
    sheet: "Child-days",
    title: "Child-days in care by financial year",
    columns: ["year", "category", ...STATS],
    keys: 2,
    rows: p.childDays.flatMap((y) => [
      [y.year, "total", ...stats(y.total)],
      ...Object.entries(y.byCategory).map(([c, v]) => [y.year, c, ...stats(v)]),
    ]),
  });
  if (p.flows.length) {
    const exits = Object.keys(p.flows[0]!.exits);
    out.push({
      section,
      id: "flows",
      sheet: "Entries and exits",
      title: "Entries and exits by financial year (expected path)",
      columns: ["year", "entries", "uasc_entries", ...exits.map((e) => `exits_${e}`)],
      keys: 1,
      rows: p.flows.map((f) => [
        f.year,
        r1(f.entries),
        r1(f.uascEntries),
        ...exits.map((e) => r1(f.exits[e])),
      ]),
    });
  }
  return out;
}

/** Every table of a forecast: the base, each scenario, and the fitted rates. */
export function forecastTables(f: ForecastResult): ForecastTable[] {
  const out = [...projectionTables(f, "base"), ...f.scenarios.flatMap((s) => projectionTables(s, s.name))];
  if (f.rates) {
    const r = f.rates;
    out.push({
      section: "model",
      id: "rates",
      sheet: "Rates",
      title: `Rates a year in the reference period ${r.reference.from} to ${r.reference.to}`,
      columns: [
        "uasc",
        "age_group",
        "time_in_care",
        "category",
        "destination",
        "child_years",
        "events",
        "observed",
        "estimate",
      ],
      keys: 5,
      rows: r.states.flatMap((s) =>
        Object.keys(s.estimate).map((d) => [
          s.uasc,
          s.ageGroup,
          s.timeInCare,
          s.category,
          d,
          s.childYears,
          s.events[d] ?? 0,
          s.observed[d] ?? null,
          s.estimate[d] ?? null,
        ]),
      ),
    });
    out.push({
      section: "model",
      id: "entry_rates",
      sheet: "Entry rates",
      title: "Entries (not UASC) per 10,000 children a year, by age group",
      columns: ["age_group", "entries", "child_years", "per_10000"],
      keys: 1,
      rows: r.entries.byAgeGroup.map((g) => [g.ageGroup, g.entries, g.childYears, g.per10000]),
    });
  }
  return out;
}

/** The backtest's tables: each comparison, and accuracy by method and horizon (total and by category). */
export function backtestTables(b: BacktestResult): ForecastTable[] {
  const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 1000) / 10);
  const rows: TableCell[][] = [];
  for (const o of b.origins) {
    for (const h of o.horizons) {
      const t = h.total;
      rows.push([
        o.method,
        o.origin,
        h.years,
        h.date,
        t.actual,
        r1(t.p50),
        r1(t.p5),
        r1(t.p95),
        r1(t.pctError),
        t.in50,
        t.in90,
      ]);
    }
  }
  const byHorizon: TableCell[][] = [];
  const byCategory: TableCell[][] = [];
  for (const [method, list] of Object.entries(b.byHorizon)) {
    for (const h of list) {
      byHorizon.push([
        method,
        h.years,
        h.n,
        r1(h.medianAbsPctError),
        r1(h.meanAbsPctError),
        r1(h.meanPctError),
        pct(h.coverage50),
        pct(h.coverage90),
      ]);
      for (const [c, a] of Object.entries(h.byCategory)) {
        byCategory.push([method, h.years, c, r1(a.medianAbsPctError), pct(a.coverage50), pct(a.coverage90)]);
      }
    }
  }
  return [
    {
      section: "backtest",
      id: "by_horizon",
      sheet: "Accuracy",
      title: "Accuracy by method and years ahead (total)",
      columns: [
        "method",
        "years",
        "n",
        "median_abs_pct_error",
        "mean_abs_pct_error",
        "mean_pct_error",
        "coverage50_pct",
        "coverage90_pct",
      ],
      keys: 2,
      rows: byHorizon,
    },
    {
      section: "backtest",
      id: "by_category",
      sheet: "Accuracy by category",
      title: "Accuracy by method, years ahead and category",
      columns: ["method", "years", "category", "median_abs_pct_error", "coverage50_pct", "coverage90_pct"],
      keys: 3,
      rows: byCategory,
    },
    {
      section: "backtest",
      id: "comparisons",
      sheet: "Comparisons",
      title: "Each forecast compared with what happened (total)",
      columns: [
        "method",
        "origin",
        "years",
        "date",
        "actual",
        "p50",
        "p5",
        "p95",
        "pct_error",
        "in50",
        "in90",
      ],
      keys: 3,
      rows,
    },
  ];
}

/** The long form: one line per cell, section,table,row,column,value (the row is its key cells joined by |). */
export function longRows(
  tables: readonly ForecastTable[],
): Array<[string, string, string, string, TableCell]> {
  const out: Array<[string, string, string, string, TableCell]> = [];
  for (const t of tables) {
    for (const row of t.rows) {
      const key = row.slice(0, t.keys).map(String).join("|");
      for (let j = t.keys; j < t.columns.length; j++)
        out.push([t.section, t.id, key, t.columns[j]!, row[j] ?? null]);
    }
  }
  return out;
}

/**
 * The forecast as JSON-ready data: numbers of children and placements to
 * one decimal place, and the typed arrays of child-days (per run, and of
 * the expected path) as plain arrays (to 0.1 of a day), so a saved forecast
 * can be read back by the costs and gap commands.
 */
export function forecastJson(f: ForecastResult): unknown {
  const days = (d: ForecastResult["runDays"]) => ({
    ...d,
    values: Array.from(d.values, (x) => Math.round(x * 10) / 10),
  });
  const sums = (o: Record<string, Summary>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, roundSummary(v)]));
  const shape = (p: Projection) => ({
    ...p,
    series: p.series.map((s) => ({
      date: s.date,
      total: roundSummary(s.total),
      byCategory: sums(s.byCategory),
      byAgeBand: sums(s.byAgeBand),
    })),
    placementsNeeded: p.placementsNeeded.map((y) => ({
      year: y.year,
      total: roundSummary(y.total),
      byCategory: sums(y.byCategory),
      byAgeBand: sums(y.byAgeBand),
    })),
    childDays: p.childDays.map((y) => ({
      year: y.year,
      total: roundSummary(y.total, 0),
      byCategory: Object.fromEntries(Object.entries(y.byCategory).map(([k, v]) => [k, roundSummary(v, 0)])),
    })),
    flows: p.flows.map((y) => ({
      year: y.year,
      entries: r1(y.entries),
      uascEntries: r1(y.uascEntries),
      exits: Object.fromEntries(Object.entries(y.exits).map(([k, v]) => [k, r1(v)])),
    })),
    runDays: days(p.runDays),
    expectedDays: days(p.expectedDays),
  });
  return { ...shape(f), scenarios: f.scenarios.map(shape) };
}
