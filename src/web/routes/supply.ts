import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatISO } from "../../core/dates.js";
import { REGISTER_COLUMNS, REGISTER_FILES } from "../../core/supply/register-csv.js";
import { supplyTables } from "../../reports/plan-tables.js";
import type { SupplyKind } from "../db/schema.js";
import {
  addError,
  dateInput,
  dateParts,
  type FormErrors,
  hasErrors,
  noErrors,
  text,
  wholeNumber,
} from "../forms/forms.js";
import { actorOf } from "../middleware/set-up-authentication.js";
import { slug } from "../services/exports.js";
import { supplyCharts } from "../services/plan-charts.js";
import { recordOf, SUPPLY_KIND_LABELS, SUPPLY_KINDS } from "../services/supply.js";
import { hasRole } from "../services/users.js";
import { ANALYST, councilOf, idParam, sendDownload, uploadLimitMessage, userOf, VIEWER } from "./helpers.js";
import type { RouteOptions } from "./index.js";
import { sendPlanTableCsv } from "./plan-table-csv.js";
import { planTableView, queryString, sendExport } from "./plan-view.js";
import {
  ENDS,
  FIELDS,
  formValues,
  listColumns,
  recordFromForm,
  schemaMessage,
  theDate,
} from "./supply-fields.js";

const PER_PAGE = 50;

const Target = wholeNumber({
  what: "the approvals target",
  name: "the approvals target",
  min: 0,
  max: 10_000,
  optional: true,
});

type Done = "added" | "changed" | "ended" | "reopened" | "imported";

/** Where a change returns to: the list, saying what was done (shown in a success banner). */
function done(kind: SupplyKind, what: Done, ref: string): string {
  return `/supply/register/${kind}?done=${what}&changed=${encodeURIComponent(ref)}`;
}

/** The success banner's words for the list's `done` query (only these words, with the record's reference). */
function bannerText(kind: SupplyKind, q: Record<string, unknown>): string | undefined {
  const ref = typeof q.changed === "string" ? q.changed.slice(0, 40) : "";
  const n = (v: unknown) => (typeof v === "string" && /^\d{1,7}$/.test(v) ? Number(v) : 0);
  switch (q.done) {
    case "added":
      return `${ref} added`;
    case "changed":
      return `${ref} changed`;
    case "ended":
      return `${ref}: ${ENDS[kind].label.toLowerCase()} saved`;
    case "reopened":
      return `${ref}: ${ENDS[kind].label.toLowerCase()} taken away`;
    case "imported": {
      const a = n(q.added);
      const r = n(q.replaced);
      return `Imported ${a + r} ${a + r === 1 ? "record" : "records"}: ${a} added, ${r} replaced`;
    }
    default:
      return undefined;
  }
}

/** GOV.UK pagination: previous and next, the first and last pages, and the pages either side of this one. */
export function pagination(base: string, page: number, pages: number) {
  if (pages <= 1) return undefined;
  const items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }> = [];
  let last = 0;
  for (let p = 1; p <= pages; p++) {
    if (p !== 1 && p !== pages && Math.abs(p - page) > 1) continue;
    if (p - last > 1) items.push({ ellipsis: true });
    items.push({ number: p, href: `${base}${p}`, current: p === page });
    last = p;
  }
  return {
    ...(page > 1 ? { previous: { href: `${base}${page - 1}` } } : {}),
    ...(page < pages ? { next: { href: `${base}${page + 1}` } } : {}),
    items,
  };
}

/**
 * Supply: the measures of the council's register (everyone given the
 * council reads them), and the register itself (analysts: list, add,
 * change, end, import and export; every change audited).
 */
export async function supplyRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;

  /** The measures page's settings: the day of the counts and the approvals target (GET form). */
  const settings = (request: FastifyRequest) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const errors = noErrors();
    const at = dateInput(q, "at", "the date of the counts", false);
    if (!at.ok) addError(errors, "at", at.message, "at-day");
    const target = Target.safeParse(q.target);
    if (!target.success) addError(errors, "target", target.error.issues[0]!.message);
    return {
      errors,
      at: at.ok ? (at.day ?? undefined) : undefined,
      target: target.success ? (target.data ?? undefined) : undefined,
      values: q,
    };
  };

  const load = async (request: FastifyRequest, reply: FastifyReply) => {
    const council = councilOf(request);
    const version = await services.datasets.active(council.id);
    if (!version) {
      await reply.view("pages/no-data.njk", {});
      return undefined;
    }
    const s = settings(request);
    const { report, at } = await services.plan.supplyReport(council, version.id, s.at, s.target);
    const query = queryString({
      ...(s.at !== undefined
        ? Object.fromEntries(Object.entries(dateParts(s.at)).map(([k, v]) => [`at-${k}`, v]))
        : {}),
      target: s.target,
    });
    return { version, s, report, at, query, tables: supplyTables(report) };
  };

  app.get("/supply", { config: VIEWER }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    const charts = supplyCharts(l.report);
    const values = hasErrors(l.s.errors)
      ? l.s.values
      : {
          ...Object.fromEntries(Object.entries(dateParts(l.at)).map(([k, v]) => [`at-${k}`, v])),
          target: l.s.target ?? "",
        };
    return reply.code(hasErrors(l.s.errors) ? 400 : 200).view("pages/supply/index.njk", {
      version: l.version,
      errors: l.s.errors,
      values,
      at: formatISO(l.at),
      tables: l.tables.map((t) => planTableView(t, { base: "/supply", query: l.query, chart: charts[t.id] })),
      query: l.query,
      canEdit: hasRole(userOf(request).role, "analyst"),
      notes: l.report.notes,
    });
  });

  app.get("/supply/tables/:file", { config: VIEWER }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    return sendPlanTableCsv(services, request, reply, l.tables, "supply", {
      versionId: l.version.id,
      detail: {},
    });
  });

  app.get("/supply/download/supply.xlsx", { config: VIEWER }, async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    const council = councilOf(request);
    const d = await services.exports.planWorkbook(l.tables, council.name, `supply-${formatISO(l.at)}`, {
      title: "In-house supply",
      facts: [
        ["Counts on", formatISO(l.at)],
        ["Approvals target", l.s.target === undefined ? "none given" : `${l.s.target} a year`],
        ["Data version (occupancy)", String(l.version.number ?? "")],
      ],
    });
    return sendExport(services, request, reply, d, {
      councilId: council.id,
      versionId: l.version.id,
      detail: { format: "xlsx", what: "supply" },
    });
  });

  // The register (analysts).

  const kindOf = (request: FastifyRequest): SupplyKind | undefined => {
    const k = (request.params as { kind?: string }).kind;
    return SUPPLY_KINDS.includes(k as SupplyKind) ? (k as SupplyKind) : undefined;
  };

  app.get("/supply/register", { config: ANALYST }, async (request, reply) => {
    const counts = await services.supply.counts(councilOf(request).id);
    return reply.view("pages/supply/register.njk", {
      kinds: SUPPLY_KINDS.map((k) => ({ kind: k, label: SUPPLY_KIND_LABELS[k].plural, count: counts[k] })),
    });
  });

  app.get("/supply/register/:kind", { config: ANALYST }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    const council = councilOf(request);
    const q = (request.query ?? {}) as Record<string, unknown>;
    const find = typeof q.ref === "string" ? q.ref.trim().slice(0, 40) : "";
    const all = await services.supply.list(council.id, kind);
    const rows = find ? all.filter((r) => r.ref.toLowerCase().includes(find.toLowerCase())) : all;
    const pages = Math.max(1, Math.ceil(rows.length / PER_PAGE));
    const page = Math.min(pages, Math.max(1, Math.floor(Number(q.page)) || 1));
    const cols = listColumns(kind);
    return reply.view("pages/supply/list.njk", {
      kind,
      label: SUPPLY_KIND_LABELS[kind],
      total: all.length,
      found: rows.length,
      find,
      banner: bannerText(kind, q),
      page,
      pages,
      pagination: pagination(
        `/supply/register/${kind}?${find ? `ref=${encodeURIComponent(find)}&` : ""}page=`,
        page,
        pages,
      ),
      head: cols,
      rows: rows.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((r) => {
        const rec = recordOf(r, council.name);
        return {
          id: r.id,
          ref: r.ref,
          cells: cols.map((c) => ({ text: c.value(rec), numeric: c.numeric ?? false })),
        };
      }),
    });
  });

  const fieldView = (kind: SupplyKind, values: Record<string, unknown>) =>
    FIELDS[kind].map((f) => ({
      ...f,
      value: values[f.name],
      day: values[`${f.name}-day`],
      month: values[`${f.name}-month`],
      year: values[`${f.name}-year`],
      items:
        "options" in f
          ? f.options.map((opt) => ({
              ...opt,
              checked: Array.isArray(values[f.name])
                ? (values[f.name] as string[]).includes(opt.value)
                : values[f.name] === opt.value,
              selected: values[f.name] === opt.value,
            }))
          : undefined,
    }));

  const showRecord = (
    reply: FastifyReply,
    kind: SupplyKind,
    o2: {
      id?: string;
      ref?: string;
      values: Record<string, unknown>;
      errors: FormErrors;
      endErrors?: FormErrors;
      endValues?: Record<string, unknown>;
      ended?: string;
      changed?: { at: Date; by: string | null };
    },
    status = 200,
  ) =>
    reply.code(status).view("pages/supply/record.njk", {
      kind,
      label: SUPPLY_KIND_LABELS[kind],
      id: o2.id,
      ref: o2.ref,
      fields: fieldView(kind, o2.values),
      errors: o2.errors,
      endErrors: o2.endErrors ?? noErrors(),
      endValues: o2.endValues ?? {},
      end: ENDS[kind],
      ended: o2.ended,
      changed: o2.changed,
    });

  app.get("/supply/register/:kind/new", { config: ANALYST }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    return showRecord(reply, kind, { values: {}, errors: noErrors() });
  });

  /** Turns a failed save into the form's errors (the field's own message, the GOV.UK way). */
  const saveErrors = (kind: SupplyKind, r: { field: string; message: string }) => {
    const field = r.field === "council" ? "id" : r.field;
    const isDate = FIELDS[kind].some((f) => f.name === field && f.type === "date");
    const message = r.message.startsWith("There is") ? r.message : schemaMessage(kind, field, r.message);
    return addError(noErrors(), field, message, isDate ? `${field}-day` : field);
  };

  app.post("/supply/register/:kind", { config: ANALYST }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    const council = councilOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { record, errors } = recordFromForm(kind, body, council.name);
    if (hasErrors(errors)) return showRecord(reply, kind, { values: body, errors }, 400);
    const r = await services.supply.create(actorOf(request), council, kind, {
      ...record,
      id: text(body, "id"),
    });
    if (!r.ok) return showRecord(reply, kind, { values: body, errors: saveErrors(kind, r) }, 400);
    return reply.redirect(done(kind, "added", text(body, "id")), 303);
  });

  const rowOr404 = async (request: FastifyRequest, reply: FastifyReply, kind: SupplyKind) => {
    const id = idParam(request);
    const row = id ? await services.supply.get(councilOf(request).id, kind, id) : undefined;
    if (!row) {
      await reply.callNotFound();
      return undefined;
    }
    return row;
  };

  const endedText = (kind: SupplyKind, rec: Record<string, unknown>) => {
    const e = rec[ENDS[kind].name];
    return typeof e === "number" ? formatISO(e) : undefined;
  };

  app.get("/supply/register/:kind/:id", { config: ANALYST }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    const row = await rowOr404(request, reply, kind);
    if (!row) return reply;
    const rec = recordOf(row, councilOf(request).name);
    return showRecord(reply, kind, {
      id: row.id,
      ref: row.ref,
      values: formValues(kind, rec),
      errors: noErrors(),
      ended: endedText(kind, rec),
      endValues: { reason: rec.deregistrationReason ?? "" },
      changed: { at: row.updatedAt, by: row.updatedByEmail },
    });
  });

  app.post("/supply/register/:kind/:id", { config: ANALYST }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    const row = await rowOr404(request, reply, kind);
    if (!row) return reply;
    const council = councilOf(request);
    const before = recordOf(row, council.name);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { record, errors } = recordFromForm(kind, body, council.name, before);
    const common = { id: row.id, ref: row.ref, ended: endedText(kind, before) };
    if (hasErrors(errors)) return showRecord(reply, kind, { ...common, values: body, errors }, 400);
    const r = await services.supply.update(actorOf(request), council, kind, row.id, {
      ...record,
      id: text(body, "id"),
    });
    if (!r.ok) return showRecord(reply, kind, { ...common, values: body, errors: saveErrors(kind, r) }, 400);
    return reply.redirect(done(kind, "changed", text(body, "id")), 303);
  });

  app.post("/supply/register/:kind/:id/end", { config: ANALYST }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    const row = await rowOr404(request, reply, kind);
    if (!row) return reply;
    const council = councilOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const end = ENDS[kind];
    const before = recordOf(row, council.name);
    // A record already ended may have its end date taken away (left blank).
    const wasEnded = typeof before[end.name] === "number";
    const d = dateInput(body, "end", end.label.toLowerCase(), !wasEnded);
    const reason = text(body, "reason").slice(0, 200);
    const common = {
      id: row.id,
      ref: row.ref,
      values: formValues(kind, before),
      errors: noErrors(),
      endValues: body,
      ended: endedText(kind, before),
    };
    if (!d.ok) {
      const e = addError(noErrors(), "end", theDate(d.message), "end-day");
      return showRecord(reply, kind, { ...common, errors: e, endErrors: e }, 400);
    }
    const r = await services.supply.end(actorOf(request), council, kind, row.id, d.day, reason);
    if (!r.ok) {
      const e = addError(noErrors(), "end", schemaMessage(kind, end.name, r.message), "end-day");
      return showRecord(reply, kind, { ...common, errors: e, endErrors: e }, 400);
    }
    return reply.redirect(done(kind, d.day === null ? "reopened" : "ended", row.ref), 303);
  });

  const showImport = (reply: FastifyReply, kind: SupplyKind, errors: FormErrors, status = 200) =>
    reply.code(status).view("pages/supply/import.njk", {
      kind,
      label: SUPPLY_KIND_LABELS[kind],
      errors,
      columns: REGISTER_COLUMNS[kind].join(","),
    });

  app.get("/supply/register/:kind/import", { config: ANALYST }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    return showImport(reply, kind, noErrors());
  });

  app.post("/supply/register/:kind/import", { config: ANALYST }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    const none = () => showImport(reply, kind, addError(noErrors(), "file", "Select a CSV file"), 400);
    if (!request.isMultipart()) return none();
    let file: { name: string; bytes: Buffer } | undefined;
    let files = 0;
    try {
      for await (const part of request.parts()) {
        if (part.type !== "file") continue;
        const bytes = await part.toBuffer();
        if (!part.filename) continue;
        files += 1;
        file ??= { name: part.filename.replace(/^.*[\\/]/, "").slice(0, 200), bytes };
      }
    } catch (e) {
      const problem = uploadLimitMessage(e, o.maxFileBytes);
      if (!problem) throw e;
      return showImport(reply, kind, addError(noErrors(), "file", problem), 400);
    }
    // One file is imported at a time; a second is refused, not quietly left out.
    if (files > 1) return showImport(reply, kind, addError(noErrors(), "file", "Select one file"), 400);
    if (!file || file.bytes.byteLength === 0) return none();
    const r = await services.supply.importCsv(actorOf(request), councilOf(request), kind, {
      name: file.name,
      text: file.bytes.toString("utf8"),
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
    });
    if (!r.ok) {
      const errors = noErrors();
      for (const p of r.problems.slice(0, 20)) {
        const where = [p.row ? `row ${p.row}` : "", p.field ?? ""].filter(Boolean).join(", ");
        errors.list.push({ text: `${p.file}${where ? `, ${where}` : ""}: ${p.rule}`, href: "#file" });
      }
      if (r.problems.length > 20)
        errors.list.push({ text: `and ${r.problems.length - 20} more problems`, href: "#file" });
      errors.byField.file = {
        text: "The file has problems: see the list at the top of the page. Nothing was imported.",
      };
      return showImport(reply, kind, errors, 400);
    }
    return reply.redirect(
      `/supply/register/${kind}?done=imported&added=${r.added}&replaced=${r.replaced}`,
      303,
    );
  });

  app.get("/supply/register/:kind/export.csv", { config: ANALYST }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    const council = councilOf(request);
    const body = await services.supply.csv(council, kind);
    await services.audit.record(actorOf(request), "export", {
      councilId: council.id,
      detail: {
        format: "csv",
        what: "supply register",
        kind,
        file: `${slug(council.name)}-${REGISTER_FILES[kind]}`,
      },
    });
    return sendDownload(reply, {
      filename: `${slug(council.name)}-${REGISTER_FILES[kind]}`,
      contentType: "text/csv; charset=utf-8",
      body,
    });
  });
}
