import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { routeOf } from "../logger.js";

/** The page shown for each kind of refusal; anything else is "sorry, there is a problem" (500). */
const PAGES: Record<number, { page: string; title: string; message: string }> = {
  400: {
    page: "pages/errors/problem.njk",
    title: "There is a problem with your request",
    message: "The service could not understand what was sent. Go back and try again.",
  },
  403: {
    page: "pages/errors/forbidden.njk",
    title: "You cannot do this",
    message: "Your account does not allow this. Ask an administrator if you need it.",
  },
  404: { page: "pages/errors/not-found.njk", title: "Page not found", message: "" },
  413: {
    page: "pages/errors/problem.njk",
    title: "What you sent is too large",
    message: "Go back and send less: fewer or smaller files.",
  },
  415: {
    page: "pages/errors/problem.njk",
    title: "The service cannot read what was sent",
    message: "Go back and use the form on the page.",
  },
  429: {
    page: "pages/errors/problem.njk",
    title: "Too many attempts",
    message: "Wait a minute, then try again.",
  },
};

/** A refused CSRF token is a 403 with its own words: the usual cause is a form left open too long. */
function isCsrf(e: ErrorLike): boolean {
  return e.code === "FST_CSRF_INVALID_TOKEN" || e.code === "FST_CSRF_MISSING_SECRET";
}

/** What the handler reads of an error. */
export interface ErrorLike {
  statusCode?: number | undefined;
  code?: string | undefined;
}

export function errorPage(e: ErrorLike): { status: number; page: string; title: string; message: string } {
  const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
  if (isCsrf(e)) {
    return {
      status: 403,
      page: "pages/errors/problem.njk",
      title: "This form has expired",
      message: "Go back, reload the page and try again.",
    };
  }
  const known = PAGES[status] ?? (status < 500 ? PAGES[400]! : undefined);
  if (known) return { status, ...known };
  return {
    status,
    page: "pages/errors/problem.njk",
    title: "Sorry, there is a problem with the service",
    message: "Try again later. If it keeps happening, tell your administrator what you were doing and when.",
  };
}

/**
 * Every error becomes a GOV.UK error page with the right status. Server
 * errors are logged (route template, error name, message, stack: never the
 * request's data); refusals are logged at info level.
 */
export async function setUpErrorHandler(app: FastifyInstance): Promise<void> {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const p = errorPage(error);
    if (p.status >= 500) request.log.error({ err: error, route: routeOf(request) }, "request failed");
    else request.log.info({ route: routeOf(request), status: p.status, code: error.code }, "request refused");
    return reply.code(p.status).view(p.page, { title: p.title, message: p.message });
  });
}
