import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fyLabel } from "../../core/finance/financial-years.js";
import { errorSummary, tableRows, textOf } from "../test-support/html.js";
import {
  type Browser,
  createWorld,
  multipart,
  SMALL_DEMO,
  signedIn,
  type World,
} from "../test-support/world.js";

/** Without a forecast the costs page shows the five years after the data: the first is the year after the last return. */
const FIRST = SMALL_DEMO.to + 1;

let w: World;
let analyst: Browser;
let viewer: Browser;

beforeAll(async () => {
  w = await createWorld();
  analyst = await signedIn(w.app, "analyst.a@example.org");
  viewer = await signedIn(w.app, "viewer.a@example.org");
});
afterAll(async () => w.close());

async function lastAudit(action: string) {
  const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action });
  return entries[0]!;
}

const sourceRow = (html: string, label: string) =>
  tableRows(html, "costs-sources").find((r) => r[0] === label);

describe("unit costs and inflation", () => {
  it("shows everyone given the council the national defaults, each with its source, without the forms", async () => {
    const res = await viewer.get("/costs");
    expect(res.statusCode).toBe(200);
    const weekly = tableRows(res.body, "costs-weekly");
    expect(weekly[0]).toEqual(["Category", ...[0, 1, 2, 3, 4].map((i) => fyLabel(FIRST + i))]);
    expect(weekly.some((r) => r[0] === "In-house fostering")).toBe(true);
    expect(textOf(res.body)).toContain("None: the national defaults are in use.");
    expect(res.body).not.toContain('action="/costs/entries"');
    expect(res.body).not.toContain('action="/costs/inflation"');
  });

  it("uses an analyst's own cost, inflated by the council's rate, worked out by hand, and audits both", async () => {
    await analyst.get("/costs");
    // £700 a week at last year's prices, and 10% inflation into the first year: £770 in the first year.
    const set = await analyst.post("/costs/entries", {
      category: "inhouse_fostering",
      provider: "inhouse",
      year: fyLabel(FIRST - 1),
      weekly: "£700",
      source: "Budget book 2024/25, p. 12",
    });
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe("/costs#own-costs");
    const audit = await lastAudit("costs.set");
    expect(audit.user_email).toBe("analyst.a@example.org");
    expect(audit.council_id).toBe(w.councilA.id);
    expect(audit.detail).toMatchObject({
      category: "inhouse_fostering",
      provider: "inhouse",
      year: fyLabel(FIRST - 1),
      weekly: 700,
    });
    const rates = await analyst.post("/costs/inflation", { [`rate-${FIRST}`]: "10" });
    expect(rates.statusCode).toBe(303);
    expect((await lastAudit("inflation.set")).detail).toEqual({ rates: { [fyLabel(FIRST)]: 10 } });

    const page = await viewer.get("/costs");
    const row = sourceRow(page.body, "In-house fostering: In-house")!;
    // Price, price year, factor, weekly cost, source.
    expect(row.slice(2, 7)).toEqual([
      "£700",
      fyLabel(FIRST - 1),
      "1.10",
      "£770",
      "Budget book 2024/25, p. 12",
    ]);
    const inflation = tableRows(page.body, "costs-inflation").find((r) => r[0] === fyLabel(FIRST))!;
    expect(inflation[1]).toBe("10.0");
    expect(textOf(page.body)).toContain(
      "In-house fostering: In-house 2024/25 £700 Budget book 2024/25, p. 12",
    );
  });

  it("answers a bad cost or rate with GOV.UK messages and saves nothing", async () => {
    const before = await w.services.costs.entries(w.councilA.id);
    await analyst.get("/costs");
    const res = await analyst.post("/costs/entries", {
      category: "",
      provider: "nobody",
      year: "2025/27",
      weekly: "-5",
    });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual([
      "Select a placement category",
      "Select who provides the placement",
      "Enter the financial year of the price like 2025/26",
      "The weekly cost must be between 0 and 1,000,000 pounds",
    ]);
    expect(await w.services.costs.entries(w.councilA.id)).toEqual(before);
    const rates = await analyst.post("/costs/inflation", {
      [`rate-${FIRST}`]: "a lot",
      [`rate-${FIRST + 1}`]: "200",
    });
    expect(rates.statusCode).toBe(400);
    expect(errorSummary(rates.body)).toEqual([
      `The rate for ${fyLabel(FIRST)} must be a number`,
      `The rate for ${fyLabel(FIRST + 1)} must be between -50 and 100%`,
    ]);
    expect((await w.services.costs.rates(w.councilA.id)).get(FIRST)).toBe(10);
  });

  it("refuses a viewer's change, a forged token, and another council's entry", async () => {
    const form = { category: "agency_fostering", provider: "agency", year: fyLabel(FIRST), weekly: "1" };
    await viewer.get("/costs");
    expect((await viewer.post("/costs/entries", form)).statusCode).toBe(403);
    expect((await viewer.post("/costs/inflation", { [`rate-${FIRST}`]: "1" })).statusCode).toBe(403);
    await analyst.get("/costs");
    expect((await analyst.post("/costs/entries", { ...form, _csrf: "forged" })).statusCode).toBe(403);
    expect(
      (await w.services.costs.entries(w.councilA.id)).some((e) => e.category === "agency_fostering"),
    ).toBe(false);

    const b = await signedIn(w.app, "analyst.b@example.org");
    await b.get("/costs");
    await b.post("/costs/entries", form);
    const theirs = (await w.services.costs.entries(w.councilB.id))[0]!;
    expect((await analyst.post(`/costs/entries/${theirs.id}/remove`)).statusCode).toBe(404);
    expect(await w.services.costs.entries(w.councilB.id)).toHaveLength(1);
    expect((await viewer.post(`/costs/entries/${theirs.id}/remove`)).statusCode).toBe(403);
    // B's figure is not in A's pages.
    expect(
      sourceRow(
        (await viewer.get("/costs")).body,
        "Agency (IFA) fostering: Agency / private or voluntary",
      )?.[2],
    ).not.toBe("£1");
  });

  it("removes an entry, audited, and the default comes back", async () => {
    const mine = (await w.services.costs.entries(w.councilA.id))[0]!;
    await analyst.get("/costs");
    expect((await analyst.post(`/costs/entries/${mine.id}/remove`)).statusCode).toBe(303);
    expect((await lastAudit("costs.remove")).detail).toMatchObject({ entry: mine.id, weekly: 700 });
    expect(await w.services.costs.entries(w.councilA.id)).toEqual([]);
    const row = sourceRow((await viewer.get("/costs")).body, "In-house fostering: In-house")!;
    expect(row[2]).not.toBe("£700");
  });

  it("offers each table as CSV and all of them as XLSX, each export audited", async () => {
    const csv = await viewer.get("/costs/tables/costs.weekly.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const rows = Papa.parse<string[]>(csv.body.trim()).data;
    expect(rows[0]![1]).toBe(fyLabel(FIRST));
    expect((await lastAudit("export")).detail).toMatchObject({
      format: "csv",
      what: "costs",
      table: "costs.weekly",
    });
    const xlsx = await viewer.get("/costs/download/costs.xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect((await viewer.get("/costs/tables/costs.nothing.csv")).statusCode).toBe(404);
  });
});

describe("actual costs", () => {
  const upload = async (b: Browser, content: string, fields: Record<string, string> = {}) => {
    await b.get("/costs/actual");
    const m = multipart([{ name: "actual.csv", content, field: "file" }], fields);
    return b.request({ method: "POST", url: `/costs/actual?_csrf=${encodeURIComponent(b.token)}`, ...m });
  };

  it("are for analysts only: a viewer cannot see or upload them", async () => {
    expect((await viewer.get("/costs/actual")).statusCode).toBe(403);
    expect((await viewer.post("/costs/actual")).statusCode).toBe(403);
    expect((await viewer.get("/costs")).body).not.toContain('href="/costs/actual"');
  });

  it("refuses a file with a bad row and stores nothing", async () => {
    const res = await upload(
      analyst,
      "child,category,provider,start,end,weekly_cost\nC1,nope,agency,01/04/2023,,6000\n",
    );
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)[0]).toMatch(/^actual\.csv, row 2, category: /);
    expect(await w.services.costs.actualMeta(w.councilA.id)).toBeUndefined();
  });

  it("refuses two files at once and stores nothing", async () => {
    const good = "child,category,provider,start,end,weekly_cost\nC1,childrens_home,agency,01/04/2023,,6000\n";
    await analyst.get("/costs/actual");
    const m = multipart([
      { name: "a.csv", content: good, field: "file" },
      { name: "b.csv", content: good, field: "file" },
    ]);
    const res = await analyst.request({
      method: "POST",
      url: `/costs/actual?_csrf=${encodeURIComponent(analyst.token)}`,
      ...m,
    });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual(["Select one file"]);
    expect(await w.services.costs.actualMeta(w.councilA.id)).toBeUndefined();
  });

  it("summarises a good file by hand-checkable figures, and audits the upload and each view", async () => {
    // Two children's home placements at £6,000 and £12,000 a week over the same days: the day-weighted average is £9,000.
    const res = await upload(
      analyst,
      [
        "child,category,provider,start,end,weekly_cost",
        "C1,childrens_home,agency,01/04/2023,01/04/2024,6000",
        "C2,childrens_home,agency,01/04/2023,01/04/2024,12000",
      ].join("\n"),
      { useInBudget: "yes" },
    );
    expect(res.statusCode).toBe(303);
    expect((await lastAudit("actual-costs.upload")).detail).toMatchObject({ rows: 2, useInBudget: true });
    const page = await analyst.get("/costs/actual");
    expect(page.statusCode).toBe(200);
    expect((await lastAudit("actual-costs.view")).user_email).toBe("analyst.a@example.org");
    const summary = tableRows(page.body, "actual-summary");
    const head = summary[0]!;
    const row = summary.find((r) => r[0]!.startsWith("Children's homes"))!;
    expect(row[head.findIndex((h) => /average/i.test(h))]).toBe("£9,000");
    expect(textOf(page.body)).toContain("1 April 2025");
    expect((await analyst.post("/costs/actual/remove")).statusCode).toBe(303);
    expect(await w.services.costs.actualMeta(w.councilA.id)).toBeUndefined();
  });
});
