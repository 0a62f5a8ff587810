import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRegister } from "../../core/supply/generate.js";
import { SYSTEM_ACTOR } from "../services/audit.js";
import { demoFiles } from "../services/demo.js";
import { makeForecast } from "../test-support/plan.js";
import { createWorld, PASSWORD, SMALL_DEMO, type World } from "../test-support/world.js";

/**
 * End-to-end: the service on a real port, driven by headless Chromium
 * (Debian's package; .ci/run installs it), with an accessibility check
 * (axe) of each main page. Kept to a few journeys; the HTTP-level tests
 * cover the rest.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const skip = process.env.SKIP_BROWSER_TESTS === "1";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let w: World;
let browser: Browser;
let base = "";
let dir = "";

beforeAll(async () => {
  if (skip) return;
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), or set SKIP_BROWSER_TESTS=1`,
    );
  }
  w = await createWorld({ data: false });
  await w.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://localhost:${(w.app.server.address() as { port: number }).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
  dir = mkdtempSync(join(tmpdir(), "sp-e2e-"));
  for (const f of demoFiles(SMALL_DEMO)) writeFileSync(join(dir, f.name), f.bytes);
  // Council B has data from the start (council A's is uploaded through the browser).
  const staged = await w.services.datasets.stage(SYSTEM_ACTOR, w.councilB.id, demoFiles(SMALL_DEMO));
  if (!staged.ok) throw new Error("could not load council B");
  await w.services.datasets.accept(SYSTEM_ACTOR, w.councilB.id, staged.versionId);
}, 60_000);

afterAll(async () => {
  if (skip) return;
  await browser?.close();
  await w?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe on the page; returns the serious and critical violations of WCAG 2.2 A and AA. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return r.violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A page that records console errors (a blocked script or style shows up here as a CSP violation). */
async function newPage(javaScriptEnabled = true): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    // A form sent back with errors is answered 400, which Chromium reports; anything else counts.
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors };
}

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe.skipIf(skip)("in a browser", () => {
  it("an analyst signs in, uploads the returns, accepts them, reads the profile and a forecast and exports XLSX; every main page passes axe", async () => {
    const { page, errors } = await newPage();
    const problems: Record<string, string[]> = {};
    const check = async (name: string) => {
      const v = await seriousViolations(page);
      if (v.length) problems[name] = v;
    };

    await page.goto(`${base}/sign-in`);
    await check("sign in");
    await signIn(page, "analyst.a@example.org");
    await page.waitForURL(`${base}/overview`);
    await check("overview (no data)");

    await page.getByRole("link", { name: "Data", exact: true }).click();
    await page.waitForURL(`${base}/data`);
    await check("data");
    await page.getByRole("button", { name: "Upload files" }).click();
    await page.waitForURL(`${base}/data/upload`);
    await check("upload");
    await page.setInputFiles(
      "#files",
      demoFiles(SMALL_DEMO).map((f) => join(dir, f.name)),
    );
    await page.getByRole("button", { name: "Upload and check" }).click();
    await page.waitForURL(/\/data\/versions\/[0-9a-f-]{36}$/);
    expect((await page.getByRole("heading", { level: 1 }).textContent())?.trim()).toBe("Validation report");
    await check("validation report");

    await page.getByRole("button", { name: "Accept as a new version" }).click();
    await page.waitForURL(/accepted=1$/);
    expect((await page.getByRole("heading", { level: 1 }).textContent())?.trim()).toBe("Version 1");

    await page.getByRole("link", { name: "Overview", exact: true }).click();
    await page.waitForURL(`${base}/overview`);
    expect((await page.getByRole("heading", { level: 1 }).textContent())?.trim()).toBe(
      `Overview: 31 March ${SMALL_DEMO.to + 1}`,
    );
    await check("overview");

    await page.getByRole("link", { name: "Profile", exact: true }).click();
    await page.waitForURL(`${base}/profile`);
    expect((await page.getByRole("heading", { level: 1 }).textContent())?.trim()).toBe(
      `Sufficiency profile: 31 March ${SMALL_DEMO.to + 1}`,
    );
    await check("profile");
    await page.getByRole("link", { name: "Numbers over time" }).click();
    await page.waitForURL(`${base}/profile/trend`);
    expect(await page.locator("svg.sp-chart").count()).toBeGreaterThan(0);
    // The chart fits its column: the stylesheet, not an inline style, scales it.
    const widths = await page.evaluate(() => {
      const svg = document.querySelector("svg.sp-chart")!;
      return {
        svg: svg.getBoundingClientRect().width,
        parent: svg.parentElement!.getBoundingClientRect().width,
      };
    });
    expect(widths.svg).toBeLessThanOrEqual(widths.parent + 0.5);
    await check("profile: numbers over time");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download all tables (XLSX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^council-a-\d{4}-03-31-profile\.xlsx$/);
    const saved = join(dir, "profile.xlsx");
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe("PK");

    // The printable report: its own (inline) stylesheet must apply under its stricter policy.
    await page.goto(`${base}/profile/report`);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe("19px");

    // The forecast: a quick one (few runs), its fan chart and table, its parts, scenarios, and the XLSX.
    await page.goto(`${base}/overview`);
    await page.getByRole("link", { name: "Forecast", exact: true }).click();
    await page.waitForURL(`${base}/forecast`);
    expect((await page.getByRole("heading", { level: 1 }).textContent())?.trim()).toBe("Forecast");
    await check("forecast");
    await page.getByLabel("Years ahead").fill("2");
    await page.getByLabel("Runs").fill("50");
    // The page answers at once ("being made"); its script checks the forecast's status and shows it when ready.
    const pageWait = w.services.forecasts.settings.pageWaitMs;
    w.services.forecasts.settings.pageWaitMs = 0;
    await page.getByRole("button", { name: "Make forecast" }).click();
    await page.waitForURL(/\/forecast\/runs\/[0-9a-f-]{36}$/);
    await page
      .getByRole("heading", { level: 1, name: /^Forecast from 31 March/ })
      .waitFor({ timeout: 60_000 });
    w.services.forecasts.settings.pageWaitMs = pageWait;
    await check("forecast result");
    expect(await page.locator("svg#chart-forecast-total").isVisible()).toBe(true);
    expect(await page.locator("#forecast-placements table tbody tr").count()).toBe(2);
    const [forecastXlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download all tables (XLSX)" }).click(),
    ]);
    expect(forecastXlsx.suggestedFilename()).toMatch(/^council-a-forecast-\d{4}-03-31-[0-9a-f]{8}\.xlsx$/);
    const savedForecast = join(dir, "forecast.xlsx");
    await forecastXlsx.saveAs(savedForecast);
    expect(readFileSync(savedForecast).subarray(0, 2).toString()).toBe("PK");
    await page.getByRole("link", { name: "By placement category" }).click();
    await page.waitForURL(/\/categories$/);
    expect(await page.locator("svg.sp-chart").count()).toBeGreaterThan(3);
    await check("forecast by category");
    await page.goto(`${base}/forecast/scenarios/new`);
    await check("add a scenario");
    await page.getByRole("button", { name: "Save scenario" }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains("govuk-error-summary"));
    await check("add a scenario with errors");
    await page.getByLabel("Name").fill("Fewer entries");
    await page.getByLabel("Change in entries into care").fill("-10");
    await page.getByRole("button", { name: "Save scenario" }).click();
    await page.waitForURL(`${base}/forecast/scenarios`);
    await check("scenarios");

    expect(problems).toEqual({});
    expect(errors).toEqual([]);
    await page.context().close();

    // Without JavaScript, a forecast is made and shown (the service holds the page until it is ready).
    const noJs = await newPage(false);
    await signIn(noJs.page, "analyst.a@example.org");
    await noJs.page.waitForURL(`${base}/overview`);
    await noJs.page.goto(`${base}/forecast`);
    await noJs.page.getByLabel("Years ahead").fill("1");
    await noJs.page.getByLabel("Runs").fill("20");
    await noJs.page.getByRole("button", { name: "Make forecast" }).click();
    await noJs.page.waitForURL(/\/forecast\/runs\/[0-9a-f-]{36}$/);
    expect((await noJs.page.getByRole("heading", { level: 1 }).textContent())?.trim()).toMatch(
      /^Forecast from 31 March/,
    );
    await noJs.page.context().close();
  }, 180_000);

  it("an administrator's pages pass axe, and the menu works on a small screen", async () => {
    const { page, errors } = await newPage();
    await signIn(page, "admin@example.org");
    await page.waitForURL(`${base}/councils`);
    const problems: Record<string, string[]> = {};
    for (const path of [
      "/councils",
      "/admin/users",
      "/admin/users/new",
      "/admin/councils",
      "/admin/audit",
      "/account",
    ]) {
      await page.goto(`${base}${path}`);
      const v = await seriousViolations(page);
      if (v.length) problems[path] = v;
    }
    // A form with errors: the summary takes focus and links to the field.
    await page.goto(`${base}/admin/users/new`);
    await page.getByRole("button", { name: "Add user" }).click();
    // govuk-frontend's script moves focus to the summary once it has run.
    await page.waitForFunction(
      () => document.activeElement?.classList.contains("govuk-error-summary"),
      undefined,
      {
        timeout: 10_000,
      },
    );
    const v = await seriousViolations(page);
    if (v.length) problems["add user with errors"] = v;
    // govuk-frontend's script turns the navigation into a menu button on a phone-sized screen.
    await page.setViewportSize({ width: 360, height: 700 });
    await page.goto(`${base}/admin/users`);
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.waitFor({ state: "visible", timeout: 10_000 });
    await menu.click();
    await page.getByRole("link", { name: "Administration" }).waitFor({ state: "visible", timeout: 10_000 });
    expect(problems).toEqual({});
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("works without JavaScript: sign in, the profile, and sign out", async () => {
    const { page } = await newPage(false);
    await signIn(page, "analyst.b@example.org");
    await page.waitForURL(`${base}/overview`);
    await page.goto(`${base}/profile`);
    expect((await page.getByRole("heading", { level: 1 }).textContent())?.trim()).toMatch(
      /^Sufficiency profile: /,
    );
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${base}/signed-out`);
    await page.goto(`${base}/profile`);
    expect(page.url()).toBe(`${base}/sign-in`);
    await page.context().close();
  }, 60_000);

  it("the plan pages (gap, budget, costs, supply and its register) pass axe, and the gap's settings work without JavaScript", async () => {
    const version = (await w.services.datasets.active(w.councilB.id))!;
    await makeForecast(w, w.councilB.id, version.id, 20);
    await w.services.supply.loadRegister(
      SYSTEM_ACTOR,
      { id: w.councilB.id, name: w.councilB.name },
      generateRegister({ council: w.councilB.name, childrenInCare: 120, to: SMALL_DEMO.to, seed: 5 }),
    );
    const { page, errors } = await newPage();
    await signIn(page, "analyst.b@example.org");
    await page.waitForURL(`${base}/overview`);
    await page.getByRole("link", { name: "Plan", exact: true }).click();
    await page.waitForURL(`${base}/gap`);
    const problems: Record<string, string[]> = {};
    const households = (await w.services.supply.list(w.councilB.id, "households"))[0]!.id;
    for (const path of [
      "/gap",
      "/budget",
      "/costs",
      "/costs/actual",
      "/supply",
      "/supply/register",
      "/supply/register/households",
      "/supply/register/households/new",
      `/supply/register/households/${households}`,
      "/supply/register/households/import",
    ]) {
      await page.goto(`${base}${path}`);
      const v = await seriousViolations(page);
      if (v.length) problems[path] = v;
    }
    // A form with errors.
    await page.goto(`${base}/supply/register/households/new`);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.waitForURL(`${base}/supply/register/households`);
    const v = await seriousViolations(page);
    if (v.length) problems["add a household with errors"] = v;
    expect(problems).toEqual({});
    expect(errors).toEqual([]);
    await page.context().close();

    const noJs = await newPage(false);
    await signIn(noJs.page, "analyst.b@example.org");
    await noJs.page.waitForURL(`${base}/overview`);
    await noJs.page.goto(`${base}/gap`);
    await noJs.page.getByLabel("Share of fostering demand to meet in-house").fill("60");
    await noJs.page.getByRole("button", { name: "Show the gap" }).click();
    await noJs.page.waitForURL(/\/gap\?.*share=60/);
    expect(await noJs.page.getByRole("heading", { name: "Recruitment needed", level: 2 }).count()).toBe(1);
    await noJs.page.context().close();
  }, 120_000);
});
