import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeTable } from "../app.js";
import { Browser, createWorld, signedIn, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

/** The service's pages and actions (not the static files). A new route must be added here, and so considered. */
const EXPECTED = [
  "GET /health public",
  "GET /favicon.ico public",
  "GET /sign-in public",
  "POST /sign-in public",
  "POST /sign-out",
  "GET /signed-out public",
  "GET /",
  "GET /accessibility public",
  "GET /councils",
  "POST /councils",
  "GET /overview",
  "GET /profile",
  "GET /profile/:section",
  "GET /profile/tables/:file",
  "GET /profile/download/profile.csv",
  "GET /profile/download/profile.xlsx",
  "GET /profile/report",
  "GET /forecast",
  "POST /forecast analyst",
  "GET /forecast/runs/:id/status",
  "GET /forecast/runs/:id",
  "GET /forecast/runs/:id/categories",
  "GET /forecast/runs/:id/ages",
  "GET /forecast/runs/:id/tables/:file",
  "GET /forecast/runs/:id/forecast.xlsx",
  "GET /forecast/scenarios",
  "GET /forecast/scenarios/new analyst",
  "POST /forecast/scenarios analyst",
  "GET /forecast/scenarios/:id analyst",
  "POST /forecast/scenarios/:id analyst",
  "POST /forecast/scenarios/:id/delete analyst",
  "GET /gap",
  "GET /gap/tables/:file",
  "GET /gap/download/gap.xlsx",
  "GET /gap/download/gap.json",
  "GET /budget",
  "GET /budget/tables/:file",
  "GET /budget/download/budget.xlsx",
  "GET /costs",
  "POST /costs/entries analyst",
  "POST /costs/entries/:id/remove analyst",
  "POST /costs/inflation analyst",
  "GET /costs/tables/:file",
  "GET /costs/download/costs.xlsx",
  "GET /costs/actual analyst",
  "POST /costs/actual analyst",
  "POST /costs/actual/remove analyst",
  "GET /costs/actual/tables/:file analyst",
  "GET /supply",
  "GET /supply/tables/:file",
  "GET /supply/download/supply.xlsx",
  "GET /supply/register analyst",
  "GET /supply/register/:kind analyst",
  "GET /supply/register/:kind/new analyst",
  "POST /supply/register/:kind analyst",
  "GET /supply/register/:kind/:id analyst",
  "POST /supply/register/:kind/:id analyst",
  "POST /supply/register/:kind/:id/end analyst",
  "GET /supply/register/:kind/import analyst",
  "POST /supply/register/:kind/import analyst",
  "GET /supply/register/:kind/export.csv analyst",
  "GET /data analyst",
  "GET /data/upload analyst",
  "POST /data/upload analyst",
  "GET /data/versions/:id analyst",
  "GET /data/versions/:id/issues analyst",
  "GET /data/versions/:id/report.csv analyst",
  "POST /data/versions/:id/accept analyst",
  "POST /data/versions/:id/discard analyst",
  "POST /data/versions/:id/activate analyst",
  "GET /data/versions/:id/children/:child analyst",
  "GET /admin admin",
  "GET /admin/users admin",
  "GET /admin/users/new admin",
  "POST /admin/users admin",
  "GET /admin/users/:id admin",
  "POST /admin/users/:id admin",
  "POST /admin/users/:id/password admin",
  "GET /admin/councils admin",
  "POST /admin/councils admin",
  "GET /admin/audit admin",
  "GET /account",
  "POST /account/password",
];

const routes = () => routeTable(w.app).filter((r) => r.method !== "HEAD" && !r.url.startsWith("/assets/"));

function concrete(url: string): string {
  return url
    .replace(":id", w.versionA)
    .replace(":child", "100001")
    .replace(":file", "cla.age_band.csv")
    .replace(":kind", "households");
}

describe("setUpAuthorisation", () => {
  it("knows every route and how each is protected", () => {
    expect(
      routes().map((r) => [r.method, r.url, r.public ? "public" : r.role].filter(Boolean).join(" ")),
    ).toEqual(EXPECTED);
  });

  it("sends someone not signed in to sign in, from every route that is not public", async () => {
    for (const r of routes().filter((x) => !x.public)) {
      const res = await w.app.inject({ method: r.method as "GET" | "POST", url: concrete(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(303);
      expect(res.headers.location, `${r.method} ${r.url}`).toBe("/sign-in");
    }
  });

  it("refuses a viewer every analyst and administrator route, with a valid form token too", async () => {
    const viewer = await signedIn(w.app, "viewer.a@example.org");
    for (const r of routes().filter((x) => x.role === "analyst" || x.role === "admin")) {
      const url = concrete(r.url);
      const res = r.method === "GET" ? await viewer.get(url) : await viewer.post(url, {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.body).toContain("You cannot do this");
    }
  });

  it("refuses an analyst every administrator route", async () => {
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    for (const r of routes().filter((x) => x.role === "admin")) {
      const url = concrete(r.url.replace(":id", w.users.viewerA));
      const res = r.method === "GET" ? await analyst.get(url) : await analyst.post(url, {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it("lets each role reach its own pages", async () => {
    const viewer = await signedIn(w.app, "viewer.a@example.org");
    for (const url of ["/overview", "/profile", "/forecast", "/account"]) {
      expect((await viewer.get(url)).statusCode, url).toBe(200);
    }
    const analyst = await signedIn(w.app, "analyst.a@example.org");
    for (const url of ["/data", "/data/upload", `/data/versions/${w.versionA}`]) {
      expect((await analyst.get(url)).statusCode, url).toBe(200);
    }
    const admin = await signedIn(w.app, "admin@example.org");
    for (const url of ["/admin/users", "/admin/councils", "/admin/audit"]) {
      expect((await admin.get(url)).statusCode, url).toBe(200);
    }
  });

  it("sends a user without a current council to choose one", async () => {
    const b = new Browser(w.app);
    await b.signIn("viewer.ab@example.org");
    expect((await b.get("/profile")).headers.location).toBe("/councils");
  });
});
