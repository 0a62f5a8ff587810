import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DEFAULT_GAP_SETTINGS, type Gap, type GapSettings } from "../../core/supply/gap.js";
import { gapTables, type PlanTable } from "../../reports/plan-tables.js";
import {
  addError,
  decimalNumber,
  type FormErrors,
  hasErrors,
  noErrors,
  wholeNumber,
} from "../forms/forms.js";
import { slug } from "../services/exports.js";
import { gapCharts } from "../services/plan-charts.js";
import { councilOf, VIEWER } from "./helpers.js";
import type { RouteOptions } from "./index.js";
import { type PlanForecast, planForecast } from "./plan-forecast.js";
import { sendPlanTableCsv } from "./plan-table-csv.js";
import { planTableView, queryString, sendExport } from "./plan-view.js";

/** The settings form's fields: query names, and how each is read (GOV.UK messages). */
const FIELDS = {
  share: decimalNumber({
    what: "the share of fostering demand to meet in-house",
    name: "the share of fostering demand to meet in-house",
    min: 0,
    max: 100,
    optional: true,
    unit: "%",
  }),
  occupancy: decimalNumber({
    what: "the occupancy",
    name: "occupancy",
    min: 1,
    max: 100,
    optional: true,
    unit: "%",
  }),
  target: wholeNumber({
    what: "the approvals target",
    name: "the approvals target",
    min: 0,
    max: 10_000,
    optional: true,
  }),
  "rate-years": wholeNumber({
    what: "the years recent rates are averaged over",
    name: "the years recent rates are averaged over",
    min: 1,
    max: 20,
    optional: true,
  }),
  "move-agency": wholeNumber({
    what: "the placements to move from agency to in-house fostering",
    name: "the placements to move from agency to in-house fostering",
    min: 0,
    max: 100_000,
    optional: true,
  }),
  "step-down": wholeNumber({
    what: "the children to step down from children's homes",
    name: "the children to step down from children's homes",
    min: 0,
    max: 100_000,
    optional: true,
  }),
} as const;
type FieldName = keyof typeof FIELDS | "by";

/** The form's values when nothing is asked: the core's defaults (percentages as the form shows them). */
function defaults(years: readonly string[]): Record<FieldName, string> {
  return {
    share: String(Math.round(DEFAULT_GAP_SETTINGS.inHouseShare * 100)),
    occupancy: String(Math.round(DEFAULT_GAP_SETTINGS.occupancy * 100)),
    target: "",
    by: years.at(-1) ?? "",
    "rate-years": String(DEFAULT_GAP_SETTINGS.rateYears),
    "move-agency": "0",
    "step-down": "0",
  };
}

/**
 * Reads the gap's settings from the query (a GET form, so a page of
 * settings can be bookmarked and its downloads carry them): the core's
 * GapSettings, or the form's errors. A blank field takes the default.
 */
export function gapSettings(
  query: Record<string, unknown>,
  years: readonly string[],
): { settings: GapSettings; values: Record<FieldName, string>; errors: FormErrors } {
  const errors = noErrors();
  const values = defaults(years);
  const read = <K extends keyof typeof FIELDS>(name: K): number | null => {
    const raw = query[name];
    if (typeof raw === "string") values[name] = raw;
    const r = FIELDS[name].safeParse(raw);
    if (!r.success) {
      addError(errors, name, r.error.issues[0]!.message);
      return null;
    }
    return r.data;
  };
  const share = read("share");
  // The year is the form's second field, so its message comes second in the summary.
  let by = years.at(-1);
  if (typeof query.by === "string" && query.by !== "") {
    values.by = query.by;
    if (years.includes(query.by)) by = query.by;
    else addError(errors, "by", `Select a year of the forecast, ${years[0]} to ${years.at(-1)}`);
  }
  const occupancy = read("occupancy");
  const target = read("target");
  const rateYears = read("rate-years");
  const move = read("move-agency");
  const stepDown = read("step-down");
  const settings: GapSettings = {
    inHouseShare: share === null ? DEFAULT_GAP_SETTINGS.inHouseShare : share / 100,
    occupancy: occupancy === null ? DEFAULT_GAP_SETTINGS.occupancy : occupancy / 100,
    rateYears: rateYears ?? DEFAULT_GAP_SETTINGS.rateYears,
    moveFromAgency: move ?? 0,
    stepDown: stepDown ?? 0,
    ...(target !== null ? { target } : {}),
    ...(by ? { targetYear: by } : {}),
  };
  return { settings, values, errors };
}

/**
 * The sufficiency gap (src/core/supply/gap.ts) of a stored forecast:
 * demand against in-house and block capacity, the recruitment needed to
 * meet a share of fostering demand in-house, the pipeline at recent rates
 * and at a target, the cost of closing the gap, and the summary a strategy
 * can quote. Everyone given the council reads it; the settings are a GET
 * form and change nothing stored.
 */
export async function gapRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;

  const load = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<
    | (PlanForecast & {
        values: Record<string, string>;
        errors: FormErrors;
        settings: GapSettings;
        years: readonly string[];
        gap: Gap | undefined;
        tables: PlanTable[];
        query: string;
      })
    | undefined
  > => {
    const f = await planForecast(services, request, reply, "Sufficiency gap");
    if (!f) return undefined;
    const q = (request.query ?? {}) as Record<string, unknown>;
    const years = f.result.expectedDays.years;
    const { settings, values, errors } = gapSettings(q, years);
    if (hasErrors(errors))
      return { ...f, values, errors, settings, years, gap: undefined, tables: [], query: "" };
    const gap = await services.plan.gap(councilOf(request), f.meta.versionId, f.result, settings);
    // Only the settings that differ from the defaults go into links.
    const d = defaults(years);
    const asked: Record<string, string> = { forecast: f.meta.id };
    for (const [k, v] of Object.entries(values))
      if (v.trim() !== "" && v.trim() !== d[k as FieldName]) asked[k] = v.trim();
    return { ...f, values, errors, settings, years, gap, tables: gapTables(gap), query: queryString(asked) };
  };

  app.get("/gap", { config: VIEWER }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    const charts = l.gap ? gapCharts(l.gap) : {};
    const view = (pick: (t: PlanTable) => boolean) =>
      l.tables
        .filter(pick)
        .map((t) => planTableView(t, { base: "/gap", query: l.query, chart: charts[t.id] }));
    const summary = l.tables.find((t) => t.id === "gap.summary");
    return reply.code(hasErrors(l.errors) ? 400 : 200).view("pages/gap.njk", {
      version: l.version,
      forecast: l.meta,
      result: l.result,
      choices: l.choices,
      values: l.values,
      errors: l.errors,
      years: l.years.map((y) => ({ value: y, text: y, selected: y === l.values.by })),
      gap: l.gap,
      summary: l.gap?.summary.map((s) => s.text) ?? [],
      summaryCsv: summary ? `/gap/tables/${summary.id}.csv${l.query}` : null,
      capacity: view((t) => t.id === "gap.capacity"),
      recruitment: view((t) => t.id === "gap.recruitment" || t.id === "gap.recruitment_ages"),
      pipeline: view((t) => t.id === "gap.pipeline"),
      budget: view((t) => t.section === "budget"),
      scenarios: view((t) => t.section === "scenarios"),
      notes: l.gap?.notes ?? [],
      query: l.query,
      // Choosing another forecast keeps the settings (but not the year, which may not be one of its years).
      keep: Object.fromEntries(Object.entries(l.values).filter(([k, v]) => k !== "by" && v !== "")),
    });
  });

  const downloadable = async (request: FastifyRequest, reply: FastifyReply) => {
    const l = await load(request, reply);
    if (!l) return undefined;
    if (!l.gap) {
      await reply.callNotFound();
      return undefined;
    }
    return { ...l, gap: l.gap };
  };

  const facts = (l: { gap: Gap; result: PlanForecast["result"]; meta: PlanForecast["meta"] }) => {
    const s = l.gap.settings;
    return [
      [
        "Forecast",
        `from ${l.result.start}, ${l.result.years} years, ${l.result.runs} runs (made ${l.meta.createdAt.toISOString()})`,
      ],
      ["Share of fostering demand to meet in-house", `${Math.round(s.inHouseShare * 1000) / 10}%`],
      ["Occupancy", `${Math.round(s.occupancy * 1000) / 10}%`],
      ["By", s.targetYear],
      ["Approvals target", s.target === undefined ? "none given" : `${s.target} a year`],
      ["Years for recent rates", String(s.rateYears)],
      ["Placements moved from agency", String(s.moveFromAgency)],
      ["Children stepped down from children's homes", String(s.stepDown)],
    ] as Array<[string, string]>;
  };

  app.get("/gap/tables/:file", { config: VIEWER }, async (request, reply) => {
    const l = await downloadable(request, reply);
    if (!l) return reply;
    return sendPlanTableCsv(services, request, reply, l.tables, "gap", {
      versionId: l.meta.versionId,
      detail: { forecast: l.meta.id, settings: l.gap.settings },
    });
  });

  app.get("/gap/download/gap.xlsx", { config: VIEWER }, async (request, reply) => {
    const l = await downloadable(request, reply);
    if (!l) return reply;
    const council = councilOf(request);
    const d = await services.exports.planWorkbook(l.tables, council.name, `gap-${l.result.start}`, {
      title: "Sufficiency gap",
      facts: [
        ...facts(l),
        ["Data version", String(l.version.number ?? "")],
        ...l.gap.notes.map((n): [string, string] => ["Note", n]),
      ],
    });
    return sendExport(services, request, reply, d, {
      councilId: council.id,
      versionId: l.meta.versionId,
      detail: { format: "xlsx", what: "gap", forecast: l.meta.id, settings: l.gap.settings },
    });
  });

  app.get("/gap/download/gap.json", { config: VIEWER }, async (request, reply) => {
    const l = await downloadable(request, reply);
    if (!l) return reply;
    const council = councilOf(request);
    return sendExport(
      services,
      request,
      reply,
      {
        filename: `${slug(council.name)}-gap-${l.result.start}.json`,
        contentType: "application/json; charset=utf-8",
        body: `${JSON.stringify(l.gap, null, 2)}\n`,
      },
      {
        councilId: council.id,
        versionId: l.meta.versionId,
        detail: { format: "json", what: "gap", forecast: l.meta.id, settings: l.gap.settings },
      },
    );
  });
}
