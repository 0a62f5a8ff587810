import Fastify, { type FastifyInstance, LogController } from "fastify";
import type { Config } from "./config.js";
import { loggerOptions, logResponse } from "./logger.js";
import { setUpAuthentication } from "./middleware/set-up-authentication.js";
import { setUpAuthorisation } from "./middleware/set-up-authorisation.js";
import { setUpCsrf } from "./middleware/set-up-csrf.js";
import { setUpCurrentUser } from "./middleware/set-up-current-user.js";
import { setUpErrorHandler } from "./middleware/set-up-error-handler.js";
import { setUpHealth } from "./middleware/set-up-health.js";
import { setUpNotFound } from "./middleware/set-up-not-found.js";
import { setUpRequestParsing } from "./middleware/set-up-request-parsing.js";
import { setUpSessions } from "./middleware/set-up-sessions.js";
import { setUpStaticAssets } from "./middleware/set-up-static-assets.js";
import { setUpViews } from "./middleware/set-up-views.js";
import { setUpWebSecurity } from "./middleware/set-up-web-security.js";
import { setUpRoutes } from "./routes/index.js";
import type { Services } from "./services/index.js";
import type { OidcService } from "./services/oidc.js";
import "./types.js";

export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  role: string | undefined;
}

const ROUTE_TABLES = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route of an app built by buildApp, with its access markings (for the tests and the docs). */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  return ROUTE_TABLES.get(app) ?? [];
}

export interface AppOptions {
  config: Config;
  services: Services;
  /** The service's secret (cookie signing, CSRF tokens), kept in the database. */
  secret: string;
  databaseReachable: () => Promise<boolean>;
  version: string;
  oidc?: OidcService;
  /** Where logs go (standard output unless given; tests read them). */
  logStream?: NodeJS.WritableStream;
}

/** The web service, one concern at a time; each `setUpX` lives in middleware/ with its own test. */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const { config, services } = o;
  const app = Fastify({
    logger: o.logStream
      ? { ...(loggerOptions(config.logLevel) as object), stream: o.logStream }
      : loggerOptions(config.logLevel),
    // Requests are logged by logResponse (route templates, never URLs).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.addHook("onResponse", async (request, reply) => logResponse(request, reply));
  // Forecast jobs report to the app's log, and stop (waiting for the one running) when the app closes.
  services.forecasts.setLog(app.log);
  app.addHook("onClose", async () => services.forecasts.stop());
  const routes: RouteEntry[] = [];
  ROUTE_TABLES.set(app, routes);
  app.addHook("onRoute", (r) => {
    for (const method of ([] as string[]).concat(r.method)) {
      routes.push({ method, url: r.url, public: r.config?.public === true, role: r.config?.role });
    }
  });

  // Fastify gives each route the error handler in force when the route is added, so it is set first.
  await setUpErrorHandler(app);
  await setUpHealth(app, { databaseReachable: o.databaseReachable, version: o.version });
  await setUpWebSecurity(app, { hsts: config.cookieSecure });
  await setUpViews(app, { serviceName: config.serviceName });
  await setUpSessions(app, { sessions: services.sessions, secret: o.secret, secure: config.cookieSecure });
  await setUpRequestParsing(app, config.upload);
  await setUpStaticAssets(app);
  await setUpCurrentUser(app);
  await setUpAuthorisation(app);
  await setUpCsrf(app, { secret: o.secret, secure: config.cookieSecure });
  await setUpAuthentication(app, {
    services,
    secure: config.cookieSecure,
    lockMinutes: config.signIn.lockMinutes,
    ratePerMinute: config.signIn.ratePerMinute,
    ...(o.oidc ? { oidc: o.oidc } : {}),
  });
  await setUpRoutes(app, {
    services,
    maxFiles: config.upload.maxFiles,
    maxFileBytes: config.upload.maxFileBytes,
    secure: config.cookieSecure,
  });
  await setUpNotFound(app);
  return app;
}
