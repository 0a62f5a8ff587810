import { formatNumber } from "../charts/format.js";
import type { Budget, BudgetComparison } from "../core/finance/budget.js";
import {
  COST_CATEGORY_LABELS,
  type CostCategory,
  PROVIDER_LABELS,
  type Provider,
} from "../core/finance/categories.js";
import type { CostsReport } from "../core/finance/costs-report.js";
import type { Gap, GapGroup } from "../core/supply/gap.js";
import { SPECIALISM_LABELS, type Specialism } from "../core/supply/register.js";
import type { SupplyReport } from "../core/supply/supply-report.js";
import { bandLabel, longDate } from "./labels.js";

/**
 * The tables of the costs, supply and gap reports: one definition used by
 * the CSV and XLSX exports (and, later, the web pages), like the profile's
 * tables (profile-tables.ts). Money is in pounds; percentages are 0–100.
 */
export type PlanFormat = "text" | "count" | "money" | "weeks" | "decimal" | "pct" | "ratio" | "date";
export type PlanCell = string | number | null;

export interface PlanTable {
  /** `${section}.${name}`, unique in a report. */
  id: string;
  section: string;
  name: string;
  title: string;
  /** At most 31 characters, for a spreadsheet tab. */
  sheet: string;
  columns: string[];
  columnKeys: string[];
  /** Format of each column (the first is the row label). */
  formats: PlanFormat[];
  rows: PlanCell[][];
  rowKeys: string[];
  /** For tables whose rows are different measures: each row's format (columns after the first). */
  rowFormats?: PlanFormat[];
  totalRows: number[];
  definition: string;
  notes: string[];
}

/** The format of a cell: the row's own format when the table has them, else the column's. */
export function planCellFormat(t: PlanTable, r: number, c: number): PlanFormat {
  if (c === 0) return "text";
  return t.rowFormats?.[r] ?? t.formats[c] ?? "text";
}

const categoryLabel = (c: string) => COST_CATEGORY_LABELS[c as CostCategory] ?? c;
const providerLabel = (p: string) => PROVIDER_LABELS[p as Provider] ?? p;
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(x * 1000) / 10;

function table(
  t: Omit<PlanTable, "id" | "totalRows" | "notes" | "formats"> & {
    formats: PlanFormat[] | PlanFormat;
    totalRows?: number[];
    notes?: string[];
  },
): PlanTable {
  const formats = Array.isArray(t.formats)
    ? t.formats
    : ["text" as PlanFormat, ...t.columns.slice(1).map(() => t.formats as PlanFormat)];
  return {
    ...t,
    id: `${t.section}.${t.name}`,
    formats,
    totalRows: t.totalRows ?? [],
    notes: t.notes ?? [],
  };
}

/**
 * A table of placement categories (rows) by financial year (columns),
 * with a total row when `total` is given: the budget's and past spend's
 * money and child-weeks tables.
 */
function categoryYearTable(t: {
  section: string;
  name: string;
  title: string;
  sheet: string;
  years: string[];
  categories: string[];
  formats: PlanFormat;
  value: (category: string, year: number) => PlanCell;
  total?: (year: number) => PlanCell;
  definition: string;
}): PlanTable {
  const yearIndexes = t.years.map((_, i) => i);
  const rows: PlanCell[][] = t.categories.map((c) => [
    categoryLabel(c),
    ...yearIndexes.map((i) => t.value(c, i)),
  ]);
  const total = t.total;
  if (total) rows.push(["Total", ...yearIndexes.map((i) => total(i))]);
  return table({
    section: t.section,
    name: t.name,
    title: t.title,
    sheet: t.sheet,
    columns: ["Category", ...t.years],
    columnKeys: ["label", ...t.years],
    formats: t.formats,
    rows,
    rowKeys: total ? [...t.categories, "total"] : t.categories,
    ...(total ? { totalRows: [t.categories.length] } : {}),
    definition: t.definition,
  });
}

// ---------------------------------------------------------------------------
// Costs
// ---------------------------------------------------------------------------

/** The budget's tables: expected cost and child-weeks by category and year, and the spread over runs. */
export function budgetTables(b: Budget, section = "budget"): PlanTable[] {
  const years = b.years.map((y) => y.year);
  const out: PlanTable[] = [];
  const withExpected = b.years.filter((y) => y.expected);
  if (withExpected.length) {
    const categories = Object.keys(withExpected[0]!.expected!.byCategory);
    out.push(
      categoryYearTable({
        section,
        name: "expected_cost",
        title: "Placement budget by category (expected path), £ at each year's prices",
        sheet: "Budget by category",
        years,
        categories,
        formats: "money",
        value: (c, i) => b.years[i]!.expected?.byCategory[c]?.cost ?? null,
        total: (i) => b.years[i]!.expected?.total ?? null,
        definition:
          "Child-days of the forecast's expected path in each category × the category's daily cost (weekly ÷ 7) in that year, inflated from the cost's price year. A blank cell: the category has no cost.",
      }),
      categoryYearTable({
        section,
        name: "child_weeks",
        title: "Child-weeks of placement by category (expected path)",
        sheet: "Child-weeks by category",
        years,
        categories,
        formats: "weeks",
        value: (c, i) => b.years[i]!.expected?.byCategory[c]?.childWeeks ?? null,
        definition: "Child-days of the forecast in each category and financial year ÷ 7.",
      }),
    );
  }
  if (b.runs > 0) {
    out.push(
      table({
        section,
        name: "runs",
        title: `Placement budget over ${b.runs.toLocaleString("en-GB")} forecast runs, £`,
        sheet: "Budget interval",
        columns: ["Financial year", "Mean", "5th percentile", "25th", "Median", "75th", "95th percentile"],
        columnKeys: ["label", "mean", "p5", "p25", "p50", "p75", "p95"],
        formats: "money",
        rows: b.years.map((y) => [
          y.year,
          y.runs?.mean ?? null,
          y.runs?.p5 ?? null,
          y.runs?.p25 ?? null,
          y.runs?.p50 ?? null,
          y.runs?.p75 ?? null,
          y.runs?.p95 ?? null,
        ]),
        rowKeys: years,
        definition:
          "Each Monte Carlo run is costed in full (Σ over categories of child-days × daily cost), then the runs' totals are summarised, so the interval is that of the total budget.",
      }),
    );
  }
  return out;
}

export function comparisonTable(
  c: BudgetComparison,
  name: string,
  title: string,
  section = "scenarios",
): PlanTable {
  return table({
    section,
    name,
    title,
    sheet: title.slice(0, 31),
    columns: [
      "Financial year",
      "Base (expected)",
      "Scenario (expected)",
      "Saving (expected)",
      "Saving 5th percentile",
      "Saving median",
      "Saving 95th percentile",
    ],
    columnKeys: ["label", "base", "scenario", "saving", "saving_p5", "saving_p50", "saving_p95"],
    formats: "money",
    rows: c.years.map((y) => [
      y.year,
      y.expected?.base ?? null,
      y.expected?.scenario ?? null,
      y.expected?.saving ?? null,
      y.saving?.p5 ?? null,
      y.saving?.p50 ?? null,
      y.saving?.p95 ?? null,
    ]),
    rowKeys: c.years.map((y) => y.year),
    definition:
      "Saving = base cost − scenario cost. Over the runs the saving is taken run by run (the same seeds) and then summarised.",
    notes: c.notes,
  });
}

export function costsTables(r: CostsReport): PlanTable[] {
  const out: PlanTable[] = [];
  if (r.budget) {
    const byCat = new Map<string, Map<string, number | null>>();
    for (const row of r.budget.unitCosts) {
      const m = byCat.get(row.category) ?? new Map();
      m.set(row.year, row.weekly === null ? null : Math.round(row.weekly * 100) / 100);
      byCat.set(row.category, m);
    }
    const years = r.budget.years.map((y) => y.year);
    out.push(
      table({
        section: "costs",
        name: "weekly",
        title: "Weekly cost per child by category, £ at each year's prices",
        sheet: "Weekly costs",
        columns: ["Category", ...years],
        columnKeys: ["label", ...years],
        formats: "money",
        rows: [...byCat].map(([c, m]) => [categoryLabel(c), ...years.map((y) => m.get(y) ?? null)]),
        rowKeys: [...byCat.keys()],
        definition:
          "Weekly cost = Σ over providers of the provider's share of the category's days × its weekly cost, inflated from the cost's price year.",
      }),
    );
    const first = r.budget.unitCosts.filter((u) => u.year === years[0]);
    const parts = first.flatMap((u) => u.parts.map((p) => ({ category: u.category, ...p })));
    out.push(
      table({
        section: "costs",
        name: "sources",
        title: `Where each cost comes from (${years[0]})`,
        sheet: "Cost sources",
        columns: [
          "Category and provider",
          "Share of days",
          "Price",
          "Price year",
          "Inflation factor",
          "Weekly cost",
          "Source",
        ],
        columnKeys: ["label", "share", "base_weekly", "base_year", "factor", "weekly", "source"],
        formats: ["text", "pct", "money", "text", "ratio", "money", "text"],
        rows: parts.map((p) => [
          `${categoryLabel(p.category)}: ${providerLabel(p.provider)}`,
          pct(p.share),
          p.baseWeekly,
          p.baseYear,
          Math.round(p.factor * 1000) / 1000,
          Math.round(p.weekly * 100) / 100,
          `${p.source}${p.usedProvider ? ` (the ${providerLabel(p.usedProvider).toLowerCase()} figure)` : ""}`,
        ]),
        rowKeys: parts.map((p) => `${p.category}.${p.provider}`),
        definition:
          "Each provider's weekly cost: the price in its price year × the inflation factor to this year.",
      }),
    );
  }
  if (r.inflation.length)
    out.push(
      table({
        section: "costs",
        name: "inflation",
        title: "Inflation by financial year",
        sheet: "Inflation",
        columns: ["Financial year", "Rate %", "Where the rate comes from", "Category rates that differ"],
        columnKeys: ["label", "rate", "source", "by_category"],
        formats: ["text", "decimal", "text", "text"],
        rows: r.inflation.map((i) => [
          i.year,
          i.rate,
          i.source,
          Object.entries(i.byCategory)
            .map(([c, v]) => `${categoryLabel(c)} ${v}%`)
            .join("; "),
        ]),
        rowKeys: r.inflation.map((i) => i.year),
        definition:
          "Rates compound year on year; a rate for a year raises that year's prices above the year before.",
      }),
    );
  if (r.budget) out.push(...budgetTables(r.budget));
  r.scenarios.forEach((c, i) => {
    out.push(comparisonTable(c, `scenario_${i + 1}`, `Scenario: ${c.name}`));
  });
  if (r.historic) {
    const past = r.historic.years;
    const years = past.map((y) => y.year);
    const categories = Object.keys(past[0]?.byCategory ?? {});
    const of = (c: string, i: number) => past[i]!.byCategory[c as CostCategory];
    out.push(
      categoryYearTable({
        section: "historic",
        name: "spend",
        title: "Past spend reconstructed from the 903 history, £ at each year's prices",
        sheet: "Past spend",
        years,
        categories,
        formats: "money",
        value: (c, i) => of(c, i).cost,
        total: (i) => past[i]!.cost,
        definition:
          "Child-days by category and provider in each past financial year × the cost table's weekly cost for that year ÷ 7. A reconstruction to show the trend, not the council's accounts.",
      }),
      categoryYearTable({
        section: "historic",
        name: "child_weeks",
        title: "Past child-weeks of placement by category",
        sheet: "Past child-weeks",
        years,
        categories,
        formats: "weeks",
        value: (c, i) => of(c, i).childWeeks,
        total: (i) => past[i]!.childWeeks,
        definition: "Days in care in each financial year (short breaks left out) ÷ 7.",
      }),
    );
  }
  if (r.actual) {
    out.push(
      table({
        section: "actual",
        name: "summary",
        title: "The council's actual weekly costs",
        sheet: "Actual costs",
        columns: [
          "Category and provider",
          "Placements",
          "Children",
          "Child-weeks",
          "Average (weighted by days)",
          "Median",
          "90th percentile",
          "Highest",
          "At £10,000+ a week",
          "Their share of spend",
        ],
        columnKeys: [
          "label",
          "placements",
          "children",
          "child_weeks",
          "average",
          "median",
          "p90",
          "max",
          "high_cost",
          "high_cost_share",
        ],
        formats: ["text", "count", "count", "weeks", "money", "money", "money", "money", "count", "pct"],
        rows: r.actual.groups.map((g) => [
          `${categoryLabel(g.category)}: ${providerLabel(g.provider)}`,
          g.placements,
          g.children,
          g.childWeeks,
          g.averageWeekly,
          g.medianWeekly,
          g.p90Weekly,
          g.maxWeekly,
          g.highCost,
          pct(g.highCostSpendShare),
        ]),
        rowKeys: r.actual.groups.map((g) => `${g.category}.${g.provider}`),
        definition:
          "From the council's costs per child-placement. The median, 90th percentile and highest are of the placements' weekly costs; the high-cost tail is placements at £10,000 a week or more (LGA 2023).",
      }),
      table({
        section: "actual",
        name: "by_year",
        title: "Actual spend by financial year",
        sheet: "Actual spend",
        columns: ["Year, category and provider", "Child-weeks", "Average weekly cost", "Spend"],
        columnKeys: ["label", "child_weeks", "average", "spend"],
        formats: ["text", "weeks", "money", "money"],
        rows: r.actual.byYear.map((y) => [
          `${y.year}: ${categoryLabel(y.category)}, ${providerLabel(y.provider).toLowerCase()}`,
          y.childWeeks,
          y.averageWeekly,
          y.spend,
        ]),
        rowKeys: r.actual.byYear.map((y) => `${y.year}.${y.category}.${y.provider}`),
        definition:
          "Spend = Σ weekly cost ÷ 7 × the placement's days in the year; these averages replace the default costs.",
      }),
    );
  }
  out.push(
    table({
      section: "costs",
      name: "table",
      title: "The cost table used",
      sheet: "Cost table",
      columns: ["Category and provider", "Price year", "Weekly cost", "Origin", "Source"],
      columnKeys: ["label", "year", "weekly", "origin", "source"],
      formats: ["text", "text", "money", "text", "text"],
      rows: r.costTable.map((e) => [
        `${categoryLabel(e.category)}: ${providerLabel(e.provider)}`,
        `${e.year}/${String((e.year + 1) % 100).padStart(2, "0")}`,
        e.weekly,
        e.origin,
        e.source,
      ]),
      rowKeys: r.costTable.map((e) => `${e.category}.${e.provider}.${e.year}`),
      definition:
        "Weekly cost per child at the prices of the year given. Defaults are national figures; replace them with the council's own.",
      notes: r.notes,
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------
// Supply
// ---------------------------------------------------------------------------

export function supplyTables(r: SupplyReport): PlanTable[] {
  const a = r.at;
  const out: PlanTable[] = [];
  const facts: Array<[string, string, PlanCell, PlanFormat]> = [
    ["households", "Fostering households approved", a.total.households, "count"],
    ["places", "Places", a.total.places, "count"],
    ["mainstream_households", "Mainstream households", a.byKind.mainstream.households, "count"],
    ["mainstream_places", "Mainstream places", a.byKind.mainstream.places, "count"],
    ["connected_households", "Connected-person households", a.byKind.connected.households, "count"],
    ["connected_places", "Connected-person places", a.byKind.connected.places, "count"],
    ["long_term", "Mainstream households approved long-term", a.byTerm.long_term.households, "count"],
    ["short_term", "Mainstream households approved short-term", a.byTerm.short_term.households, "count"],
    ["any_term", "Mainstream households approved for either", a.byTerm.any.households, "count"],
    ["sibling_groups", "Households able to take a sibling group", a.siblingGroups, "count"],
    ["average_places", "Places per mainstream household", a.averagePlaces, "ratio"],
    ["homes", "In-house children's homes", a.homes.homes, "count"],
    ["beds", "Beds in in-house children's homes", a.homes.beds, "count"],
  ];
  out.push(
    table({
      section: "supply",
      name: "at",
      title: `In-house supply on ${longDate(a.date)}`,
      sheet: "Supply on the day",
      columns: ["Measure", "Value"],
      columnKeys: ["label", "value"],
      formats: ["text", "decimal"],
      rows: facts.map(([, label, v]) => [label, v]),
      rowKeys: facts.map(([k]) => k),
      rowFormats: facts.map(([, , , f]) => f),
      definition:
        "Households approved on the day: approval date on or before it, and no deregistration on or before it.",
      notes: r.notes,
    }),
    table({
      section: "supply",
      name: "specialisms",
      title: "Mainstream households by age band and specialism",
      sheet: "Ages and specialisms",
      columns: ["Age band or specialism", "Places open to the band / households"],
      columnKeys: ["label", "value"],
      formats: ["text", "count"],
      rows: [
        ...Object.entries(a.placesByAgeBand).map(([b, v]) => [`Places open to ${bandLabel(b)}`, v]),
        ...Object.entries(a.bySpecialism).map(([s, v]) => [SPECIALISM_LABELS[s as Specialism], v]),
      ],
      rowKeys: [...Object.keys(a.placesByAgeBand).map((b) => `age.${b}`), ...Object.keys(a.bySpecialism)],
      definition: "A household's places are open to every band its approved age range overlaps.",
    }),
  );
  out.push(
    table({
      section: "supply",
      name: "years",
      title: "Fostering households: approvals, deregistrations and net gain",
      sheet: "Recruitment by year",
      columns: [
        "Financial year",
        "Households on 1 April",
        "Approvals",
        "Deregistrations",
        "Net gain",
        "Households at 31 March",
        "Places at 31 March",
        "Deregistration rate",
        "Target",
        "Approvals − target",
        "Connected: approvals",
        "Connected: deregistrations",
      ],
      columnKeys: [
        "label",
        "start",
        "approvals",
        "deregistrations",
        "net_gain",
        "end",
        "end_places",
        "deregistration_rate",
        "target",
        "vs_target",
        "connected_approvals",
        "connected_deregistrations",
      ],
      formats: [
        "text",
        "count",
        "count",
        "count",
        "count",
        "count",
        "count",
        "pct",
        "count",
        "count",
        "count",
        "count",
      ],
      rows: r.years.map((y) => [
        y.year,
        y.mainstream.start.households,
        y.mainstream.approvals,
        y.mainstream.deregistrations,
        y.mainstream.netGain,
        y.mainstream.end.households,
        y.mainstream.end.places,
        pct(y.mainstream.deregistrationRate),
        y.target?.target ?? null,
        y.target?.difference ?? null,
        y.connected.approvals,
        y.connected.deregistrations,
      ]),
      rowKeys: r.years.map((y) => y.year),
      definition:
        "Mainstream households unless said. Approvals: approval date in the year; deregistrations: deregistration date in the year; net gain = approvals − deregistrations; deregistration rate = deregistrations ÷ households on 1 April.",
    }),
  );
  const reasons = [
    ...new Set(r.years.flatMap((y) => Object.keys(y.mainstream.deregistrationReasons))),
  ].sort();
  if (reasons.length)
    out.push(
      table({
        section: "supply",
        name: "reasons",
        title: "Deregistrations by reason",
        sheet: "Deregistration reasons",
        columns: ["Reason", ...r.years.map((y) => y.year)],
        columnKeys: ["label", ...r.years.map((y) => y.year)],
        formats: "count",
        rows: reasons.map((reason) => [
          reason,
          ...r.years.map((y) => y.mainstream.deregistrationReasons[reason] ?? 0),
        ]),
        rowKeys: reasons,
        definition: "Mainstream households deregistered in each year, by the reason recorded.",
      }),
    );
  if (r.occupancy) {
    const o = r.occupancy;
    out.push(
      table({
        section: "supply",
        name: "occupancy",
        title: "Occupancy of in-house places",
        sheet: "Occupancy",
        columns: [
          "Financial year",
          "Fostering: child-weeks",
          "Fostering: place-weeks",
          "Fostering occupancy %",
          "Connected: occupancy %",
          "Children's homes: child-weeks",
          "Children's homes: bed-weeks",
          "Children's homes occupancy %",
        ],
        columnKeys: [
          "label",
          "child_weeks",
          "place_weeks",
          "occupancy",
          "connected_occupancy",
          "home_child_weeks",
          "bed_weeks",
          "home_occupancy",
        ],
        formats: ["text", "weeks", "weeks", "pct", "pct", "weeks", "weeks", "pct"],
        rows: o.fostering.map((f, i) => [
          f.year,
          f.childWeeks,
          f.placeWeeks,
          pct(f.occupancy),
          pct(o.connected[i]!.occupancy),
          o.homes[i]!.childWeeks,
          o.homes[i]!.placeWeeks,
          pct(o.homes[i]!.occupancy),
        ]),
        rowKeys: o.fostering.map((f) => f.year),
        definition:
          "Child-weeks placed with the council's own carers (PLACE U4–U6 with PLACE_PROVIDER PR1) ÷ place-weeks (places × weeks approved in the year); likewise connected-person carers (U1–U3) and children's homes (K2, PR1) against beds.",
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------
// The gap
// ---------------------------------------------------------------------------

const GROUP_LABELS: Record<GapGroup, string> = {
  fostering: "Fostering (in-house and agency)",
  childrens_home: "Children's homes",
  supported_accommodation: "Supported accommodation",
  secure: "Secure children's homes",
};

export function gapTables(g: Gap): PlanTable[] {
  const out: PlanTable[] = [];
  out.push(
    table({
      section: "gap",
      name: "summary",
      title: "Summary",
      sheet: "Summary",
      columns: ["Sentence", "Text", "Fields quoted"],
      columnKeys: ["label", "text", "fields"],
      formats: "text",
      rows: g.summary.map((s, i) => [String(i + 1), s.text, s.refs.map((r) => r.path).join("; ")]),
      rowKeys: g.summary.map((_, i) => String(i + 1)),
      definition: "Every number in the summary is a field of the JSON output, named in the last column.",
      notes: g.notes,
    }),
  );
  const lines = g.years.flatMap((y) => y.lines.map((l) => ({ year: y.year, ...l })));
  out.push(
    table({
      section: "gap",
      name: "capacity",
      title: "Demand against in-house and block capacity (children on an average day)",
      sheet: "Demand and capacity",
      columns: [
        "Year and placement",
        "Demand (expected)",
        "Demand 5th percentile",
        "Demand 95th percentile",
        "In-house capacity",
        "Block capacity",
        "Shortfall (expected)",
        "Shortfall 5th percentile",
        "Shortfall 95th percentile",
        "New placements in the year (expected)",
      ],
      columnKeys: [
        "label",
        "demand",
        "demand_p5",
        "demand_p95",
        "in_house",
        "block",
        "shortfall",
        "shortfall_p5",
        "shortfall_p95",
        "new_placements",
      ],
      formats: "decimal",
      rows: lines.map((l) => [
        `${l.year}: ${GROUP_LABELS[l.group]}`,
        l.demand.expected,
        l.demand.runs?.p5 ?? null,
        l.demand.runs?.p95 ?? null,
        l.inHouse,
        l.block,
        l.shortfall.expected,
        l.shortfall.runs?.p5 ?? null,
        l.shortfall.runs?.p95 ?? null,
        l.newPlacements,
      ]),
      rowKeys: lines.map((l) => `${l.year}.${l.group}`),
      definition: `Children = child-days ÷ days in the year. In-house fostering capacity = mainstream households (mid-year, at recent recruitment rates) × places per household × occupancy (${Math.round(g.settings.occupancy * 100)}%); children's homes = in-house beds × occupancy; block capacity = contracted places × occupancy. Shortfall = demand − capacity, met by agency or spot purchase. New placements: placements the forecast starts in the year (entries and moves), when it gives them.`,
    }),
  );
  const r = g.recruitment;
  const facts: Array<[string, string, PlanCell, PlanFormat]> = [
    ["year", "By the year", r.year, "text"],
    ["share", "Share of fostering demand to meet in-house %", pct(g.settings.inHouseShare), "pct"],
    ["children", "Children to place in-house on an average day", r.children, "decimal"],
    ["places_needed", "Places needed", r.placesNeeded, "count"],
    ["households_needed", "Households needed", r.householdsNeeded, "count"],
    ["households_now", `Mainstream households on ${longDate(g.now.date)}`, g.now.households, "count"],
    ["additional", "More households needed", r.additionalHouseholds, "count"],
    ["long_term", "of which long-term", r.longTerm, "count"],
    ["short_term", "of which short-term", r.shortTerm, "count"],
    ["additional_places", "More places needed", r.additionalPlaces, "count"],
    ["approvals_recent", "Approvals a year (recent)", g.rates.approvals, "decimal"],
    ["deregistrations_recent", "Deregistrations a year (recent)", g.rates.deregistrations, "decimal"],
    ["net_gain_recent", "Net gain a year (recent)", g.rates.netGain, "decimal"],
    ["households_current", "Households by then at recent rates", r.current.households, "count"],
    ["short_by_current", "Short of the need at recent rates", r.current.shortBy, "count"],
    ["approvals_needed", "Approvals a year to meet the need by then", r.approvalsNeeded, "decimal"],
  ];
  if (r.target && g.settings.target !== undefined)
    facts.push(
      ["target", "Approvals target a year", g.settings.target, "count"],
      ["households_target", "Households by then at the target", r.target.households, "count"],
      ["share_target", "Share of fostering demand met in-house at the target %", pct(r.target.share), "pct"],
    );
  out.push(
    table({
      section: "gap",
      name: "recruitment",
      title: "Recruitment needed",
      sheet: "Recruitment needed",
      columns: ["Measure", "Value"],
      columnKeys: ["label", "value"],
      formats: ["text", "decimal"],
      rows: facts.map(([, label, v]) => [label, v]),
      rowKeys: facts.map(([k]) => k),
      rowFormats: facts.map(([, , , f]) => f),
      definition:
        "Places needed = share × fostering child-days ÷ (days in the year × occupancy); households = places ÷ places per household; more households = households needed − households now, split long-term / short-term by the long-term share of fostering days and by age band by each band's share.",
      notes: [`Split by term and age from ${g.fosteringProfile.source}.`],
    }),
    table({
      section: "gap",
      name: "recruitment_ages",
      title: "More households needed by age band",
      sheet: "Recruitment by age",
      columns: ["Age band", "Households"],
      columnKeys: ["label", "households"],
      formats: ["text", "count"],
      rows: Object.entries(r.byAgeBand).map(([b, v]) => [bandLabel(b), v]),
      rowKeys: Object.keys(r.byAgeBand),
      definition:
        "The more households needed, split by each age band's share of fostering days (largest remainders).",
    }),
  );
  const target = g.pipeline.target;
  out.push(
    table({
      section: "gap",
      name: "pipeline",
      title: "Recruitment pipeline: mainstream households",
      sheet: "Pipeline",
      columns: [
        "Financial year",
        "Recent rates: approvals",
        "Recent rates: deregistrations",
        "Recent rates: households at year end",
        "Recent rates: places",
        "Target: approvals",
        "Target: households at year end",
        "Target: places",
      ],
      columnKeys: [
        "label",
        "approvals",
        "deregistrations",
        "households",
        "places",
        "target_approvals",
        "target_households",
        "target_places",
      ],
      formats: "decimal",
      rows: g.pipeline.current.map((p, i) => [
        p.year,
        p.approvals,
        p.deregistrations,
        p.end,
        p.places,
        target?.[i]?.approvals ?? null,
        target?.[i]?.end ?? null,
        target?.[i]?.places ?? null,
      ]),
      rowKeys: g.pipeline.current.map((p) => p.year),
      definition:
        "Households(t+1) = households(t) + approvals − deregistration rate × households(t), the rate from the register's recent years.",
    }),
  );
  if (g.budget) out.push(...budgetTables(g.budget));
  g.scenarios.forEach((s) => {
    out.push(comparisonTable(s.comparison, s.id, s.name));
  });
  return out;
}

/** How a cell is written in text (for widths and the plain-text view). */
export function formatPlanCell(v: PlanCell, f: PlanFormat): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  switch (f) {
    case "money":
      return `£${formatNumber(v, 0)}`;
    case "count":
      return formatNumber(v, 0);
    case "weeks":
    case "decimal":
      return formatNumber(v, 1);
    case "pct":
      return `${formatNumber(v, 1)}%`;
    case "ratio":
      return formatNumber(v, 2);
    default:
      return String(v);
  }
}
