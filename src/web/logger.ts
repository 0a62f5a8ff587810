import type { FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";

/**
 * Logging (pino, through Fastify) that never carries child-level data:
 *  - requests are logged by route template (`/data/versions/:id/children/:child`),
 *    never by URL, so no id or query string reaches the log;
 *  - bodies, cookies and authorisation headers are never logged, and are
 *    redacted should anything pass a request or its headers to the logger;
 *  - errors are logged by name, message, code and stack only: database errors
 *    carry the offending values in other fields, which are dropped.
 */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? "(no route)";
}

export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  "req.body",
  "req.query",
  "req.url",
  "res.headers['set-cookie']",
  "body",
  "query",
  "password",
  "*.password",
];

export function serializeError(err: unknown): {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
} {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err), stack: "" };
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  return {
    type: e.name,
    message: e.message,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
    stack: e.stack ?? "",
  };
}

export function loggerOptions(level: string): NonNullable<FastifyServerOptions["logger"]> {
  if (level === "silent") return false as unknown as NonNullable<FastifyServerOptions["logger"]>;
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, route: routeOf(req), id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
  };
}

/** One line per response: method, route template, status, time, user id (never an email or a URL). */
export function logResponse(request: FastifyRequest, reply: FastifyReply): void {
  request.log.info(
    {
      method: request.method,
      route: routeOf(request),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      user: request.user?.id,
    },
    "request completed",
  );
}
