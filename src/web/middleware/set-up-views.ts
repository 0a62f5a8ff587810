import { join } from "node:path";
import view from "@fastify/view";
import type { FastifyInstance } from "fastify";
import nunjucks from "nunjucks";
import { yearLabel } from "../../core/ssda903/years.js";
import { packageRoot } from "../../reports/profile-html.js";
import { routeOf } from "../logger.js";
import { govukDist } from "./set-up-static-assets.js";

export function viewsDir(): string {
  return join(packageRoot(), "src", "web", "views");
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});
/** A moment as people in England read it: "23 November 2026 at 19:59" (UK time). */
export function formatDateTime(d: Date | string): string {
  return DATE_TIME.format(new Date(d));
}

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/** Filters the templates use; nothing here builds HTML. */
export function addFilters(env: nunjucks.Environment): void {
  env.addFilter("dateTime", (d: Date | string | null) => (d ? formatDateTime(d) : ""));
  env.addFilter("date", (d: Date | string | null) => (d ? DATE.format(new Date(d)) : ""));
  env.addFilter("number", (n: number | null) =>
    n === null || n === undefined ? "" : n.toLocaleString("en-GB"),
  );
  env.addFilter("bytes", (n: number) =>
    n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`,
  );
  env.addFilter("yearLabel", (y: number | null | undefined) => (typeof y === "number" ? yearLabel(y) : ""));
}

/**
 * Nunjucks templates (src/web/views: layout.njk, pages/, partials/) with
 * govuk-frontend's macros on the search path. Every page sees the user,
 * the council, the route and the CSP nonce for the template's one inline
 * script.
 */
export async function setUpViews(app: FastifyInstance, o: { serviceName: string }): Promise<void> {
  await app.register(view, {
    engine: { nunjucks },
    templates: [viewsDir(), join(govukDist(), "..")],
    production: true,
    defaultContext: { serviceName: o.serviceName },
    options: {
      autoescape: true,
      trimBlocks: true,
      lstripBlocks: true,
      onConfigure: addFilters,
    },
  });
  app.addHook("preHandler", async (request, reply) => {
    reply.locals = {
      ...reply.locals,
      cspNonce: reply.cspNonce?.script,
      user: request.user,
      council: request.council,
      route: routeOf(request),
    };
  });
}
