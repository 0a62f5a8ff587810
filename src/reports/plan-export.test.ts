import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { planCsv, planText, planXlsx } from "./plan-export.js";
import type { PlanTable } from "./plan-tables.js";

const t: PlanTable = {
  id: "budget.runs",
  section: "budget",
  name: "runs",
  title: "Budget",
  sheet: "Budget",
  columns: ["Year", "Cost", "Share"],
  columnKeys: ["label", "cost", "share"],
  formats: ["text", "money", "pct"],
  rows: [
    ["2025/26", 1234567.4, 12.5],
    ["=SUM(A1)", null, 50],
  ],
  rowKeys: ["2025/26", "x"],
  totalRows: [1],
  definition: "test",
  notes: ["a note"],
};

describe("plan exports", () => {
  it("write one CSV line per cell (the row label left out), blanks for missing values", () => {
    expect(planCsv([t]).split("\r\n")).toEqual([
      "section,table,row,column,value",
      "budget,runs,2025/26,cost,1234567.4",
      "budget,runs,2025/26,share,12.5",
      "budget,runs,x,cost,",
      "budget,runs,x,share,50",
      "",
    ]);
  });

  it("write a workbook with money and percentages formatted", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await planXlsx([t], { title: "Costs", facts: [["Forecast", "f.json"]] })) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["About", "Budget"]);
    const ws = wb.getWorksheet("Budget")!;
    expect(ws.getCell("B3").value).toBe(1234567.4);
    expect(ws.getCell("B3").numFmt).toBe("£#,##0");
    expect(ws.getCell("C3").value).toBe(0.125);
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
  });

  it("write aligned text with the notes", () => {
    const text = planText([t]);
    expect(text).toContain("2025/26   £1,234,567  12.5%");
    expect(text).toContain("Note: a note");
  });
});
