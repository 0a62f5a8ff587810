import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../services/audit.js";
import { createWorld, signedIn, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld({ data: false });
});
afterAll(async () => w.close());

describe("setUpCurrentUser", () => {
  it("makes a user's only council the current one", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const res = await b.get("/account");
    expect(res.body).toContain("Council: <strong>Council A</strong>");
  });

  it("asks a user with several councils to choose, then keeps the choice", async () => {
    const b = await signedIn(w.app, "viewer.ab@example.org");
    expect((await b.get("/overview")).headers.location).toBe("/councils");
    await b.get("/councils");
    await b.post("/councils", { council: w.councilB.id });
    expect((await b.get("/account")).body).toContain("Council: <strong>Council B</strong>");
  });

  it("applies an administrator's changes at once: a council taken away, a role changed, an account disabled", async () => {
    const b = await signedIn(w.app, "viewer.ab@example.org");
    await b.get("/councils");
    await b.post("/councils", { council: w.councilB.id });
    await w.repos.users.setCouncils(w.users.viewerAB, [w.councilA.id]);
    expect((await b.get("/account")).body).toContain("Council: <strong>Council A</strong>");

    const analyst = await signedIn(w.app, "analyst.a@example.org");
    expect((await analyst.get("/data")).statusCode).not.toBe(403);
    await w.repos.users.update(w.users.analystA, { role: "viewer" });
    expect((await analyst.get("/data")).statusCode).toBe(403);
    await w.repos.users.update(w.users.analystA, { role: "analyst" });

    await w.services.users.update(SYSTEM_ACTOR, w.users.viewerAB, {
      name: "v",
      role: "viewer",
      disabled: true,
      councilIds: [w.councilA.id],
      unlock: false,
    });
    expect((await b.get("/account")).statusCode).toBe(303);
  });
});
