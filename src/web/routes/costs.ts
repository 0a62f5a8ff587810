import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ACTUAL_COST_COLUMNS } from "../../core/finance/actual-costs.js";
import {
  COST_CATEGORIES,
  COST_CATEGORY_LABELS,
  type CostCategory,
  PROVIDER_LABELS,
  PROVIDERS,
  type Provider,
} from "../../core/finance/categories.js";
import type { CostsReport } from "../../core/finance/costs-report.js";
import {
  type FinancialYear,
  financialYearOf,
  fyLabel,
  parseFinancialYear,
} from "../../core/finance/financial-years.js";
import { costsTables, type PlanTable } from "../../reports/plan-tables.js";
import type { VersionMeta } from "../data/datasets.js";
import {
  addError,
  decimalNumber,
  type FormErrors,
  field,
  hasErrors,
  noErrors,
  zodErrors,
} from "../forms/forms.js";
import { actorOf } from "../middleware/set-up-authentication.js";
import { actualCharts } from "../services/plan-charts.js";
import { hasRole } from "../services/users.js";
import { ANALYST, councilOf, idParam, uploadLimitMessage, userOf, VIEWER } from "./helpers.js";
import type { RouteOptions } from "./index.js";
import { sendPlanTableCsv } from "./plan-table-csv.js";
import { planTableView, sendExport, tableIdOf } from "./plan-view.js";

/** Inflation rates can be set for this many financial years from the budget's first. */
const RATE_YEARS = 10;

const SetCost = z.object({
  category: z.enum(COST_CATEGORIES, { message: "Select a placement category" }),
  provider: z.enum(PROVIDERS, { message: "Select who provides the placement" }),
  year: field(
    z
      .string()
      .trim()
      .min(1, "Enter the financial year of the price")
      .refine((s) => parseFinancialYear(s) !== undefined, {
        message: "Enter the financial year of the price like 2025/26",
      })
      .transform((s) => parseFinancialYear(s)!),
  ),
  weekly: decimalNumber({
    what: "the weekly cost",
    name: "the weekly cost",
    min: 0,
    max: 1_000_000,
    unit: " pounds",
  }),
  source: field(z.string().trim().max(300, "Source must be 300 characters or fewer")),
});

/** The tables of the costs page: unit costs by year, where each comes from, inflation and the table in use. */
function costTables(r: CostsReport): PlanTable[] {
  return costsTables(r).filter((t) => t.section === "costs");
}

const categoryItems = (selected: unknown) => [
  { value: "", text: "Choose a category", selected: !selected },
  ...COST_CATEGORIES.map((c) => ({ value: c, text: COST_CATEGORY_LABELS[c], selected: c === selected })),
];
const providerItems = (selected: unknown) => [
  { value: "", text: "Choose a provider", selected: !selected },
  ...PROVIDERS.map((p) => ({ value: p, text: PROVIDER_LABELS[p], selected: p === selected })),
];

/**
 * Unit costs and inflation (everyone given the council reads them; analysts
 * and administrators change them, every change audited), and the council's
 * actual costs per child-placement (child-level: analysts only, every view
 * audited).
 */
export async function costsRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;

  /** The active version, the budget's years (the latest forecast's, else the five after the data) and the report. */
  const load = async (request: FastifyRequest, reply: FastifyReply) => {
    const council = councilOf(request);
    const version = await services.datasets.active(council.id);
    if (!version) {
      await reply.view("pages/no-data.njk", {});
      return undefined;
    }
    const meta = await services.forecasts.latestDone(council.id, version.id);
    const result = meta ? await services.forecasts.result(council.id, meta.id) : undefined;
    const lastData = version.summary.years.at(-1) ?? financialYearOf(Date.now() / 86_400_000) - 1;
    const years: FinancialYear[] = result
      ? result.runDays.years.map((y) => parseFinancialYear(y)!)
      : Array.from({ length: 5 }, (_, i) => lastData + 1 + i);
    // The unit costs of the budget's years: the same report as the budget's, without its forecast days.
    const report = await services.plan.costsReport(council, version.id, undefined, years);
    return { version, years, report, tables: costTables(report) };
  };

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors,
    rateValues?: Record<string, unknown>,
    rateErrors: FormErrors = noErrors(),
    status = 200,
  ) => {
    const l = await load(request, reply);
    if (!l) return reply;
    const council = councilOf(request);
    const [entries, rates] = await Promise.all([
      services.costs.entries(council.id),
      services.costs.rates(council.id),
    ]);
    const first = l.years[0]!;
    const rateYears = Array.from({ length: RATE_YEARS }, (_, i) => first + i);
    const rv =
      rateValues ??
      Object.fromEntries(rateYears.map((y) => [`rate-${y}`, rates.has(y) ? String(rates.get(y)) : ""]));
    return reply.code(status).view("pages/costs.njk", {
      version: l.version,
      tables: l.tables.map((t) => planTableView(t, { base: "/costs", fold: t.rows.length > 12 })),
      entries: entries.map((e) => ({
        ...e,
        label: `${COST_CATEGORY_LABELS[e.category as CostCategory] ?? e.category}: ${PROVIDER_LABELS[e.provider as Provider] ?? e.provider}`,
        yearLabel: fyLabel(e.year),
      })),
      canEdit: hasRole(userOf(request).role, "analyst"),
      values,
      errors: hasErrors(errors) ? errors : rateErrors,
      costErrors: errors,
      categories: categoryItems(values.category),
      providers: providerItems(values.provider),
      rates: rateYears.map((y) => ({
        year: y,
        label: fyLabel(y),
        name: `rate-${y}`,
        value: rv[`rate-${y}`] ?? "",
      })),
      rateErrors,
      notes: l.report.notes,
    });
  };

  app.get("/costs", { config: VIEWER }, async (request, reply) => {
    // "Change" links fill the form with an entry's key.
    const q = (request.query ?? {}) as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    if (COST_CATEGORIES.includes(q.category as CostCategory)) values.category = q.category;
    if (PROVIDERS.includes(q.provider as Provider)) values.provider = q.provider;
    const y = typeof q.year === "string" ? parseFinancialYear(q.year) : undefined;
    if (y !== undefined) values.year = fyLabel(y);
    return show(request, reply, values, noErrors());
  });

  app.post("/costs/entries", { config: ANALYST }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = SetCost.safeParse(body);
    if (!parsed.success)
      return show(
        request,
        reply,
        body,
        zodErrors(parsed.error, { category: "category", provider: "provider" }),
        undefined,
        noErrors(),
        400,
      );
    const c = parsed.data;
    await services.costs.setEntry(actorOf(request), councilOf(request).id, {
      category: c.category,
      provider: c.provider,
      year: c.year,
      weekly: Math.round(c.weekly! * 100) / 100,
      source: c.source || "The council's own figure",
    });
    return reply.redirect("/costs#own-costs", 303);
  });

  app.post("/costs/entries/:id/remove", { config: ANALYST }, async (request, reply) => {
    const id = idParam(request);
    if (!id || !(await services.costs.removeEntry(actorOf(request), councilOf(request).id, id)))
      return reply.callNotFound();
    return reply.redirect("/costs#own-costs", 303);
  });

  app.post("/costs/inflation", { config: ANALYST }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const first = l.years[0]!;
    const rates = new Map<number, number>();
    const errors = noErrors();
    for (let y = first; y < first + RATE_YEARS; y++) {
      const name = `rate-${y}`;
      const r = decimalNumber({
        what: `the rate for ${fyLabel(y)}`,
        name: `the rate for ${fyLabel(y)}`,
        min: -50,
        max: 100,
        optional: true,
        unit: "%",
      }).safeParse(body[name]);
      if (!r.success) addError(errors, name, r.error.issues[0]!.message);
      else if (r.data !== null) rates.set(y, r.data);
    }
    if (hasErrors(errors)) return show(request, reply, {}, noErrors(), body, errors, 400);
    await services.costs.setInflation(actorOf(request), councilOf(request).id, rates);
    return reply.redirect("/costs#inflation-rates", 303);
  });

  app.get("/costs/tables/:file", { config: VIEWER }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    return sendPlanTableCsv(services, request, reply, l.tables, "costs", {
      versionId: l.version.id,
      detail: {},
    });
  });

  app.get("/costs/download/costs.xlsx", { config: VIEWER }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    const council = councilOf(request);
    const d = await services.exports.planWorkbook(l.tables, council.name, "unit-costs", {
      title: "Unit costs and inflation",
      facts: [
        ["Years", `${fyLabel(l.years[0]!)} to ${fyLabel(l.years.at(-1)!)}`],
        ["Data version", String(l.version.number ?? "")],
        ...l.report.notes.map((n): [string, string] => ["Note", n]),
      ],
    });
    return sendExport(services, request, reply, d, {
      councilId: council.id,
      versionId: l.version.id,
      detail: { format: "xlsx", what: "costs" },
    });
  });

  // Actual costs: child-level, analysts only.

  const actualTables = async (councilId: string, version: VersionMeta) => {
    const summary = await services.plan.actualSummary(councilId, version.id);
    if (!summary) return undefined;
    const report: CostsReport = {
      costTable: [],
      inflation: [],
      providerMix: {
        mix: {} as CostsReport["providerMix"]["mix"],
        from: {} as CostsReport["providerMix"]["from"],
      },
      budget: null,
      scenarios: [],
      historic: null,
      actual: summary,
      notes: [],
    };
    return { summary, tables: costsTables(report).filter((t) => t.section === "actual") };
  };

  const showActual = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FormErrors,
    status = 200,
  ) => {
    const council = councilOf(request);
    const version = await services.datasets.active(council.id);
    if (!version) return reply.view("pages/no-data.njk", {});
    const meta = await services.costs.actualMeta(council.id);
    const a = meta ? await actualTables(council.id, version) : undefined;
    if (a)
      await services.audit.record(actorOf(request), "actual-costs.view", {
        councilId: council.id,
        versionId: version.id,
        detail: { file: meta!.name, sha256: meta!.sha256 },
      });
    const charts = a ? actualCharts(a.summary) : {};
    return reply.code(status).view("pages/costs-actual.njk", {
      version,
      meta,
      asOf: a?.summary.asOf,
      tables: (a?.tables ?? []).map((t) =>
        planTableView(t, { base: "/costs/actual", chart: charts[t.id], fold: t.rows.length > 12 }),
      ),
      errors,
      columns: ACTUAL_COST_COLUMNS.join(","),
    });
  };

  app.get("/costs/actual", { config: ANALYST }, async (request, reply) =>
    showActual(request, reply, noErrors()),
  );

  app.post("/costs/actual", { config: ANALYST }, async (request, reply) => {
    const council = councilOf(request);
    if (!request.isMultipart())
      return showActual(
        request,
        reply,
        addError(noErrors(), "file", "Select a CSV file of actual costs"),
        400,
      );
    let file: { name: string; bytes: Uint8Array } | undefined;
    let files = 0;
    let useInBudget = false;
    try {
      for await (const part of request.parts()) {
        if (part.type === "file") {
          const bytes = new Uint8Array(await part.toBuffer());
          if (!part.filename) continue;
          files += 1;
          file ??= { name: part.filename.replace(/^.*[\\/]/, "").slice(0, 200), bytes };
        } else if (part.fieldname === "useInBudget" && part.value === "yes") useInBudget = true;
      }
    } catch (e) {
      const problem = uploadLimitMessage(e, o.maxFileBytes);
      if (!problem) throw e;
      return showActual(request, reply, addError(noErrors(), "file", problem), 400);
    }
    // One file replaces the actual costs; a second is refused, not quietly left out.
    if (files > 1) return showActual(request, reply, addError(noErrors(), "file", "Select one file"), 400);
    if (!file || file.bytes.byteLength === 0)
      return showActual(
        request,
        reply,
        addError(noErrors(), "file", "Select a CSV file of actual costs"),
        400,
      );
    const r = await services.costs.uploadActual(actorOf(request), council.id, file, useInBudget);
    if (!r.ok) {
      const errors = noErrors();
      for (const p of r.problems.slice(0, 20)) {
        const where = [p.row ? `row ${p.row}` : "", p.field ?? ""].filter(Boolean).join(", ");
        errors.list.push({ text: `${file.name}${where ? `, ${where}` : ""}: ${p.rule}`, href: "#file" });
      }
      if (r.problems.length > 20)
        errors.list.push({ text: `and ${r.problems.length - 20} more problems`, href: "#file" });
      errors.byField.file = { text: "The file has problems: see the list at the top of the page" };
      return showActual(request, reply, errors, 400);
    }
    return reply.redirect("/costs/actual", 303);
  });

  app.post("/costs/actual/remove", { config: ANALYST }, async (request, reply) => {
    await services.costs.removeActual(actorOf(request), councilOf(request).id);
    return reply.redirect("/costs/actual", 303);
  });

  app.get("/costs/actual/tables/:file", { config: ANALYST }, async (request, reply) => {
    const id = tableIdOf(request);
    const council = councilOf(request);
    const version = await services.datasets.active(council.id);
    const a = version ? await actualTables(council.id, version) : undefined;
    const t = a?.tables.find((x) => x.id === id);
    if (!t || !version) return reply.callNotFound();
    return sendExport(services, request, reply, services.exports.planTable(t, council.name, "actual-costs"), {
      councilId: council.id,
      versionId: version.id,
      detail: { format: "csv", what: "actual costs", table: t.id },
    });
  });
}
