import type { FastifyInstance } from "fastify";

/**
 * `request.user` (the signed-in user, their role and their councils, read
 * with the session on every request, so a change by an administrator
 * applies at once)
 * and `request.council` (the council being worked on: the session's choice
 * if the user still has it, or their only council).
 */
export async function setUpCurrentUser(app: FastifyInstance): Promise<void> {
  app.decorateRequest("user", null);
  app.decorateRequest("council", null);
  app.addHook("onRequest", async (request) => {
    request.user = null;
    request.council = null;
    const s = request.session;
    if (!s) return;
    // Read with the session, in the same query.
    const councils = s.councils;
    request.user = { ...s.user, councils };
    request.council =
      councils.find((c) => c.id === s.councilId) ?? (councils.length === 1 ? councils[0]! : null);
  });
}
