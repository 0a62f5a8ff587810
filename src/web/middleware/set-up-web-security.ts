import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * Security headers (helmet) with a strict content security policy: scripts
 * and styles only from this service, plus the one inline script of the
 * GOV.UK template, which carries a fresh nonce on every response. No
 * framing, no plugins, forms post only here, no referrer to other sites.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function setUpWebSecurity(app: FastifyInstance, o: { hsts: boolean }): Promise<void> {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    crossOriginEmbedderPolicy: true,
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: o.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    // Pages may hold personal data: keep them out of shared and browser caches.
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });
}
