import type { FastifyInstance } from "fastify";

/**
 * The Forecast page. The forecasting engine (src/core/forecast) is being
 * written separately; until it lands this page says so. Stored forecasts
 * and scenarios already have their tables (see migrations/0001-initial.ts).
 */
export async function forecastRoutes(app: FastifyInstance): Promise<void> {
  app.get("/forecast", { config: { council: true } }, async (_request, reply) =>
    reply.view("pages/forecast.njk", {}),
  );
}
