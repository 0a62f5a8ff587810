import type { FastifyInstance } from "fastify";

/** The GOV.UK "page not found" page, for any address the service does not have (and any id not found). */
export async function setUpNotFound(app: FastifyInstance): Promise<void> {
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).view("pages/errors/not-found.njk", {}));
}
