/**
 * The web service's entry point (`node dist/web/server.js`, which is what
 * `npm start` runs): reads the configuration, opens the database (PGlite in
 * DATA_DIR, or PostgreSQL at DATABASE_URL) and migrates it, creates the first
 * administrator and the demo council when the database is empty, and serves.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../reports/profile-html.js";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { repositories } from "./data/index.js";
import { databaseReachable, openDatabase } from "./db/database.js";
import { bootstrap } from "./services/bootstrap.js";
import { createServices, type Services } from "./services/index.js";
import { OidcService } from "./services/oidc.js";

const say = (s = "") => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const version = (
    JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }
  ).version;
  const database = await openDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }),
  });
  const repos = repositories(database.db);
  const services = createServices(repos, config);
  const secret = await repos.settings.getOrSet("app_secret", randomBytes(32).toString("hex"));

  const firstStart = await bootstrap(services, { adminPassword: config.adminPassword, demo: config.demo });

  const app = await buildApp({
    config,
    services,
    secret,
    version,
    databaseReachable: () => databaseReachable(database.db),
    ...(config.oidc ? { oidc: new OidcService(config.oidc) } : {}),
  });
  const purge = setInterval(() => {
    services.sessions
      .purgeExpired()
      .catch((e) => app.log.warn({ err: e }, "could not remove expired sessions"));
  }, 15 * 60_000);
  purge.unref();

  const stop = async (signal: string) => {
    app.log.info({ signal }, "stopping");
    clearInterval(purge);
    // Requests in progress get ten seconds to finish; then the process ends regardless.
    setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  // Forecasts cut short by a restart run again; the demo's first forecast and backtest start now, in the
  // forecast thread, so the Forecast, Budget and Gap pages have something to show within seconds.
  await services.forecasts.resume();
  if (firstStart.demo)
    await services.forecasts.ensureDefaults(firstStart.demo.councilId, firstStart.demo.versionId);
  else void warmForecasts(services);
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;

  say();
  say(`${config.serviceName} is running at ${url}`);
  say(
    `Database: ${database.backend === "pglite" ? `embedded PostgreSQL (PGlite) in ${database.where}` : database.where}`,
  );
  if (firstStart.demo)
    say(`Loaded the demo council "${firstStart.demo.council}" (synthetic data, no real children).`);
  if (firstStart.admin) {
    say(`Sign in as ${firstStart.admin.email}`);
    if (firstStart.admin.generated) {
      say(`  with the password ${firstStart.admin.password}`);
      say("  (shown this once: note it now, then change it under Your account)");
    } else {
      say("  with the password in ADMIN_PASSWORD");
    }
  } else {
    say("Sign in with your account; the first administrator is admin@example.org.");
  }
  if (!config.cookieSecure) say("Warning: COOKIE_SECURE is off, so sign-in cookies travel without HTTPS.");
  else if (!url.startsWith("https:") && !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(url)) {
    say(
      "Note: browsers send the sign-in cookie only over HTTPS or to localhost; put the service behind HTTPS.",
    );
  }
  say("Stop it with Ctrl+C.");
}

main().catch((e) => {
  if (e instanceof ConfigError) {
    process.stderr.write(`sufficiency web: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`sufficiency web: could not start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});

/** Readies the forecast thread for each council's active data (in the background; see ForecastService.warm). */
async function warmForecasts(services: Services): Promise<void> {
  for (const council of await services.councils.list()) {
    const active = await services.datasets.active(council.id);
    if (active) await services.forecasts.warm(council.id, active.id);
  }
}
