import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "../test-support/html.js";
import { createWorld, signedIn, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld({ data: false });
});
afterAll(async () => w.close());

describe("the start, council choice, forecast and accessibility pages", () => {
  it("sends / to the overview, or to choose a council", async () => {
    const one = await signedIn(w.app, "viewer.a@example.org");
    expect((await one.get("/")).headers.location).toBe("/overview");
    const two = await signedIn(w.app, "viewer.ab@example.org");
    expect((await two.get("/")).headers.location).toBe("/councils");
  });

  it("lists the user's councils to choose from and asks again if none is chosen", async () => {
    const b = await signedIn(w.app, "viewer.ab@example.org");
    const page = await b.get("/councils");
    expect(page.body).toContain(`value="${w.councilA.id}"`);
    expect(page.body).toContain(`value="${w.councilB.id}"`);
    const none = await b.post("/councils", {});
    expect(none.statusCode).toBe(400);
    expect(textOf(none.body)).toContain("Select a council");
    const chosen = await b.post("/councils", { council: w.councilB.id });
    expect(chosen.headers.location).toBe("/overview");
    const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action: "council.choose" });
    expect(entries[0]?.council_id).toBe(w.councilB.id);
  });

  it("tells someone without a council to ask an administrator", async () => {
    await w.repos.users.setCouncils(w.users.analystB, []);
    const b = await signedIn(w.app, "analyst.b@example.org");
    expect(textOf((await b.get("/councils")).body)).toContain("You have not been given a council");
    expect((await b.get("/profile")).headers.location).toBe("/councils");
  });

  it("has a Forecast item in the navigation, whose page asks for data first when there is none", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const res = await b.get("/forecast");
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/class="govuk-service-navigation__link" href="\/forecast" aria-current="page"/);
    expect(textOf(res.body)).toContain("There is no data for Council A yet");
    expect(textOf(res.body)).not.toContain("Coming soon");
  });

  it("shows each role the navigation it may use", async () => {
    const nav = (html: string) =>
      [...html.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map((m) => m[1]);
    const viewer = await signedIn(w.app, "viewer.a@example.org");
    expect(nav((await viewer.get("/account")).body)).toEqual([
      "/overview",
      "/profile",
      "/forecast",
      "/gap",
      "/account",
    ]);
    const admin = await signedIn(w.app, "admin@example.org");
    expect(nav((await admin.get("/account")).body)).toEqual([
      "/overview",
      "/profile",
      "/forecast",
      "/gap",
      "/data",
      "/admin/users",
      "/account",
    ]);
  });

  it("publishes an accessibility statement to anyone", async () => {
    const res = await w.app.inject("/accessibility");
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body)).toContain("WCAG) 2.2 at level AA");
  });
});
