import type { FastifyInstance } from "fastify";

/** The start of the service and the pages every service has (accessibility statement). */
export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get("/", async (request, reply) => reply.redirect(request.council ? "/overview" : "/councils", 303));

  app.get("/accessibility", { config: { public: true } }, async (_request, reply) =>
    reply.view("pages/accessibility.njk", {}),
  );
}
