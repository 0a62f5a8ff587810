import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "../test-support/html.js";
import { createWorld, signedIn, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

/**
 * Council A's people must not reach anything of council B: its versions,
 * profile, exports or children, even knowing (or guessing) the ids.
 */
describe("council isolation", () => {
  it("finds none of council B's versions, reports or children through council A", async () => {
    const a = await signedIn(w.app, "analyst.a@example.org");
    const history = await w.services.datasets.history(w.councilB.id, w.versionB);
    const child = history!.children[0]!.id;
    for (const url of [
      `/data/versions/${w.versionB}`,
      `/data/versions/${w.versionB}/issues`,
      `/data/versions/${w.versionB}/report.csv`,
      `/data/versions/${w.versionB}/children/${encodeURIComponent(child)}`,
    ]) {
      expect((await a.get(url)).statusCode, url).toBe(404);
    }
    // The same child id exists in A's data too (same generator): A's analyst sees A's version of it only.
    expect(
      (await a.get(`/data/versions/${w.versionA}/children/${encodeURIComponent(child)}`)).statusCode,
    ).toBe(200);
  });

  it("cannot accept, discard or activate council B's versions", async () => {
    const a = await signedIn(w.app, "analyst.a@example.org");
    await a.get("/data");
    for (const action of ["accept", "discard", "activate"]) {
      const res = await a.post(`/data/versions/${w.versionB}/${action}`);
      expect(res.statusCode, action).toBe(404);
    }
    expect((await w.services.datasets.active(w.councilB.id))?.id).toBe(w.versionB);
    expect((await w.services.datasets.active(w.councilA.id))?.id).toBe(w.versionA);
  });

  it("cannot choose council B", async () => {
    const a = await signedIn(w.app, "viewer.a@example.org");
    await a.get("/councils");
    const res = await a.post("/councils", { council: w.councilB.id });
    expect(res.statusCode).toBe(400);
    expect(textOf((await a.get("/overview")).body)).toContain("Council A");
  });

  it("shows and exports only the user's own council's profile", async () => {
    const b = await signedIn(w.app, "analyst.b@example.org");
    const page = textOf((await b.get("/profile")).body);
    expect(page).toContain("Council B");
    expect(page).not.toContain("Council A");
    const csv = await b.get("/profile/download/profile.csv");
    expect(csv.headers["content-disposition"]).toContain("council-b-");
    const report = await b.get("/profile/report");
    expect(report.body).toContain("Council B");
    expect(report.body).not.toContain("Council A");
  });

  it("switches a user with both councils between them, each showing its own data", async () => {
    const ab = await signedIn(w.app, "viewer.ab@example.org");
    await ab.get("/councils");
    await ab.post("/councils", { council: w.councilB.id });
    expect(textOf((await ab.get("/overview")).body)).toContain("Council: Council B");
    await ab.get("/councils");
    await ab.post("/councils", { council: w.councilA.id });
    expect(textOf((await ab.get("/overview")).body)).toContain("Council: Council A");
  });
});
