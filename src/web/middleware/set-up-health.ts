import type { FastifyInstance } from "fastify";

/**
 * GET /health: whether the service is up and its database answers. Public
 * (load balancers and monitoring call it) and free of any data.
 */
export async function setUpHealth(
  app: FastifyInstance,
  o: { databaseReachable: () => Promise<boolean>; version: string },
): Promise<void> {
  app.get("/health", { config: { public: true } }, async (_request, reply) => {
    const up = await o.databaseReachable();
    reply.code(up ? 200 : 503).header("cache-control", "no-store");
    return { status: up ? "UP" : "DOWN", database: up ? "UP" : "DOWN", version: o.version };
  });
}
