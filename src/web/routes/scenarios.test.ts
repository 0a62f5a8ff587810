import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forecast } from "../../core/forecast/forecast.js";
import { readPopulation } from "../../core/inputs/population.js";
import { rebuildHistory } from "../../core/ssda903/history.js";
import { readFiles903 } from "../../core/ssda903/read.js";
import { formatPlanCell } from "../../reports/plan-tables.js";
import { demoFiles } from "../services/demo.js";
import { errorSummary, tableRows, textOf } from "../test-support/html.js";
import { type Browser, createWorld, SMALL_DEMO, signedIn, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 60_000);
afterAll(async () => w.close());

/** Every field of the scenario form, blank as a browser sends it, with the given answers. */
const form = (o: Record<string, string> = {}) => ({
  name: "",
  description: "",
  "start-day": "",
  "start-month": "",
  "start-year": "",
  entries: "",
  agesFrom: "0",
  agesTo: "17",
  transitionSource: "",
  transitionTarget: "",
  transition: "",
  exitGroup: "",
  exit: "",
  movesCategory: "",
  moves: "",
  uasc: "",
  ...o,
});

async function add(b: Browser, o: Record<string, string>) {
  await b.get("/forecast/scenarios/new");
  return b.post("/forecast/scenarios", form(o));
}

/** The ids of the council's scenarios by name. */
async function ids(councilId: string): Promise<Record<string, string>> {
  return Object.fromEntries((await w.services.scenarios.list(councilId)).map((s) => [s.name, s.id]));
}

describe("scenarios", () => {
  it("lets an analyst add a scenario, which the list shows in words and the audit log records", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const res = await add(analyst, {
      name: "Edge of care",
      description: "Family support for teenagers",
      entries: "-10",
      agesFrom: "13",
      agesTo: "17",
      "start-day": "1",
      "start-month": "10",
      "start-year": String(SMALL_DEMO.to + 1),
    });
    expect(res.statusCode, errorSummary(res.body).join("; ")).toBe(303);
    expect(res.headers.location).toBe("/forecast/scenarios");
    const page = textOf((await analyst.get("/forecast/scenarios")).body);
    expect(page).toContain("Edge of care");
    expect(page).toContain("Family support for teenagers");
    expect(page).toContain(`Entries into care down 10% (ages 13 to 17) from ${SMALL_DEMO.to + 1}-10-01`);
    const [saved] = await w.services.scenarios.list(w.councilA.id);
    expect(saved!.scenario.changes).toEqual([
      { type: "entries", multiply: 0.9, ages: [13, 17], start: `${SMALL_DEMO.to + 1}-10-01` },
    ]);
    const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action: "scenario.create" });
    expect(entries[0]).toMatchObject({ user_email: "analyst.a@example.org", council_id: w.councilA.id });
    expect(entries[0]!.detail).toMatchObject({ name: "Edge of care" });
  });

  it("turns each kind of change on the form into the change the engine reads", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    expect(
      (
        await add(analyst, {
          name: "Everything",
          transitionSource: "childrens_home",
          transitionTarget: "inhouse_fostering",
          transition: "50",
          exitGroup: "returned_home",
          exit: "20",
          movesCategory: "agency_fostering",
          moves: "-25",
          uasc: "12",
        })
      ).statusCode,
    ).toBe(303);
    const s = (await w.services.scenarios.list(w.councilA.id)).find((x) => x.name === "Everything")!;
    expect(s.scenario.changes).toEqual([
      { type: "transition", source: "childrens_home", target: "inhouse_fostering", multiply: 1.5 },
      { type: "exit", group: "returned_home", multiply: 1.2 },
      { type: "moves", category: "agency_fostering", multiply: 0.75 },
      { type: "uasc", perYear: 12 },
    ]);
    // The change form shows the saved answers again.
    const edit = await analyst.get(`/forecast/scenarios/${s.id}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toMatch(/id="transition" name="transition" type="text" spellcheck="false" value="50"/);
    expect(edit.body).toMatch(/id="moves" name="moves" type="text" spellcheck="false" value="-25"/);
    expect(edit.body).toContain('<option value="returned_home" selected>');
  });

  it.each([
    [{ name: "", entries: "-5" }, ["Enter a name for the scenario"]],
    [{ name: "Base", entries: "-5" }, ["Choose another name: 'base' is the forecast without changes"]],
    [{ name: "Nothing" }, ["Enter at least one change, like a change in entries into care"]],
    [{ name: "Words", entries: "fewer" }, ["The change in entries must be a number"]],
    [{ name: "Too many", moves: "9999" }, ["The change in moves must be between -100 and 500%"]],
    [
      { name: "Ages", entries: "-5", agesFrom: "13", agesTo: "4" },
      ["The youngest age must not be above the oldest age"],
    ],
    [{ name: "Odd age", entries: "-5", agesFrom: "3" }, ["Select the youngest age from the list"]],
    [
      { name: "Nowhere", transition: "10" },
      ["Select the placement children move from", "Select the placement children move to"],
    ],
    [
      {
        name: "Same",
        transition: "10",
        transitionSource: "childrens_home",
        transitionTarget: "childrens_home",
      },
      ["Select a different placement to move to"],
    ],
    [
      { name: "No change", transitionSource: "childrens_home", transitionTarget: "secure" },
      ["Enter the change in these moves, or choose no placements"],
    ],
    [{ name: "Leaving", exit: "10" }, ["Select how children leave care"]],
    [{ name: "Leaving how", exitGroup: "escaped", exit: "10" }, ["Select how children leave care"]],
    [{ name: "UASC", uasc: "-3" }, ["UASC arrivals a year must be between 0 and 1,000"]],
    [
      { name: "When", entries: "-5", "start-day": "31", "start-month": "2", "start-year": "2025" },
      ["The date the changes start must be a real date"],
    ],
    [
      // Every problem at once, in the order of the fields on the page.
      {
        name: "",
        entries: "x",
        transition: "5",
        exit: "7",
        uasc: "-1",
        "start-day": "40",
        "start-month": "1",
        "start-year": "2025",
      },
      [
        "Enter a name for the scenario",
        "The date the changes start must be a real date",
        "The change in entries must be a number",
        "Select the placement children move from",
        "Select the placement children move to",
        "Select how children leave care",
        "UASC arrivals a year must be between 0 and 1,000",
      ],
    ],
  ])("refuses %j with the GOV.UK error summary, saving nothing", async (answers, messages) => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const before = (await w.services.scenarios.list(w.councilA.id)).length;
    const res = await add(analyst, answers);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("<title>Error: Add a scenario");
    expect(errorSummary(res.body)).toEqual(messages);
    expect((await w.services.scenarios.list(w.councilA.id)).length).toBe(before);
  });

  it("refuses a second scenario of the same name, in any case", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const res = await add(analyst, { name: "EDGE OF CARE", entries: "-5" });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual(["There is already a scenario with this name"]);
  });

  it("changes a scenario, and deletes one, recording both", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    expect((await add(analyst, { name: "Draft", entries: "5" })).statusCode).toBe(303);
    const id = (await ids(w.councilA.id)).Draft!;
    await analyst.get(`/forecast/scenarios/${id}`);
    const taken = await analyst.post(`/forecast/scenarios/${id}`, form({ name: "Everything", entries: "5" }));
    expect(errorSummary(taken.body)).toEqual(["There is already a scenario with this name"]);
    const bad = await analyst.post(`/forecast/scenarios/${id}`, form({ name: "Draft 2", entries: "many" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("<title>Error: Change a scenario");
    const ok = await analyst.post(`/forecast/scenarios/${id}`, form({ name: "Draft 2", entries: "-20" }));
    expect(ok.statusCode).toBe(303);
    const s = await w.services.scenarios.get(w.councilA.id, id);
    expect(s?.name).toBe("Draft 2");
    expect(s?.scenario.changes).toEqual([{ type: "entries", multiply: 0.8 }]);
    expect(
      (await w.services.audit.page({ page: 1, perPage: 1, action: "scenario.update" })).entries[0]!.detail,
    ).toMatchObject({ scenario: id, name: "Draft 2" });

    await analyst.get("/forecast/scenarios");
    expect((await analyst.post(`/forecast/scenarios/${id}/delete`)).statusCode).toBe(303);
    expect(await w.services.scenarios.get(w.councilA.id, id)).toBeUndefined();
    expect((await analyst.get(`/forecast/scenarios/${id}`)).statusCode).toBe(404);
    expect((await analyst.post(`/forecast/scenarios/${id}/delete`)).statusCode).toBe(404);
    expect(
      (await w.services.audit.page({ page: 1, perPage: 1, action: "scenario.delete" })).entries[0]!.detail,
    ).toMatchObject({ scenario: id, name: "Draft 2" });
  });

  it("lets a viewer read the scenarios but not add, change or delete one", async () => {
    const viewer = await signedIn(w.app, "viewer.a@example.org");
    const list = await viewer.get("/forecast/scenarios");
    expect(list.statusCode).toBe(200);
    expect(textOf(list.body)).toContain("Edge of care");
    expect(list.body).not.toContain("Add a scenario");
    expect(list.body).not.toContain("/delete");
    const id = (await ids(w.councilA.id))["Edge of care"]!;
    expect((await viewer.get("/forecast/scenarios/new")).statusCode).toBe(403);
    expect((await viewer.get(`/forecast/scenarios/${id}`)).statusCode).toBe(403);
    expect(
      (await viewer.post("/forecast/scenarios", form({ name: "Viewer's", entries: "1" }))).statusCode,
    ).toBe(403);
    expect(
      (await viewer.post(`/forecast/scenarios/${id}`, form({ name: "Viewer's", entries: "1" }))).statusCode,
    ).toBe(403);
    expect((await viewer.post(`/forecast/scenarios/${id}/delete`)).statusCode).toBe(403);
    expect(await w.services.scenarios.get(w.councilA.id, id)).toBeDefined();
  });

  it("refuses a change with a forged form token", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    await analyst.get("/forecast/scenarios/new");
    const res = await analyst.post(
      "/forecast/scenarios",
      form({ _csrf: `${analyst.token.slice(0, -4)}AAAA`, name: "Forged", entries: "1" }),
    );
    expect(res.statusCode).toBe(403);
    const id = (await ids(w.councilA.id))["Edge of care"]!;
    const del = await analyst.post(`/forecast/scenarios/${id}/delete`, { _csrf: "forged" });
    expect(del.statusCode).toBe(403);
    expect((await ids(w.councilA.id)).Forged).toBeUndefined();
    expect(await w.services.scenarios.get(w.councilA.id, id)).toBeDefined();
  });

  it("keeps each council's scenarios to itself", async () => {
    const b = await signedIn(w.app, "analyst.b@example.org");
    expect(textOf((await b.get("/forecast/scenarios")).body)).not.toContain("Edge of care");
    const id = (await ids(w.councilA.id))["Edge of care"]!;
    expect((await b.get(`/forecast/scenarios/${id}`)).statusCode).toBe(404);
    await b.get("/forecast/scenarios");
    expect(
      (await b.post(`/forecast/scenarios/${id}`, form({ name: "Taken", entries: "1" }))).statusCode,
    ).toBe(404);
    expect((await b.post(`/forecast/scenarios/${id}/delete`)).statusCode).toBe(404);
    expect((await w.services.scenarios.get(w.councilA.id, id))?.name).toBe("Edge of care");
    // Nor can B's forecast use A's scenario.
    await b.get("/forecast");
    const res = await b.post("/forecast", {
      method: "markov",
      years: "2",
      runs: "20",
      referenceYears: "3",
      uasc: "",
      seed: "1",
      scenarios: id,
    });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual(["Select scenarios from the list"]);
  });
});

describe("comparing scenarios in a forecast", () => {
  const settings = { method: "markov", years: "3", runs: "40", referenceYears: "3", uasc: "", seed: "4" };

  it("refuses a fifth scenario, and scenarios with the trend method, saying why", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    for (const [name, entries] of [
      ["Fewer entries", "-50"],
      ["More entries", "30"],
      ["Some fewer", "-5"],
    ])
      expect((await add(analyst, { name: name!, entries: entries! })).statusCode).toBe(303);
    const all = Object.values(await ids(w.councilA.id));
    expect(all.length).toBe(5);
    await analyst.get("/forecast");
    const five = await analyst.post("/forecast", { ...settings, scenarios: all });
    expect(five.statusCode).toBe(400);
    expect(errorSummary(five.body)).toEqual([
      "Select up to 4 scenarios to compare with the base (you selected 5)",
    ]);
    // The boxes ticked stay ticked.
    expect(five.body.match(/name="scenarios" type="checkbox" value="[^"]+" checked/g)?.length).toBe(5);
    const trend = await analyst.post("/forecast", { ...settings, method: "trend", scenarios: all[0]! });
    expect(errorSummary(trend.body)).toEqual(["Scenarios need the model: choose the model, or no scenarios"]);
  });

  it("shows up to four scenarios side by side with the base, as the core projects them", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    const byName = await ids(w.councilA.id);
    const chosen = ["Edge of care", "Everything", "Fewer entries", "More entries"];
    await analyst.get("/forecast");
    const res = await analyst.post("/forecast", { ...settings, scenarios: chosen.map((n) => byName[n]!) });
    expect(res.statusCode, errorSummary(res.body).join("; ")).toBe(303);
    const url = String(res.headers.location);
    const page = await analyst.get(url);
    expect(textOf(page.body)).toContain("Scenarios side by side");
    expect(page.body).toContain('id="chart-scenarios-children"');
    const rows = tableRows(page.body, "scenarios-children");
    expect(rows[0]).toEqual([
      "Date",
      ...["Base", ...chosen].flatMap((n) => [`${n}: median`, `${n}: 5th`, `${n}: 95th`]),
    ]);

    // The same forecast by the core, with the scenarios as saved.
    const files = demoFiles(SMALL_DEMO);
    const returns = files
      .filter((f) => /^\d{4}-/.test(f.name))
      .map((f) => ({ path: f.name, bytes: f.bytes }));
    const pop = new TextDecoder().decode(files.find((f) => f.name === "population.csv")!.bytes);
    const saved = await Promise.all(chosen.map((n) => w.services.scenarios.get(w.councilA.id, byName[n]!)));
    const core = forecast(rebuildHistory(readFiles903(returns).data), readPopulation("population.csv", pop), {
      method: "markov",
      years: 3,
      runs: 40,
      seed: 4,
      referenceYears: 3,
      scenarios: saved.map((s) => s!.scenario),
    });
    const last = rows.at(-1)!;
    const at = (p: { series: Array<{ date: string; total: { p50: number } }> }) =>
      p.series.find((s) => s.date === last[0])!.total.p50;
    const shown = (x: number) => formatPlanCell(Math.round(x * 10) / 10, "decimal");
    expect([last[1], last[4], last[7], last[10], last[13]]).toEqual(
      [core, ...core.scenarios].map((p) => shown(at(p))),
    );
    // Halving entries leaves fewer children in care than the base at the end; more entries, more.
    const num = (s: string) => Number(s.replace(/,/g, ""));
    expect(num(last[10]!)).toBeLessThan(num(last[1]!));
    expect(num(last[13]!)).toBeGreaterThan(num(last[1]!));
    const placements = tableRows(page.body, "scenarios-placements");
    expect(placements[0]).toEqual(["Financial year", "Base", ...chosen]);

    // The forecast keeps its own copy of each scenario: changing or deleting one does not change it.
    await analyst.get(`/forecast/scenarios/${byName["Fewer entries"]}`);
    await analyst.post(
      `/forecast/scenarios/${byName["Fewer entries"]}`,
      form({ name: "Fewer", entries: "-1" }),
    );
    await analyst.post(`/forecast/scenarios/${byName["More entries"]}/delete`);
    const later = await analyst.get(url);
    expect(tableRows(later.body, "scenarios-children")).toEqual(rows);
  });
});
