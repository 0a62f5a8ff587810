import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { formatUK } from "../../core/dates.js";
import { TABLES, type TableKey } from "../../core/ssda903/tables.js";
import { reportCsv } from "../../core/ssda903/validation/report.js";
import { yearLabel } from "../../core/ssda903/years.js";
import { addError, type FormErrors, noErrors } from "../forms/forms.js";
import { actorOf } from "../middleware/set-up-authentication.js";
import type { UploadedFile } from "../services/upload-reading.js";
import { ANALYST, councilOf, idParam, sendDownload } from "./helpers.js";
import type { RouteOptions } from "./index.js";

const PER_PAGE = 100;

/** The issues page's address: a rule to show (or all), and a page; anything odd falls back to the first page of all. */
const IssuesQuery = z.object({
  rule: z.string().max(40).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** Multipart errors that mean "the user sent too much", with what to tell them. */
function uploadLimitMessage(e: unknown, o: RouteOptions): string | undefined {
  const code = (e as { code?: string }).code;
  const mb = Math.round(o.maxFileBytes / 1024 / 1024);
  switch (code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return `Each file must be smaller than ${mb} MB`;
    case "FST_FILES_LIMIT":
      return `Select up to ${o.maxFiles} files at a time`;
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
      return `Select up to ${o.maxFiles} files at a time`;
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return "Select at least one file";
    default:
      return undefined;
  }
}

function date(d: number | null): string {
  return d === null || Number.isNaN(d) ? "" : formatUK(d);
}

/**
 * Data: upload a year's 903 files (and population, comparator, postcode
 * files), read the validation report, accept the upload as a new immutable
 * version or discard it, list versions and choose the active one. Analysts
 * only; everything here is of the current council, and an id of another
 * council's version is simply not found.
 */
export async function dataRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;

  const versionOr404 = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = idParam(request);
    const version = id ? await services.datasets.get(councilOf(request).id, id) : undefined;
    if (!version) {
      await reply.callNotFound();
      return undefined;
    }
    return version;
  };

  app.get("/data", { config: ANALYST }, async (request, reply) => {
    const versions = await services.datasets.list(councilOf(request).id);
    return reply.view("pages/data/index.njk", {
      accepted: versions.filter((v) => v.state === "accepted"),
      pending: versions.filter((v) => v.state === "pending"),
    });
  });

  const showUpload = (reply: FastifyReply, errors: FormErrors, label: string, status = 200) =>
    reply.code(status).view("pages/data/upload.njk", {
      errors,
      label,
      maxFiles: o.maxFiles,
      maxMb: Math.round(o.maxFileBytes / 1024 / 1024),
    });

  app.get("/data/upload", { config: ANALYST }, async (_request, reply) => showUpload(reply, noErrors(), ""));

  app.post("/data/upload", { config: ANALYST }, async (request, reply) => {
    const files: UploadedFile[] = [];
    let label = "";
    if (!request.isMultipart()) {
      return showUpload(reply, addError(noErrors(), "files", "Select at least one file"), "", 400);
    }
    try {
      for await (const part of request.parts()) {
        if (part.type === "file") {
          const bytes = await part.toBuffer();
          if (part.filename) files.push({ name: part.filename, bytes: new Uint8Array(bytes) });
        } else if (part.fieldname === "label" && typeof part.value === "string") {
          label = part.value.trim().slice(0, 100);
        }
      }
    } catch (e) {
      const message = uploadLimitMessage(e, o);
      if (!message) throw e;
      return showUpload(reply, addError(noErrors(), "files", message), label, 400);
    }
    const result = await services.datasets.stage(actorOf(request), councilOf(request).id, files, label);
    if (!result.ok) {
      const errors = noErrors();
      for (const p of result.problems) {
        errors.list.push({ text: p.message, href: "#files" });
      }
      errors.byField.files = { text: result.problems.map((p) => p.message).join(". ") };
      return showUpload(reply, errors, label, 400);
    }
    return reply.redirect(`/data/versions/${result.versionId}`, 303);
  });

  app.get("/data/versions/:id", { config: ANALYST }, async (request, reply) => {
    const version = await versionOr404(request, reply);
    if (!version) return reply;
    const files = await services.datasets.files(version.councilId, version.id);
    return reply.view("pages/data/version.njk", {
      version,
      files: files.map((f) => ({
        ...f,
        tableName: f.table ? (TABLES[f.table as TableKey]?.name ?? f.table) : null,
        yearLabel: f.year ? yearLabel(f.year) : null,
      })),
      years: version.summary.years.map(yearLabel),
    });
  });

  app.get("/data/versions/:id/issues", { config: ANALYST }, async (request, reply) => {
    const version = await versionOr404(request, reply);
    if (!version) return reply;
    const { rule, page } = IssuesQuery.parse(request.query ?? {});
    const report = await services.datasets.report(version.councilId, version.id);
    const issues = (report?.issues ?? []).filter((i) => !rule || i.rule === rule);
    const pages = Math.max(1, Math.ceil(issues.length / PER_PAGE));
    await services.audit.record(actorOf(request), "validation.view", {
      councilId: version.councilId,
      versionId: version.id,
      detail: { rule: rule || null, page },
    });
    return reply.view("pages/data/issues.njk", {
      version,
      rule,
      ruleSummary: version.summary.byRule.find((r) => r.rule === rule) ?? null,
      issues: issues.slice((page - 1) * PER_PAGE, page * PER_PAGE),
      total: issues.length,
      page,
      pages,
    });
  });

  app.get("/data/versions/:id/report.csv", { config: ANALYST }, async (request, reply) => {
    const version = await versionOr404(request, reply);
    if (!version) return reply;
    const report = await services.datasets.report(version.councilId, version.id);
    if (!report) return reply.callNotFound();
    const filename = `validation-report-${version.number ?? "pending"}.csv`;
    await services.audit.record(actorOf(request), "export", {
      councilId: version.councilId,
      versionId: version.id,
      detail: { format: "csv", what: "validation report", file: filename },
    });
    return sendDownload(reply, {
      filename,
      contentType: "text/csv; charset=utf-8",
      body: `${reportCsv(report)}\r\n`,
    });
  });

  app.post("/data/versions/:id/accept", { config: ANALYST }, async (request, reply) => {
    const version = await versionOr404(request, reply);
    if (!version) return reply;
    const number = await services.datasets.accept(actorOf(request), version.councilId, version.id);
    if (number === undefined) return reply.redirect(`/data/versions/${version.id}`, 303);
    await services.profiles.bundle(councilOf(request), version.id);
    return reply.redirect(`/data/versions/${version.id}?accepted=1`, 303);
  });

  app.post("/data/versions/:id/discard", { config: ANALYST }, async (request, reply) => {
    const version = await versionOr404(request, reply);
    if (!version) return reply;
    await services.datasets.discard(actorOf(request), version.councilId, version.id);
    return reply.redirect("/data", 303);
  });

  app.post("/data/versions/:id/activate", { config: ANALYST }, async (request, reply) => {
    const version = await versionOr404(request, reply);
    if (!version) return reply;
    await services.councils.activate(actorOf(request), version.councilId, version.id);
    return reply.redirect("/data", 303);
  });

  app.get("/data/versions/:id/children/:child", { config: ANALYST }, async (request, reply) => {
    const version = await versionOr404(request, reply);
    if (!version) return reply;
    const childId = String((request.params as { child: string }).child).slice(0, 100);
    const child = await services.datasets.child(version.councilId, version.id, childId);
    if (!child) return reply.callNotFound();
    await services.audit.record(actorOf(request), "child.view", {
      councilId: version.councilId,
      versionId: version.id,
      detail: { child: childId },
    });
    const h = child.history;
    return reply.view("pages/data/child.njk", {
      version,
      child: {
        id: child.id,
        sex: h.sex,
        dob: date(h.dob),
        ethnic: h.ethnic,
        uasc: h.uasc ? { duc: date(h.uasc.DUC) } : null,
        episodes: h.episodes.map((e) => ({
          decom: date(e.DECOM),
          dec: date(e.DEC),
          rne: e.RNE,
          ls: e.LS,
          cin: e.CIN,
          place: e.PLACE,
          provider: e.PLACE_PROVIDER,
          rec: e.REC,
          year: yearLabel(e.year),
          fixes: (e.fixes ?? []).join(", "),
        })),
      },
      issues: child.issues,
    });
  });
}
