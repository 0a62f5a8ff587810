import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BacktestResult, backtestSegments } from "../../core/forecast/backtest.js";
import { DEFAULT_CATEGORY_CONFIG } from "../../core/forecast/categories.js";
import { type ForecastOptions, type ForecastResult, forecast } from "../../core/forecast/forecast.js";
import { PopulationCurve } from "../../core/forecast/population-curve.js";
import { buildSegments } from "../../core/forecast/segments.js";
import { readPopulation } from "../../core/inputs/population.js";
import { rebuildHistory } from "../../core/ssda903/history.js";
import { readFiles903 } from "../../core/ssda903/read.js";
import { formatPlanCell } from "../../reports/plan-tables.js";
import { SYSTEM_ACTOR } from "../services/audit.js";
import { demoFiles } from "../services/demo.js";
import { ENGINE_VERSION } from "../services/forecasts.js";
import { errorSummary, tableRows, textOf } from "../test-support/html.js";
import {
  type Browser,
  createWorld,
  encodeForm,
  SMALL_DEMO,
  signedIn,
  type World,
} from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 60_000);
afterAll(async () => w.close());

/** The demo files read straight through the core, not through the service (an independent path). */
function coreInputs() {
  const files = demoFiles(SMALL_DEMO);
  const text = (name: string) => new TextDecoder().decode(files.find((f) => f.name === name)!.bytes);
  const returns = files.filter((f) => /^\d{4}-/.test(f.name)).map((f) => ({ path: f.name, bytes: f.bytes }));
  const history = rebuildHistory(readFiles903(returns).data);
  const population = readPopulation("population.csv", text("population.csv"));
  return { history, population };
}

/** The core's own forecast of the same files. */
function coreForecast(o: ForecastOptions): ForecastResult {
  const { history, population } = coreInputs();
  return forecast(history, population, o);
}

/** As a table on the page shows a number (one decimal place). */
const shown = (x: number | undefined) => formatPlanCell(Math.round(x! * 10) / 10, "decimal");

/** The form's fields with the defaults, and any changes. */
const form = (o: Record<string, string | string[]> = {}) => ({
  method: "markov",
  years: "2",
  runs: "40",
  referenceYears: "3",
  uasc: "",
  seed: "1",
  ...o,
});

/** Asks for a forecast and returns its address (the page answers once it is ready). */
async function make(b: Browser, o: Record<string, string | string[]> = {}): Promise<string> {
  await b.get("/forecast");
  const res = await b.post("/forecast", form(o));
  expect(res.statusCode, errorSummary(res.body).join("; ")).toBe(303);
  expect(res.headers.location).toMatch(/^\/forecast\/runs\/[0-9a-f-]{36}$/);
  return String(res.headers.location);
}

const idOf = (url: string) => url.split("/").at(-1)!;

describe("the Forecast page", () => {
  it("makes the version's default forecast and backtest the first time anyone looks, and lists them", async () => {
    const viewer = await signedIn(w.app, "viewer.a@example.org");
    const res = await viewer.get("/forecast");
    expect(res.statusCode).toBe(200);
    await w.services.forecasts.idle();
    const [f] = await w.services.forecasts.list(w.councilA.id, w.versionA);
    expect(f?.status).toBe("done");
    expect(f?.params).toMatchObject({ method: "markov", years: 5, runs: 1000, referenceYears: 3, seed: 1 });
    const bt = await w.services.forecasts.backtest(w.councilA.id, w.versionA);
    expect(bt?.meta.status).toBe("done");
    const again = textOf((await viewer.get("/forecast")).body);
    expect(again).toContain("by system");
    expect(again).toContain("Ready");
    // A viewer reads forecasts but is not offered the form.
    expect(again).not.toContain("Make a forecast");
    expect((await viewer.get("/forecast")).body).toContain(`href="/forecast/runs/${f!.id}"`);
  });

  it("offers an analyst the form with the default settings", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const res = await analyst.get("/forecast");
    expect(res.body).toContain('action="/forecast"');
    expect(res.body).toMatch(/id="years" name="years" type="text" spellcheck="false" value="5"/);
    expect(res.body).toMatch(/id="runs" name="runs" type="text" spellcheck="false" value="1000"/);
    expect(res.body).toMatch(/value="markov" checked/);
  });

  it.each([
    [{ years: "0" }, ["Years ahead must be between 1 and 10"]],
    [{ years: "2.5" }, ["Years ahead must be a whole number"]],
    [{ runs: "5" }, ["Runs must be between 10 and 5,000"]],
    [{ runs: "" }, ["Enter the number of runs"]],
    [{ referenceYears: "11" }, ["Years of history must be between 1 and 10"]],
    [{ uasc: "lots" }, ["Enter UASC arrivals a year as a number, like 12, or a range, like 10-15"]],
    [{ uasc: "15-10" }, ["The range of UASC arrivals must start with the smaller number"]],
    [{ seed: "-1" }, ["The seed must be between 0 and 2,147,483,647"]],
    [{ method: "guess" }, ["Select a method"]],
    [
      { method: "", years: "", runs: "x", referenceYears: "" },
      [
        "Select a method",
        "Enter the number of years ahead",
        "Runs must be a whole number",
        "Enter the years of history to learn from",
      ],
    ],
    [{ scenarios: "not-an-id" }, ["Select scenarios from the list"]],
    [{ scenarios: "00000000-0000-4000-8000-000000000000" }, ["Select scenarios from the list"]],
  ])("refuses %j with the GOV.UK error summary, making nothing", async (change, messages) => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const before = (await w.services.forecasts.list(w.councilA.id, w.versionA)).length;
    await analyst.get("/forecast");
    const res = await analyst.post("/forecast", form(change));
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual(messages);
    expect(res.body).toContain("<title>Error: Forecast");
    // What was typed is kept.
    for (const [k, v] of Object.entries(change))
      if (k !== "method" && k !== "scenarios" && v) expect(res.body).toContain(`value="${v}"`);
    expect((await w.services.forecasts.list(w.councilA.id, w.versionA)).length).toBe(before);
  });

  it("shows a forecast's totals, fan chart and settings, with the figures the core's own forecast gives", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const url = await make(analyst, { years: "3", runs: "60", seed: "5", uasc: "4-6" });
    const res = await analyst.get(url);
    expect(res.statusCode).toBe(200);
    const page = textOf(res.body);
    expect(page).toContain(`Forecast from 31 March ${SMALL_DEMO.to + 1}`);
    expect(page).toContain("Made");
    expect(page).toContain("by analyst.a@example.org");
    expect(page).toContain("4 to 6 a year (each run draws its number)");
    expect(res.body).toContain('id="chart-forecast-total"');
    expect(res.body).toContain("50% range");

    const core = coreForecast({
      method: "markov",
      years: 3,
      runs: 60,
      seed: 5,
      referenceYears: 3,
      uascPerYear: [4, 6],
    });
    const rows = tableRows(res.body, "forecast-total");
    expect(rows[0]).toEqual([
      "Date",
      "Expected",
      "Median",
      "25th percentile",
      "75th percentile",
      "5th percentile",
      "95th percentile",
    ]);
    expect(rows.length - 1).toBe(core.series.length);
    const last = core.series.at(-1)!;
    expect(rows.at(-1)).toEqual([
      last.date,
      shown(last.total.expected),
      shown(last.total.p50),
      shown(last.total.p25),
      shown(last.total.p75),
      shown(last.total.p5),
      shown(last.total.p95),
    ]);
    // The start is the children in care that day, counted by hand from the history (DECOM ≤ day < DEC).
    const { history } = coreInputs();
    const startDay = Date.UTC(SMALL_DEMO.to + 1, 2, 31) / 86_400_000;
    const inCare = history.children.filter((c) =>
      c.episodes.some(
        (e) => e.DECOM <= startDay && (e.DEC === null || e.DEC > startDay) && !["V3", "V4"].includes(e.LS),
      ),
    ).length;
    expect(rows[1]![0]).toBe(`${SMALL_DEMO.to + 1}-03-31`);
    expect(rows[1]![2]).toBe(shown(inCare));

    // Placements needed, year by year, as the core counts them.
    const placements = tableRows(res.body, "forecast-placements");
    expect(placements.slice(1).map((r) => [r[0], r[1]])).toEqual(
      core.placementsNeeded.map((y) => [y.year, shown(y.total.expected)]),
    );
  });

  it("shows every placement category and age group with its own fan chart, as the core forecasts them", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const url = await make(analyst, { years: "2", runs: "40", seed: "9" });
    const core = coreForecast({ method: "markov", years: 2, runs: 40, seed: 9, referenceYears: 3 });
    const cats = await analyst.get(`${url}/categories`);
    expect(cats.statusCode).toBe(200);
    expect(cats.body.match(/<svg[^>]* id="chart-forecast-category-/g)?.length).toBe(core.categories.length);
    const c = core.categories[0]!;
    const rows = tableRows(cats.body, `forecast-category-${c.replace(/_/g, "-")}`);
    const end = core.series.at(-1)!;
    expect(rows.at(-1)).toEqual([
      end.date,
      shown(end.byCategory[c]!.expected),
      shown(end.byCategory[c]!.p50),
      shown(end.byCategory[c]!.p25),
      shown(end.byCategory[c]!.p75),
      shown(end.byCategory[c]!.p5),
      shown(end.byCategory[c]!.p95),
    ]);
    const ages = await analyst.get(`${url}/ages`);
    expect(ages.statusCode).toBe(200);
    expect(ages.body.match(/<svg[^>]* id="chart-forecast-age-/g)?.length).toBe(core.ageBands.length);
    expect(ages.body).toContain('id="forecast-age-16-plus"');
    // Each age group's median at the start adds up to the total.
    const sum = core.ageBands
      .map((b) =>
        Number(tableRows(ages.body, `forecast-age-${b.replace("+", "-plus").replace(/\W+/g, "-")}`)[1]![2]),
      )
      .reduce((a, b) => a + b, 0);
    expect(sum).toBe(core.series[0]!.total.p50);
  });

  it("reopens a stored forecast exactly: the same settings give the same forecast, not a new one", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const url = await make(analyst, { years: "2", runs: "30", seed: "21" });
    const id = idOf(url);
    const first = await analyst.get(url);
    const meta = await w.services.forecasts.get(w.councilA.id, id);
    const bytes = await w.repos.forecasts.result(w.councilA.id, id);
    const count = (await w.services.forecasts.list(w.councilA.id, w.versionA)).length;

    // Asked again (the seed left blank is the default, 1, so this is another forecast; 21 is the same).
    const again = await analyst.post("/forecast", form({ years: "2", runs: "30", seed: "21" }));
    expect(again.headers.location).toBe(url);
    expect((await w.services.forecasts.list(w.councilA.id, w.versionA)).length).toBe(count);
    const after = await w.services.forecasts.get(w.councilA.id, id);
    expect(after?.finishedAt).toEqual(meta?.finishedAt);
    expect(await w.repos.forecasts.result(w.councilA.id, id)).toEqual(bytes);
    const second = await analyst.get(url);
    expect(tableRows(second.body, "forecast-total")).toEqual(tableRows(first.body, "forecast-total"));
    expect(tableRows(second.body, "forecast-placements")).toEqual(
      tableRows(first.body, "forecast-placements"),
    );
    // The audit log says it was reused.
    const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action: "forecast.run" });
    expect(entries[0]!.detail).toMatchObject({ forecast: id, reused: true });
    // Another seed is another forecast.
    expect(await make(analyst, { years: "2", runs: "30", seed: "22" })).not.toBe(url);
  });

  it("makes a forecast by the trend method, with no runs, one number a date and no seed", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const url = await make(analyst, { method: "trend", years: "2", runs: "", seed: "not used" });
    const res = await analyst.get(url);
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body)).toContain("none (no interval)");
    const rows = tableRows(res.body, "forecast-total");
    expect(rows[0]).toEqual(["Date", "Forecast"]);
    const core = coreForecast({ method: "trend", years: 2, runs: 0, referenceYears: 3 });
    expect(rows.at(-1)).toEqual([core.series.at(-1)!.date, shown(core.series.at(-1)!.total.p50)]);
    // Its categories and ages are tables (no ranges, so no fan charts).
    const ages = await analyst.get(`${url}/ages`);
    expect(ages.statusCode).toBe(200);
    expect(ages.body).not.toContain('id="chart-forecast-age-');
    expect(tableRows(ages.body, "forecast-age-0-4")[0]).toEqual(["Date", "Forecast"]);
  });

  it("shows how accurate the forecast has been on the council's past, as the core's backtest finds", async () => {
    const viewer = await signedIn(w.app, "viewer.a@example.org");
    await w.services.forecasts.idle();
    const [f] = (await w.services.forecasts.list(w.councilA.id, w.versionA)).filter(
      (x) => x.createdByEmail === null,
    );
    const res = await viewer.get(`/forecast/runs/${f!.id}`);
    expect(textOf(res.body)).toContain("How accurate the forecast has been");
    const rows = tableRows(res.body, "backtest-accuracy");
    const { history, population } = coreInputs();
    const core: BacktestResult = backtestSegments(
      buildSegments(history, DEFAULT_CATEGORY_CONFIG),
      new PopulationCurve(population),
      { horizonYears: 3, runs: w.services.forecasts.settings.backtestRuns, seed: 1, referenceYears: 3 },
    );
    const oneYear = core.byHorizon.markov!.find((h) => h.years === 1)!;
    expect(rows.find((r) => r[0] === "The model, 1 year ahead")).toEqual([
      "The model, 1 year ahead",
      String(oneYear.n),
      oneYear.medianAbsPctError === null ? "–" : shown(oneYear.medianAbsPctError),
      oneYear.meanPctError === null ? "–" : shown(oneYear.meanPctError),
      oneYear.coverage50 === null ? "–" : shown(oneYear.coverage50 * 100),
      oneYear.coverage90 === null ? "–" : shown(oneYear.coverage90 * 100),
    ]);
  });

  it("downloads each table as CSV, as on the page, and all of them as XLSX, recording each export", async () => {
    const viewer = await signedIn(w.app, "viewer.a@example.org");
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const url = await make(analyst, { years: "2", runs: "40", seed: "9" });
    const page = await viewer.get(url);
    const csv = await viewer.get(`${url}/tables/forecast.total.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toMatch(/^attachment; filename="council-a-forecast-/);
    const parsed = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    const rows = tableRows(page.body, "forecast-total");
    expect(parsed[0]).toEqual(rows[0]);
    expect(parsed.at(-1)![0]).toBe(rows.at(-1)![0]);
    expect(Number(parsed.at(-1)![2])).toBe(Number(rows.at(-1)![2]!.replace(/,/g, "")));
    let audit = await w.services.audit.page({ page: 1, perPage: 1, action: "export" });
    expect(audit.entries[0]).toMatchObject({
      user_email: "viewer.a@example.org",
      council_id: w.councilA.id,
      version_id: w.versionA,
    });
    expect(audit.entries[0]!.detail).toMatchObject({
      format: "csv",
      forecast: idOf(url),
      table: "forecast.total",
    });

    for (const table of ["forecast.placements", "forecast.category_childrens_home", "forecast.age_16_plus"])
      expect((await viewer.get(`${url}/tables/${table}.csv`)).statusCode, table).toBe(200);
    for (const bad of ["forecast.nothing.csv", "forecast.total.xlsx", "..%2Fetc.csv"])
      expect((await viewer.get(`${url}/tables/${bad}`)).statusCode, bad).toBe(404);

    const xlsx = await viewer.get(`${url}/forecast.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets.map((s) => s.name);
    expect(names[0]).toBe("About");
    expect(names).toContain("Backtest accuracy");
    expect(names.length).toBeGreaterThan(10);
    audit = await w.services.audit.page({ page: 1, perPage: 1, action: "export" });
    expect(audit.entries[0]!.detail).toMatchObject({ format: "xlsx", forecast: idOf(url) });
  });

  it("holds the page while a forecast is being made, then shows a page to check again without JavaScript", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    // A forecast asked for but not run (as if the service were busy): its row is queued.
    const { meta } = await w.repos.forecasts.findOrCreate({
      councilId: w.councilA.id,
      versionId: w.versionA,
      kind: "forecast",
      params: { ...w.services.forecasts.defaultParams(), seed: 999 },
      hash: "a-forecast-waiting-in-the-queue",
      engine: ENGINE_VERSION,
      createdBy: w.users.analystA,
    });
    const settings = w.services.forecasts.settings;
    const wait = settings.pageWaitMs;
    settings.pageWaitMs = 0;
    try {
      const res = await analyst.get(`/forecast/runs/${meta.id}`);
      expect(res.statusCode).toBe(200);
      expect(textOf(res.body)).toContain("This forecast is being made");
      expect(res.body).toContain(`href="/forecast/runs/${meta.id}"`);
      expect(res.body).toContain(`data-sp-poll="/forecast/runs/${meta.id}/status"`);
      // No page refreshes itself (a meta refresh would fail WCAG 2.2.1); the script checks the status.
      expect(res.body).not.toContain("http-equiv");
      const status = await analyst.get(`/forecast/runs/${meta.id}/status`);
      expect(JSON.parse(status.body)).toEqual({ status: "queued" });
      expect((await analyst.get(`/forecast/runs/${meta.id}/forecast.xlsx`)).statusCode).toBe(404);
      expect((await analyst.get(`/forecast/runs/${meta.id}/tables/forecast.total.csv`)).statusCode).toBe(404);

      await w.repos.forecasts.fail(meta.id, "The data hold no episodes of care to forecast from.");
      const failed = textOf((await analyst.get(`/forecast/runs/${meta.id}`)).body);
      expect(failed).toContain("This forecast could not be made: The data hold no episodes of care");
      expect(failed).toContain("Failed");
    } finally {
      settings.pageWaitMs = wait;
    }
  });

  it("waits for a forecast being made and then shows it", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    await analyst.get("/forecast");
    const posted = await analyst.post("/forecast", form({ seed: "31" }));
    const id = idOf(String(posted.headers.location));
    expect((await w.services.forecasts.get(w.councilA.id, id))?.status).not.toBe("done");
    const res = await analyst.get(`/forecast/runs/${id}`);
    expect(textOf(res.body)).toContain("Forecast from");
    expect((await w.services.forecasts.get(w.councilA.id, id))?.status).toBe("done");
  });
});

describe("who may do what with forecasts", () => {
  it("lets a viewer read a forecast and its downloads but not make one", async () => {
    await w.services.forecasts.idle();
    const [f] = await w.services.forecasts.list(w.councilA.id, w.versionA);
    const viewer = await signedIn(w.app, "viewer.a@example.org");
    for (const path of [
      "",
      "/categories",
      "/ages",
      "/status",
      "/forecast.xlsx",
      "/tables/forecast.total.csv",
    ])
      expect((await viewer.get(`/forecast/runs/${f!.id}${path}`)).statusCode, path).toBe(200);
    await viewer.get("/forecast");
    const before = (await w.services.forecasts.list(w.councilA.id, w.versionA)).length;
    const res = await viewer.post("/forecast", form({ seed: "77" }));
    expect(res.statusCode).toBe(403);
    expect((await w.services.forecasts.list(w.councilA.id, w.versionA)).length).toBe(before);
  });

  it("refuses a forecast asked for with a forged or missing form token", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    await analyst.get("/forecast");
    const before = (await w.services.forecasts.list(w.councilA.id, w.versionA)).length;
    const forged = await analyst.post(
      "/forecast",
      form({ _csrf: `${analyst.token.slice(0, -4)}AAAA`, seed: "78" }),
    );
    expect(forged.statusCode).toBe(403);
    const missing = await analyst.request({
      method: "POST",
      url: "/forecast",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: encodeForm(form({ seed: "79" })),
    });
    expect(missing.statusCode).toBe(403);
    expect((await w.services.forecasts.list(w.councilA.id, w.versionA)).length).toBe(before);
  });

  it("does not let another council's users reach a forecast, even with its id", async () => {
    await w.services.forecasts.idle();
    const [f] = await w.services.forecasts.list(w.councilA.id, w.versionA);
    const b = await signedIn(w.app, "analyst.b@example.org");
    for (const path of [
      "",
      "/categories",
      "/ages",
      "/status",
      "/forecast.xlsx",
      "/tables/forecast.total.csv",
    ])
      expect((await b.get(`/forecast/runs/${f!.id}${path}`)).statusCode, path).toBe(404);
    // Council B's own list holds none of A's.
    expect((await b.get("/forecast")).body).not.toContain(f!.id);
    // Ids that are not ids, and a backtest's id, are not forecasts either.
    const a = await signedIn(w.app, "analyst.a@example.org");
    const bt = await w.services.forecasts.backtest(w.councilA.id, w.versionA);
    for (const id of ["123", "not-a-uuid", bt!.meta.id])
      expect((await a.get(`/forecast/runs/${id}`)).statusCode, id).toBe(404);
  });
});

describe("a version with no population file", () => {
  it("says why its forecast could not be made", async () => {
    const files = demoFiles(SMALL_DEMO).filter((f) => f.name !== "population.csv");
    const staged = await w.services.datasets.stage(SYSTEM_ACTOR, w.councilB.id, files, "no population");
    if (!staged.ok) throw new Error(staged.problems[0]!.message);
    await w.services.datasets.accept(SYSTEM_ACTOR, w.councilB.id, staged.versionId);
    const b = await signedIn(w.app, "analyst.b@example.org");
    await b.get("/forecast");
    await w.services.forecasts.idle();
    const [f] = await w.services.forecasts.list(w.councilB.id, staged.versionId);
    expect(f?.status).toBe("failed");
    const page = textOf((await b.get(`/forecast/runs/${f!.id}`)).body);
    expect(page).toContain(
      "This forecast could not be made: This version of the data has no population file",
    );
    expect(textOf((await b.get("/forecast")).body)).toContain("Failed");
    // An analyst is offered the form; a viewer, who has none, is not.
    expect(page).toContain("Make another forecast");
    const viewer = await signedIn(w.app, "viewer.ab@example.org");
    await viewer.get("/councils");
    expect((await viewer.post("/councils", { council: w.councilB.id })).statusCode).toBe(303);
    const seen = textOf((await viewer.get(`/forecast/runs/${f!.id}`)).body);
    expect(seen).toContain("This forecast could not be made");
    expect(seen).not.toContain("Make another forecast");
    expect(seen).toContain("ask an analyst to make this one again");
  });
});
