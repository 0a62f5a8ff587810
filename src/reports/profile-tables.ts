import { formatNumber } from "../charts/format.js";
import { CEASE_GROUP_KEYS } from "../core/profile/flows.js";
import type { Share } from "../core/profile/placement-mix.js";
import {
  FOSTERING_TYPES,
  OTHER_TYPES,
  PLACEMENT_TYPE_LABELS,
  PLACEMENT_TYPES,
  type PlacementType,
} from "../core/profile/placement-types.js";
import type { Profile } from "../core/profile/profile.js";
import { CIN, ETHNIC, LS, REC, SHORT_BREAK_LS } from "../core/ssda903/codes.js";
import { yearLabel } from "../core/ssda903/years.js";
import {
  bandLabel,
  CEASE_GROUP_LABELS,
  ethnicLabel,
  legalStatusLabel,
  longDate,
  needLabel,
  reasonCodeLabel,
  SEX_LABELS,
  ukDate,
} from "./labels.js";

/**
 * How a cell is written: counts as whole numbers, weeks to one decimal place,
 * percentages as 0–100 to one decimal place (a spreadsheet shows them with
 * a % format), rates per 10,000 to one decimal place, ratios to two, dates
 * as ISO text in the data (31/03/2022 when shown). "byRow" takes the row's
 * own format (tables whose rows are different measures).
 */
export type CellFormat = "text" | "count" | "weeks" | "pct" | "rate" | "ratio" | "date";
export type Cell = string | number | null;

export type SectionId =
  | "headline"
  | "cla"
  | "trend"
  | "flows"
  | "placements"
  | "stability"
  | "location"
  | "ethnicity"
  | "outcomes"
  | "quality";

/** One table of the profile: the single definition used by the CSV, XLSX and HTML outputs. */
export interface ProfileTable {
  /** `${section}.${name}`, unique in the profile. */
  id: string;
  section: SectionId;
  /** The table's name inside its section, e.g. "weeks". */
  name: string;
  title: string;
  /** A short name (at most 31 characters) for a spreadsheet tab. */
  sheet: string;
  /** Readable column headings; the first is the heading of the row labels. */
  columns: string[];
  /** Machine names of the columns (the CSV's `column`); the first, "label", is the row label. */
  columnKeys: string[];
  /** Format of each column; "byRow" columns take the row's format from `rowFormats`. */
  formats: Array<CellFormat | "byRow">;
  /** Each row starts with its readable label. */
  rows: Cell[][];
  /** Machine names of the rows (the CSV's `row`). */
  rowKeys: string[];
  rowFormats?: CellFormat[];
  /** Rows that are totals or roll-ups (shown bold). */
  totalRows: number[];
  /** What the table counts, in plain words. */
  definition: string;
  /** Caveats about this profile's data (e.g. an input not given). */
  notes: string[];
}

export interface ProfileSection {
  id: SectionId;
  title: string;
  summary: string;
}

/** The sections of the profile, in order, with their headings for this profile. */
export function profileSections(p: Profile): ProfileSection[] {
  return [
    {
      id: "headline",
      title: "Headline measures",
      summary: `The main measures for ${longDate(p.at)} and the year ${p.yearLabel}, with other areas' figures where they were supplied.`,
    },
    {
      id: "cla",
      title: `Children looked after on ${longDate(p.at)}`,
      summary:
        "Who was looked after on the day: age, sex, ethnicity, legal status, need, placement and UASC.",
    },
    {
      id: "trend",
      title: "Numbers over time",
      summary: "Children looked after at each month end and each 31 March, and the rate per 10,000 children.",
    },
    {
      id: "flows",
      title: "Children starting and ceasing to be looked after",
      summary:
        "How many children started and stopped being looked after each year, why they left, and the ages of those starting.",
    },
    {
      id: "placements",
      title: `Placements during ${p.yearLabel}`,
      summary:
        "Placements made and weeks of placement provided in the year, by placement type and age band, and the share in foster care.",
    },
    {
      id: "stability",
      title: "Placement stability",
      summary:
        "How many children moved placement often, and how many have been in a settled placement for two years.",
    },
    {
      id: "location",
      title: "Where children are placed",
      summary:
        "Distance from home and placements outside the council's area, for children looked after on 31 March.",
    },
    {
      id: "ethnicity",
      title: "Ethnicity compared with the child population",
      summary:
        "The ethnic groups of children looked after, compared with all children aged 0 to 17 in the area.",
    },
    {
      id: "outcomes",
      title: "Outcomes and care leavers",
      summary: "How children left care in the year, and how care leavers (aged 17 to 21) were doing.",
    },
    {
      id: "quality",
      title: "Data quality",
      summary:
        "What was missing or corrected in the data, which affects how far the figures can be relied on.",
    },
  ];
}

// ---------------------------------------------------------------------------
// Building blocks

interface Draft {
  section: SectionId;
  name: string;
  title: string;
  sheet: string;
  columns: Array<{ key: string; label: string; format: CellFormat | "byRow" }>;
  rows: Array<{ key: string; cells: Cell[]; total?: boolean; format?: CellFormat }>;
  definition: string;
  notes?: string[];
}

function finish(d: Draft): ProfileTable {
  const t: ProfileTable = {
    id: `${d.section}.${d.name}`,
    section: d.section,
    name: d.name,
    title: d.title,
    sheet: d.sheet,
    columns: d.columns.map((c) => c.label),
    columnKeys: d.columns.map((c) => c.key),
    formats: d.columns.map((c) => c.format),
    rows: d.rows.map((r) => r.cells),
    rowKeys: d.rows.map((r) => r.key),
    totalRows: d.rows.flatMap((r, i) => (r.total ? [i] : [])),
    definition: d.definition,
    notes: d.notes ?? [],
  };
  if (d.rows.some((r) => r.format)) t.rowFormats = d.rows.map((r) => r.format ?? "count");
  for (const r of t.rows) {
    if (r.length !== t.columns.length) throw new Error(`table ${t.id}: a row has ${r.length} cells`);
  }
  return t;
}

/** The format of one cell. */
export function cellFormat(t: ProfileTable, row: number, col: number): CellFormat {
  const f = t.formats[col]!;
  return f === "byRow" ? (t.rowFormats?.[row] ?? "count") : f;
}

/** A cell as text for reading: 1,234 · 57.3 · 66.7% · 31/03/2022 · "n/a" for no value. */
export function formatCell(value: Cell, format: CellFormat): string {
  if (value === null) return "n/a";
  if (typeof value === "string") return format === "date" ? ukDate(value) : value;
  switch (format) {
    case "count":
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
    case "weeks":
    case "rate":
      return formatNumber(value, 1);
    case "pct":
      return `${formatNumber(value, 1)}%`;
    case "ratio":
      return formatNumber(value, 2);
    default:
      return String(value);
  }
}

function pct1(count: number, of: number): number | null {
  return of === 0 ? null : Math.round((count / of) * 1000) / 10;
}

const SHARE_COLUMNS = (what: string, of = "Out of") => [
  { key: "count", label: what, format: "count" as const },
  { key: "of", label: of, format: "count" as const },
  { key: "pct", label: "%", format: "pct" as const },
];

const shareCells = (s: Share): Cell[] => [s.count, s.of, s.pct];

/** Keys in the given order, then any others present, sorted, with "unknown" last. */
function ordered(counts: Record<string, number>, order: readonly string[], showAll: boolean): string[] {
  const first = showAll ? [...order] : order.filter((k) => (counts[k] ?? 0) > 0);
  const rest = Object.keys(counts)
    .filter((k) => !order.includes(k) && k !== "unknown")
    .sort();
  return [...first, ...rest, ...("unknown" in counts ? ["unknown"] : [])];
}

function breakdown(
  p: Profile,
  name: string,
  heading: string,
  sheet: string,
  by: string,
  counts: Record<string, number>,
  keys: readonly string[],
  label: (k: string) => string,
  definition: string,
): ProfileTable {
  const total = p.cla.total;
  return finish({
    section: "cla",
    name,
    title: `Children looked after on ${longDate(p.at)}, by ${by}`,
    sheet,
    columns: [{ key: "label", label: heading, format: "text" }, ...SHARE_COLUMNS("Children")],
    rows: [
      ...keys.map((k) => {
        const c = counts[k] ?? 0;
        return { key: k, cells: [label(k), c, total, pct1(c, total)] };
      }),
      { key: "total", cells: ["All children", total, total, pct1(total, total)], total: true },
    ],
    definition,
  });
}

/** Rows of a placement-type table in the order of Bromley's strategy: Fostering, its types, Other, its types, total. */
function typeRows<T>(
  value: (type: PlacementType | "fostering" | "other_total" | "total") => T,
  totalLabel: string,
): Array<{ key: string; label: string; value: T; total: boolean }> {
  return [
    { key: "fostering", label: "Fostering", value: value("fostering"), total: true },
    ...FOSTERING_TYPES.map((t) => ({
      key: t,
      label: PLACEMENT_TYPE_LABELS[t],
      value: value(t),
      total: false,
    })),
    { key: "other_total", label: "Other placements", value: value("other_total"), total: true },
    ...OTHER_TYPES.map((t) => ({ key: t, label: PLACEMENT_TYPE_LABELS[t], value: value(t), total: false })),
    { key: "total", label: totalLabel, value: value("total"), total: true },
  ];
}

// ---------------------------------------------------------------------------
// The tables

function headline(p: Profile): ProfileTable {
  const fostered = FOSTERING_TYPES.reduce((s, t) => s + (p.cla.byPlacementType[t] ?? 0), 0);
  const cl = p.outcomes.careLeavers;
  const parts: Record<string, { count: number | null; of: number | null; format: CellFormat }> = {
    cla_total: { count: null, of: null, format: "count" },
    cla_rate_per_10k: {
      count: p.ratePer10k?.cla ?? null,
      of: p.ratePer10k?.population ?? null,
      format: "rate",
    },
    uasc_pct: { count: p.cla.uasc.uasc, of: p.cla.total, format: "pct" },
    fostering_pct: { count: fostered, of: p.cla.total, format: "pct" },
    three_plus_placements_pct: { ...p.stability.threePlus, format: "pct" },
    long_term_stability_pct: { ...p.stability.longTerm, format: "pct" },
    over_20_miles_pct: { ...p.location.over20Miles, format: "pct" },
    outside_la_pct: { ...p.location.outside, format: "pct" },
    returned_home_pct: { ...p.outcomes.returnedHome, format: "pct" },
    care_leavers_in_touch_pct: {
      count: cl?.inTouch.count ?? null,
      of: cl?.inTouch.of ?? null,
      format: "pct",
    },
    care_leavers_suitable_accommodation_pct: {
      count: cl?.suitableAccommodation.count ?? null,
      of: cl?.suitableAccommodation.of ?? null,
      format: "pct",
    },
    care_leavers_eet_pct: {
      count: cl?.educationEmploymentTraining.count ?? null,
      of: cl?.educationEmploymentTraining.of ?? null,
      format: "pct",
    },
  };
  const areaSet = new Set<string>();
  for (const c of p.comparators) for (const a of Object.keys(c.areas)) areaSet.add(a);
  const areas = [...areaSet].sort((a, b) =>
    a === "England" ? -1 : b === "England" ? 1 : a.localeCompare(b),
  );
  const rows: Draft["rows"] = p.comparators.map((c) => {
    const part = parts[c.measure] ?? {
      count: null,
      of: null,
      format: c.measure.endsWith("_pct") ? "pct" : "count",
    };
    return {
      key: c.measure,
      format: part.format,
      cells: [c.label, c.value, part.count, part.of, ...areas.map((a) => c.areas[a] ?? null)],
    };
  });
  const blanks = areas.map(() => null);
  rows.splice(
    1,
    0,
    {
      key: "started",
      format: "count",
      cells: [`Started to be looked after in ${p.yearLabel}`, p.starts, null, null, ...blanks],
    },
    {
      key: "ceased",
      format: "count",
      cells: [`Ceased to be looked after in ${p.yearLabel}`, p.ceased.total, null, null, ...blanks],
    },
  );
  const notes: string[] = [];
  if (areas.length === 0) notes.push("No comparator figures were supplied, so other areas are not shown.");
  if (!p.ratePer10k)
    notes.push("No population figures were supplied, so the rate per 10,000 is not available.");
  if (!cl) notes.push(`No care leaver (OC3) file was supplied for ${p.yearLabel}.`);
  return finish({
    section: "headline",
    name: "measures",
    title: `Headline measures, ${longDate(p.at)} and ${p.yearLabel}`,
    sheet: "Headline",
    columns: [
      { key: "label", label: "Measure", format: "text" },
      { key: "value", label: "This council", format: "byRow" },
      { key: "count", label: "Count", format: "count" },
      { key: "of", label: "Out of", format: "count" },
      ...areas.map((a) => ({ key: a, label: a, format: "byRow" as const })),
    ],
    rows,
    definition:
      "Each measure as defined in its own table below. Count and Out of give the numbers behind each percentage (for the rate: children looked after and the population aged 0 to 17). Other areas' figures are as supplied in the comparators file, for the year of the 31 March shown.",
    notes,
  });
}

function claTables(p: Profile): ProfileTable[] {
  const s = p.cla;
  const date = longDate(p.at);
  const ages = [...Array.from({ length: 18 }, (_, a) => String(a)), "18+"];
  const typeCounts: Record<string, number> = { ...s.byPlacementType };
  const sum = (types: readonly PlacementType[]) => types.reduce((a, t) => a + (typeCounts[t] ?? 0), 0);
  const byType = (k: string): number =>
    k === "fostering"
      ? sum(FOSTERING_TYPES)
      : k === "other_total"
        ? sum(OTHER_TYPES)
        : k === "total"
          ? sum(PLACEMENT_TYPES)
          : (typeCounts[k] ?? 0);
  const rows = typeRows((k) => byType(k), "All children");
  return [
    breakdown(
      p,
      "age_band",
      "Age band",
      "CLA by age band",
      "age band",
      s.byAgeBand,
      ordered(s.byAgeBand, p.bands, true),
      bandLabel,
      `Children looked after on ${date} (an episode starting on or before the day and not ended by it; short breaks left out), by age in whole years on the day.`,
    ),
    breakdown(
      p,
      "age",
      "Age",
      "CLA by age",
      "age",
      s.byAge,
      ordered(s.byAge, ages, true),
      (k) => (k === "unknown" ? "Age not known" : k === "18+" ? "18 and over" : k),
      "Children looked after on the day, by age in whole years.",
    ),
    breakdown(
      p,
      "sex",
      "Sex",
      "CLA by sex",
      "sex",
      s.bySex,
      ordered(s.bySex, ["F", "M"], true),
      (k) => SEX_LABELS[k] ?? k,
      "Children looked after on the day, by sex as recorded on the child's latest Header row.",
    ),
    breakdown(
      p,
      "ethnicity",
      "Ethnicity",
      "CLA by ethnicity",
      "ethnicity",
      s.byEthnicity,
      ordered(
        s.byEthnicity,
        ETHNIC.map((c) => c.code),
        true,
      ),
      ethnicLabel,
      "Children looked after on the day, by the ethnicity code on the child's latest Header row.",
    ),
    breakdown(
      p,
      "legal_status",
      "Legal status",
      "CLA by legal status",
      "legal status",
      s.byLegalStatus,
      ordered(
        s.byLegalStatus,
        LS.map((c) => c.code).filter((c) => !SHORT_BREAK_LS.has(c)),
        true,
      ),
      legalStatusLabel,
      "Children looked after on the day, by the legal status of the episode open on the day.",
    ),
    breakdown(
      p,
      "category_of_need",
      "Category of need",
      "CLA by category of need",
      "category of need",
      s.byCategoryOfNeed,
      ordered(
        s.byCategoryOfNeed,
        CIN.map((c) => c.code),
        true,
      ),
      needLabel,
      "Children looked after on the day, by the category of need of the episode open on the day.",
    ),
    finish({
      section: "cla",
      name: "placement_type",
      title: `Children looked after on ${date}, by placement type`,
      sheet: "CLA by placement type",
      columns: [{ key: "label", label: "Placement type", format: "text" }, ...SHARE_COLUMNS("Children")],
      rows: rows.map((r) => ({
        key: r.key,
        total: r.total,
        cells: [r.label, r.value, s.total, pct1(r.value, s.total)],
      })),
      definition:
        "Children looked after on the day, by the placement of the episode open on the day. Foster placements are in-house when the provider is the council or another public body and agency when it is private or voluntary (PR4, PR5). Fostering is the six foster rows; Other placements is the rest.",
    }),
    finish({
      section: "cla",
      name: "uasc",
      title: `Unaccompanied asylum-seeking children (UASC) looked after on ${date}`,
      sheet: "CLA UASC",
      columns: [{ key: "label", label: "Group", format: "text" }, ...SHARE_COLUMNS("Children")],
      rows: [
        { key: "uasc", cells: ["UASC", s.uasc.uasc, s.total, pct1(s.uasc.uasc, s.total)] },
        { key: "other", cells: ["Other children", s.uasc.other, s.total, pct1(s.uasc.other, s.total)] },
        { key: "total", cells: ["All children", s.total, s.total, pct1(s.total, s.total)], total: true },
      ],
      definition:
        "A child counts as UASC on the day when they are in the UASC table and the date they ceased to be UASC (DUC) is blank or after the day. Strategies plan for UASC and other children separately.",
    }),
  ];
}

function trendTables(p: Profile): ProfileTable[] {
  const rate = p.ratePer10k;
  const rateNotes: string[] = [];
  if (!rate) rateNotes.push("No population figures were supplied, so rates cannot be worked out.");
  else if (rate.note) rateNotes.push(rate.note);
  return [
    finish({
      section: "trend",
      name: "month_end",
      title: "Children looked after at each month end",
      sheet: "Month-end series",
      columns: [
        { key: "label", label: "Month end", format: "date" },
        { key: "total", label: "Children looked after", format: "count" },
        { key: "uasc", label: "UASC", format: "count" },
        { key: "other", label: "Other children", format: "count" },
      ],
      rows: p.cla.monthEnd.map((m) => ({ key: m.date, cells: [m.date, m.total, m.uasc, m.total - m.uasc] })),
      definition:
        "Children looked after on the last day of each month, counted the same way as on 31 March, from the first month end of the first collection year supplied (earlier episodes are known only if they were still open then) to the last 31 March. The range over recent months shows the usual number on any given day.",
    }),
    finish({
      section: "trend",
      name: "march31",
      title: "Children looked after on each 31 March",
      sheet: "At 31 March",
      columns: [
        { key: "label", label: "31 March", format: "date" },
        { key: "total", label: "Children looked after", format: "count" },
        { key: "uasc", label: "UASC", format: "count" },
        { key: "other", label: "Other children", format: "count" },
      ],
      rows: p.cla.at31March.map((m) => ({ key: m.date, cells: [m.date, m.total, m.uasc, m.total - m.uasc] })),
      definition:
        "Children looked after at the end of each collection year in the data (DfE's headline date).",
    }),
    finish({
      section: "trend",
      name: "rate",
      title: "Children looked after per 10,000 children aged 0 to 17",
      sheet: "Rate per 10,000",
      columns: [
        { key: "label", label: "31 March", format: "date" },
        { key: "cla", label: "Children looked after", format: "count" },
        { key: "population", label: "Population aged 0 to 17", format: "count" },
        { key: "rate", label: "Rate per 10,000", format: "rate" },
      ],
      rows: (rate?.series ?? []).map((r) => ({ key: r.date, cells: [r.date, r.cla, r.population, r.rate] })),
      definition:
        "Children looked after on 31 March divided by the population aged 0 to 17, times 10,000, to one decimal place. The population is the ONS mid-year estimate for the calendar year before the 31 March (mid-2021 for 31 March 2022), as in DfE's tables; if that year is not in the population file the nearest year is used, and a note says so.",
      notes: rateNotes,
    }),
  ];
}

function flowTables(p: Profile): ProfileTable[] {
  const years = p.flows.map((f) => f.year);
  const bandKeys = [...p.bands];
  if (p.flows.some((f) => (f.startedByAgeBand.unknown ?? 0) > 0)) bandKeys.push("unknown");
  const codes = Object.keys(p.ceased.byCode);
  const codeOrder = [
    ...REC.map((c) => c.code).filter((c) => codes.includes(c)),
    ...codes.filter((c) => !REC.some((r) => r.code === c)).sort(),
  ];
  const change = p.entrants.change;
  const first = change[0];
  const fromSum = change.reduce((s, c) => s + c.from, 0);
  const toSum = change.reduce((s, c) => s + c.to, 0);
  return [
    finish({
      section: "flows",
      name: "by_year",
      title: "Children starting and ceasing to be looked after, each year",
      sheet: "Flows by year",
      columns: [
        { key: "label", label: "Year", format: "text" },
        { key: "started", label: "Started", format: "count" },
        { key: "ceased", label: "Ceased", format: "count" },
        ...CEASE_GROUP_KEYS.map((k) => ({
          key: k,
          label: `Ceased: ${CEASE_GROUP_LABELS[k] ?? k}`,
          format: "count" as const,
        })),
      ],
      rows: p.flows.map((f) => ({
        key: yearLabel(f.year),
        cells: [
          yearLabel(f.year),
          f.started,
          f.ceased,
          ...CEASE_GROUP_KEYS.map((k) => f.ceasedByReason[k] ?? 0),
        ],
      })),
      definition:
        "Started: children with a care episode starting a new period of care (RNE S) in the year, counted once each. Ceased: children with a care episode ending in the year for any reason other than moving straight into another episode (REC X1), counted once each by their last cessation in the year, grouped by reason (see the next table).",
    }),
    finish({
      section: "flows",
      name: "ceased_by_reason",
      title: `Children who ceased to be looked after in ${p.yearLabel}, by reason`,
      sheet: "Ceased by reason",
      columns: [{ key: "label", label: "Reason", format: "text" }, ...SHARE_COLUMNS("Children")],
      rows: [
        ...CEASE_GROUP_KEYS.map((k) => {
          const c = p.ceased.byReason[k] ?? 0;
          return { key: k, cells: [CEASE_GROUP_LABELS[k] ?? k, c, p.ceased.total, pct1(c, p.ceased.total)] };
        }),
        {
          key: "total",
          total: true,
          cells: [
            "All children who ceased",
            p.ceased.total,
            p.ceased.total,
            pct1(p.ceased.total, p.ceased.total),
          ],
        },
      ],
      definition:
        "Reason groups: returned home (REC E4A, E4B, E13); adopted (E11, E12); special guardianship (E45 to E48); child arrangements order (E41); independent living (E5, E6); staying put (E17); custody (E9); transferred (E3, E7); other (E2, E8, E14, E15, E16); not recorded (a blank reason, for example an episode closed while joining the years because a later return no longer showed it).",
    }),
    finish({
      section: "flows",
      name: "ceased_by_code",
      title: `Children who ceased to be looked after in ${p.yearLabel}, by reason code`,
      sheet: "Ceased by code",
      columns: [
        { key: "label", label: "Reason episode ceased (REC)", format: "text" },
        ...SHARE_COLUMNS("Children"),
      ],
      rows: [
        ...codeOrder.map((k) => {
          const c = p.ceased.byCode[k] ?? 0;
          return { key: k, cells: [reasonCodeLabel(k), c, p.ceased.total, pct1(c, p.ceased.total)] };
        }),
        {
          key: "total",
          total: true,
          cells: [
            "All children who ceased",
            p.ceased.total,
            p.ceased.total,
            pct1(p.ceased.total, p.ceased.total),
          ],
        },
      ],
      definition:
        "The same children as the table by reason, by the DfE code of their last cessation in the year.",
    }),
    finish({
      section: "flows",
      name: "entrants_by_age",
      title: "Children starting to be looked after, by age band and year",
      sheet: "Entrants by age band",
      columns: [
        { key: "label", label: "Age band", format: "text" },
        ...years.map((y) => ({ key: yearLabel(y), label: yearLabel(y), format: "count" as const })),
      ],
      rows: [
        ...bandKeys.map((b) => ({
          key: b,
          cells: [bandLabel(b), ...p.entrants.byYear.map((y) => y.byAgeBand[b] ?? 0)],
        })),
        { key: "total", total: true, cells: ["All ages", ...p.entrants.byYear.map((y) => y.total)] },
      ],
      definition:
        "Children starting to be looked after in each year, by their age on their first start (RNE S) in that year.",
    }),
    finish({
      section: "flows",
      name: "entrants_change",
      title: first
        ? `Change in children starting to be looked after, ${yearLabel(first.fromYear)} to ${yearLabel(first.toYear)}`
        : "Change in children starting to be looked after",
      sheet: "Entrants change",
      columns: [
        { key: "label", label: "Age band", format: "text" },
        {
          key: "from",
          label: first ? `Started in ${yearLabel(first.fromYear)}` : "Started (first year)",
          format: "count",
        },
        {
          key: "to",
          label: first ? `Started in ${yearLabel(first.toYear)}` : "Started (last year)",
          format: "count",
        },
        { key: "change", label: "Change", format: "count" },
        { key: "pct_change", label: "% change", format: "pct" },
      ],
      rows: [
        ...change.map((c) => ({
          key: c.band,
          cells: [bandLabel(c.band), c.from, c.to, c.to - c.from, c.pctChange],
        })),
        ...(change.length
          ? [
              {
                key: "total",
                total: true,
                cells: [
                  "All ages",
                  fromSum,
                  toSum,
                  toSum - fromSum,
                  fromSum === 0 ? null : Math.round(((toSum - fromSum) / fromSum) * 1000) / 10,
                ] as Cell[],
              },
            ]
          : []),
      ],
      definition:
        "Children starting to be looked after in the last year of the data compared with five years before (or the first year in the data, if fewer). % change is the change divided by the earlier year's number.",
      notes:
        first && first.toYear - first.fromYear < 5
          ? [
              `The data covers fewer than five years, so the change is over ${first.toYear - first.fromYear} year(s).`,
            ]
          : [],
    }),
  ];
}

function placementTables(p: Profile): ProfileTable[] {
  const mix = p.placementMix;
  const bands = mix.bands;
  const bandCols = (format: CellFormat) => [
    ...bands.map((b) => ({ key: b, label: bandLabel(b), format })),
    { key: "total", label: "All ages", format },
  ];
  const mixRows = (name: "episodes" | "weeks", total: string) =>
    typeRows((k) => mix[name][k]!, total).map((r) => ({
      key: r.key,
      total: r.total,
      cells: [r.label, ...[...bands, "total"].map((b) => r.value[b] ?? 0)] as Cell[],
    }));
  const fs = mix.fosteringShare;
  const prov = mix.providers;
  const fosterEp = mix.episodes.fostering!.total!;
  const fosterWk = mix.weeks.fostering!.total!;
  const provider = (key: "connected" | "inHouse" | "agency", label: string) => ({
    key: key === "inHouse" ? "in_house" : key,
    cells: [label, ...shareCells(prov.episodes[key]), ...shareCells(prov.weeks[key])],
  });
  return [
    finish({
      section: "placements",
      name: "episodes",
      title: `Placements during ${p.yearLabel} (all episodes open in the year), by placement type and age band`,
      sheet: "Placements by type and age",
      columns: [{ key: "label", label: "Placement type", format: "text" }, ...bandCols("count")],
      rows: mixRows("episodes", "All placements"),
      definition:
        "Every care episode open on at least one day of the year (short breaks left out), by its placement type and the child's age on the later of the episode's start and 1 April. A child counts once for each episode: a move, and also a change of legal status alone (which starts a new episode), counts again here, though not in the stability measures.",
    }),
    finish({
      section: "placements",
      name: "weeks",
      title: `Weeks of placement provided during ${p.yearLabel}, by placement type and age band`,
      sheet: "Weeks by type and age",
      columns: [{ key: "label", label: "Placement type", format: "text" }, ...bandCols("weeks")],
      rows: mixRows("weeks", "All placement weeks"),
      definition:
        "The days each care episode was open inside the year (an open episode runs to the end of the year), divided by 7, by placement type and the child's age on each day: a birthday part-way through moves the days after it to the new band. Each cell is rounded to one decimal place; roll-ups and totals are rounded after adding up the days. The total times 7 equals the sum, over every day of the year, of the children looked after that day.",
    }),
    finish({
      section: "placements",
      name: "fostering_share",
      title: `Share of placements in foster care during ${p.yearLabel}, by age band`,
      sheet: "Fostering share by age",
      columns: [
        { key: "label", label: "Age band", format: "text" },
        { key: "placements", label: "Foster placements", format: "count" },
        { key: "placements_of", label: "All placements", format: "count" },
        { key: "placements_pct", label: "% of placements", format: "pct" },
        { key: "weeks", label: "Foster weeks", format: "weeks" },
        { key: "weeks_of", label: "All weeks", format: "weeks" },
        { key: "weeks_pct", label: "% of weeks", format: "pct" },
      ],
      rows: [...bands, "total"].map((b) => ({
        key: b,
        total: b === "total",
        cells: [bandLabel(b), ...shareCells(fs.episodes[b]!), ...shareCells(fs.weeks[b]!)],
      })),
      definition:
        "Foster placements (connected person, in-house and agency) as a share of all placements in the year, counted as placements and as weeks, from the two tables above.",
    }),
    finish({
      section: "placements",
      name: "providers",
      title: `Foster placements during ${p.yearLabel} by carer: connected person, in-house and agency`,
      sheet: "Fostering providers",
      columns: [
        { key: "label", label: "Foster carer", format: "text" },
        { key: "placements", label: "Placements", format: "count" },
        { key: "placements_of", label: "All foster placements", format: "count" },
        { key: "placements_pct", label: "% of placements", format: "pct" },
        { key: "weeks", label: "Weeks", format: "weeks" },
        { key: "weeks_of", label: "All foster weeks", format: "weeks" },
        { key: "weeks_pct", label: "% of weeks", format: "pct" },
      ],
      rows: [
        provider("connected", "Connected person (family or friends)"),
        provider("inHouse", "In-house (the council's own carers)"),
        provider("agency", "Agency (independent fostering agencies)"),
        {
          key: "total",
          total: true,
          cells: [
            "All foster placements",
            fosterEp,
            fosterEp,
            pct1(fosterEp, fosterEp),
            fosterWk,
            fosterWk,
            pct1(fosterWk, fosterWk),
          ],
        },
      ],
      definition:
        "Foster placements split by who the carer is: connected person (U1 to U3), in-house (U4 to U6 provided by the council or another public body, PR1 to PR3; a missing provider is counted in-house and flagged by validation) and agency (U4 to U6 provided privately or by the voluntary sector, PR4 and PR5).",
    }),
  ];
}

function stabilityTable(p: Profile): ProfileTable {
  const s = p.stability;
  return finish({
    section: "stability",
    name: "measures",
    title: `Placement stability, ${p.yearLabel}`,
    sheet: "Stability",
    columns: [{ key: "label", label: "Measure", format: "text" }, ...SHARE_COLUMNS("Children")],
    rows: [
      { key: "three_plus", cells: ["Three or more placements during the year", ...shareCells(s.threePlus)] },
      {
        key: "long_term",
        cells: ["Long-term stability (same placement for 2 years)", ...shareCells(s.longTerm)],
      },
    ],
    definition:
      "Three or more placements: of children looked after on 31 March, those who had three or more placements during the year. A new placement starts with a new period of care or a change of carer (RNE S, P or B); a change of legal status or of placement with the same carer, and temporary placements (T0 to T4) and the return from them, do not count. Long-term stability (DfE's measure): of children under 16 on 31 March whose current period of care (episodes following each other without a gap) began at least two and a half years before, those whose current placement began at least two years before (a placement for adoption counts together with the placement before it).",
  });
}

function locationTables(p: Profile): ProfileTable[] {
  const l = p.location;
  const src = l.source;
  const notes = l.note ? [l.note] : [];
  if (l.considered > 0 && src.unknown === l.considered)
    notes.push("No distances could be worked out: give PL_DISTANCE in the data or a postcode lookup.");
  return [
    finish({
      section: "location",
      name: "measures",
      title: `Where children looked after on 31 March ${l.year + 1} were placed`,
      sheet: "Location",
      columns: [{ key: "label", label: "Measure", format: "text" }, ...SHARE_COLUMNS("Children")],
      rows: [
        {
          key: "over_20_miles",
          cells: ["Placed more than 20 miles from home", ...shareCells(l.over20Miles)],
        },
        { key: "outside", cells: ["Placed outside the council's area", ...shareCells(l.outside)] },
        {
          key: "outside_and_over_20_miles",
          cells: [
            "Outside the area and more than 20 miles from home",
            ...shareCells(l.outsideAndOver20Miles),
          ],
        },
      ],
      definition:
        "Children looked after on 31 March, leaving out UASC (who have no home postcode). Distance is in a straight line between the home and placement postcodes, in miles: DfE's PL_DISTANCE where the file has it, else worked out from a postcode lookup (approximate when only the postcode sector was found). Outside the area comes from PL_LOCATION, else from the placement postcode's council. Each percentage is of the children whose distance (or area, or both) is known.",
      notes,
    }),
    finish({
      section: "location",
      name: "sources",
      title: "Where the distances came from",
      sheet: "Distance sources",
      columns: [{ key: "label", label: "Source", format: "text" }, ...SHARE_COLUMNS("Children")],
      rows: [
        {
          key: "pl_distance",
          cells: [
            "PL_DISTANCE in the data",
            src.plDistance,
            l.considered,
            pct1(src.plDistance, l.considered),
          ],
        },
        {
          key: "lookup",
          cells: ["Postcode lookup", src.lookup, l.considered, pct1(src.lookup, l.considered)],
        },
        {
          key: "approximate",
          cells: [
            "Postcode lookup, approximate (sector centroids)",
            src.approximate,
            l.considered,
            pct1(src.approximate, l.considered),
          ],
        },
        { key: "unknown", cells: ["Not known", src.unknown, l.considered, pct1(src.unknown, l.considered)] },
        {
          key: "total",
          total: true,
          cells: [
            "Children considered (UASC left out)",
            l.considered,
            l.considered,
            pct1(l.considered, l.considered),
          ],
        },
      ],
      definition: "How the distance from home was found for each child counted in the location measures.",
    }),
  ];
}

function ethnicityTable(p: Profile): ProfileTable {
  const known = p.ethnicity.filter((r) => r.group !== "Not known").reduce((s, r) => s + r.count, 0);
  const hasPop = p.ethnicity.some((r) => r.populationShare !== null);
  const to100 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  return finish({
    section: "ethnicity",
    name: "population",
    title: `Ethnicity of children looked after on ${longDate(p.at)}, compared with all children`,
    sheet: "Ethnicity vs population",
    columns: [
      { key: "label", label: "Ethnic group", format: "text" },
      { key: "count", label: "Children looked after", format: "count" },
      { key: "of", label: "Out of (ethnicity known)", format: "count" },
      { key: "pct", label: "% of children looked after", format: "pct" },
      { key: "population_pct", label: "% of children aged 0 to 17", format: "pct" },
      { key: "ratio", label: "Ratio", format: "ratio" },
    ],
    rows: [
      ...p.ethnicity.map((r) => ({
        key: r.group === "Not known" ? "not_known" : r.group.toLowerCase(),
        cells: [
          r.group,
          r.count,
          r.group === "Not known" ? null : known,
          to100(r.share),
          to100(r.populationShare),
          r.ratio,
        ] as Cell[],
      })),
      {
        key: "total",
        total: true,
        cells: ["All children", p.cla.total, null, null, null, null],
      },
    ],
    definition:
      "DfE's broad ethnic groups from the ethnicity codes (White, Mixed, Asian, Black, Other; refused and not yet obtained are Not known). Percentages are of children whose ethnicity is known. Ratio is the share among children looked after divided by the share among all children aged 0 to 17: above 1 means the group is over-represented among children in care.",
    notes: hasPop
      ? []
      : ["No population shares by ethnic group were supplied, so the comparison is not available."],
  });
}

function outcomeTables(p: Profile): ProfileTable[] {
  const o = p.outcomes;
  const cl = o.careLeavers;
  return [
    finish({
      section: "outcomes",
      name: "ceased",
      title: `How children left care in ${yearLabel(o.year)}`,
      sheet: "Outcomes",
      columns: [
        { key: "label", label: "Outcome", format: "text" },
        ...SHARE_COLUMNS("Children", "Out of (all who ceased)"),
      ],
      rows: [
        {
          key: "returned_home",
          cells: ["Returned home to parents or relatives", ...shareCells(o.returnedHome)],
        },
        { key: "adopted", cells: ["Adopted", ...shareCells(o.adopted)] },
        {
          key: "special_guardianship",
          cells: ["Special guardianship order", ...shareCells(o.specialGuardianship)],
        },
        {
          key: "staying_put",
          cells: [
            "Staying put (aged 18, stayed with carers, E17)",
            o.stayingPutCessations,
            o.ceased,
            pct1(o.stayingPutCessations, o.ceased),
          ],
        },
      ],
      definition:
        "Of the children who ceased to be looked after in the year (counted once each, by their last cessation).",
    }),
    finish({
      section: "outcomes",
      name: "care_leavers",
      title: `Care leavers in ${yearLabel(o.year)} (aged 17 to 21)`,
      sheet: "Care leavers",
      columns: [{ key: "label", label: "Measure", format: "text" }, ...SHARE_COLUMNS("Care leavers")],
      rows: cl
        ? [
            { key: "in_touch", cells: ["In touch with the council", ...shareCells(cl.inTouch)] },
            {
              key: "suitable_accommodation",
              cells: ["In suitable accommodation", ...shareCells(cl.suitableAccommodation)],
            },
            {
              key: "eet",
              cells: ["In education, employment or training", ...shareCells(cl.educationEmploymentTraining)],
            },
            {
              key: "former_foster_carers",
              cells: ["Living with former foster carers", ...shareCells(cl.withFormerFosterCarers)],
            },
          ]
        : [],
      definition:
        "From the OC3 table: young people who were looked after and had their 17th to 21st birthday in the year, leaving out those who died. In touch is IN_TOUCH YES; suitable accommodation is an ACCOM code ending in 1; education, employment or training is ACTIV F1, P1, F2, P2, F4, P4, F5 or P5; living with former foster carers is ACCOM Z1 or Z2. An answer not recorded counts as no, so every percentage is of the whole group.",
      notes: cl ? [] : [`No care leaver (OC3) file was supplied for ${yearLabel(o.year)}.`],
    }),
  ];
}

function qualityTable(p: Profile): ProfileTable {
  const q = p.dataQuality;
  const yearsText = q.years.map(yearLabel).join(", ");
  const rows: Draft["rows"] = [
    { key: "years", format: "text", cells: ["Collection years in the data", yearsText] },
    { key: "fixes", cells: ["Corrections made while joining the years into one history", q.fixes] },
    {
      key: "children_without_header",
      cells: ["Children with episodes but no Header row", q.childrenWithoutHeader],
    },
    {
      key: "children_without_dob",
      cells: ["Children with no date of birth (age not known)", q.childrenWithoutDob],
    },
    {
      key: "distance_unknown",
      cells: ["Children whose distance from home is not known", p.location.source.unknown],
    },
    {
      key: "oc3_supplied",
      format: "text",
      cells: [
        `Care leaver (OC3) file for ${p.yearLabel}`,
        p.outcomes.careLeavers ? "Supplied" : "Not supplied",
      ],
    },
    {
      key: "population_supplied",
      format: "text",
      cells: [
        "Population figures (for rates)",
        p.ratePer10k ? `Supplied (mid-${p.ratePer10k.populationYear})` : "Not supplied",
      ],
    },
  ];
  const notes: string[] = [];
  if (p.ratePer10k?.note) notes.push(p.ratePer10k.note);
  if (p.location.note) notes.push(p.location.note);
  return finish({
    section: "quality",
    name: "summary",
    title: "Data quality",
    sheet: "Data quality",
    columns: [
      { key: "label", label: "Item", format: "text" },
      { key: "value", label: "Value", format: "byRow" },
    ],
    rows,
    definition:
      "Children with no date of birth are counted in an \"Age not known\" column; children with no Header row are kept, with unknown sex and ethnicity. Run 'sufficiency validate' for the full list of problems in the data.",
    notes,
  });
}

/** Every table of the profile, in the order of the report. */
export function profileTables(p: Profile): ProfileTable[] {
  return [
    headline(p),
    ...claTables(p),
    ...trendTables(p),
    ...flowTables(p),
    ...placementTables(p),
    stabilityTable(p),
    ...locationTables(p),
    ethnicityTable(p),
    ...outcomeTables(p),
    qualityTable(p),
  ];
}
