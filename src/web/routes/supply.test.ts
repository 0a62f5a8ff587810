import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDateStrict } from "../../core/dates.js";
import { householdsOn } from "../../core/supply/measures.js";
import { readHouseholdsCsv } from "../../core/supply/register-csv.js";
import { errorSummary, tableRows, textOf } from "../test-support/html.js";
import { type Browser, createWorld, multipart, signedIn, type World } from "../test-support/world.js";

/**
 * A register worked out by hand. On 30 June 2023: T1 (2 places) and T3
 * (connected, 1 place) are approved; T2 was deregistered on 1 January 2023
 * and T4 is not yet approved. So 2 households with 3 places, 1 mainstream
 * household with 2 places. Mainstream approvals: T2 in 2021/22; T4 in
 * 2024/25. Deregistrations: T2 in 2022/23.
 */
const HOUSEHOLDS = [
  "id,kind,approved,deregistered,deregistration_reason,places",
  "T1,mainstream,2020-01-01,,,2",
  "T2,mainstream,01/06/2021,01/01/2023,retired,1",
  "T3,connected,2022-01-01,,,1",
  "T4,mainstream,2024-12-01,,,3",
].join("\n");

let w: World;
let analyst: Browser;
let viewer: Browser;

beforeAll(async () => {
  w = await createWorld();
  analyst = await signedIn(w.app, "analyst.a@example.org");
  viewer = await signedIn(w.app, "viewer.a@example.org");
});
afterAll(async () => w.close());

async function importCsv(b: Browser, kind: string, name: string, content: string) {
  await b.get(`/supply/register/${kind}/import`);
  const m = multipart([{ name, content, field: "file" }]);
  return b.request({
    method: "POST",
    url: `/supply/register/${kind}/import?_csrf=${encodeURIComponent(b.token)}`,
    ...m,
  });
}

const count = async (kind: "households" | "homes" | "blocks" | "frameworks", councilId = w.councilA.id) =>
  (await w.services.supply.counts(councilId))[kind];

const idOf = async (
  kind: "households" | "homes" | "blocks" | "frameworks",
  ref: string,
  councilId = w.councilA.id,
) => (await w.services.supply.list(councilId, kind)).find((r) => r.ref === ref)!.id;

async function lastAudit(action: string) {
  const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action });
  return entries[0]!;
}

describe("the supply register", () => {
  it("imports a CSV file of households, and the measures page counts them as worked out by hand", async () => {
    const res = await importCsv(analyst, "households", "households.csv", HOUSEHOLDS);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/supply/register/households?done=imported&added=4&replaced=0");
    expect(textOf((await analyst.get(res.headers.location!)).body)).toContain(
      "Imported 4 records: 4 added, 0 replaced",
    );
    const audit = await lastAudit("supply.import");
    expect(audit.user_email).toBe("analyst.a@example.org");
    expect(audit.council_id).toBe(w.councilA.id);
    expect(audit.detail).toMatchObject({ kind: "households", file: "households.csv", added: 4 });

    const page = await viewer.get("/supply?at-day=30&at-month=6&at-year=2023");
    expect(page.statusCode).toBe(200);
    const at = tableRows(page.body, "supply-at");
    const value = (label: string) => at.find((r) => r[0] === label)?.[1];
    expect(value("Fostering households approved")).toBe("2");
    expect(value("Places")).toBe("3");
    expect(value("Mainstream households")).toBe("1");
    expect(value("Mainstream places")).toBe("2");
    expect(value("Connected-person households")).toBe("1");
    // Approvals and deregistrations by year (the data's years up to the day: 2021/22 and 2022/23).
    const years = tableRows(page.body, "supply-years");
    const row = (y: string) => years.find((r) => r[0] === y)!;
    expect([row("2021/22")[2], row("2021/22")[3]]).toEqual(["1", "0"]);
    expect([row("2022/23")[2], row("2022/23")[3]]).toEqual(["0", "1"]);
    // The same count by the core's own function on the file read directly.
    const direct = readHouseholdsCsv("households.csv", HOUSEHOLDS, "Council A");
    const reg = { council: "Council A", households: direct, homes: [], blocks: [], frameworks: [] };
    expect(householdsOn(reg, parseDateStrict("2023-06-30")).length).toBe(2);
  });

  it("refuses a file with a bad row, naming row, field and rule, and imports nothing of it", async () => {
    const before = await count("households");
    const bad = [
      "id,kind,approved,places,age_min,age_max",
      "N1,mainstream,2024-04-01,2,0,17",
      "N2,mainstream,31/02/2024,2,0,17",
      "N3,sometimes,2024-04-01,0,0,17",
    ].join("\n");
    const res = await importCsv(analyst, "households", "bad.csv", bad);
    expect(res.statusCode).toBe(400);
    const errors = errorSummary(res.body);
    expect(errors).toContain("bad.csv, row 3, approved: must be a date (DD/MM/YYYY or YYYY-MM-DD)");
    expect(errors.some((e) => e.startsWith("bad.csv, row 4, kind:"))).toBe(true);
    expect(errors.some((e) => e.startsWith("bad.csv, row 4, places:"))).toBe(true);
    expect(textOf(res.body)).toContain("Nothing was imported.");
    expect(await count("households")).toBe(before);
    expect((await w.services.supply.list(w.councilA.id, "households")).some((r) => r.ref === "N1")).toBe(
      false,
    );
    const none = await importCsv(analyst, "households", "empty.csv", "");
    expect(none.statusCode).toBe(400);
    expect(errorSummary(none.body)).toEqual(["Select a CSV file"]);
  });

  it("exports the register as the CSV it imports, and records the export", async () => {
    const res = await analyst.get("/supply/register/households/export.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="council-a-households.csv"');
    const rows = Papa.parse<string[]>(res.body.trim()).data;
    expect(rows[0]).toEqual([
      "id",
      "kind",
      "approved",
      "deregistered",
      "deregistration_reason",
      "places",
      "age_min",
      "age_max",
      "sibling_capacity",
      "term",
      "specialisms",
      "area",
    ]);
    expect(rows.find((r) => r[0] === "T2")?.slice(0, 6)).toEqual([
      "T2",
      "mainstream",
      "2021-06-01",
      "2023-01-01",
      "retired",
      "1",
    ]);
    // Read back, the export is the same register.
    expect(readHouseholdsCsv("x.csv", res.body, "Council A")).toEqual(
      readHouseholdsCsv("x.csv", HOUSEHOLDS, "Council A").map((h) => ({ ...h })),
    );
    expect((await lastAudit("export")).detail).toMatchObject({ what: "supply register", kind: "households" });
    // Re-importing it replaces each record and adds none.
    const again = await importCsv(analyst, "households", "again.csv", res.body);
    expect(again.headers.location).toBe("/supply/register/households?done=imported&added=0&replaced=4");
  });

  it("adds, changes and deregisters a household, each change audited with who, what and when", async () => {
    await analyst.get("/supply/register/households/new");
    const form = {
      id: "H-NEW",
      kind: "mainstream",
      "approved-day": "1",
      "approved-month": "5",
      "approved-year": "2024",
      places: "2",
      ageMin: "0",
      ageMax: "10",
      siblingCapacity: "2",
      term: "long_term",
      specialisms: ["emergency", "respite"],
      area: "in area",
    };
    const added = await analyst.post("/supply/register/households", form);
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe("/supply/register/households?done=added&changed=H-NEW");
    const id = await idOf("households", "H-NEW");
    const created = await lastAudit("supply.create");
    expect(created.user_email).toBe("analyst.a@example.org");
    expect(created.at).toBeInstanceOf(Date);
    expect(created.detail).toMatchObject({
      kind: "households",
      ref: "H-NEW",
      record: id,
      values: { approved: "2024-05-01", places: 2, specialisms: ["emergency", "respite"] },
    });

    const page = await analyst.get(`/supply/register/households/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="emergency" checked');
    expect(textOf(page.body)).toContain("by analyst.a@example.org");

    const changed = await analyst.post(`/supply/register/households/${id}`, { ...form, places: "3" });
    expect(changed.statusCode).toBe(303);
    const update = await lastAudit("supply.update");
    expect(update.detail).toMatchObject({ before: { places: 2 }, after: { places: 3 } });

    await analyst.get(`/supply/register/households/${id}`);
    const early = await analyst.post(`/supply/register/households/${id}/end`, {
      "end-day": "1",
      "end-month": "1",
      "end-year": "2020",
    });
    expect(early.statusCode).toBe(400);
    expect(errorSummary(early.body)).toEqual(["Deregistration date must be on or after the approval date"]);
    const ended = await analyst.post(`/supply/register/households/${id}/end`, {
      "end-day": "1",
      "end-month": "3",
      "end-year": "2025",
      reason: "retired",
    });
    expect(ended.statusCode).toBe(303);
    const end = await lastAudit("supply.end");
    expect(end.detail).toMatchObject({
      ref: "H-NEW",
      before: { deregistered: null },
      after: { deregistered: "2025-03-01", deregistrationReason: "retired" },
    });
    const row = (await w.services.supply.get(w.councilA.id, "households", id))!;
    expect(row.record.deregistered).toBe(parseDateStrict("2025-03-01"));
    // A blank date takes a deregistration set by mistake away again.
    await analyst.get(`/supply/register/households/${id}`);
    await analyst.post(`/supply/register/households/${id}/end`, {});
    expect((await w.services.supply.get(w.councilA.id, "households", id))!.record.deregistered).toBeNull();
  });

  it("adds, changes and ends a home, a block contract and a framework membership", async () => {
    await analyst.get("/supply/register/homes/new");
    const home = {
      id: "CH-1",
      name: "Oak House",
      urn: "SC123456",
      beds: "4",
      ofstedRating: "good",
      "registered-day": "1",
      "registered-month": "4",
      "registered-year": "2023",
    };
    const block = {
      id: "B-1",
      provider: "Acme Care",
      category: "childrens_home",
      places: "3",
      weeklyPrice: "£4,500.50",
      "start-day": "1",
      "start-month": "4",
      "start-year": "2024",
    };
    const framework = {
      id: "F-1",
      name: "Regional framework",
      kind: "dps",
      categories: ["agency_fostering", "childrens_home"],
      "start-day": "1",
      "start-month": "4",
      "start-year": "2024",
    };
    for (const [kind, form, change] of [
      ["homes", home, { beds: "5" }],
      ["blocks", block, { places: "4" }],
      ["frameworks", framework, { name: "Regional framework 2" }],
    ] as const) {
      const added = await analyst.post(`/supply/register/${kind}`, form);
      expect(added.statusCode, kind).toBe(303);
      const id = await idOf(kind, form.id);
      await analyst.get(`/supply/register/${kind}/${id}`);
      expect((await analyst.post(`/supply/register/${kind}/${id}`, { ...form, ...change })).statusCode).toBe(
        303,
      );
      const ended = await analyst.post(`/supply/register/${kind}/${id}/end`, {
        "end-day": "1",
        "end-month": "4",
        "end-year": "2026",
      });
      expect(ended.statusCode, kind).toBe(303);
      const rec = (await w.services.supply.get(w.councilA.id, kind, id))!.record;
      expect(Object.values(rec)).toContain(parseDateStrict("2026-04-01"));
      expect((await lastAudit("supply.end")).detail).toMatchObject({ kind, ref: form.id });
    }
    const b = (await w.services.supply.get(w.councilA.id, "blocks", await idOf("blocks", "B-1")))!;
    expect(b.record).toMatchObject({ weeklyPrice: 4500.5, places: 4, category: "childrens_home" });
    const f = (await w.services.supply.get(w.councilA.id, "frameworks", await idOf("frameworks", "F-1")))!;
    expect(f.record).toMatchObject({
      name: "Regional framework 2",
      categories: ["agency_fostering", "childrens_home"],
    });
  });

  it("answers a bad form with GOV.UK messages beside each field and saves nothing", async () => {
    const before = await count("households");
    await analyst.get("/supply/register/households/new");
    const res = await analyst.post("/supply/register/households", {
      id: "",
      places: "eleven",
      ageMin: "3",
      "approved-day": "31",
      "approved-month": "2",
      "approved-year": "2024",
    });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual([
      "Enter the reference",
      "Select the kind of carer",
      "Approval date must be a real date",
      "Places must be a whole number",
      "Select what the household is approved for",
    ]);
    expect(res.body).toContain("<title>Error: Add a fostering household");
    expect(res.body).toContain('href="#approved-day"');
    const ages = await analyst.post("/supply/register/households", {
      id: "H-AGES",
      kind: "mainstream",
      "approved-day": "1",
      "approved-month": "5",
      "approved-year": "2024",
      places: "1",
      ageMin: "12",
      ageMax: "5",
      term: "any",
    });
    expect(errorSummary(ages.body)).toEqual(["Oldest age must be the same as or more than the youngest age"]);
    const dup = await analyst.post("/supply/register/households", {
      id: "T1",
      kind: "mainstream",
      "approved-day": "1",
      "approved-month": "5",
      "approved-year": "2024",
      places: "1",
      term: "any",
    });
    expect(errorSummary(dup.body)).toEqual(["There is already a record with this reference"]);
    expect(await count("households")).toBe(before);
    expect((await analyst.get("/supply/register/nothing")).statusCode).toBe(404);
  });

  it("lets a viewer read the measures but not the register, nor change it", async () => {
    expect((await viewer.get("/supply")).statusCode).toBe(200);
    expect((await viewer.get("/supply")).body).not.toContain('href="/supply/register"');
    const id = await idOf("households", "T1");
    for (const url of [
      "/supply/register",
      "/supply/register/households",
      `/supply/register/households/${id}`,
      "/supply/register/households/export.csv",
    ])
      expect((await viewer.get(url)).statusCode, url).toBe(403);
    const before = (await w.services.supply.get(w.councilA.id, "households", id))!.record;
    for (const url of [
      "/supply/register/households",
      `/supply/register/households/${id}`,
      `/supply/register/households/${id}/end`,
    ]) {
      const res = await viewer.post(url, { id: "T1", "end-day": "1", "end-month": "1", "end-year": "2024" });
      expect(res.statusCode, url).toBe(403);
    }
    expect((await w.services.supply.get(w.councilA.id, "households", id))!.record).toEqual(before);
  });

  it("refuses a forged form token", async () => {
    const id = await idOf("households", "T1");
    await analyst.get(`/supply/register/households/${id}`);
    const res = await analyst.post(`/supply/register/households/${id}/end`, {
      _csrf: "forged",
      "end-day": "1",
      "end-month": "1",
      "end-year": "2024",
    });
    expect(res.statusCode).toBe(403);
    expect((await w.services.supply.get(w.councilA.id, "households", id))!.record.deregistered).toBeNull();
  });

  it("finds none of another council's records, even with their ids", async () => {
    const b = await signedIn(w.app, "analyst.b@example.org");
    await b.get("/supply/register/households/new");
    await b.post("/supply/register/households", {
      id: "B-ONLY",
      kind: "mainstream",
      "approved-day": "1",
      "approved-month": "5",
      "approved-year": "2024",
      places: "1",
      term: "any",
    });
    const theirs = await idOf("households", "B-ONLY", w.councilB.id);
    expect((await analyst.get(`/supply/register/households/${theirs}`)).statusCode).toBe(404);
    await analyst.get("/supply/register");
    expect((await analyst.post(`/supply/register/households/${theirs}`, { id: "X" })).statusCode).toBe(404);
    expect(
      (
        await analyst.post(`/supply/register/households/${theirs}/end`, {
          "end-day": "1",
          "end-month": "1",
          "end-year": "2025",
        })
      ).statusCode,
    ).toBe(404);
    const row = (await w.services.supply.get(w.councilB.id, "households", theirs))!;
    expect(row.ref).toBe("B-ONLY");
    expect(row.record.deregistered).toBeNull();
    // Nor in the lists, exports or measures.
    expect(textOf((await analyst.get("/supply/register/households?ref=B-ONLY")).body)).toContain(
      "0 with a reference",
    );
    expect((await analyst.get("/supply/register/households/export.csv")).body).not.toContain("B-ONLY");
    expect((await b.get("/supply/register/households/export.csv")).body).not.toContain("T1,");
  });

  it("offers each measures table as CSV and all of them as XLSX, and refuses bad settings", async () => {
    const csv = await viewer.get("/supply/tables/supply.at.csv?at-day=30&at-month=6&at-year=2023");
    expect(csv.statusCode).toBe(200);
    const rows = Papa.parse<string[]>(csv.body.trim()).data;
    expect(rows.find((r) => r[0] === "Fostering households approved")?.[1]).toBe("2");
    const xlsx = await viewer.get("/supply/download/supply.xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect((await lastAudit("export")).detail).toMatchObject({ format: "xlsx", what: "supply" });
    expect((await viewer.get("/supply/tables/supply.nothing.csv")).statusCode).toBe(404);
    const bad = await viewer.get("/supply?at-day=31&at-month=2&at-year=2024&target=many");
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body)).toEqual([
      "The date of the counts must be a real date",
      "The approvals target must be a whole number",
    ]);
  });
});

describe("a register import over the limits", () => {
  let limited: World;
  let b: Browser;
  beforeAll(async () => {
    limited = await createWorld({ data: false, env: { UPLOAD_MAX_FILE_MB: "1" } });
    b = await signedIn(limited.app, "analyst.a@example.org");
  });
  afterAll(async () => limited.close());

  it("refuses a file over the size limit, and two files at once, saving nothing", async () => {
    const big = `${HOUSEHOLDS}${"x".repeat(1024 * 1024)}`;
    const over = await importCsv(b, "households", "big.csv", big);
    expect(over.statusCode).toBe(400);
    expect(errorSummary(over.body)).toEqual(["The file must be smaller than 1 MB"]);
    await b.get("/supply/register/households/import");
    const two = multipart([
      { name: "a.csv", content: HOUSEHOLDS, field: "file" },
      { name: "b.csv", content: HOUSEHOLDS, field: "file" },
    ]);
    const res = await b.request({
      method: "POST",
      url: `/supply/register/households/import?_csrf=${encodeURIComponent(b.token)}`,
      ...two,
    });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual(["Select one file"]);
    expect((await limited.services.supply.counts(limited.councilA.id)).households).toBe(0);
  });
});
