// Web service benchmark (npm run bench, or node bench/web.mjs after npm run build): starts the built
// service on the demo council (about 1,500 in care, eight years) in bench/out/web-data, signs in, and
// loads /overview, /profile (its first section) and /profile/placements (its largest) with autocannon
// (20 connections, a signed-in session). Prints the 50th, 95th and 99th percentile latencies and
// requests per second. Then times new 1,000-run, 5-year forecasts from the POST until the result page
// is ready. A benchmark, not a test. The load generator shares the machine's cores.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, "out", "web-data");
const PASSWORD = "bench-password-not-secret";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PATHS = (process.env.BENCH_PATHS ?? "/overview,/profile,/profile/placements").split(",");
mkdirSync(dataDir, { recursive: true });

/** Starts dist/web/server.js and resolves with its address once it says it is running. */
function startServer() {
  const t = performance.now();
  const child = spawn(process.execPath, [join(here, "..", "dist", "web", "server.js")], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      // The service logs a line per request; read them all so its output never blocks.
      if (out !== null) {
        out += chunk;
        const m = /is running at (http:\/\/\S+)/.exec(out);
        if (m) {
          out = null;
          resolve({ child, url: m[1].replace("localhost", "127.0.0.1"), startedIn: performance.now() - t });
        }
      }
    });
    child.on("exit", (code) => reject(new Error(`the service stopped (exit ${code}) before it was running`)));
  });
}

/** Signs in as the first administrator; returns the Cookie header of the session. */
async function signIn(url) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await fetch(`${url}/sign-in`);
  keep(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  const res = await fetch(`${url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ _csrf: token, email: "admin@example.org", password: PASSWORD }),
  });
  keep(res);
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  return header();
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** autocannon reports p97.5 but not p95, so every response time is kept and ranked here. */
async function load(url, path, cookie) {
  const times = [];
  const statuses = new Map();
  const instance = autocannon({
    url: `${url}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie },
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    times.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    path,
    requests: times.length,
    perSecond: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    statuses: Object.fromEntries(statuses),
    kb: Math.round(result.throughput.total / times.length / 1024),
  };
}

/** The page's CSRF token (and keeps the cookie the form needs). */
async function formToken(url, path, cookie) {
  const res = await fetch(`${url}${path}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return /name="_csrf" value="([^"]+)"/.exec(await res.text())[1];
}

/** Waits until no forecast or backtest of the active version is waiting or being made (the Forecast page's tags). */
async function forecastsIdle(url, cookie) {
  for (;;) {
    const html = await (await fetch(`${url}/forecast`, { headers: { cookie } })).text();
    if (!/govuk-tag--(grey|blue)/.test(html)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Times asking for a new 1,000-run, 5-year forecast of the demo council (POST /forecast) until its
 * result page is ready (the page holds its answer while the forecast is made; if it answers "being
 * made", it is asked again). A seed not used before each time, so nothing is reused.
 */
async function forecastTiming(url, cookie) {
  await forecastsIdle(url, cookie);
  const times = [];
  const FORECASTS = Number(process.env.BENCH_FORECASTS ?? 3);
  for (let i = 0; i < FORECASTS; i++) {
    const token = await formToken(url, "/forecast", cookie);
    const seed = String(Math.floor(Math.random() * 2_000_000_000));
    const t = performance.now();
    const posted = await fetch(`${url}/forecast`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({
        _csrf: token,
        method: "markov",
        years: "5",
        runs: "1000",
        referenceYears: "3",
        seed,
      }),
    });
    if (posted.status !== 303) throw new Error(`POST /forecast answered ${posted.status}`);
    const page = new URL(posted.headers.get("location"), url).href;
    for (;;) {
      const res = await fetch(page, { headers: { cookie } });
      const html = await res.text();
      if (res.status !== 200) throw new Error(`the forecast page answered ${res.status}`);
      if (html.includes("Forecast from")) break;
      if (html.includes("could not be made")) throw new Error("the forecast failed");
    }
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `web: forecast (1,000 runs, 5 years, demo council): asked for until its page is ready: ${times.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")} ` +
      `(median ${(percentile(sorted, 50) / 1000).toFixed(2)} s; target under 3 s)`,
  );
}

const server = await startServer();
try {
  console.log(`web: service started in ${(server.startedIn / 1000).toFixed(1)} s (data in ${dataDir})`);
  const cookie = await signIn(server.url);
  // Warm up first (not measured): the profile into the service's memory, as after its first visitor,
  // and the JavaScript engine's compiled code, as in a service that has been running a while.
  for (const path of PATHS) {
    const warm = await fetch(`${server.url}${path}`, { headers: { cookie } });
    if (warm.status !== 200) throw new Error(`${path} answered ${warm.status}`);
    await autocannon({
      url: `${server.url}${path}`,
      connections: CONNECTIONS,
      duration: 3,
      headers: { cookie },
    });
  }
  for (const path of PATHS) {
    const r = await load(server.url, path, cookie);
    const bad = Object.entries(r.statuses).filter(([s]) => s !== "200");
    console.log(
      `web: ${r.path.padEnd(9)} ${CONNECTIONS} connections, ${SECONDS} s: ${r.requests.toLocaleString("en-GB")} requests, ` +
        `${r.perSecond.toFixed(0)} req/s, latency p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms ` +
        `(${r.kb} KB a page)${bad.length ? `; not 200: ${JSON.stringify(Object.fromEntries(bad))}` : ""}`,
    );
  }
  await forecastTiming(server.url, cookie);
} finally {
  // Wait for the service to close its database (its output is still being read, so it never blocks).
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}
// Open keep-alive sockets would hold the process for a while; everything is printed.
process.exit(0);
