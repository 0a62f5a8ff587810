import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SessionService } from "../services/sessions.js";

/**
 * The session cookie: HttpOnly; SameSite=Lax, so a link from an email or the
 * single sign-on redirect arrives signed in (forms are guarded by CSRF
 * tokens); Secure unless switched off for a plain-HTTP trial; and with the
 * `__Host-` prefix when Secure, which browsers accept only from this host on
 * path /, so no sibling site can set it.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-sp-session" : "sp-session";
}

export interface SessionCookieOptions {
  secure: boolean;
}

export function setSessionCookie(
  reply: FastifyReply,
  o: SessionCookieOptions,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(sessionCookieName(o.secure), token, {
    path: "/",
    httpOnly: true,
    secure: o.secure,
    sameSite: "lax",
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, o: SessionCookieOptions): void {
  reply.clearCookie(sessionCookieName(o.secure), {
    path: "/",
    httpOnly: true,
    secure: o.secure,
    sameSite: "lax",
  });
}

/** Static files and the health check need no session. */
export function needsNoSession(request: FastifyRequest): boolean {
  const route = request.routeOptions.url ?? "";
  return route.startsWith("/assets/") || route === "/health" || route === "/favicon.ico";
}

/**
 * Cookies (signed with the service's secret where signing is used), and the
 * server-side session: each request's cookie token is looked up in the
 * database, and `request.session` is the live session or null.
 */
export async function setUpSessions(
  app: FastifyInstance,
  o: SessionCookieOptions & { sessions: SessionService; secret: string },
): Promise<void> {
  await app.register(cookie, { secret: o.secret });
  app.decorateRequest("session", null);
  const name = sessionCookieName(o.secure);
  app.addHook("onRequest", async (request) => {
    request.session = null;
    if (needsNoSession(request)) return;
    const token = request.cookies[name];
    if (token) request.session = (await o.sessions.resume(token)) ?? null;
  });
}
