import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./test-support/run-cli.js";

const run = runCli;

let dir: string;
let data: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sufficiency-cli-"));
  data = join(dir, "council");
  const r = await run(
    "generate",
    "--out",
    data,
    "--from",
    "2021",
    "--to",
    "2023",
    "--children-in-care",
    "200",
    "--seed",
    "3",
  );
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function noStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

describe("sufficiency CLI", () => {
  it("generates a council's returns, population and postcode lookup", () => {
    for (const f of [
      "2021-header.csv",
      "2023-episodes.csv",
      "2022-uasc.csv",
      "2022-oc3.csv",
      "population.csv",
      "postcodes.csv",
    ]) {
      expect(readFileSync(join(data, f), "utf8").length).toBeGreaterThan(10);
    }
  });

  it("validates the generated returns with no errors (exit 0) and gives JSON in the documented shape", async () => {
    const r = await run("validate", data, "--format", "json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(12);
    expect(report.files[0]).toEqual({
      path: expect.any(String),
      table: expect.any(String),
      year: 2021,
      rows: expect.any(Number),
    });
    expect(report.summary.errors).toBe(0);
    expect(Object.keys(report)).toEqual(["files", "issues", "summary", "rebuild"]);
    expect(report.rebuild.children).toBeGreaterThan(0);
    expect(r.stderr).toContain("population.csv is a population file");
  });

  it("exits 1 with the issue named when the data has errors, as text and CSV", async () => {
    const bad = join(dir, "bad");
    const ep = readFileSync(join(data, "2022-episodes.csv"), "utf8").split("\n");
    ep[1] = ep[1]!.replace(/,U[1-6],|,K2,|,P1,|,H5,|,R1,|,A[3-6],/, ",Q9,");
    writeFileSync(join(dir, "2022-episodes.csv"), ep.join("\n"));
    const r = await run(
      "validate",
      join(dir, "2022-episodes.csv"),
      "--format",
      "csv",
      "--out",
      join(bad, "issues.csv"),
    );
    expect(r.code).toBe(1);
    const csv = readFileSync(join(bad, "issues.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe("rule,severity,message,file,row,child,fields");
    expect(csv).toMatch(
      /146,error,Placement type \(PLACE\) is not a valid code for the collection year: 'Q9',.*2022-episodes\.csv,2,/,
    );
    const text = await run("validate", join(dir, "2022-episodes.csv"));
    expect(text.stdout).toContain("ERROR 146 (1)");
  });

  it("exits 2 with one line when a file cannot be read", async () => {
    writeFileSync(join(dir, "2022-episodes.xlsx.csv"), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2]));
    const r = await run("validate", join(dir, "2022-episodes.xlsx.csv"));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("not text");
    const missing = await run("validate", join(dir, "nope.csv"));
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("no such file or folder");
  });

  it("answers wrong usage with one line and exit 2, never a stack trace", async () => {
    for (const argv of [
      ["frobnicate"],
      ["validate", data, "--colour"],
      ["validate", data, "--format", "pdf"],
      ["profile", data, "--at", "31/02/2022"],
      ["episodes", data],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(
        r.stderr
          .trim()
          .split("\n")
          .filter((l) => !l.startsWith("note:")).length,
        argv.join(" "),
      ).toBe(1);
      noStackTrace(r.stderr);
    }
  });

  it("writes the rebuilt episodes and the fixes", async () => {
    const out = join(dir, "episodes.csv");
    const r = await run("episodes", data, "--out", out, "--fixes", join(dir, "fixes.csv"));
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8").split("\r\n");
    expect(lines[0]).toBe(
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,SOURCE_FILE,SOURCE_ROW,SOURCE_YEAR,FIXES",
    );
    expect(lines.length).toBeGreaterThan(100);
    expect(readFileSync(join(dir, "fixes.csv"), "utf8").split("\r\n")[0]).toBe(
      "fix,description,child,file,row,year,detail",
    );
    // child-level rows go only to the file named
    expect(r.stdout).toBe("");
  });

  it("makes the profile as JSON, CSV, XLSX and HTML", async () => {
    const pop = join(data, "population.csv");
    const json = await run(
      "profile",
      data,
      "--population",
      pop,
      "--postcodes",
      join(data, "postcodes.csv"),
      "--la",
      "E99999901",
    );
    expect(json.code).toBe(0);
    const p = JSON.parse(json.stdout);
    expect(p.at).toBe("2024-03-31");
    expect(p.cla.total).toBeGreaterThan(100);
    expect(p.ratePer10k.value).toBeGreaterThan(0);
    expect(p.placementMix.weeks.total.total).toBeGreaterThan(0);
    expect(p.location.over20Miles.of).toBeGreaterThan(0);

    const csv = await run("profile", data, "--format", "csv");
    expect(csv.stdout.split("\r\n")[0]).toBe("section,table,row,column,value");

    const xlsx = join(dir, "profile.xlsx");
    expect((await run("profile", data, "--population", pop, "--format", "xlsx", "--out", xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(10);

    const html = join(dir, "profile.html");
    expect(
      (await run("profile", data, "--format", "html", "--out", html, "--council", "Testshire")).code,
    ).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("Testshire");
    expect(page).toContain("<svg");
    expect(page).not.toContain("<script");

    const noOut = await run("profile", data, "--format", "xlsx");
    expect(noOut.code).toBe(2);
  });

  it("names the file, row and field of a bad population file", async () => {
    const bad = join(dir, "pop-bad.csv");
    writeFileSync(bad, "year,age,population\n2022,0,100\n2022,1,many\n");
    const r = await run("profile", data, "--population", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("pop-bad.csv, row 3, population: must be a number");
    noStackTrace(r.stderr);
  });

  it("lists the rules", async () => {
    const r = await run("rules", "--format", "json");
    const rules = JSON.parse(r.stdout);
    expect(rules.length).toBeGreaterThan(80);
    expect(rules.find((x: { id: string }) => x.id === "141")).toMatchObject({
      severity: "error",
      tables: ["Episodes"],
    });
  });

  it("prints help for each command", async () => {
    const r = await run("--help");
    for (const c of ["generate", "validate", "episodes", "fixes", "profile", "rules", "demo"])
      expect(r.stdout).toContain(c);
    expect((await run("validate", "--help")).stdout).toContain("Exit code 0");
  });
});
