import { type History, rebuildHistory } from "../../core/ssda903/history.js";
import { toReport, type ValidationReport } from "../../core/ssda903/validation/report.js";
import { defaultRegistry } from "../../core/ssda903/validation/rules/index.js";
import { validate } from "../../core/ssda903/validation/validate.js";
import type { DatasetRepository, FileMeta, VersionMeta } from "../data/datasets.js";
import type { VersionSummary } from "../db/schema.js";
import type { Actor, AuditService } from "./audit.js";
import { decodeHistory, encodeHistory, gunzipJson, gzipJson } from "./history-codec.js";
import { LruCache } from "./lru.js";
import { readUpload, type UploadedFile, type UploadProblem } from "./upload-reading.js";

export type StageResult = { ok: true; versionId: string } | { ok: false; problems: UploadProblem[] };

/** A child's rebuilt history and the validation issues about them (child-level: analysts only, audited). */
export interface ChildView {
  id: string;
  history: History["children"][number];
  issues: ValidationReport["issues"];
}

/**
 * Dataset versions: an upload is read, validated and rebuilt, then stored
 * whole as a pending version; accepting it makes it an immutable, numbered
 * version and the council's active one.
 */
export class DatasetService {
  private readonly histories = new LruCache<string, Promise<History>>(4);

  constructor(
    private readonly repo: DatasetRepository,
    private readonly audit: AuditService,
  ) {}

  async stage(
    actor: Actor,
    councilId: string,
    files: readonly UploadedFile[],
    label = "",
  ): Promise<StageResult> {
    const read = readUpload(files);
    if (!read.ok) return read;
    const { data, readIssues, files: stored } = read.read;
    const result = validate(data, defaultRegistry, readIssues);
    const report = toReport(data.files, result);
    const history = rebuildHistory(data);
    const summary: VersionSummary = {
      files: stored.map((f) => ({ name: f.name, kind: f.kind, table: f.table, year: f.year, rows: f.rows })),
      byRule: Object.values(result.summary.byRule)
        .map((r) => ({ rule: r.rule, severity: r.severity, message: r.message, count: r.count }))
        .sort(
          (a, b) =>
            (a.severity === "error" ? 0 : 1) - (b.severity === "error" ? 0 : 1) ||
            b.count - a.count ||
            a.rule.localeCompare(b.rule),
        ),
      notRun: result.skipped.length,
      fixes: history.fixes.length,
      years: history.years,
    };
    const versionId = await this.repo.createPending({
      councilId,
      createdBy: actor.userId,
      label,
      errors: result.summary.errors,
      queries: result.summary.queries,
      children: history.children.length,
      episodes: history.children.reduce((n, c) => n + c.episodes.length, 0),
      summary,
      report: await gzipJson(report),
      history: await encodeHistory(history),
      files: stored,
    });
    await this.audit.record(actor, "dataset.upload", {
      councilId,
      versionId,
      detail: {
        files: stored.map((f) => ({ name: f.name, sha256: f.sha256 })),
        errors: result.summary.errors,
        queries: result.summary.queries,
      },
    });
    return { ok: true, versionId };
  }

  async accept(actor: Actor, councilId: string, versionId: string): Promise<number | undefined> {
    const number = await this.repo.accept(councilId, versionId, actor.userId);
    if (number !== undefined) {
      await this.audit.record(actor, "dataset.accept", { councilId, versionId, detail: { number } });
    }
    return number;
  }

  async discard(actor: Actor, councilId: string, versionId: string): Promise<boolean> {
    const done = await this.repo.discard(councilId, versionId);
    if (done) await this.audit.record(actor, "dataset.discard", { councilId, versionId });
    return done;
  }

  list(councilId: string): Promise<VersionMeta[]> {
    return this.repo.list(councilId);
  }

  get(councilId: string, versionId: string): Promise<VersionMeta | undefined> {
    return this.repo.get(councilId, versionId);
  }

  active(councilId: string): Promise<VersionMeta | undefined> {
    return this.repo.active(councilId);
  }

  previousAccepted(councilId: string, number: number): Promise<VersionMeta | undefined> {
    return this.repo.previousAccepted(councilId, number);
  }

  files(councilId: string, versionId: string): Promise<FileMeta[]> {
    return this.repo.files(councilId, versionId);
  }

  contents: DatasetRepository["contents"] = (councilId, versionId, kinds) =>
    this.repo.contents(councilId, versionId, kinds);

  async report(councilId: string, versionId: string): Promise<ValidationReport | undefined> {
    const bytes = await this.repo.blob(councilId, versionId, "report");
    return bytes ? gunzipJson<ValidationReport>(bytes) : undefined;
  }

  /** The stored history of a version (kept in memory for the few most recently used). */
  async history(councilId: string, versionId: string): Promise<History | undefined> {
    const key = `${councilId}/${versionId}`;
    let h = this.histories.get(key);
    if (!h) {
      const bytes = await this.repo.blob(councilId, versionId, "history");
      if (!bytes) return undefined;
      h = decodeHistory(bytes);
      this.histories.set(key, h);
      h.catch(() => this.histories.delete(key));
    }
    return h;
  }

  async child(councilId: string, versionId: string, childId: string): Promise<ChildView | undefined> {
    const history = await this.history(councilId, versionId);
    const record = history?.byId.get(childId);
    if (!record) return undefined;
    const report = await this.report(councilId, versionId);
    return {
      id: childId,
      history: record,
      issues: (report?.issues ?? []).filter((i) => i.child === childId),
    };
  }
}
