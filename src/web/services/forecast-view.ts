/**
 * A stored forecast as pages show it and its downloads hold it: tables in
 * the costs-and-supply tables' form (src/reports/plan-tables.ts, so the
 * same CSV and XLSX exports serve them) and server-side SVG charts
 * (src/charts), each chart beside the table of its numbers.
 */
import { barChart } from "../../charts/bar.js";
import { type FanPoint, fanChart } from "../../charts/fan.js";
import { formatNumber } from "../../charts/format.js";
import { lineChart } from "../../charts/line.js";
import type { BacktestResult } from "../../core/forecast/backtest.js";
import { CATEGORY_LABELS } from "../../core/forecast/categories.js";
import type { Summary } from "../../core/forecast/percentiles.js";
import { bandLabel, longDate } from "../../reports/labels.js";
import type { PlanCell, PlanFormat, PlanTable } from "../../reports/plan-tables.js";
import type { StoredForecast, StoredProjection } from "./forecasts.js";
import { withoutInlineStyle } from "./profiles.js";

export const categoryLabel = (c: string) => CATEGORY_LABELS[c] ?? c;

/** An age band as it goes in a table's id and a chart's: "10-12" → "10_12", "16+" → "16_plus". */
const bandId = (b: string) => b.replace(/\+/g, "_plus").replace(/\W+/g, "_");

/** How periods of care end, as the flows table's columns name them. */
const EXIT_COLUMNS: Record<string, string> = {
  returned_home: "Left: returned home",
  adoption: "Left: adopted",
  special_guardianship: "Left: special guardianship",
  age_18: "Left: independent living before 18",
  other: "Left: other reasons",
  turned_18: "Left: turned 18",
};

function table(
  t: Omit<PlanTable, "id" | "formats" | "totalRows" | "notes" | "sheet"> & {
    formats: PlanFormat[];
    sheet?: string;
    notes?: string[];
  },
): PlanTable {
  return {
    ...t,
    id: `${t.section}.${t.name}`,
    sheet: (t.sheet ?? t.title).slice(0, 31),
    totalRows: [],
    notes: t.notes ?? [],
  };
}

const r1 = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10) / 10;

const STAT_COLUMNS = [
  "Expected",
  "Median",
  "25th percentile",
  "75th percentile",
  "5th percentile",
  "95th percentile",
];
const STAT_KEYS = ["expected", "p50", "p25", "p75", "p5", "p95"];
const stats = (s: Summary): PlanCell[] => [
  r1(s.expected),
  r1(s.p50),
  r1(s.p25),
  r1(s.p75),
  r1(s.p5),
  r1(s.p95),
];

/** The start and each 31 March of the forecast (and its last date, if that is not a 31 March). */
export function yearPoints<T extends { date: string }>(series: readonly T[]): T[] {
  return series.filter((p, i) => i === 0 || i === series.length - 1 || p.date.endsWith("-03-31"));
}

const INTERVALS =
  "The median is the middle of the simulated futures; the 25th–75th percentiles hold half of them and the 5th–95th nine in ten (docs/forecasting.md, How to read an interval). The expected path is the forecast at the estimated rates.";

function seriesTable(
  name: string,
  title: string,
  points: ReadonlyArray<{ date: string; s: Summary }>,
  definition: string,
  intervals = true,
): PlanTable {
  if (!intervals)
    return table({
      section: "forecast",
      name,
      title,
      columns: ["Date", "Forecast"],
      columnKeys: ["label", "expected"],
      formats: ["text", "decimal"],
      rows: points.map((p) => [p.date, r1(p.s.expected ?? p.s.p50)]),
      rowKeys: points.map((p) => p.date),
      definition: `${definition} The trend method gives one number a date, with no range.`,
    });
  return table({
    section: "forecast",
    name,
    title,
    columns: ["Date", ...STAT_COLUMNS],
    columnKeys: ["label", ...STAT_KEYS],
    formats: ["text", ...STAT_KEYS.map((): PlanFormat => "decimal")],
    rows: points.map((p) => [p.date, ...stats(p.s)]),
    rowKeys: points.map((p) => p.date),
    definition: `${definition} ${INTERVALS}`,
  });
}

/** Every table of a forecast (and its backtest), for the pages and the downloads. */
export function forecastTables(f: StoredForecast, backtest?: BacktestResult): PlanTable[] {
  const out: PlanTable[] = [];
  const intervals = f.runs > 0;
  out.push(
    seriesTable(
      "total",
      "Children in care at each month end: all children",
      f.series.map((p) => ({ date: p.date, s: p.total })),
      "Children in care at each month end of the forecast (the first row is its start).",
      intervals,
    ),
  );
  const years = yearPoints(f.series);
  for (const c of f.categories) {
    out.push(
      seriesTable(
        `category_${c}`,
        `Children in care: ${categoryLabel(c)}`,
        years.map((p) => ({ date: p.date, s: p.byCategory[c]! })),
        `Children in care placed in ${categoryLabel(c).toLowerCase()} at the start and each 31 March.`,
        intervals,
      ),
    );
  }
  for (const b of f.ageBands) {
    out.push(
      seriesTable(
        `age_${bandId(b)}`,
        `Children in care aged ${bandLabel(b)}`,
        years.map((p) => ({ date: p.date, s: p.byAgeBand[b]! })),
        `Children in care aged ${bandLabel(b)} at the start and each 31 March.`,
        intervals,
      ),
    );
  }
  if (f.placementsNeeded.length) {
    out.push(
      table({
        section: "forecast",
        name: "placements",
        title: "New placements needed by financial year",
        columns: ["Financial year", ...STAT_COLUMNS],
        columnKeys: ["label", ...STAT_KEYS],
        formats: ["text", ...STAT_KEYS.map((): PlanFormat => "decimal")],
        rows: f.placementsNeeded.map((y) => [y.year, ...stats(y.total)]),
        rowKeys: f.placementsNeeded.map((y) => y.year),
        definition:
          "New placements started in the year: entries into care (each a first placement), moves to new carers in another category, and moves within a category.",
      }),
      table({
        section: "forecast",
        name: "placements_by_category",
        title: "New placements needed by category and financial year (expected)",
        columns: ["Category", ...f.placementsNeeded.map((y) => y.year)],
        columnKeys: ["label", ...f.placementsNeeded.map((y) => y.year)],
        formats: ["text", ...f.placementsNeeded.map((): PlanFormat => "decimal")],
        rows: f.categories.map((c) => [
          categoryLabel(c),
          ...f.placementsNeeded.map((y) => r1(y.byCategory[c]?.expected)),
        ]),
        rowKeys: [...f.categories],
        definition: "New placements started in each category in the year, on the expected path.",
      }),
    );
  }
  if (f.flows.length) {
    const exits = Object.keys(f.flows[0]!.exits);
    out.push(
      table({
        section: "forecast",
        name: "flows",
        title: "Entries into care and exits by financial year (expected)",
        columns: [
          "Financial year",
          "Entries",
          "UASC entries",
          ...exits.map((e) => EXIT_COLUMNS[e] ?? `Left: ${e.replace(/_/g, " ")}`),
        ],
        columnKeys: ["label", "entries", "uasc_entries", ...exits],
        formats: ["text", "decimal", "decimal", ...exits.map((): PlanFormat => "decimal")],
        rows: f.flows.map((y) => [
          y.year,
          r1(y.entries),
          r1(y.uascEntries),
          ...exits.map((e) => r1(y.exits[e])),
        ]),
        rowKeys: f.flows.map((y) => y.year),
        definition:
          "Periods of care starting and ending in the year on the expected path, by how they ended.",
      }),
    );
  }
  if (f.scenarios.length) out.push(...scenarioTables(f));
  if (backtest) out.push(...backtestTables(backtest));
  return out;
}

/** The base and each scenario side by side: the median (with the 90% range) and placements needed. */
function scenarioTables(f: StoredForecast): PlanTable[] {
  const all: StoredProjection[] = [f, ...f.scenarios];
  const name = (p: StoredProjection) => (p.name === "base" ? "Base" : p.name);
  const points = yearPoints(f.series).map((p) => p.date);
  const at = (p: StoredProjection, date: string) => p.series.find((s) => s.date === date)!.total;
  const out = [
    table({
      section: "scenarios",
      name: "children",
      title: "Children in care: the base and each scenario",
      sheet: "Scenarios: children",
      columns: ["Date", ...all.flatMap((p) => [`${name(p)}: median`, `${name(p)}: 5th`, `${name(p)}: 95th`])],
      columnKeys: ["label", ...all.flatMap((_, i) => [`s${i}_p50`, `s${i}_p5`, `s${i}_p95`])],
      formats: ["text", ...all.flatMap((): PlanFormat[] => ["decimal", "decimal", "decimal"])],
      rows: points.map((d) => [
        d,
        ...all.flatMap((p) => {
          const s = at(p, d);
          return [r1(s.p50), r1(s.p5), r1(s.p95)];
        }),
      ]),
      rowKeys: points,
      definition:
        "Each scenario is projected beside the base with the same random numbers, so the difference between them is the scenario's effect, not chance.",
    }),
  ];
  if (f.placementsNeeded.length)
    out.push(
      table({
        section: "scenarios",
        name: "placements",
        title: "New placements needed: the base and each scenario (expected)",
        sheet: "Scenarios: placements",
        columns: ["Financial year", ...all.map(name)],
        columnKeys: ["label", ...all.map((_, i) => `s${i}`)],
        formats: ["text", ...all.map((): PlanFormat => "decimal")],
        rows: f.placementsNeeded.map((y, k) => [
          y.year,
          ...all.map((p) => r1(p.placementsNeeded[k]?.total.expected)),
        ]),
        rowKeys: f.placementsNeeded.map((y) => y.year),
        definition: "New placements started in the year on each projection's expected path.",
      }),
    );
  return out;
}

/** Accuracy of the forecast on the council's own past (the backtest), by method and years ahead. */
export function backtestTables(b: BacktestResult): PlanTable[] {
  const rows: PlanCell[][] = [];
  const keys: string[] = [];
  for (const [method, list] of Object.entries(b.byHorizon)) {
    for (const h of list) {
      rows.push([
        `${method === "markov" ? "The model" : "Trend and population"}, ${h.years} ${h.years === 1 ? "year" : "years"} ahead`,
        h.n,
        r1(h.medianAbsPctError),
        r1(h.meanPctError),
        h.coverage50 === null ? null : r1(h.coverage50 * 100),
        h.coverage90 === null ? null : r1(h.coverage90 * 100),
      ]);
      keys.push(`${method}.${h.years}`);
    }
  }
  return [
    table({
      section: "backtest",
      name: "accuracy",
      title: "How accurate the forecast has been on this council's past",
      sheet: "Backtest accuracy",
      columns: [
        "Method and years ahead",
        "Forecasts compared",
        "Median error of the total %",
        "Mean error (bias) %",
        "Actual inside the 50% range %",
        "Actual inside the 90% range %",
      ],
      columnKeys: ["label", "n", "median_abs_pct_error", "mean_pct_error", "coverage50", "coverage90"],
      formats: ["text", "count", "decimal", "decimal", "decimal", "decimal"],
      rows,
      rowKeys: keys,
      definition: `For each 31 March with ${b.settings.minHistoryYears} years of data before it, the forecast was made from the data up to that day only (${b.settings.runs} runs) and compared with what happened. Error = (median − actual) ÷ actual; a positive bias means forecasts were too high. About 50% and 90% of actual numbers should fall inside the 50% and 90% ranges.`,
    }),
  ];
}

const fan = (points: ReadonlyArray<{ date: string; s: Summary }>): FanPoint[] =>
  points.map((p) => ({
    date: p.date,
    median: p.s.p50,
    lower50: p.s.p25,
    upper50: p.s.p75,
    lower90: p.s.p5,
    upper90: p.s.p95,
  }));

function describe(what: string, points: ReadonlyArray<{ date: string; s: Summary }>): string {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return `Fan chart of ${what}. The median forecast goes from ${formatNumber(first.s.p50)} on ${longDate(first.date)} to ${formatNumber(last.s.p50)} on ${longDate(last.date)}, when the 90% range is ${formatNumber(last.s.p5)} to ${formatNumber(last.s.p95)}. The numbers are in the table with the chart.`;
}

/** The charts of a forecast, by the id of the table holding their numbers. */
export function forecastCharts(
  f: StoredForecast,
  observed: ReadonlyArray<{ date: string; value: number }> = [],
): Record<string, string> {
  const charts: Record<string, string> = {};
  const intervals = f.runs > 0;
  const add = (id: string, svg: string) => {
    charts[id] = withoutInlineStyle(svg);
  };
  const total = f.series.map((p) => ({ date: p.date, s: p.total }));
  if (intervals)
    add(
      "forecast.total",
      fanChart({
        id: "chart-forecast-total",
        title: "Children in care: forecast with its 50% and 90% ranges",
        description: `${describe("children in care", total)}${observed.length ? " A solid line shows the children in care at each month end before the forecast." : ""}`,
        forecast: fan(total),
        observed,
        yLabel: "Children in care",
        min: 0,
      }),
    );
  else
    add(
      "forecast.total",
      lineChart({
        id: "chart-forecast-total",
        title: "Children in care: forecast by the trend method",
        description: `Line chart of children in care before the forecast and as forecast by the trend method (no interval), ${formatNumber(total.at(-1)!.s.p50)} on ${longDate(total.at(-1)!.date)}. The numbers are in the table with the chart.`,
        series: [
          ...(observed.length ? [{ name: "Observed", points: observed }] : []),
          { name: "Forecast", points: total.map((p) => ({ date: p.date, value: p.s.p50 })) },
        ],
        yLabel: "Children in care",
        min: 0,
      }),
    );
  const monthly = (get: (p: StoredForecast["series"][number]) => Summary) =>
    f.series.map((p) => ({ date: p.date, s: get(p) }));
  if (intervals) {
    for (const c of f.categories) {
      const pts = monthly((p) => p.byCategory[c]!);
      add(
        `forecast.category_${c}`,
        fanChart({
          id: `chart-forecast-category-${c}`,
          title: `Children in care, ${categoryLabel(c).toLowerCase()}: forecast with its 50% and 90% ranges`,
          description: describe(`children in ${categoryLabel(c).toLowerCase()}`, pts),
          forecast: fan(pts),
          yLabel: "Children",
          min: 0,
          height: 300,
        }),
      );
    }
    for (const b of f.ageBands) {
      const pts = monthly((p) => p.byAgeBand[b]!);
      add(
        `forecast.age_${bandId(b)}`,
        fanChart({
          id: `chart-forecast-age-${bandId(b).replace(/_/g, "-")}`,
          title: `Children in care aged ${bandLabel(b)}: forecast with its 50% and 90% ranges`,
          description: describe(`children in care aged ${bandLabel(b)}`, pts),
          forecast: fan(pts),
          yLabel: "Children",
          min: 0,
          height: 300,
        }),
      );
    }
  }
  if (f.placementsNeeded.length) {
    add(
      "forecast.placements",
      barChart({
        id: "chart-forecast-placements",
        title: "New placements needed by financial year (expected)",
        description: `Bar chart of the new placements the forecast starts each year, from ${formatNumber(f.placementsNeeded[0]!.total.expected ?? 0)} in ${f.placementsNeeded[0]!.year} to ${formatNumber(f.placementsNeeded.at(-1)!.total.expected ?? 0)} in ${f.placementsNeeded.at(-1)!.year}. The numbers are in the table with the chart.`,
        categories: f.placementsNeeded.map((y) => y.year),
        series: [{ name: "New placements", values: f.placementsNeeded.map((y) => r1(y.total.expected)) }],
        axisLabel: "New placements",
      }),
    );
  }
  if (f.scenarios.length) {
    const all: StoredProjection[] = [f, ...f.scenarios];
    add(
      "scenarios.children",
      lineChart({
        id: "chart-scenarios-children",
        title: "Children in care: the median of the base and of each scenario",
        description: `Line chart of the median number of children in care: ${all
          .map(
            (p) => `${p.name === "base" ? "the base" : p.name} ${formatNumber(p.series.at(-1)!.total.p50)}`,
          )
          .join(
            ", ",
          )} on ${longDate(f.series.at(-1)!.date)}. The numbers, with the 90% ranges, are in the table with the chart.`,
        series: all.map((p) => ({
          name: p.name === "base" ? "Base" : p.name,
          points: p.series.map((s) => ({ date: s.date, value: s.total.p50 })),
        })),
        yLabel: "Children in care (median)",
      }),
    );
  }
  return charts;
}
