import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CostsReport } from "../../core/finance/costs-report.js";
import { costsTables, type PlanTable } from "../../reports/plan-tables.js";
import { budgetCharts } from "../services/plan-charts.js";
import { councilOf, VIEWER } from "./helpers.js";
import type { RouteOptions } from "./index.js";
import { planForecast } from "./plan-forecast.js";
import { sendPlanTableCsv } from "./plan-table-csv.js";
import { planTableView, queryString, sendExport } from "./plan-view.js";

/** The base and each scenario's expected budget in one table, with the saving of each. */
export function sideBySide(r: CostsReport): PlanTable | undefined {
  const b = r.budget;
  if (!b || r.scenarios.length === 0) return undefined;
  const names = r.scenarios.map((s) => s.name);
  return {
    id: "scenarios.side_by_side",
    section: "scenarios",
    name: "side_by_side",
    title: "The base and each scenario side by side (expected path), £ at each year's prices",
    sheet: "Scenarios side by side",
    columns: ["Financial year", "Base", ...names, ...names.map((n) => `Saving: ${n}`)],
    columnKeys: [
      "label",
      "base",
      ...names.map((_, i) => `scenario_${i + 1}`),
      ...names.map((_, i) => `saving_${i + 1}`),
    ],
    formats: ["text", "money", ...names.map(() => "money" as const), ...names.map(() => "money" as const)],
    rows: b.years.map((y) => {
      const cmp = r.scenarios.map((s) => s.years.find((x) => x.year === y.year)?.expected ?? null);
      return [
        y.year,
        y.expected?.total ?? null,
        ...cmp.map((c) => c?.scenario ?? null),
        ...cmp.map((c) => c?.saving ?? null),
      ];
    }),
    rowKeys: b.years.map((y) => y.year),
    totalRows: [],
    definition:
      "Each scenario's placement cost on its expected path, and its saving (base − scenario). The intervals of each saving, taken run by run, are in the scenario's own table.",
    notes: [],
  };
}

/** The tables of the Budget page: the budget, scenarios side by side and each one's saving, and past spend. */
export function budgetTables(r: CostsReport): PlanTable[] {
  const all = costsTables(r);
  const side = sideBySide(r);
  const pick = (s: string) => all.filter((t) => t.section === s);
  return [...pick("budget"), ...(side ? [side] : []), ...pick("scenarios"), ...pick("historic")];
}

/**
 * The Budget page: the placement budget by financial year for the stored
 * forecast (mean and percentiles of each run's cost, src/core/finance),
 * the base and its scenarios side by side with their savings, and past
 * spend rebuilt from the history. Everyone given the council reads it.
 */
export async function budgetRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;

  const load = async (request: FastifyRequest, reply: FastifyReply) => {
    const f = await planForecast(services, request, reply, "Budget");
    if (!f) return undefined;
    const report = await services.plan.costsReport(councilOf(request), f.meta.versionId, f.result);
    return { ...f, report, tables: budgetTables(report), query: queryString({ forecast: f.meta.id }) };
  };

  app.get("/budget", { config: VIEWER }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    const charts = budgetCharts(l.report);
    const view = (section: string) =>
      l.tables
        .filter((t) => t.section === section)
        // A table with a chart first: the picture, then the detail.
        .sort((x, y) => Number(Boolean(charts[y.id])) - Number(Boolean(charts[x.id])))
        .map((t) => planTableView(t, { base: "/budget", query: l.query, chart: charts[t.id] }));
    return reply.view("pages/budget.njk", {
      version: l.version,
      forecast: l.meta,
      result: l.result,
      choices: l.choices,
      query: l.query,
      budget: view("budget"),
      scenarios: view("scenarios"),
      historic: view("historic"),
      notes: l.report.notes,
      runs: l.report.budget?.runs ?? 0,
    });
  });

  app.get("/budget/tables/:file", { config: VIEWER }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    return sendPlanTableCsv(services, request, reply, l.tables, "budget", {
      versionId: l.meta.versionId,
      detail: { forecast: l.meta.id },
    });
  });

  app.get("/budget/download/budget.xlsx", { config: VIEWER }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    const council = councilOf(request);
    const d = await services.exports.planWorkbook(l.tables, council.name, `budget-${l.result.start}`, {
      title: "Placement budget",
      facts: [
        [
          "Forecast",
          `from ${l.result.start}, ${l.result.years} years, ${l.result.runs} runs (made ${l.meta.createdAt.toISOString()})`,
        ],
        ["Data version", String(l.version.number ?? "")],
        ["Scenarios", l.result.scenarios.map((s) => s.name).join("; ") || "none"],
        ...l.report.notes.map((n): [string, string] => ["Note", n]),
      ],
    });
    return sendExport(services, request, reply, d, {
      councilId: council.id,
      versionId: l.meta.versionId,
      detail: { format: "xlsx", what: "budget", forecast: l.meta.id },
    });
  });
}
