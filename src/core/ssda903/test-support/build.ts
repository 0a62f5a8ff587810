/**
 * Builds small 903 returns for tests from rows written as the file would
 * hold them (DD/MM/YYYY dates, codes as text). Rows go through the real
 * reader, so tests exercise the same path as a council's files.
 */
import { readFile903 } from "../read.js";
import { TABLES, type TableKey } from "../tables.js";
import type { Issue, Return903 } from "../types.js";
import { emptyTables } from "../types.js";

export type TextRow = Record<string, string>;
export type YearRows = Partial<Record<TableKey, TextRow[]>>;

/** A valid Header row; override what a test needs. */
export const HEADER: TextRow = {
  CHILD: "1",
  SEX: "1",
  DOB: "01/01/2010",
  ETHNIC: "WBRI",
  UPN: "A123456789012",
  MOTHER: "",
  MC_DOB: "",
};

/** A valid open Episodes row starting in 2019/20; override what a test needs. */
export const EPISODE: TextRow = {
  CHILD: "1",
  DECOM: "01/05/2019",
  RNE: "S",
  LS: "C2",
  CIN: "N1",
  PLACE: "U4",
  PLACE_PROVIDER: "PR1",
  DEC: "",
  REC: "",
  REASON_PLACE_CHANGE: "",
  HOME_POST: "AB1 2CD",
  PL_POST: "AB1 3EF",
  URN: "",
};

const DEFAULTS: Partial<Record<TableKey, TextRow>> = { header: HEADER, episodes: EPISODE };

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV text of a table, each row filled out from the table's defaults. */
export function toCsv(table: TableKey, rows: readonly TextRow[]): string {
  const cols = [...TABLES[table].columns];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const base = DEFAULTS[table] ?? {};
  const lines = [cols.join(",")];
  for (const r of rows) lines.push(cols.map((c) => csvField(r[c] ?? base[c] ?? "")).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Reads tables for several years into one return. Years are collection start
 * years; each table given (even empty) counts as supplied.
 */
export function buildReturn(years: Record<number, YearRows>): { data: Return903; issues: Issue[] } {
  const data: Return903 = { files: [], tables: emptyTables() };
  const issues: Issue[] = [];
  const enc = new TextEncoder();
  for (const [year, tables] of Object.entries(years)) {
    for (const [table, rows] of Object.entries(tables) as Array<[TableKey, TextRow[]]>) {
      const path = `${year}/${table}.csv`;
      readFile903({ path, bytes: enc.encode(toCsv(table, rows)) }, data, issues);
    }
  }
  return { data, issues };
}
