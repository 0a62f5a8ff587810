import ExcelJS from "exceljs";
import Papa from "papaparse";
import {
  formatPlanCell,
  type PlanCell,
  type PlanFormat,
  type PlanTable,
  planCellFormat,
} from "./plan-tables.js";
import { sheetNames } from "./profile-xlsx.js";
import { addTableSheet, HEADER_FILL, THIN } from "./xlsx-sheet.js";

/**
 * Exports of the costs, supply and gap tables: the long CSV the profile uses
 * (section,table,row,column,value) and an Excel workbook formatted like the
 * profile's (an About sheet, then one sheet per table).
 */
export function planCsv(tables: readonly PlanTable[]): string {
  const data: Array<[string, string, string, string, string | number]> = [];
  for (const t of tables) {
    t.rows.forEach((row, r) => {
      for (let c = 1; c < row.length; c++) {
        const v = row[c];
        data.push([
          t.section,
          t.name,
          t.rowKeys[r]!,
          t.columnKeys[c]!,
          v === null || v === undefined ? "" : v,
        ]);
      }
    });
  }
  return `${Papa.unparse(
    { fields: ["section", "table", "row", "column", "value"], data },
    { newline: "\r\n", escapeFormulae: true },
  )}\r\n`;
}

const NUMBER_FORMATS: Record<PlanFormat, string | undefined> = {
  text: undefined,
  count: "#,##0",
  money: "£#,##0",
  weeks: "#,##0.0",
  decimal: "#,##0.0",
  pct: "0.0%",
  ratio: "0.00",
  date: "dd/mm/yyyy",
};

function cellValue(v: PlanCell, f: PlanFormat): ExcelJS.CellValue {
  if (v === null) return null;
  if (f === "pct" && typeof v === "number") return Math.round(v * 10) / 1000;
  return v;
}

export interface PlanWorkbookMeta {
  title: string;
  council?: string;
  /** Lines for the About sheet: settings, dates, sources. */
  facts: Array<[string, string]>;
  /** When the workbook was made (ISO), shown on the About sheet and stamped in its properties. */
  generatedAt?: string;
}

function addAbout(
  wb: ExcelJS.Workbook,
  tables: readonly PlanTable[],
  sheets: string[],
  meta: PlanWorkbookMeta,
) {
  const ws = wb.addWorksheet("About", { properties: { tabColor: { argb: "FF1D70B8" } } });
  ws.columns = [{ width: 34 }, { width: 60 }, { width: 100 }];
  ws.addRow([`${meta.title}${meta.council ? `: ${meta.council}` : ""}`]).font = { bold: true, size: 16 };
  ws.addRow([]);
  const facts = [...meta.facts];
  if (meta.generatedAt) facts.push(["Made", meta.generatedAt]);
  for (const [k, v] of facts) {
    const r = ws.addRow([k, v]);
    r.getCell(1).font = { bold: true };
    r.getCell(2).alignment = { horizontal: "left", wrapText: true };
  }
  ws.addRow([]);
  ws.addRow(["How to read these tables"]).font = { bold: true, size: 13 };
  for (const line of [
    "Each sheet holds one table. Money is in pounds at each year's prices; percentages are stored as fractions and shown with a % format.",
    "Financial years run from 1 April to 31 March. A blank cell means the figure is not available (for example, a category with no cost).",
    "The formulas and every assumption are in docs/costs-supply-gap.md.",
  ])
    ws.addRow([line]);
  ws.addRow([]);
  const head = ws.addRow(["Sheet", "Table", "What it counts"]);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: THIN };
  });
  tables.forEach((t, i) => {
    const r = ws.addRow([
      { text: sheets[i]!, hyperlink: `#'${sheets[i]!.replace(/'/g, "''")}'!A1` },
      t.title,
      t.definition,
    ]);
    r.getCell(1).font = { color: { argb: "FF1D70B8" }, underline: true };
    for (const c of [1, 2, 3]) r.getCell(c).alignment = { wrapText: true, vertical: "top" };
  });
}

function addTable(wb: ExcelJS.Workbook, t: PlanTable, name: string): void {
  addTableSheet(
    wb,
    name,
    t,
    (v, r, c) => {
      const f = planCellFormat(t, r, c);
      const fmt = NUMBER_FORMATS[f];
      return {
        value: cellValue(v, f),
        ...(fmt && typeof v === "number" ? { numFmt: fmt } : {}),
        ...(typeof v === "string" && c > 0
          ? { alignment: { wrapText: v.length > 60, vertical: "top" } }
          : {}),
        width: Math.min(80, formatPlanCell(v, f).length),
      };
    },
    80,
  );
}

/** The tables as an Excel workbook. */
export async function planXlsx(tables: readonly PlanTable[], meta: PlanWorkbookMeta): Promise<Uint8Array> {
  const sheets = sheetNames(tables.map((t) => t.sheet));
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sufficiency Planner";
  wb.title = meta.title;
  const stamp = meta.generatedAt ? new Date(meta.generatedAt) : new Date();
  wb.created = stamp;
  wb.modified = stamp;
  addAbout(wb, tables, sheets, meta);
  tables.forEach((t, i) => {
    addTable(wb, t, sheets[i]!);
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** The tables as plain text (for the terminal): each table's title, then aligned columns. */
export function planText(tables: readonly PlanTable[]): string {
  const out: string[] = [];
  for (const t of tables) {
    out.push(t.title, "-".repeat(Math.min(100, t.title.length)));
    const cells = [
      t.columns,
      ...t.rows.map((row, r) => row.map((v, c) => formatPlanCell(v, planCellFormat(t, r, c)))),
    ];
    const widths = t.columns.map((_, c) =>
      Math.min(60, Math.max(...cells.map((row) => (row[c] ?? "").length))),
    );
    for (const row of cells)
      out.push(
        row
          .map((v, c) => {
            const s = v.length > 60 ? `${v.slice(0, 57)}...` : v;
            return c === 0 ? s.padEnd(widths[c]!) : s.padStart(widths[c]!);
          })
          .join("  ")
          .trimEnd(),
      );
    for (const n of t.notes) out.push(`Note: ${n}`);
    out.push("");
  }
  return `${out.join("\n")}\n`;
}
