import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFiles } from "../services/demo.js";
import {
  createWorld,
  encodeForm,
  multipart,
  SMALL_DEMO,
  signedIn,
  type World,
} from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld({ data: false });
});
afterAll(async () => w.close());

const formHeaders = { "content-type": "application/x-www-form-urlencoded" };

describe("setUpCsrf", () => {
  it("refuses a form posted without a token", async () => {
    const b = await signedIn(w.app, "admin@example.org");
    const res = await b.request({
      method: "POST",
      url: "/admin/councils",
      headers: formHeaders,
      payload: encodeForm({ name: "No token" }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("This form has expired");
    expect(await w.services.councils.byName("No token")).toBeUndefined();
  });

  it("refuses a forged token", async () => {
    const b = await signedIn(w.app, "admin@example.org");
    const forged = `${b.token.slice(0, -4)}AAAA`;
    const res = await b.post("/admin/councils", { _csrf: forged, name: "Forged" });
    expect(res.statusCode).toBe(403);
    expect(await w.services.councils.byName("Forged")).toBeUndefined();
  });

  it("refuses a token without its secret cookie", async () => {
    const b = await signedIn(w.app, "admin@example.org");
    b.cookies.delete("__Host-sp-csrf");
    const res = await b.post("/admin/councils", { name: "No secret" });
    expect(res.statusCode).toBe(403);
  });

  it("refuses another session's token, even with that session's secret cookie: one session cannot act for another", async () => {
    const victim = await signedIn(w.app, "admin@example.org");
    const attacker = await signedIn(w.app, "viewer.a@example.org");
    // The attacker has their own valid token and secret, and somehow the victim's session cookie.
    const res = await w.app.inject({
      method: "POST",
      url: "/admin/councils",
      headers: formHeaders,
      cookies: {
        "__Host-sp-session": victim.cookies.get("__Host-sp-session")!,
        "__Host-sp-csrf": attacker.cookies.get("__Host-sp-csrf")!,
      },
      payload: encodeForm({ _csrf: attacker.token, name: "Cross session" }),
    });
    expect(res.statusCode).toBe(403);
    // A token from before signing in does not work after it either.
    const fresh = await signedIn(w.app, "admin@example.org");
    const before = fresh.token;
    await fresh.signIn("admin@example.org");
    const stale = await fresh.post("/admin/councils", { _csrf: before, name: "Stale token" });
    expect(stale.statusCode).toBe(403);
    expect(await w.services.councils.byName("Cross session")).toBeUndefined();
    expect(await w.services.councils.byName("Stale token")).toBeUndefined();
  });

  it("accepts the page's own token", async () => {
    const b = await signedIn(w.app, "admin@example.org");
    await b.get("/admin/councils");
    const res = await b.post("/admin/councils", { name: "With token" });
    expect(res.statusCode).toBe(303);
    expect(await w.services.councils.byName("With token")).toBeDefined();
  });

  it("checks an upload's token (in the form's address) before reading the files", async () => {
    const b = await signedIn(w.app, "analyst.a@example.org");
    await b.get("/data/upload");
    const files = demoFiles(SMALL_DEMO).map((f) => ({ name: f.name, content: f.bytes }));
    const m = multipart(files);
    const without = await b.request({ method: "POST", url: "/data/upload", ...m });
    expect(without.statusCode).toBe(403);
    const forged = await b.request({ method: "POST", url: "/data/upload?_csrf=forged", ...m });
    expect(forged.statusCode).toBe(403);
    expect(await w.services.datasets.list(w.councilA.id)).toEqual([]);
    const ok = await b.request({
      method: "POST",
      url: `/data/upload?_csrf=${encodeURIComponent(b.token)}`,
      ...m,
    });
    expect(ok.statusCode).toBe(303);
  });

  it("does not take the token from the address for ordinary forms", async () => {
    const b = await signedIn(w.app, "admin@example.org");
    const res = await b.request({
      method: "POST",
      url: `/admin/councils?_csrf=${encodeURIComponent(b.token)}`,
      headers: formHeaders,
      payload: encodeForm({ name: "Query token" }),
    });
    expect(res.statusCode).toBe(403);
  });
});
