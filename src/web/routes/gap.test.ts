import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysInFinancialYear, fyStart, parseFinancialYear } from "../../core/finance/financial-years.js";
import { DEFAULT_BANDS } from "../../core/profile/bands.js";
import { BROMLEY_FOSTERING_PROFILE, fosteringProfile } from "../../core/supply/fostering-profile.js";
import { DEFAULT_GAP_SETTINGS, type GapSettings, sufficiencyGap } from "../../core/supply/gap.js";
import { generateRegister } from "../../core/supply/generate.js";
import type { SupplyRegister } from "../../core/supply/register.js";
import { formatPlanCell } from "../../reports/plan-tables.js";
import { SYSTEM_ACTOR } from "../services/audit.js";
import type { StoredForecast } from "../services/forecasts.js";
import { errorSummary, tableRows, textOf } from "../test-support/html.js";
import { daysOf, defaultCosting, makeForecast, testHistory } from "../test-support/plan.js";
import { type Browser, createWorld, signedIn, type World } from "../test-support/world.js";

let w: World;
let viewer: Browser;
let register: SupplyRegister;
let forecastA = "";
let result: StoredForecast;

beforeAll(async () => {
  w = await createWorld();
  viewer = await signedIn(w.app, "viewer.a@example.org");
  register = generateRegister({ council: "Council A", childrenInCare: 120, to: 2024, seed: 3 });
  await w.services.supply.loadRegister(SYSTEM_ACTOR, { id: w.councilA.id, name: "Council A" }, register);
});
afterAll(async () => w.close());

/** The gap worked out straight from the core: the generated register, the files' history, the stored forecast's days. */
function expectedGap(settings: Partial<GapSettings> = {}) {
  const h = testHistory();
  return sufficiencyGap({
    forecast: {
      ...daysOf(result),
      placementsNeeded: result.placementsNeeded.map((y) => ({ year: y.year, byCategory: y.byCategory })),
    },
    register,
    costing: defaultCosting(),
    fostering: fosteringProfile(h.rows, h.last, DEFAULT_BANDS) ?? BROMLEY_FOSTERING_PROFILE,
    settings: { ...DEFAULT_GAP_SETTINGS, ...settings },
  });
}

const recruitmentValue = (html: string, label: string) =>
  tableRows(html, "gap-recruitment").find((r) => r[0] === label)?.[1];

async function lastAudit(action: string) {
  const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action });
  return entries[0]!;
}

describe("the gap page", () => {
  it("says it waits for a forecast when the data has none", async () => {
    const res = await viewer.get("/gap");
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body)).toContain(
      "This page is made from a forecast by the model, and there is none of this data yet.",
    );
  });

  it("shows the gap, its summary and its charts as the core works them out from the same data", async () => {
    forecastA = await makeForecast(w, w.councilA.id, w.versionA);
    result = (await w.services.forecasts.result(w.councilA.id, forecastA))!;
    const g = expectedGap();
    const res = await viewer.get("/gap");
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    for (const s of g.summary) expect(text).toContain(s.text);
    expect(recruitmentValue(res.body, "Households needed")).toBe(
      formatPlanCell(g.recruitment.householdsNeeded, "count"),
    );
    expect(recruitmentValue(res.body, "More households needed")).toBe(
      formatPlanCell(g.recruitment.additionalHouseholds, "count"),
    );
    const year0 = g.years[0]!;
    const fostering = tableRows(res.body, "gap-capacity").find(
      (r) => r[0] === `${year0.year}: Fostering (in-house and agency)`,
    )!;
    const line = year0.lines.find((l) => l.group === "fostering")!;
    expect(fostering.slice(1, 2)).toEqual([formatPlanCell(line.demand.expected, "decimal")]);
    expect(fostering[4]).toBe(formatPlanCell(line.inHouse, "decimal"));
    for (const id of ["chart-gap-capacity", "chart-gap-pipeline", "chart-gap-savings"])
      expect(res.body).toContain(`id="${id}"`);
    expect(res.body).not.toMatch(/<svg[^>]* style=/);
  });

  it("needs the households worked out by hand from the forecast's fostering days and the register", async () => {
    const share = 0.6;
    const occupancy = 0.9;
    const by = result.expectedDays.years[1]!;
    const res = await viewer.get(`/gap?share=60&occupancy=90&by=${encodeURIComponent(by)}`);
    expect(res.statusCode).toBe(200);
    // Fostering child-days of the expected path in the year ÷ days in the year: children on an average day.
    const d = result.expectedDays;
    const y = d.years.indexOf(by);
    const C = d.categories.length;
    let days = 0;
    for (const c of ["inhouse_fostering", "agency_fostering"])
      days += d.values[y * C + d.categories.indexOf(c)]!;
    const children = days / daysInFinancialYear(parseFinancialYear(by)!);
    // Places per mainstream household on the day before the forecast, counted from the register.
    const day = fyStart(parseFinancialYear(d.years[0]!)!) - 1;
    const main = register.households.filter(
      (h) =>
        h.kind === "mainstream" && h.approved <= day && (h.deregistered === null || h.deregistered > day),
    );
    const perHousehold = main.reduce((s, h) => s + h.places, 0) / main.length;
    const needed = Math.ceil((share * children) / occupancy / perHousehold - 1e-9);
    expect(recruitmentValue(res.body, "Households needed")).toBe(String(needed));
    const now = tableRows(res.body, "gap-recruitment").find((r) =>
      r[0]!.startsWith("Mainstream households on "),
    );
    expect(now?.[1]).toBe(String(main.length));
    expect(recruitmentValue(res.body, "More households needed")).toBe(
      String(Math.max(0, Math.ceil(needed - main.length - 1e-9))),
    );
    expect(recruitmentValue(res.body, "By the year")).toBe(by);
    // And as the core says with the same settings.
    const g = expectedGap({ inHouseShare: share, occupancy, targetYear: by });
    expect(recruitmentValue(res.body, "Households needed")).toBe(String(g.recruitment.householdsNeeded));
  });

  it("costs the ways of closing the gap asked for, and tests an approvals target", async () => {
    const res = await viewer.get("/gap?move-agency=5&step-down=2&target=15");
    expect(res.statusCode).toBe(200);
    const g = expectedGap({ moveFromAgency: 5, stepDown: 2, target: 15 });
    expect(g.scenarios.map((s) => s.id)).toEqual(["in_house_share", "move_from_agency", "step_down"]);
    for (const s of g.scenarios) {
      const rows = tableRows(res.body, `scenarios-${s.id.replace(/_/g, "-")}`);
      const first = s.comparison.years[0]!;
      expect(rows.find((r) => r[0] === first.year)![3]).toBe(formatPlanCell(first.expected!.saving, "money"));
    }
    expect(recruitmentValue(res.body, "Households by then at the target")).toBe(
      formatPlanCell(g.recruitment.target!.households, "count"),
    );
    // The settings carry into the downloads.
    expect(res.body).toContain(
      `href="/gap/tables/gap.recruitment.csv?forecast=${forecastA}&amp;target=15&amp;move-agency=5&amp;step-down=2"`,
    );
  });

  it("answers bad settings with GOV.UK messages and no figures", async () => {
    const res = await viewer.get("/gap?share=lots&by=1999&occupancy=0&target=-1&rate-years=50&step-down=x");
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual([
      "The share of fostering demand to meet in-house must be a number",
      `Select a year of the forecast, ${result.expectedDays.years[0]} to ${result.expectedDays.years.at(-1)}`,
      "Occupancy must be between 1 and 100%",
      "The approvals target must be between 0 and 10,000",
      "The years recent rates are averaged over must be between 1 and 20",
      "The children to step down from children's homes must be a whole number",
    ]);
    expect(res.body).toContain("<title>Error: Sufficiency gap");
    expect(res.body).not.toContain('id="gap-capacity"');
    expect((await viewer.get("/gap/tables/gap.capacity.csv?share=lots")).statusCode).toBe(404);
  });

  it("offers each table as CSV, all as XLSX and the whole gap as JSON, each export audited with its settings", async () => {
    const g = expectedGap({ inHouseShare: 0.5 });
    const csv = await viewer.get("/gap/tables/gap.recruitment.csv?share=50");
    expect(csv.statusCode).toBe(200);
    const rows = Papa.parse<string[]>(csv.body.trim()).data;
    expect(rows.find((r) => r[0] === "Households needed")?.[1]).toBe(String(g.recruitment.householdsNeeded));
    const audit = await lastAudit("export");
    expect(audit.user_email).toBe("viewer.a@example.org");
    expect(audit.detail).toMatchObject({
      format: "csv",
      what: "gap",
      table: "gap.recruitment",
      settings: { inHouseShare: 0.5 },
    });

    const summary = await viewer.get("/gap/tables/gap.summary.csv?share=50");
    const sentences = Papa.parse<string[]>(summary.body.trim()).data.slice(1);
    expect(sentences.map((r) => r[1])).toEqual(g.summary.map((s) => s.text));

    const json = await viewer.get("/gap/download/gap.json?share=50");
    expect(json.headers["content-type"]).toMatch(/^application\/json/);
    const parsed = JSON.parse(json.body);
    expect(parsed.recruitment).toEqual(JSON.parse(JSON.stringify(g.recruitment)));

    const xlsx = await viewer.get("/gap/download/gap.xlsx?share=50");
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Summary", "Demand and capacity", "Recruitment needed", "Pipeline"]),
    );
    expect((await lastAudit("export")).detail).toMatchObject({ format: "xlsx", what: "gap" });
    expect((await viewer.get("/gap/tables/gap.nothing.csv")).statusCode).toBe(404);
  });

  it("uses only the council's own register and forecast", async () => {
    const b = await signedIn(w.app, "analyst.b@example.org");
    await makeForecast(w, w.councilB.id, w.versionB, 20);
    const res = await b.get(`/gap?forecast=${forecastA}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(forecastA);
    // Council B has no register: England's places per household, and no in-house capacity.
    expect(textOf(res.body)).toContain("England's places per household are used");
    expect(recruitmentValue(res.body, "Households by then at recent rates")).toBe("0");
  });
});
