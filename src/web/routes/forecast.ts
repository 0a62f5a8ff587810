import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { BacktestResult } from "../../core/forecast/backtest.js";
import { yearLabel } from "../../core/ssda903/years.js";
import type { VersionMeta } from "../data/datasets.js";
import type { ForecastMeta } from "../data/forecasts.js";
import {
  addError,
  checkboxList,
  type FormErrors,
  field,
  hasErrors,
  noErrors,
  wholeNumber,
  zodErrors,
} from "../forms/forms.js";
import { actorOf } from "../middleware/set-up-authentication.js";
import { type ForecastParams, MAX_SCENARIOS, uascText } from "../services/forecast-params.js";
import { forecastCharts, forecastTables } from "../services/forecast-view.js";
import type { StoredForecast } from "../services/forecasts.js";
import type { SavedScenario } from "../services/scenarios.js";
import { hasRole } from "../services/users.js";
import { ANALYST, councilOf, idParam, userOf, VIEWER } from "./helpers.js";
import type { RouteOptions } from "./index.js";
import { planTableView, sendExport, tableIdOf } from "./plan-view.js";
import { scenarioRoutes } from "./scenarios.js";

/** "12" or "10-15" (UASC arriving a year); blank for as many as in the reference years. */
const uascField = field(
  z
    .string()
    .trim()
    .transform((s, ctx): ForecastParams["uasc"] => {
      if (s === "") return null;
      const m = /^(\d{1,4}(?:\.\d+)?)\s*(?:(?:-|–|to)\s*(\d{1,4}(?:\.\d+)?))?$/.exec(s);
      if (!m) {
        ctx.addIssue({
          code: "custom",
          message: "Enter UASC arrivals a year as a number, like 12, or a range, like 10-15",
        });
        return null;
      }
      const lo = Number(m[1]);
      if (m[2] === undefined) return lo;
      const hi = Number(m[2]);
      if (hi < lo) {
        ctx.addIssue({
          code: "custom",
          message: "The range of UASC arrivals must start with the smaller number",
        });
        return null;
      }
      return [lo, hi];
    }),
);

/** The Make a forecast form, in the order of its fields on the page. */
const ForecastForm = z.object({
  method: z.enum(["markov", "trend"], { message: "Select a method" }),
  years: wholeNumber({ what: "the number of years ahead", name: "years ahead", min: 1, max: 10 }),
  runs: wholeNumber({ what: "the number of runs", name: "runs", min: 10, max: 5000 }),
  referenceYears: wholeNumber({
    what: "the years of history to learn from",
    name: "years of history",
    min: 1,
    max: 10,
  }),
  uasc: uascField,
  seed: wholeNumber({ what: "a seed", name: "the seed", min: 0, max: 2_147_483_647, optional: true }),
  scenarios: checkboxList,
});

/** The trend method has no runs and draws no random numbers: what is in those fields is ignored. */
const TrendForm = ForecastForm.extend({
  runs: z.unknown().transform(() => null),
  seed: z.unknown().transform(() => null),
});

const STATUS: Record<string, { text: string; classes: string }> = {
  queued: { text: "Waiting", classes: "govuk-tag--grey" },
  running: { text: "Being made", classes: "govuk-tag--blue" },
  done: { text: "Ready", classes: "govuk-tag--green" },
  failed: { text: "Failed", classes: "govuk-tag--red" },
};

const METHODS = { markov: "The model (Monte Carlo)", trend: "Trend and population" } as const;

/** What a stored forecast was asked for, in words. */
export function paramsView(p: ForecastParams) {
  return {
    method: METHODS[p.method] ?? p.method,
    years: p.years,
    runs: p.method === "markov" ? p.runs.toLocaleString("en-GB") : "none (no interval)",
    reference: `${p.referenceYears} ${p.referenceYears === 1 ? "year" : "years"}`,
    uasc: uascText(p.uasc),
    seed: p.method === "trend" ? "not used" : String(p.seed),
    scenarios: p.scenarios.map((s) => s.name),
  };
}

function rowView(f: ForecastMeta) {
  return {
    id: f.id,
    createdAt: f.createdAt,
    by: f.createdByEmail ?? "system",
    status: STATUS[f.status] ?? STATUS.queued!,
    done: f.status === "done",
    params: paramsView(f.params as unknown as ForecastParams),
  };
}

/**
 * The Forecast pages: make a forecast of the active version (analysts),
 * read stored ones (everyone given the council), each with its fan charts,
 * placements needed, scenarios side by side and backtest accuracy, and
 * their downloads. Forecasts run as jobs off the request thread; a page
 * asked for one being made holds its answer a few seconds, then offers
 * "Check again" (and, with JavaScript, checks by itself).
 */
export async function forecastRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;

  const activeVersion = async (request: FastifyRequest, reply: FastifyReply) => {
    const version = await services.datasets.active(councilOf(request).id);
    if (!version) {
      await reply.view("pages/no-data.njk", {});
      return undefined;
    }
    return version;
  };

  const scenarioItems = (list: SavedScenario[], checked: readonly string[]) =>
    list.map((s) => ({
      value: s.id,
      text: s.name,
      hint: s.description ? { text: s.description } : undefined,
      checked: checked.includes(s.id),
    }));

  const showIndex = async (
    request: FastifyRequest,
    reply: FastifyReply,
    version: VersionMeta,
    values: Record<string, unknown>,
    errors: FormErrors,
    status = 200,
  ) => {
    const council = councilOf(request);
    const [list, backtest, scenarios] = await Promise.all([
      services.forecasts.list(council.id, version.id),
      services.forecasts.backtest(council.id, version.id),
      services.scenarios.list(council.id),
    ]);
    return reply.code(status).view("pages/forecast/index.njk", {
      version,
      forecasts: list.map(rowView),
      backtest: backtest ? { status: STATUS[backtest.meta.status], error: backtest.meta.error } : null,
      scenarios: scenarioItems(scenarios, (values.scenarios as string[] | undefined) ?? []),
      hasScenarios: scenarios.length > 0,
      maxScenarios: MAX_SCENARIOS,
      canRun: hasRole(userOf(request).role, "analyst"),
      values,
      errors,
    });
  };

  const defaultValues = () => {
    const d = services.forecasts.defaultParams();
    return {
      method: d.method,
      years: String(d.years),
      runs: String(d.runs),
      referenceYears: String(d.referenceYears),
      uasc: "",
      seed: String(d.seed),
      scenarios: [] as string[],
    };
  };

  app.get("/forecast", { config: VIEWER }, async (request, reply) => {
    const version = await activeVersion(request, reply);
    if (!version) return reply;
    // The version's default forecast and backtest are made the first time anyone looks.
    await services.forecasts.ensureDefaults(councilOf(request).id, version.id);
    return showIndex(request, reply, version, defaultValues(), noErrors());
  });

  app.post("/forecast", { config: ANALYST }, async (request, reply) => {
    const version = await activeVersion(request, reply);
    if (!version) return reply;
    const council = councilOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { ...body, scenarios: checkboxList.safeParse(body.scenarios).data ?? [] };
    const parsed = (body.method === "trend" ? TrendForm : ForecastForm).safeParse(body);
    if (!parsed.success) return showIndex(request, reply, version, values, zodErrors(parsed.error), 400);
    const f = parsed.data;
    const errors = noErrors();
    const ids = [...new Set(f.scenarios)];
    const chosen: SavedScenario[] = [];
    if (ids.length > MAX_SCENARIOS)
      addError(
        errors,
        "scenarios",
        `Select up to ${MAX_SCENARIOS} scenarios to compare with the base (you selected ${ids.length})`,
      );
    else
      for (const id of ids) {
        const s = /^[0-9a-f-]{36}$/.test(id) ? await services.scenarios.get(council.id, id) : undefined;
        if (!s) {
          addError(errors, "scenarios", "Select scenarios from the list");
          break;
        }
        chosen.push(s);
      }
    if (f.method === "trend" && f.scenarios.length > 0)
      addError(errors, "scenarios", "Scenarios need the model: choose the model, or no scenarios");
    if (hasErrors(errors)) return showIndex(request, reply, version, values, errors, 400);
    const params: ForecastParams = {
      method: f.method,
      years: f.years!,
      runs: f.method === "trend" ? 0 : f.runs!,
      seed: f.method === "trend" ? 1 : (f.seed ?? 1),
      referenceYears: f.referenceYears!,
      uasc: f.uasc,
      scenarios: chosen.map((s) => s.scenario),
    };
    const meta = await services.forecasts.request(
      actorOf(request),
      council.id,
      version.id,
      "forecast",
      params,
    );
    return reply.redirect(`/forecast/runs/${meta.id}`, 303);
  });

  /** A forecast of the current council, or "not found" (for another council's id too). */
  const forecastOr404 = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = idParam(request);
    const meta = id ? await services.forecasts.get(councilOf(request).id, id) : undefined;
    if (meta?.kind !== "forecast") {
      await reply.callNotFound();
      return undefined;
    }
    return meta;
  };

  app.get("/forecast/runs/:id/status", { config: VIEWER }, async (request, reply) => {
    const meta = await forecastOr404(request, reply);
    if (!meta) return reply;
    return reply.header("cache-control", "no-store").send({ status: meta.status });
  });

  /** The forecast's result and what goes with it, or the waiting (or failed) page sent. */
  const loaded = async (request: FastifyRequest, reply: FastifyReply) => {
    let meta = await forecastOr404(request, reply);
    if (!meta) return undefined;
    const council = councilOf(request);
    if (meta.status === "queued" || meta.status === "running") {
      // Most forecasts take seconds: hold the answer until this one is ready (so the page works without
      // JavaScript and without refreshing itself), then show it, or the "being made" page if it is not.
      await services.forecasts.waitFor(meta.id, services.forecasts.settings.pageWaitMs);
      meta = (await services.forecasts.get(council.id, meta.id)) ?? meta;
    }
    const version = await services.datasets.get(council.id, meta.versionId);
    const params = paramsView(meta.params as unknown as ForecastParams);
    const base = `/forecast/runs/${meta.id}`;
    if (meta.status !== "done") {
      await reply.view("pages/forecast/run.njk", {
        meta: rowView(meta),
        params,
        version,
        base,
        pending: meta.status === "queued" || meta.status === "running",
        error: meta.error,
        canRun: hasRole(userOf(request).role, "analyst"),
      });
      return undefined;
    }
    const result = await services.forecasts.result(council.id, meta.id);
    if (!result) {
      await reply.callNotFound();
      return undefined;
    }
    const backtest = await services.forecasts.backtest(council.id, meta.versionId);
    return { meta, version, params, base, result, backtest };
  };

  /** Children in care at each month end in the three years before the forecast, from the version's profile. */
  const observed = async (request: FastifyRequest, versionId: string, start: string) => {
    const c = councilOf(request);
    const bundle = await services.profiles.bundle(c, versionId);
    const from = `${Number(start.slice(0, 4)) - 3}${start.slice(4)}`;
    return (bundle?.profile.cla.monthEnd ?? [])
      .filter((m) => m.date > from && m.date <= start)
      .map((m) => ({ date: m.date, value: m.total }));
  };

  const views = new WeakMap<
    StoredForecast,
    Promise<{ tables: ReturnType<typeof forecastTables>; charts: Record<string, string> }>
  >();
  const prepared = (
    request: FastifyRequest,
    result: StoredForecast,
    versionId: string,
    backtest: BacktestResult | undefined,
  ) => {
    // The charts are the same for every reader; the backtest may arrive later, so tables are made each time.
    let v = views.get(result);
    if (!v) {
      v = observed(request, versionId, result.start).then((obs) => ({
        tables: forecastTables(result),
        charts: forecastCharts(result, obs),
      }));
      views.set(result, v);
    }
    return v.then((x) => ({
      tables: backtest ? forecastTables(result, backtest) : x.tables,
      charts: x.charts,
    }));
  };

  const sectionPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    section: "summary" | "categories" | "ages",
  ) => {
    const l = await loaded(request, reply);
    if (!l) return reply;
    const { tables, charts } = await prepared(request, l.result, l.meta.versionId, l.backtest?.result);
    const pick = (prefix: string) => tables.filter((t) => t.id.startsWith(prefix));
    const view = (list: typeof tables) =>
      list.map((t) => planTableView(t, { base: l.base, chart: charts[t.id], fold: t.rows.length > 12 }));
    const sections =
      section === "summary"
        ? {
            total: view(pick("forecast.total")),
            placements: view(pick("forecast.placements")),
            scenarios: view(pick("scenarios.")),
            backtest: view(pick("backtest.")),
            flows: view(pick("forecast.flows")),
          }
        : { list: view(pick(section === "categories" ? "forecast.category_" : "forecast.age_")) };
    return reply.view("pages/forecast/run.njk", {
      meta: rowView(l.meta),
      params: l.params,
      version: l.version,
      base: l.base,
      section,
      result: {
        start: l.result.start,
        reference: l.result.reference,
        notes: l.result.notes,
        method: l.result.method,
        runs: l.result.runs,
        lastYear:
          l.result.placementsNeeded.at(-1)?.year ??
          yearLabel(Number(l.result.start.slice(0, 4)) + l.result.years - 1),
      },
      backtestStatus: l.backtest ? STATUS[l.backtest.meta.status] : null,
      backtestError: l.backtest?.meta.error ?? null,
      sections,
    });
  };

  app.get("/forecast/runs/:id", { config: VIEWER }, async (request, reply) =>
    sectionPage(request, reply, "summary"),
  );
  app.get("/forecast/runs/:id/categories", { config: VIEWER }, async (request, reply) =>
    sectionPage(request, reply, "categories"),
  );
  app.get("/forecast/runs/:id/ages", { config: VIEWER }, async (request, reply) =>
    sectionPage(request, reply, "ages"),
  );

  app.get("/forecast/runs/:id/tables/:file", { config: VIEWER }, async (request, reply) => {
    const tableId = tableIdOf(request);
    const meta = await forecastOr404(request, reply);
    if (!meta) return reply;
    const council = councilOf(request);
    const result = tableId ? await services.forecasts.result(council.id, meta.id) : undefined;
    const backtest = await services.forecasts.backtest(council.id, meta.versionId);
    const t = result ? forecastTables(result, backtest?.result).find((x) => x.id === tableId) : undefined;
    if (!t) return reply.callNotFound();
    return sendExport(
      services,
      request,
      reply,
      services.exports.planTable(t, council.name, `forecast-${meta.id.slice(0, 8)}`),
      {
        councilId: council.id,
        versionId: meta.versionId,
        detail: { format: "csv", what: "forecast", forecast: meta.id, table: t.id },
      },
    );
  });

  app.get("/forecast/runs/:id/forecast.xlsx", { config: VIEWER }, async (request, reply) => {
    const meta = await forecastOr404(request, reply);
    if (!meta) return reply;
    const council = councilOf(request);
    const result = await services.forecasts.result(council.id, meta.id);
    if (!result) return reply.callNotFound();
    const backtest = await services.forecasts.backtest(council.id, meta.versionId);
    const p = paramsView(meta.params as unknown as ForecastParams);
    const d = await services.exports.planWorkbook(
      forecastTables(result, backtest?.result),
      council.name,
      `forecast-${result.start}-${meta.id.slice(0, 8)}`,
      {
        title: "Forecast of children in care",
        facts: [
          ["Start", result.start],
          ["Method", p.method],
          ["Years ahead", String(p.years)],
          ["Runs", p.runs],
          ["Seed", p.seed],
          ["Reference period", `${result.reference.from} to ${result.reference.to}`],
          ["UASC arrivals", p.uasc],
          ["Scenarios", p.scenarios.join("; ") || "none"],
          ...result.notes.map((n): [string, string] => ["Note", n]),
        ],
      },
    );
    return sendExport(services, request, reply, d, {
      councilId: council.id,
      versionId: meta.versionId,
      detail: { format: "xlsx", what: "forecast", forecast: meta.id },
    });
  });

  await scenarioRoutes(app, o);
}
