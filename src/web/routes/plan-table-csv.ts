import type { FastifyReply, FastifyRequest } from "fastify";
import type { PlanTable } from "../../reports/plan-tables.js";
import type { Services } from "../services/index.js";
import { councilOf } from "./helpers.js";
import { sendExport, tableIdOf } from "./plan-view.js";

/**
 * One table of a plan page (costs, budget, supply, gap) as CSV: the table
 * named in the file name of `/…/tables/:file`, audited as an export; 404
 * when the page has no such table.
 */
export async function sendPlanTableCsv(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  tables: readonly PlanTable[],
  what: string,
  audit: { versionId: string | null; detail?: Record<string, unknown> },
): Promise<unknown> {
  const id = tableIdOf(request);
  const t = tables.find((x) => x.id === id);
  if (!t) return reply.callNotFound();
  const council = councilOf(request);
  return sendExport(services, request, reply, services.exports.planTable(t, council.name, what), {
    councilId: council.id,
    versionId: audit.versionId,
    detail: { format: "csv", what, ...audit.detail, table: t.id },
  });
}
