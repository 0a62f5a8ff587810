import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { CouncilSummary } from "../data/councils.js";
import type { CurrentUser } from "../types.js";

const Uuid = z.uuid();

/** The id in a URL, or undefined when it is not a well-formed id (which is then "not found"). */
export function idParam(request: FastifyRequest, name = "id"): string | undefined {
  const v = (request.params as Record<string, unknown>)[name];
  const r = Uuid.safeParse(v);
  return r.success ? r.data : undefined;
}

/** The signed-in user; routes only run once the authorisation hook has checked there is one. */
export function userOf(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new Error("route reached without a signed-in user");
  return request.user;
}

/** The current council; routes marked `council` only run when there is one. */
export function councilOf(request: FastifyRequest): CouncilSummary {
  if (!request.council) throw new Error("route reached without a current council");
  return request.council;
}

/** Sends a download with a safe file name. */
export function sendDownload(
  reply: FastifyReply,
  d: { filename: string; contentType: string; body: string | Uint8Array },
  disposition: "attachment" | "inline" = "attachment",
): FastifyReply {
  const name = d.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return reply
    .header("content-type", d.contentType)
    .header("content-disposition", `${disposition}; filename="${name}"`)
    .header("x-content-type-options", "nosniff")
    .send(
      typeof d.body === "string" ? d.body : Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength),
    );
}

/** Route access markings (read by setUpAuthorisation): any signed-in user of the current council. */
export const VIEWER = { council: true } as const;
/** Analysts and administrators of the current council. */
export const ANALYST = { role: "analyst", council: true } as const;

/** What to tell someone whose single-file upload broke a limit, or undefined for any other error. */
export function uploadLimitMessage(e: unknown, maxFileBytes: number): string | undefined {
  const code = (e as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE")
    return `The file must be smaller than ${Math.round(maxFileBytes / 1024 / 1024)} MB`;
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT") return "Select one file";
  return undefined;
}
