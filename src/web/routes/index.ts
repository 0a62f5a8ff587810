import type { FastifyInstance } from "fastify";
import type { Services } from "../services/index.js";
import { accountRoutes } from "./account.js";
import { adminRoutes } from "./admin.js";
import { budgetRoutes } from "./budget.js";
import { costsRoutes } from "./costs.js";
import { councilRoutes } from "./councils.js";
import { dataRoutes } from "./data.js";
import { forecastRoutes } from "./forecast.js";
import { gapRoutes } from "./gap.js";
import { homeRoutes } from "./home.js";
import { overviewRoutes } from "./overview.js";
import { profileRoutes } from "./profile.js";
import { supplyRoutes } from "./supply.js";

export interface RouteOptions {
  services: Services;
  maxFiles: number;
  maxFileBytes: number;
  /** Cookies marked Secure (for routes that start a session). */
  secure: boolean;
}

/** Every page of the service, by area. Each module gets the services it calls. */
export async function setUpRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  await app.register(homeRoutes, o);
  await app.register(councilRoutes, o);
  await app.register(overviewRoutes, o);
  await app.register(profileRoutes, o);
  await app.register(forecastRoutes, o);
  await app.register(gapRoutes, o);
  await app.register(budgetRoutes, o);
  await app.register(costsRoutes, o);
  await app.register(supplyRoutes, o);
  await app.register(dataRoutes, o);
  await app.register(adminRoutes, o);
  await app.register(accountRoutes, o);
}
