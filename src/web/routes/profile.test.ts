import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readComparators } from "../../core/inputs/comparators.js";
import { readPopulation } from "../../core/inputs/population.js";
import { readPostcodes } from "../../core/inputs/postcodes.js";
import { buildProfile } from "../../core/profile/profile.js";
import { rebuildHistory } from "../../core/ssda903/history.js";
import { readFiles903 } from "../../core/ssda903/read.js";
import { bandLabel } from "../../reports/labels.js";
import { profileCharts } from "../../reports/profile-charts.js";
import { formatCell } from "../../reports/profile-tables.js";
import { demoFiles } from "../services/demo.js";
import { tableRows } from "../test-support/html.js";
import { createWorld, SMALL_DEMO, signedIn, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

/** The profile worked out straight from the files with the core, not through the service. */
function expectedProfile() {
  const files = demoFiles(SMALL_DEMO);
  const text = (name: string) => new TextDecoder().decode(files.find((f) => f.name === name)!.bytes);
  const returns = files.filter((f) => /^\d{4}-/.test(f.name)).map((f) => ({ path: f.name, bytes: f.bytes }));
  const { data } = readFiles903(returns);
  return buildProfile(rebuildHistory(data), {
    population: readPopulation("population.csv", text("population.csv")),
    postcodes: readPostcodes("postcodes.csv", text("postcodes.csv")),
    comparators: readComparators("comparators.csv", text("comparators.csv")),
    councilLa: "E99999901",
  });
}

describe("the profile page", () => {
  it("shows the profile's figures as the core computes them from the same files", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const res = await b.get("/profile");
    expect(res.statusCode).toBe(200);
    const p = expectedProfile();
    expect(res.body).toContain(`Sufficiency profile: 31 March ${SMALL_DEMO.to + 1}`);
    const headline = tableRows(res.body, "headline-measures");
    expect(headline.find((r) => r[0] === "Children looked after")?.[1]).toBe(
      formatCell(p.cla.total, "count"),
    );
    expect(headline.find((r) => r[0]!.startsWith("Children looked after per 10,000"))?.[1]).toBe(
      formatCell(p.ratePer10k!.value, "rate"),
    );
    // Children looked after by age band, on the section's own page: each band's count as the core counted it.
    const cla = await b.get("/profile/cla");
    const rows = tableRows(cla.body, "cla-age_band");
    for (const [band, n] of Object.entries(p.cla.byAgeBand)) {
      const row = rows.find((r) => r[0] === bandLabel(band));
      expect(row?.[1]).toBe(formatCell(n, "count"));
    }
  });

  it("has a page per section, each with the contents, its charts beside its tables, and links to the next", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const ids = [
      "headline",
      "cla",
      "trend",
      "flows",
      "placements",
      "stability",
      "location",
      "ethnicity",
      "outcomes",
      "quality",
    ];
    let charts = 0;
    for (const [i, id] of ids.entries()) {
      const res = await b.get(i === 0 ? "/profile" : `/profile/${id}`);
      expect(res.statusCode, id).toBe(200);
      expect(res.body).toContain(`id="section-${id}"`);
      expect(res.body).toContain('<li aria-current="page">');
      if (i + 1 < ids.length) expect(res.body).toContain(`href="/profile/${ids[i + 1]}" rel="next"`);
      charts += (res.body.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/g) ?? []).length;
      expect(res.body).not.toMatch(/<svg[^>]* style=/);
    }
    const p = expectedProfile();
    expect(charts).toBe(Object.keys(profileCharts(p)).length);
    expect((await b.get("/profile/nothing")).statusCode).toBe(404);
  });

  it("offers a CSV of each table whose cells are the table's values", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const res = await b.get("/profile/tables/cla.age_band.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="council-a-\d{4}-03-31-cla-age_band\.csv"/,
    );
    const rows = Papa.parse<string[]>(res.body.trim()).data;
    const p = expectedProfile();
    expect(rows[0]![0]).toBe("Age band");
    for (const [band, n] of Object.entries(p.cla.byAgeBand)) {
      expect(rows.find((r) => r[0] === bandLabel(band))?.[1]).toBe(String(n));
    }
  });

  it("refuses a table that does not exist", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    expect((await b.get("/profile/tables/cla.nothing.csv")).statusCode).toBe(404);
    expect((await b.get("/profile/tables/..%2F..%2Fetc.csv")).statusCode).toBe(404);
  });

  it("exports every table as one long CSV and as an XLSX workbook", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const csv = await b.get("/profile/download/profile.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split("\r\n")[0]).toBe("section,table,row,column,value");
    const xlsx = await b.request({ method: "GET", url: "/profile/download/profile.xlsx" });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe("About");
    expect(wb.worksheets.length).toBeGreaterThan(20);
  });

  it("serves the printable report with its own sandboxed policy", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const res = await b.get("/profile/report");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["content-disposition"]).toMatch(/^inline/);
    const csp = String(res.headers["content-security-policy"]).split(";").sort();
    expect(csp).toEqual([
      "base-uri 'none'",
      "default-src 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
      "img-src data:",
      "sandbox",
      "style-src 'unsafe-inline'",
    ]);
    expect(res.body).toContain("Council A");
  });

  it("records each export in the audit log", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    await b.get("/profile/download/profile.csv");
    const { entries } = await w.services.audit.page({ page: 1, perPage: 5, action: "export" });
    expect(entries[0]!.user_email).toBe("viewer.a@example.org");
    expect(entries[0]!.council_id).toBe(w.councilA.id);
    expect(entries[0]!.version_id).toBe(w.versionA);
  });
});

describe("the overview page", () => {
  it("shows the headline measures beside the comparators, the month-end chart and the year's change", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const res = await b.get("/overview");
    expect(res.statusCode).toBe(200);
    const p = expectedProfile();
    expect(res.body).toContain("England (illustrative)");
    const headline = tableRows(res.body, "headline");
    expect(headline[0]).toEqual(["Measure", "Council A", "England (illustrative)"]);
    expect(headline.find((r) => r[0] === "Children looked after")).toEqual([
      "Children looked after",
      formatCell(p.cla.total, "count"),
      "–",
    ]);
    expect(headline.find((r) => r[0]!.startsWith("Children looked after per 10,000"))?.[2]).toBe("67.0");
    expect(res.body).toContain("Children looked after at each month end");
    expect(res.body).toContain("What changed since last year");
    const before = p.cla.at31March.at(-2)!.total;
    const changes = tableRows(res.body, "changes");
    const cla = changes.find((r) => r[0] === "Children looked after")!;
    expect(cla.slice(1, 3)).toEqual([formatCell(before, "count"), formatCell(p.cla.total, "count")]);
    const diff = p.cla.total - before;
    expect(cla[3]).toBe(`${diff > 0 ? "+" : diff < 0 ? "−" : ""}${Math.abs(diff)}`);
  });
});
