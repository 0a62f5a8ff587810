import type ExcelJS from "exceljs";

/** The shading and rules every exported workbook uses. */
export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD2E2F1" } };
export const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F3F3" } };
export const THIN = { style: "thin" as const, color: { argb: "FF0B0C0C" } };

/** What a sheet shows of a table (profile and plan tables both have it). */
export interface SheetTable<C> {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly C[])[];
  totalRows: readonly number[];
  definition: string;
  notes: readonly string[];
}

/** How one cell is written: its value, number format and alignment, and the width its text needs. */
export interface SheetCell {
  value: ExcelJS.CellValue;
  numFmt?: string;
  alignment?: Partial<ExcelJS.Alignment>;
  width: number;
}

/**
 * One table on its own sheet, as a council would paste it into a report:
 * the title, a shaded header row (frozen with the first column), the rows
 * (total rows bold and shaded), then what the table counts and its notes;
 * each column as wide as its text, from 10 up to `maxWidth` (60 for the
 * first).
 */
export function addTableSheet<C>(
  wb: ExcelJS.Workbook,
  name: string,
  t: SheetTable<C>,
  cellOf: (v: C, r: number, c: number) => SheetCell,
  maxWidth: number,
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2, xSplit: 1 }] });
  ws.addRow([t.title]).font = { bold: true, size: 13 };
  const header = ws.addRow([...t.columns]);
  header.font = { bold: true };
  header.eachCell((c, col) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: THIN };
    c.alignment = { wrapText: true, vertical: "bottom", horizontal: col === 1 ? "left" : "right" };
  });
  const widths = t.columns.map((c, i) => (i === 0 ? c.length : Math.min(c.length, 16)));
  t.rows.forEach((row, r) => {
    const cells = row.map((v, c) => cellOf(v, r, c));
    const x = ws.addRow(cells.map((s) => s.value));
    const isTotal = t.totalRows.includes(r);
    cells.forEach((s, c) => {
      const cell = x.getCell(c + 1);
      if (s.numFmt) cell.numFmt = s.numFmt;
      if (s.alignment) cell.alignment = s.alignment;
      widths[c] = Math.max(widths[c]!, s.width);
      if (isTotal) {
        cell.font = { bold: true };
        cell.fill = TOTAL_FILL;
      }
    });
  });
  if (t.rows.length === 0) ws.addRow(["No figures: see the notes below."]).font = { italic: true };
  ws.addRow([]);
  ws.addRow([`What it counts: ${t.definition}`]).font = { italic: true };
  for (const n of t.notes) ws.addRow([`Note: ${n}`]).font = { italic: true };
  ws.columns.forEach((col, i) => {
    // ExcelJS leaves out a width of exactly 9 (its default), so the narrowest is 10.
    col.width = Math.max(10, Math.min(i === 0 ? 60 : maxWidth, (widths[i] ?? 8) + 2));
  });
}
