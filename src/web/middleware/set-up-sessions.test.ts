import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenHash } from "../services/sessions.js";
import { Browser, createWorld, PASSWORD, type World } from "../test-support/world.js";
import { sessionCookieName } from "./set-up-sessions.js";

let w: World;
beforeAll(async () => {
  w = await createWorld({ data: false });
});
afterAll(async () => w.close());

describe("setUpSessions", () => {
  it("sets a __Host- cookie that is HttpOnly, Secure, SameSite=Lax, path /", async () => {
    const b = new Browser(w.app);
    await b.get("/sign-in");
    const res = await b.post("/sign-in", { email: "viewer.a@example.org", password: PASSWORD });
    const cookie = ([] as string[])
      .concat(res.headers["set-cookie"] ?? [])
      .find((c) => c.startsWith("__Host-sp-session="))!;
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Domain=/);
    expect(sessionCookieName(false)).toBe("sp-session");
  });

  it("keeps only the token's hash in the database", async () => {
    const b = new Browser(w.app);
    await b.signIn("viewer.a@example.org");
    const token = b.cookies.get("__Host-sp-session")!;
    const rows = await w.db.db.selectFrom("sessions").select("id_hash").execute();
    expect(rows.map((r) => r.id_hash)).toContain(tokenHash(token));
    expect(rows.map((r) => r.id_hash)).not.toContain(token);
  });

  it("treats an unknown, malformed or ended session's cookie as signed out", async () => {
    for (const token of ["x".repeat(43), "short", "' or 1=1 --"]) {
      const res = await w.app.inject({ url: "/overview", cookies: { "__Host-sp-session": token } });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/sign-in");
    }
    const b = new Browser(w.app);
    await b.signIn("viewer.a@example.org");
    const token = b.cookies.get("__Host-sp-session")!;
    await b.get("/account");
    await b.post("/sign-out");
    const res = await w.app.inject({ url: "/account", cookies: { "__Host-sp-session": token } });
    expect(res.statusCode).toBe(303);
  });

  it("does not look up sessions for static files and the health check", async () => {
    const res = await w.app.inject({
      url: "/assets/app.css",
      cookies: { "__Host-sp-session": "x".repeat(43) },
    });
    expect(res.statusCode).toBe(200);
  });
});
