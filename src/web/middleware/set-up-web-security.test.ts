import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld({ data: false });
});
afterAll(async () => w.close());

describe("setUpWebSecurity", () => {
  it("sends a strict content security policy whose nonce is the template's inline script's, new each time", async () => {
    const a = await w.app.inject("/sign-in");
    const b = await w.app.inject("/sign-in");
    const csp = String(a.headers["content-security-policy"]);
    const nonce = /script-src 'self' 'nonce-([0-9a-f]+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(String(b.headers["content-security-policy"])).not.toContain(nonce);
    for (const d of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "img-src 'self' data:",
    ]) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    // Every script on the page is either a file from this service or carries the nonce.
    const scripts = [...a.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s.includes(`nonce="${nonce}"`) || / src="\/assets\//.test(s)).toBe(true);
  });

  it("sends the other protective headers", async () => {
    const res = await w.app.inject("/sign-in");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers["cache-control"]).toBe("no-store");
  });
});
