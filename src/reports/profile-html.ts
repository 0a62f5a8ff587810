import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import type { Profile } from "../core/profile/profile.js";
import { longDate } from "./labels.js";
import { profileCharts } from "./profile-charts.js";
import {
  cellFormat,
  formatCell,
  type ProfileTable,
  profileSections,
  profileTables,
} from "./profile-tables.js";

/**
 * The folder holding package.json, found by walking up from this file, so
 * the templates resolve the same from src/ (tests) and dist/ (the built CLI).
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
}

export function templateDir(): string {
  return join(packageRoot(), "src", "reports", "templates");
}

let env: nunjucks.Environment | undefined;

function environment(): nunjucks.Environment {
  env ??= new nunjucks.Environment(new nunjucks.FileSystemLoader(templateDir()), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return env;
}

/** Plain-English meanings of the words the report uses. */
export const GLOSSARY: ReadonlyArray<{ term: string; meaning: string }> = [
  {
    term: "Children looked after",
    meaning:
      "Children in the council's care on a day: they have an episode of care that started on or before the day and had not ended by it. Children on short breaks only (legal status V3 or V4) are not counted anywhere in this profile.",
  },
  {
    term: "Episode",
    meaning:
      "One row of the SSDA903 return: a period in one placement under one legal status. A new episode starts whenever the placement or legal status changes.",
  },
  {
    term: "Collection year",
    meaning:
      "The year of the DfE return, from 1 April to 31 March; 2021/22 runs from 1 April 2021 to 31 March 2022.",
  },
  {
    term: "Placement",
    meaning:
      "Where and with whom a child lives. A new placement starts with a new period of care or a change of carer; a change of legal status alone, or a short temporary stay away (T0 to T4), does not start one.",
  },
  {
    term: "Weeks of placement",
    meaning: "The number of days children spent in placements in the year, divided by 7.",
  },
  {
    term: "UASC",
    meaning:
      "Unaccompanied asylum-seeking children: children in the return's UASC table who had not ceased to be UASC on the day.",
  },
  {
    term: "In-house and agency fostering",
    meaning:
      "In-house foster carers are approved by the council (or another public body); agency carers are approved by independent or voluntary fostering agencies. Connected persons are family or friends approved as foster carers for the child.",
  },
  {
    term: "Rate per 10,000",
    meaning:
      "Children looked after for every 10,000 children aged 0 to 17 living in the area (ONS mid-year estimate).",
  },
  {
    term: "n/a",
    meaning:
      "Not available: the figure cannot be worked out from the data supplied (often no children to count).",
  },
];

/** "2024-01-05T16:08:37.123Z" → "5 January 2024 at 16:08 UTC"; any other text is kept as given. */
export function readableTimestamp(s: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::[\d.]+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (!m) return s;
  const day = longDate(m[1]!);
  if (m[2] === undefined) return day;
  const zone = m[4] === undefined ? "" : m[4] === "Z" ? " UTC" : ` (UTC${m[4]})`;
  return `${day} at ${m[2]}:${m[3]}${zone}`;
}

interface TableView {
  anchor: string;
  title: string;
  caption: string;
  definition: string;
  notes: string[];
  chart: string | null;
  header: string[];
  rows: Array<{ label: string; cells: string[]; total: boolean }>;
  wide: boolean;
}

function tableView(t: ProfileTable, number: string, chart: string | undefined): TableView {
  return {
    anchor: t.id.replace(/\./g, "-"),
    title: t.title,
    caption: `Table ${number}: ${t.title}`,
    definition: t.definition,
    notes: t.notes,
    chart: chart ?? null,
    header: t.columns,
    rows: t.rows.map((row, r) => ({
      label: formatCell(row[0] ?? null, cellFormat(t, r, 0)),
      cells: row.slice(1).map((v, c) => formatCell(v, cellFormat(t, r, c + 1))),
      total: t.totalRows.includes(r),
    })),
    wide: t.columns.length > 7,
  };
}

/**
 * The profile as one standalone, printable HTML page: a contents list, then
 * one section per printed page with its charts (inline SVG), the table of
 * the same numbers under each chart, and what each table counts. No
 * scripts and no external requests: the stylesheet is inlined.
 */
export function profileHtml(profile: Profile, meta: { council?: string; generatedAt: string }): string {
  const tables = profileTables(profile);
  const charts = profileCharts(profile);
  const sections = profileSections(profile).map((s, i) => ({
    ...s,
    number: i + 1,
    tables: tables
      .filter((t) => t.section === s.id)
      .map((t, k) => tableView(t, `${i + 1}.${k + 1}`, charts[t.id])),
  }));
  const css = readFileSync(join(templateDir(), "profile.css"), "utf8");
  const title = `Sufficiency profile${meta.council ? `: ${meta.council}` : ""}, ${longDate(profile.at)}`;
  return environment().render("profile.njk", {
    title,
    council: meta.council ?? null,
    generatedAt: readableTimestamp(meta.generatedAt),
    at: longDate(profile.at),
    yearLabel: profile.yearLabel,
    bands: profile.bands.join(", "),
    sections,
    glossary: GLOSSARY,
    css,
  });
}
