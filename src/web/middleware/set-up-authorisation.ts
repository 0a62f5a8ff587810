import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasRole } from "../services/users.js";
import { needsNoSession } from "./set-up-sessions.js";

export class ForbiddenError extends Error {
  readonly statusCode = 403;
  constructor() {
    super("Forbidden");
    this.name = "ForbiddenError";
  }
}

/**
 * Every route needs a signed-in user unless it is marked `public`; routes
 * marked with a `role` need at least that role; routes marked `council`
 * need a current council. Secure by default: a new route without a marking
 * is for signed-in users only.
 */
export async function checkAccess(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const config = request.routeOptions.config ?? {};
  if (config.public || needsNoSession(request)) return;
  if (!request.user) {
    // A form posted after the session ended, or a page asked for before signing in.
    return reply.redirect("/sign-in", 303);
  }
  if (config.role && !hasRole(request.user.role, config.role)) throw new ForbiddenError();
  if (config.council && !request.council) return reply.redirect("/councils", 303);
}

export async function setUpAuthorisation(app: FastifyInstance): Promise<void> {
  app.addHook("onRequest", checkAccess);
}
