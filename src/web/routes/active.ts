import type { FastifyReply, FastifyRequest } from "fastify";
import type { VersionMeta } from "../data/datasets.js";
import type { Services } from "../services/index.js";
import type { ProfileBundle } from "../services/profiles.js";
import { councilOf } from "./helpers.js";

/**
 * The current council's active dataset version and its profile, or a
 * "no data yet" page sent (and undefined returned).
 */
export async function activeProfile(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ version: VersionMeta; bundle: ProfileBundle } | undefined> {
  const council = councilOf(request);
  const version = await services.datasets.active(council.id);
  const bundle = version ? await services.profiles.bundle(council, version.id) : undefined;
  if (!version || !bundle) {
    await reply.view("pages/no-data.njk", {});
    return undefined;
  }
  return { version, bundle };
}
