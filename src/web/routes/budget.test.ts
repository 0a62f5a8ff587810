import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectBudget } from "../../core/finance/budget.js";
import { defaultCostTable, overlayCosts } from "../../core/finance/cost-table.js";
import { parseFinancialYear } from "../../core/finance/financial-years.js";
import { formatPlanCell } from "../../reports/plan-tables.js";
import { tableRows, textOf } from "../test-support/html.js";
import { daysOf, defaultCosting, makeForecast } from "../test-support/plan.js";
import { type Browser, createWorld, signedIn, type World } from "../test-support/world.js";

let w: World;
let viewer: Browser;
let forecastA = "";

beforeAll(async () => {
  w = await createWorld();
  viewer = await signedIn(w.app, "viewer.a@example.org");
});
afterAll(async () => w.close());

const money = (s: string) => Number(s.replace(/[£,]/g, ""));

async function lastAudit(action: string) {
  const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action });
  return entries[0]!;
}

describe("the budget page", () => {
  it("says it waits for a forecast when the data has none", async () => {
    const res = await viewer.get("/budget");
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body)).toContain(
      "This page is made from a forecast by the model, and there is none of this data yet.",
    );
    expect((await viewer.get("/budget/download/budget.xlsx")).headers["content-type"]).toMatch(/^text\/html/);
  });

  it("shows the forecast's budget as the core costs the same forecast, the interval from each run's total", async () => {
    forecastA = await makeForecast(w, w.councilA.id, w.versionA);
    const result = (await w.services.forecasts.result(w.councilA.id, forecastA))!;
    const budget = projectBudget(daysOf(result), defaultCosting());
    const res = await viewer.get("/budget");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/forecast/runs/${forecastA}"`);
    const first = budget.years[0]!;
    const total = tableRows(res.body, "budget-expected-cost").find((r) => r[0] === "Total")!;
    expect(total[1]).toBe(formatPlanCell(first.expected!.total, "money"));

    // The median of the runs' totals, worked out here: each run's days × the year's daily cost, summed, then the median.
    const d = result.runDays;
    const C = d.categories.length;
    const weekly = new Map(
      budget.unitCosts.filter((u) => u.year === first.year).map((u) => [u.category, u.weekly]),
    );
    const totals: number[] = [];
    for (let r = 0; r < d.runs; r++) {
      let t = 0;
      for (let c = 0; c < C; c++)
        t += (d.values[(r * d.years.length + 0) * C + c]! * (weekly.get(d.categories[c]!) ?? 0)) / 7;
      totals.push(t);
    }
    totals.sort((a, b) => a - b);
    const h = (totals.length - 1) * 0.5;
    const median =
      totals[Math.floor(h)]! + (h - Math.floor(h)) * (totals[Math.ceil(h)]! - totals[Math.floor(h)]!);
    const runs = tableRows(res.body, "budget-runs");
    const row = runs.find((r) => r[0] === first.year)!;
    expect(Math.abs(money(row[runs[0]!.indexOf("Median")]!) - median)).toBeLessThanOrEqual(1);
    // A chart with its numbers beside it.
    expect(res.body).toContain('id="chart-budget-runs"');
  });

  it("costs the council's own figures: an analyst's weekly cost changes the budget as the core says", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const result = (await w.services.forecasts.result(w.councilA.id, forecastA))!;
    const year = result.runDays.years[0]!;
    await analyst.get("/costs");
    const set = await analyst.post("/costs/entries", {
      category: "agency_fostering",
      provider: "agency",
      year,
      weekly: "1500",
    });
    expect(set.statusCode).toBe(303);
    const costing = defaultCosting();
    costing.table = overlayCosts(defaultCostTable(), [
      {
        category: "agency_fostering",
        provider: "agency",
        year: parseFinancialYear(year)!,
        weekly: 1500,
        source: "The council's own figure",
        origin: "given",
      },
    ]);
    const expected = projectBudget(daysOf(result), costing).years[0]!.expected!;
    const res = await viewer.get("/budget");
    const rows = tableRows(res.body, "budget-expected-cost");
    expect(rows.find((r) => r[0] === "Total")![1]).toBe(formatPlanCell(expected.total, "money"));
    expect(rows.find((r) => r[0] === "Agency (IFA) fostering")![1]).toBe(
      formatPlanCell(expected.byCategory.agency_fostering!.cost, "money"),
    );
  });

  it("offers each table as CSV and all of them as XLSX, each export audited", async () => {
    const csv = await viewer.get(`/budget/tables/budget.runs.csv?forecast=${forecastA}`);
    expect(csv.statusCode).toBe(200);
    const rows = Papa.parse<string[]>(csv.body.trim()).data;
    expect(rows[0]).toEqual([
      "Financial year",
      "Mean",
      "5th percentile",
      "25th",
      "Median",
      "75th",
      "95th percentile",
    ]);
    expect(rows).toHaveLength(4);
    expect((await lastAudit("export")).detail).toMatchObject({
      format: "csv",
      what: "budget",
      forecast: forecastA,
    });
    const xlsx = await viewer.get("/budget/download/budget.xlsx");
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain("Budget interval");
    expect((await viewer.get("/budget/tables/budget.nothing.csv")).statusCode).toBe(404);
  });

  it("never shows another council's forecast, even asked for by its id", async () => {
    const forecastB = await makeForecast(w, w.councilB.id, w.versionB, 20);
    const res = await viewer.get(`/budget?forecast=${forecastB}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(forecastB);
    expect(res.body).toContain(`href="/forecast/runs/${forecastA}"`);
    const csv = await viewer.get(`/budget/tables/budget.runs.csv?forecast=${forecastB}`);
    expect((await lastAudit("export")).detail).toMatchObject({ forecast: forecastA });
    expect(Papa.parse<string[]>(csv.body.trim()).data).toHaveLength(4);
  });
});
