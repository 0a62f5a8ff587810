import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../test-support/run-cli.js";

const run = runCli;

let dir: string;
let data: string;
let pop: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sufficiency-forecast-"));
  data = join(dir, "council");
  pop = join(data, "population.csv");
  const r = await run(
    "generate",
    "--out",
    data,
    "--from",
    "2019",
    "--to",
    "2024",
    "--children-in-care",
    "200",
    "--seed",
    "4",
  );
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sufficiency forecast", () => {
  it("writes the forecast as JSON", async () => {
    const r = await run(
      "forecast",
      data,
      "--population",
      pop,
      "--runs",
      "40",
      "--years",
      "2",
      "--seed",
      "3",
      "--threads",
      "1",
    );
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout);
    expect(f.start).toBe("2025-03-31");
    expect(f.method).toBe("markov");
    expect(f.runs).toBe(40);
    expect(f.series).toHaveLength(25);
    expect(Object.keys(f.series[0].total)).toEqual(["expected", "mean", "p5", "p25", "p50", "p75", "p95"]);
    expect(f.placementsNeeded).toHaveLength(2);
    expect(f.runDays.values).toHaveLength(40 * 2 * 9);
    expect(f.rates.reference).toEqual({ from: "2022-04-01", to: "2025-03-31", years: 3 });
  });

  it("writes CSV in long form and a spreadsheet with a sheet per table", async () => {
    const csv = await run(
      "forecast",
      data,
      "--population",
      pop,
      "--runs",
      "20",
      "--years",
      "1",
      "--format",
      "csv",
    );
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toBe("section,table,row,column,value");
    expect(csv.stdout).toContain("base,total,2025-03-31,expected,");
    const out = join(dir, "f.xlsx");
    const x = await run(
      "forecast",
      data,
      "--population",
      pop,
      "--runs",
      "20",
      "--years",
      "1",
      "--format",
      "xlsx",
      "--out",
      out,
    );
    expect(x.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "About",
      "Totals",
      "By category",
      "By age band",
      "Placements needed",
      "Child-days",
      "Entries and exits",
      "Rates",
      "Entry rates",
    ]);
  });

  it("projects a scenario file beside the base, and the trend method", async () => {
    const file = join(dir, "scenario.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "Step-down",
        changes: [{ type: "transition", source: "childrens_home", target: "inhouse_fostering", multiply: 2 }],
      }),
    );
    const r = await run(
      "forecast",
      data,
      "--population",
      pop,
      "--runs",
      "20",
      "--years",
      "1",
      "--scenario",
      file,
      "--uasc-per-year",
      "5-8",
    );
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout);
    expect(f.scenarios[0].name).toBe("Step-down");
    expect(f.rates.uasc).toMatchObject({ source: "given", range: [5, 8] });
    const t = await run(
      "forecast",
      data,
      "--population",
      pop,
      "--method",
      "trend",
      "--years",
      "1",
      "--growth",
      "0.02",
    );
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout).method).toBe("trend");
  });

  it("fails in one line naming what is wrong", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({ name: "x", changes: [{ type: "exit", group: "returned_home", multiply: -2 }] }),
    );
    const bad = await run("forecast", data, "--population", pop, "--scenario", file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`sufficiency forecast: ${file}: changes.0.multiply: must not be negative\n`);
    const noPop = await run("forecast", data);
    expect(noPop.code).toBe(2);
    expect(noPop.stderr).toMatch(/give --population FILE/);
    const uasc = await run("forecast", data, "--population", pop, "--uasc-per-year", "lots");
    expect(uasc.stderr).toMatch(/--uasc-per-year must be a number or a range/);
    const start = await run("forecast", data, "--population", pop, "--start", "2030-03-31", "--runs", "0");
    expect(start.code).toBe(2);
    expect(start.stderr).toMatch(/after the end of the data/);
    const popBad = join(dir, "pop-bad.csv");
    writeFileSync(popBad, "year,age,population\n2020,0,abc\n");
    const p = await run("forecast", data, "--population", popBad);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`${popBad}, row 2, population:`);
    expect(p.stderr.split("\n")).toHaveLength(2);
  });
});

describe("sufficiency backtest", () => {
  it("reports accuracy by years ahead for both methods", async () => {
    const r = await run("backtest", data, "--population", pop, "--runs", "30", "--horizon-years", "2");
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout);
    expect(b.origins[0]).toMatchObject({ origin: "2022-03-31", method: "markov" });
    expect(b.byHorizon.markov.map((h: { years: number }) => h.years)).toEqual([1, 2]);
    expect(b.byHorizon.trend[0].coverage90).toBeNull();
    const csv = await run(
      "backtest",
      data,
      "--population",
      pop,
      "--runs",
      "30",
      "--horizon-years",
      "1",
      "--format",
      "csv",
    );
    expect(csv.stdout).toContain("backtest,by_horizon,markov|1,median_abs_pct_error,");
  });

  it("says when there is too little history", async () => {
    const r = await run("backtest", data, "--population", pop, "--min-history-years", "9", "--runs", "10");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no 31 March has 9 years of data before it/);
  });
});
