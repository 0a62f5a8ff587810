import ExcelJS from "exceljs";
import type { Profile } from "../core/profile/profile.js";
import { longDate } from "./labels.js";
import {
  type Cell,
  type CellFormat,
  cellFormat,
  formatCell,
  type ProfileTable,
  profileSections,
  profileTables,
} from "./profile-tables.js";
import { addTableSheet, HEADER_FILL, THIN } from "./xlsx-sheet.js";

/** Excel number formats for each kind of cell; percentages are stored as fractions (0.667) shown as 66.7%. */
export const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  count: "#,##0",
  weeks: "#,##0.0",
  rate: "#,##0.0",
  pct: "0.0%",
  ratio: "0.00",
  date: "dd/mm/yyyy",
};

/** Excel's limits on sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case. */
export function sheetNames(wanted: readonly string[]): string[] {
  const used = new Set<string>(["about"]);
  return wanted.map((w) => {
    const base =
      w
        .replace(/[:\\/?*[\]]/g, " ")
        .replace(/^'+|'+$/g, "")
        .trim()
        .slice(0, 31) || "Table";
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** The value to store in a cell: fractions for percentages, dates as dates, blanks for "not available". */
function cellValue(v: Cell, f: CellFormat): ExcelJS.CellValue {
  if (v === null) return null;
  if (f === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToDate(v);
  if (f === "pct" && typeof v === "number") return Math.round(v * 10) / 1000;
  return v;
}

function addAbout(
  wb: ExcelJS.Workbook,
  p: Profile,
  tables: ProfileTable[],
  sheets: string[],
  meta: XlsxMeta,
): void {
  const ws = wb.addWorksheet("About", { properties: { tabColor: { argb: "FF1D70B8" } } });
  ws.columns = [{ width: 34 }, { width: 44 }, { width: 100 }];
  const title = ws.addRow([`Sufficiency profile${meta.council ? `: ${meta.council}` : ""}`]);
  title.font = { bold: true, size: 16 };
  ws.addRow([]);
  const facts: Array<[string, ExcelJS.CellValue, string?]> = [
    ["Children looked after on", isoToDate(p.at), NUMBER_FORMATS.date],
    [
      "Collection year of the year's measures",
      `${p.yearLabel} (1 April ${p.year} to 31 March ${p.year + 1})`,
    ],
    ["Age bands", p.bands.join(", ")],
  ];
  if (meta.generatedAt) facts.push(["Made", meta.generatedAt]);
  for (const [k, v, fmt] of facts) {
    const r = ws.addRow([k, v]);
    r.getCell(1).font = { bold: true };
    r.getCell(2).alignment = { horizontal: "left" };
    if (fmt) r.getCell(2).numFmt = fmt;
  }
  ws.addRow([]);
  ws.addRow(["How to read these tables"]).font = { bold: true, size: 13 };
  for (const line of [
    "Each sheet holds one table. Percentages are stored as fractions and shown with a % format; each has its count and denominator beside it.",
    "Weeks are days of placement divided by 7, to one decimal place. A blank cell means the figure is not available.",
    "Short breaks (legal status V3, V4) are left out of every count. Bold rows are totals or groups of the rows below them.",
  ])
    ws.addRow([line]);
  ws.addRow([]);
  const notes = tables.flatMap((t) => t.notes.map((n) => `${t.title}: ${n}`));
  const quality = tables.find((t) => t.id === "quality.summary");
  ws.addRow(["Data quality"]).font = { bold: true, size: 13 };
  if (quality) {
    quality.rows.forEach((row, r) => {
      const f = cellFormat(quality, r, 1);
      const x = ws.addRow([row[0], cellValue(row[1] ?? null, f)]);
      const fmt = NUMBER_FORMATS[f];
      if (fmt) x.getCell(2).numFmt = fmt;
      x.getCell(2).alignment = { horizontal: "left" };
    });
  }
  for (const n of notes) ws.addRow([n]);
  ws.addRow([]);
  const head = ws.addRow(["Sheet", "Table", "What it counts"]);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: THIN };
  });
  const sections = new Map(profileSections(p).map((s) => [s.id, s.title]));
  tables.forEach((t, i) => {
    const r = ws.addRow([
      { text: sheets[i]!, hyperlink: `#'${sheets[i]!.replace(/'/g, "''")}'!A1` },
      `${sections.get(t.section)}: ${t.title}`,
      t.definition,
    ]);
    r.getCell(1).font = { color: { argb: "FF1D70B8" }, underline: true };
    r.getCell(3).alignment = { wrapText: true, vertical: "top" };
    r.getCell(2).alignment = { wrapText: true, vertical: "top" };
    r.getCell(1).alignment = { vertical: "top" };
  });
}

function addTable(wb: ExcelJS.Workbook, t: ProfileTable, name: string): void {
  addTableSheet(
    wb,
    name,
    t,
    (v, r, c) => {
      const f = cellFormat(t, r, c);
      const fmt = NUMBER_FORMATS[f];
      const numFmt =
        f === "date" && typeof v === "string"
          ? NUMBER_FORMATS.date
          : fmt && v !== null && typeof v !== "string"
            ? fmt
            : undefined;
      return {
        value: cellValue(v, f),
        ...(numFmt ? { numFmt } : {}),
        ...(c > 0 && f === "text" ? { alignment: { horizontal: "right" } } : {}),
        width: formatCell(v, f).length,
      };
    },
    24,
  );
}

export interface XlsxMeta {
  council?: string;
  /** When the workbook was made (shown on the About sheet). */
  generatedAt?: string;
}

/**
 * The profile as an Excel workbook: an "About" sheet (dates, how to read
 * the tables, data-quality notes, and a list of the sheets with what each
 * counts), then one sheet per table of `profileTables`.
 */
export async function profileXlsx(profile: Profile, meta: XlsxMeta = {}): Promise<Uint8Array> {
  const tables = profileTables(profile);
  const sheets = sheetNames(tables.map((t) => t.sheet));
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sufficiency Planner";
  wb.title = `Sufficiency profile, ${longDate(profile.at)}`;
  const stamp = new Date(`${profile.at}T00:00:00Z`);
  wb.created = stamp;
  wb.modified = stamp;
  addAbout(wb, profile, tables, sheets, meta);
  tables.forEach((t, i) => {
    addTable(wb, t, sheets[i]!);
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
