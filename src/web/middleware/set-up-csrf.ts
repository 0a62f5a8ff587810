import csrf from "@fastify/csrf-protection";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The token travels in the form's `_csrf` field; for file uploads
 * (multipart, whose body is read only by the route) in the form action's
 * query string, so the check still runs before any of the body is read.
 */
export function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  if (body && typeof body._csrf === "string") return body._csrf;
  if (request.isMultipart()) {
    const q = request.query as Record<string, unknown> | undefined;
    if (q && typeof q._csrf === "string") return q._csrf;
  }
  return undefined;
}

/** What a token is bound to: the session (so a token works only with the session it was made for). */
export function userInfoOf(request: FastifyRequest): string {
  return request.session?.idHash ?? "signed-out";
}

/**
 * CSRF protection on every form: a secret in a signed, HttpOnly,
 * SameSite=Lax cookie, and in each form a token made from that secret
 * and bound by HMAC to the session. Any POST (or other unsafe method)
 * without a matching token is refused with 403, before its handler runs.
 * Every page gets `csrfToken` to put in its forms.
 */
export async function setUpCsrf(app: FastifyInstance, o: { secret: string; secure: boolean }): Promise<void> {
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: o.secure ? "__Host-sp-csrf" : "sp-csrf",
    cookieOpts: { path: "/", httpOnly: true, sameSite: "lax", secure: o.secure, signed: true },
    getToken: csrfTokenOf,
    getUserInfo: userInfoOf,
    csrfOpts: { hmacKey: o.secret },
    logLevel: "info",
  });
  app.addHook("preHandler", (request: FastifyRequest, reply: FastifyReply, done) => {
    if (SAFE.has(request.method)) {
      if (!(request.routeOptions.url ?? "").startsWith("/assets/")) {
        reply.locals = { ...reply.locals, csrfToken: reply.generateCsrf({ userInfo: userInfoOf(request) }) };
      }
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}
