import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorSummary } from "../test-support/html.js";
import { Browser, createWorld, PASSWORD, signedIn, type World } from "../test-support/world.js";

let w: World;
let clock = new Date();
beforeAll(async () => {
  w = await createWorld({
    data: false,
    now: () => clock,
    env: { SIGN_IN_MAX_FAILURES: "3", SIGN_IN_LOCK_MINUTES: "10" },
  });
});
afterAll(async () => w.close());

describe("setUpAuthentication", () => {
  it("signs in with the right password and sends the user to the overview", async () => {
    const b = new Browser(w.app);
    await b.get("/sign-in");
    const res = await b.post("/sign-in", { email: "Viewer.A@example.org ", password: PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/overview");
    expect((await b.get("/account")).body).toContain("viewer.a@example.org");
    const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action: "sign-in" });
    expect(entries[0]!.user_email).toBe("viewer.a@example.org");
  });

  it("shows GOV.UK errors for a missing email or password", async () => {
    const b = new Browser(w.app);
    await b.get("/sign-in");
    const res = await b.post("/sign-in", { email: "", password: "" });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual(["Enter your email address", "Enter your password"]);
    expect(res.body).toContain('<p id="email-error" class="govuk-error-message">');
    expect(res.body).toContain("<title>Error: Sign in – Sufficiency Planner</title>");
  });

  it("refuses a wrong password without saying which part was wrong, and keeps the email", async () => {
    const b = new Browser(w.app);
    await b.get("/sign-in");
    const res = await b.post("/sign-in", { email: "analyst.b@example.org", password: "wrong" });
    expect(res.statusCode).toBe(401);
    expect(errorSummary(res.body)).toEqual(["Enter a correct email address and password"]);
    expect(res.body).toContain('value="analyst.b@example.org"');
    expect(b.cookies.has("__Host-sp-session")).toBe(false);
  });

  it("locks the account after repeated failures, refuses even the right password, and lets it in after the lock", async () => {
    const b = new Browser(w.app);
    await b.get("/sign-in");
    for (let i = 0; i < 2; i++) {
      expect(
        (await b.post("/sign-in", { email: "analyst.a@example.org", password: "wrong" })).statusCode,
      ).toBe(401);
    }
    const locked = await b.post("/sign-in", { email: "analyst.a@example.org", password: "wrong" });
    expect(locked.statusCode).toBe(423);
    expect(errorSummary(locked.body)[0]).toMatch(
      /^Your account is locked after too many failed attempts\. Try again in 10 minutes/,
    );
    expect(
      (await b.post("/sign-in", { email: "analyst.a@example.org", password: PASSWORD })).statusCode,
    ).toBe(423);
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect(
      (await b.post("/sign-in", { email: "analyst.a@example.org", password: PASSWORD })).statusCode,
    ).toBe(303);
  });

  it("starts a new session on signing in, so a session planted beforehand is useless (no fixation)", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const before = b.cookies.get("__Host-sp-session")!;
    await b.signIn("viewer.a@example.org");
    const after = b.cookies.get("__Host-sp-session")!;
    expect(after).not.toBe(before);
    const old = await w.app.inject({ url: "/account", cookies: { "__Host-sp-session": before } });
    expect(old.statusCode).toBe(303);
    const attackerPlanted = await w.app.inject({
      method: "GET",
      url: "/sign-in",
      cookies: { "__Host-sp-session": "A".repeat(43) },
    });
    expect(attackerPlanted.statusCode).toBe(200);
  });

  it("signs out: the session ends on the server, not only in the browser", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const token = b.cookies.get("__Host-sp-session")!;
    const res = await b.post("/sign-out");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/signed-out");
    expect(b.cookies.has("__Host-sp-session")).toBe(false);
    expect(
      (await w.app.inject({ url: "/account", cookies: { "__Host-sp-session": token } })).statusCode,
    ).toBe(303);
    expect((await b.get("/signed-out")).body).toContain("You have signed out");
  });

  it("sends a signed-in user away from the sign-in page", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    expect((await b.get("/sign-in")).statusCode).toBe(303);
  });
});

describe("the sign-in rate limit", () => {
  it("answers 429 once an address has tried too often in a minute", async () => {
    const limited = await createWorld({ data: false, env: { SIGN_IN_RATE_PER_MINUTE: "3" } });
    try {
      const b = new Browser(limited.app);
      await b.get("/sign-in");
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await b.post("/sign-in", { email: "x@example.org", password: "y" })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const last = await b.post("/sign-in", { email: "viewer.a@example.org", password: PASSWORD });
      expect(last.statusCode).toBe(429);
      expect(last.body).toContain("Too many attempts");
      expect(last.headers["retry-after"]).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
