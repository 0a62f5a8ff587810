import type { FastifyInstance } from "fastify";
import { overview } from "../services/overview.js";
import { activeProfile } from "./active.js";
import { FragmentCache } from "./fragments.js";
import { councilOf } from "./helpers.js";
import type { RouteOptions } from "./index.js";
import { tableView } from "./table-view.js";

/** The overview: headline measures beside comparators, the month-end series, and what changed in a year. */
export async function overviewRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const fragments = new FragmentCache(app);

  app.get("/overview", { config: { council: true } }, async (request, reply) => {
    const active = await activeProfile(o.services, request, reply);
    if (!active) return reply;
    const body = await fragments.render(active.bundle, "partials/overview-body.njk", () => {
      const model = overview(active.bundle);
      return {
        council: councilOf(request),
        model,
        monthEnd: model.monthEnd.table ? tableView(model.monthEnd.table, "") : null,
        monthEndChart: model.monthEnd.chart,
      };
    });
    return reply.view("pages/overview.njk", {
      version: active.version,
      profile: active.bundle.profile,
      body,
    });
  });
}
