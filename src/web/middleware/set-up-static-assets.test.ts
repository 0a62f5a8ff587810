import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../test-support/world.js";

let w: World;
beforeAll(async () => {
  w = await createWorld({ data: false });
});
afterAll(async () => w.close());

describe("setUpStaticAssets", () => {
  it("serves govuk-frontend's CSS and JS and this service's own files, to anyone, cacheable", async () => {
    for (const [url, type] of [
      ["/assets/govuk/govuk-frontend.min.css", "text/css"],
      ["/assets/govuk/govuk-frontend.min.js", "application/javascript"],
      ["/assets/app.css", "text/css"],
      ["/assets/app.js", "application/javascript"],
      ["/assets/images/favicon.svg", "image/svg+xml"],
      ["/assets/fonts/bold-b542beb274-v2.woff2", "font/woff2"],
    ] as const) {
      const res = await w.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(String(res.headers["content-type"]), url).toContain(type);
      expect(res.headers["cache-control"], url).toBe("public, max-age=86400");
      expect(res.headers["set-cookie"], url).toBeUndefined();
    }
  });

  it("serves nothing else of govuk-frontend's folder, and nothing outside the asset folders", async () => {
    for (const url of [
      "/assets/govuk/index.scss",
      "/assets/govuk/components/button/template.njk",
      "/assets/govuk/../../../package.json",
      "/assets/%2e%2e/%2e%2e/package.json",
      "/assets/../server.ts",
    ]) {
      const res = await w.app.inject(url);
      // 303: the address was normalised to one outside /assets/, which needs signing in.
      expect([303, 403, 404], url).toContain(res.statusCode);
      expect(res.body, url).not.toContain('"dependencies"');
    }
  });
});
