import type { FastifyInstance } from "fastify";
import type { CouncilSummary } from "../data/councils.js";
import { addError, noErrors, text } from "../forms/forms.js";
import { actorOf } from "../middleware/set-up-authentication.js";
import { userOf } from "./helpers.js";
import type { RouteOptions } from "./index.js";

const items = (councils: CouncilSummary[], current?: string) =>
  councils.map((c) => ({ value: c.id, text: c.name, checked: c.id === current }));

/** Choosing which of the user's councils to work on. */
export async function councilRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  app.get("/councils", async (request, reply) => {
    const user = userOf(request);
    return reply.view("pages/councils.njk", {
      councils: user.councils,
      items: items(user.councils, request.council?.id),
      errors: noErrors(),
    });
  });

  app.post("/councils", async (request, reply) => {
    const user = userOf(request);
    const chosen = text(request.body, "council");
    const council = user.councils.find((c) => c.id === chosen);
    if (!council) {
      const errors = addError(noErrors(), "council", "Select a council", "council");
      return reply
        .code(400)
        .view("pages/councils.njk", { councils: user.councils, items: items(user.councils), errors });
    }
    await o.services.sessions.setCouncil(request.session!, council.id);
    await o.services.audit.record(actorOf(request), "council.choose", { councilId: council.id });
    return reply.redirect("/overview", 303);
  });
}
