import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../test-support/run-cli.js";

const run = runCli;

let dir: string;
let data: string;
let forecastFile: string;
const categories = [
  "inhouse_fostering",
  "agency_fostering",
  "connected_fostering",
  "childrens_home",
  "supported_accommodation",
  "placed_with_parents",
  "adoption",
  "secure",
  "other",
];
/** Children on an average day per category; runs scale it by 0.9, 1 and 1.1. */
const children = [60, 55, 30, 20, 15, 8, 5, 1, 2];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sufficiency-csg-"));
  data = join(dir, "council");
  const r = await run(
    "generate",
    "--out",
    data,
    "--from",
    "2021",
    "--to",
    "2024",
    "--children-in-care",
    "200",
    "--seed",
    "5",
  );
  expect(r.code).toBe(0);
  const years = ["2025/26", "2026/27", "2027/28"];
  const days = (k: number) =>
    years.flatMap((y) => children.map((c) => c * k * (y === "2027/28" ? 366 : 365)));
  forecastFile = join(dir, "forecast.json");
  writeFileSync(
    forecastFile,
    JSON.stringify({
      runDays: { years, categories, runs: 3, values: [...days(0.9), ...days(1), ...days(1.1)] },
      expectedDays: { years, categories, values: days(1) },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sufficiency costs, supply and gap", () => {
  it("generates a supply register that validate passes over", async () => {
    for (const f of ["households.csv", "homes.csv", "block-contracts.csv", "frameworks.csv"])
      expect(readFileSync(join(data, "supply", f), "utf8").length).toBeGreaterThan(20);
    const r = await run("validate", data, "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toHaveLength(16);
    expect(r.stderr).toContain("households.csv is a supply register file");
  });

  it("costs the forecast and the past, as JSON, CSV and XLSX", async () => {
    const r = await run("costs", data, "--forecast", forecastFile, "--inflation", "7,9,4");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.budget.runs).toBe(3);
    expect(report.budget.years.map((y: { year: string }) => y.year)).toEqual([
      "2025/26",
      "2026/27",
      "2027/28",
    ]);
    const y0 = report.budget.years[0];
    // the runs are the expected path × 0.9, 1, 1.1: the median run is the expected path
    expect(y0.runs.p50).toBeCloseTo(y0.expected.total, -1);
    expect(y0.expected.byCategory.inhouse_fostering.children).toBe(60);
    expect(report.historic.years.map((y: { year: string }) => y.year)).toEqual([
      "2021/22",
      "2022/23",
      "2023/24",
      "2024/25",
    ]);
    expect(report.inflation.find((i: { year: string }) => i.year === "2026/27")).toMatchObject({
      rate: 9,
      source: "given",
    });

    const csv = await run("costs", data, "--forecast", forecastFile, "--format", "csv");
    const lines = csv.stdout.split("\r\n");
    expect(lines[0]).toBe("section,table,row,column,value");
    expect(lines.some((l) => l.startsWith("budget,runs,2025/26,p50,"))).toBe(true);

    const xlsx = join(dir, "costs.xlsx");
    expect(
      (await run("costs", data, "--forecast", forecastFile, "--format", "xlsx", "--out", xlsx)).code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain("Budget interval");
  });

  it("uses a council's cost table and actual costs, and names a bad row", async () => {
    const table = join(dir, "costs.csv");
    writeFileSync(
      table,
      "category,provider,year,weekly_cost,source\nagency_fostering,agency,2025/26,1000,our contract\n",
    );
    const r = await run("costs", "--forecast", forecastFile, "--cost-table", table, "--inflation", "0");
    const report = JSON.parse(r.stdout);
    // 55 children all year at £1,000 a week
    expect(report.budget.years[0].expected.byCategory.agency_fostering.cost).toBe(
      Math.round(55 * 365 * (1000 / 7)),
    );
    const actual = join(dir, "actual.csv");
    writeFileSync(
      actual,
      "child,category,provider,start,end,weekly_cost\na1,childrens_home,agency,01/04/2024,01/04/2025,12000\n",
    );
    const withActual = JSON.parse((await run("costs", data, "--actual-costs", actual)).stdout);
    expect(withActual.actual.groups[0]).toMatchObject({ placements: 1, highCost: 1, averageWeekly: 12000 });
    writeFileSync(
      actual,
      "child,category,provider,start,end,weekly_cost\na1,castle,agency,01/04/2024,,12000\n",
    );
    const bad = await run("costs", data, "--actual-costs", actual);
    expect(bad.code).toBe(2);
    expect(
      bad.stderr
        .trim()
        .split("\n")
        .filter((l) => !l.startsWith("note:")),
    ).toEqual([
      `sufficiency costs: ${actual}, row 2, category: must be a placement category: inhouse_fostering, agency_fostering, connected_fostering, childrens_home, supported_accommodation, placed_with_parents, adoption, secure, other`,
    ]);
  });

  it("measures supply from the register, with occupancy from the 903 files", async () => {
    const r = await run("supply", "--register", data, data, "--target", "20");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.at.date).toBe("2025-03-31");
    expect(report.at.byKind.mainstream.households).toBeGreaterThan(10);
    expect(report.years.map((y: { year: string }) => y.year)).toEqual([
      "2021/22",
      "2022/23",
      "2023/24",
      "2024/25",
    ]);
    expect(report.years[0].target.target).toBe(20);
    for (const o of report.occupancy.fostering) {
      expect(o.occupancy).toBeGreaterThan(0.3);
      expect(o.occupancy).toBeLessThan(1.2);
    }
    const text = await run(
      "supply",
      "--register",
      join(data, "supply"),
      "--at",
      "2024-03-31",
      "--format",
      "text",
    );
    expect(text.stdout).toContain("In-house supply on 31 March 2024");
    expect((await run("supply", data)).stderr).toContain("give --register DIR");
  });

  it("works out the gap, with a summary whose numbers are in the JSON", async () => {
    const r = await run(
      "gap",
      data,
      "--register",
      data,
      "--forecast",
      forecastFile,
      "--target",
      "15",
      "--by",
      "2026/27",
      "--move-agency",
      "5",
      "--step-down",
      "2",
    );
    expect(r.code).toBe(0);
    const gap = JSON.parse(r.stdout);
    expect(gap.settings).toMatchObject({ inHouseShare: 0.8, targetYear: "2026/27", target: 15 });
    // 80% of the 115 fostered children (60 in-house + 55 agency) is 92
    expect(gap.recruitment.children).toBe(92);
    expect(gap.scenarios.map((s: { id: string }) => s.id)).toEqual([
      "in_house_share",
      "move_from_agency",
      "step_down",
    ]);
    for (const s of gap.summary)
      for (const ref of s.refs) {
        const value = ref.path
          .split(".")
          .reduce((o: Record<string, unknown>, k: string) => o[k] as never, gap);
        expect(value, ref.path).toEqual(ref.value);
      }
    const text = await run("gap", data, "--register", data, "--forecast", forecastFile, "--format", "text");
    expect(text.stdout).toMatch(/^To meet 80% of fostering demand in-house by 2027\/28/);
    const bad = await run("gap", data, "--register", data, "--forecast", forecastFile, "--by", "2031/32");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--by 2031/32 is not a year of the forecast");
    expect((await run("gap", data, "--register", data)).stderr).toContain("give --forecast FILE");
    expect(
      (await run("gap", data, "--register", data, "--forecast", forecastFile, "--occupancy", "2")).stderr,
    ).toContain("--occupancy must be a number from 0.01 to 1");
  });

  it("runs a forecast itself from --population", async () => {
    const r = await run(
      "gap",
      data,
      "--register",
      data,
      "--population",
      join(data, "population.csv"),
      "--runs",
      "20",
      "--forecast-years",
      "2",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const gap = JSON.parse(r.stdout);
    expect(gap.years).toHaveLength(2);
    expect(gap.budget.runs).toBe(20);
    expect(gap.years[0].lines[0].newPlacements).toBeGreaterThan(0);
  });

  it("lists the commands and their help", async () => {
    const r = await run("--help");
    for (const c of ["costs", "supply", "gap"]) expect(r.stdout).toContain(c);
    expect((await run("gap", "--help")).stdout).toContain("--in-house-share");
  });
});
