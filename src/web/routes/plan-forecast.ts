import type { FastifyReply, FastifyRequest } from "fastify";
import type { VersionMeta } from "../data/datasets.js";
import type { ForecastMeta } from "../data/forecasts.js";
import { formatDateTime } from "../middleware/set-up-views.js";
import type { ForecastParams } from "../services/forecast-params.js";
import type { StoredForecast } from "../services/forecasts.js";
import type { Services } from "../services/index.js";
import { councilOf } from "./helpers.js";

export interface PlanForecast {
  version: VersionMeta;
  meta: ForecastMeta;
  result: StoredForecast;
  /** The forecasts to choose from (the active version's, by the model, done), for the page's chooser. */
  choices: Array<{ value: string; text: string; selected: boolean }>;
}

/**
 * The forecast the budget and gap pages cost: the one named in `?forecast=`
 * (of the current council, done, by the model), else the newest of the
 * active version. When there is none, a page saying why is sent and
 * undefined returned.
 */
export async function planForecast(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  page: string,
): Promise<PlanForecast | undefined> {
  const council = councilOf(request);
  const active = await services.datasets.active(council.id);
  if (!active) {
    await reply.view("pages/no-data.njk", {});
    return undefined;
  }
  const asked = String((request.query as { forecast?: unknown }).forecast ?? "");
  let meta: ForecastMeta | undefined;
  if (/^[0-9a-f-]{36}$/.test(asked)) {
    const m = await services.forecasts.get(council.id, asked);
    if (
      m &&
      m.kind === "forecast" &&
      m.status === "done" &&
      (m.params as { method?: string }).method === "markov"
    )
      meta = m;
  }
  meta ??= await services.forecasts.latestDone(council.id, active.id);
  const all = await services.forecasts.list(council.id, active.id);
  if (!meta) {
    await reply.view("pages/plan-waiting.njk", {
      page,
      version: active,
      making: all.some((f) => f.status === "queued" || f.status === "running"),
    });
    return undefined;
  }
  const result = await services.forecasts.result(council.id, meta.id);
  if (!result) {
    await reply.callNotFound();
    return undefined;
  }
  const version = (await services.datasets.get(council.id, meta.versionId)) ?? active;
  const done = all.filter(
    (f) => f.status === "done" && (f.params as { method?: string }).method === "markov",
  );
  if (!done.some((f) => f.id === meta!.id)) done.unshift(meta);
  const choices = done.map((f) => {
    const p = f.params as unknown as ForecastParams;
    const scen = p.scenarios.length ? `, scenarios: ${p.scenarios.map((s) => s.name).join(", ")}` : "";
    return {
      value: f.id,
      text: `Made ${formatDateTime(f.createdAt)}: ${p.years} years, ${p.runs.toLocaleString("en-GB")} runs${scen}`,
      selected: f.id === meta!.id,
    };
  });
  return { version, meta, result, choices };
}
