import { existsSync } from "node:fs";
import { join } from "node:path";
import nunjucks from "nunjucks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../services/audit.js";
import { createWorld, signedIn, type World } from "../test-support/world.js";
import { addFilters, viewsDir } from "./set-up-views.js";

let w: World;
beforeAll(async () => {
  w = await createWorld({ data: false });
});
afterAll(async () => w.close());

describe("setUpViews", () => {
  it("finds its templates from the package root (so from dist/ too)", () => {
    expect(existsSync(join(viewsDir(), "layout.njk"))).toBe(true);
  });

  it("has filters for dates, numbers, sizes and collection years", () => {
    const env = new nunjucks.Environment();
    addFilters(env);
    const r = (s: string, ctx: object = {}) => env.renderString(s, ctx);
    expect(r("{{ d | date }}", { d: new Date("2024-03-31T23:30:00Z") })).toBe("1 April 2024");
    expect(r("{{ d | dateTime }}", { d: new Date("2024-01-05T16:08:00Z") })).toBe("5 January 2024 at 16:08");
    expect(r("{{ n | number }}", { n: 1234567 })).toBe("1,234,567");
    expect(r("{{ n | bytes }}", { n: 3 * 1024 * 1024 })).toBe("3.0 MB");
    expect(r("{{ n | bytes }}", { n: 10 })).toBe("1 KB");
    expect(r("{{ 2019 | yearLabel }}")).toBe("2019/20");
  });

  it("renders pages in the GOV.UK template, with the user, the council and the nonce", async () => {
    const b = await signedIn(w.app, "viewer.a@example.org");
    const res = await b.get("/account");
    expect(res.body).toContain('<html lang="en" class="govuk-template');
    expect(res.body).toContain('<a href="#main-content" class="govuk-skip-link"');
    expect(res.body).toContain("Signed in as viewer.a@example.org");
    const nonce = /'nonce-([0-9a-f]+)'/.exec(String(res.headers["content-security-policy"]))![1];
    expect(res.body).toContain(`<script nonce="${nonce}">document.body.className`);
    // Not the GOV.UK crown: this is a council's service.
    expect(res.body).not.toContain("govuk-logo");
  });

  it("escapes what users typed", async () => {
    const admin = await signedIn(w.app, "admin@example.org");
    await w.services.users.create(SYSTEM_ACTOR, {
      email: "xss@example.org",
      name: '<script>alert("x")</script>',
      role: "viewer",
      password: null,
      councilIds: [],
    });
    const res = await admin.get("/admin/users");
    expect(res.body).not.toContain('<script>alert("x")</script>');
    expect(res.body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});
