import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, signedIn, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld({ data: false });
});
afterAll(async () => w.close());

describe("setUpNotFound", () => {
  it("shows the GOV.UK page-not-found page to a signed-in user", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const res = await b.get("/no/such/page");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    expect(res.body).toContain("<title>Page not found – Sufficiency Planner</title>");
  });

  it("does not tell someone signed out which addresses exist", async () => {
    const res = await w.app.inject("/no/such/page");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/sign-in");
  });
});
