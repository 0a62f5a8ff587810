import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database, ForecastKind, JobStatus } from "../db/schema.js";

/** A stored forecast or backtest without its result. */
export interface ForecastMeta {
  id: string;
  councilId: string;
  versionId: string;
  kind: ForecastKind;
  params: Record<string, unknown>;
  status: JobStatus;
  error: string | null;
  createdAt: Date;
  createdByEmail: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const META = [
  "f.id",
  "f.council_id",
  "f.version_id",
  "f.kind",
  "f.params",
  "f.status",
  "f.error",
  "f.created_at",
  "u.email as created_by_email",
  "f.started_at",
  "f.finished_at",
] as const;

function toMeta(r: {
  id: string;
  council_id: string;
  version_id: string;
  kind: ForecastKind;
  params: Record<string, unknown>;
  status: JobStatus;
  error: string | null;
  created_at: Date;
  created_by_email: string | null;
  started_at: Date | null;
  finished_at: Date | null;
}): ForecastMeta {
  return {
    id: r.id,
    councilId: r.council_id,
    versionId: r.version_id,
    kind: r.kind,
    params: r.params,
    status: r.status,
    error: r.error,
    createdAt: r.created_at,
    createdByEmail: r.created_by_email,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/**
 * Forecasts and backtests of dataset versions, with their job state. Every
 * method that reads a council's rows takes the council and matches on it;
 * the job runner's own methods (claim, finish, fail) work by id alone.
 */
export class ForecastRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private meta() {
    return this.db
      .selectFrom("forecasts as f")
      .leftJoin("users as u", "u.id", "f.created_by")
      .select([...META]);
  }

  /**
   * The row for a version, kind and parameter hash, made (queued) if there is none.
   * `created` says whether this call made it.
   */
  async findOrCreate(r: {
    councilId: string;
    versionId: string;
    kind: ForecastKind;
    params: Record<string, unknown>;
    hash: string;
    engine: string;
    createdBy: string | null;
  }): Promise<{ meta: ForecastMeta; created: boolean }> {
    const id = randomUUID();
    const inserted = await this.db
      .insertInto("forecasts")
      .values({
        id,
        council_id: r.councilId,
        version_id: r.versionId,
        kind: r.kind,
        params: JSON.stringify(r.params),
        params_hash: r.hash,
        engine_version: r.engine,
        status: "queued",
        result: null,
        created_by: r.createdBy,
      })
      .onConflict((oc) => oc.columns(["version_id", "params_hash", "engine_version"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    const meta = await this.meta()
      .where("f.council_id", "=", r.councilId)
      .where("f.version_id", "=", r.versionId)
      .where("f.params_hash", "=", r.hash)
      .where("f.engine_version", "=", r.engine)
      .executeTakeFirst();
    if (!meta) throw new Error("the forecast row could not be found after it was stored");
    return { meta: toMeta(meta), created: inserted !== undefined };
  }

  async get(councilId: string, id: string): Promise<ForecastMeta | undefined> {
    const r = await this.meta()
      .where("f.id", "=", id)
      .where("f.council_id", "=", councilId)
      .executeTakeFirst();
    return r ? toMeta(r) : undefined;
  }

  /** The job runner's view of a row (any council). */
  async byId(id: string): Promise<ForecastMeta | undefined> {
    const r = await this.meta().where("f.id", "=", id).executeTakeFirst();
    return r ? toMeta(r) : undefined;
  }

  async result(councilId: string, id: string): Promise<Uint8Array | undefined> {
    const r = await this.db
      .selectFrom("forecasts")
      .select("result")
      .where("id", "=", id)
      .where("council_id", "=", councilId)
      .where("status", "=", "done")
      .executeTakeFirst();
    return r?.result ?? undefined;
  }

  /** A version's rows of a kind, newest first. */
  async list(councilId: string, versionId: string, kind: ForecastKind): Promise<ForecastMeta[]> {
    const rows = await this.meta()
      .where("f.council_id", "=", councilId)
      .where("f.version_id", "=", versionId)
      .where("f.kind", "=", kind)
      .orderBy("f.created_at", "desc")
      .orderBy("f.id")
      .execute();
    return rows.map(toMeta);
  }

  /** Rows left queued or running (after a restart), oldest first. */
  async unfinished(): Promise<string[]> {
    const rows = await this.db
      .selectFrom("forecasts")
      .select("id")
      .where("status", "in", ["queued", "running"])
      .orderBy("created_at")
      .execute();
    return rows.map((r) => r.id);
  }

  /** Puts a failed (or interrupted) row back in the queue; false when it is done. */
  async requeue(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable("forecasts")
      .set({ status: "queued", error: null, started_at: null, finished_at: null })
      .where("id", "=", id)
      .where("status", "in", ["failed", "running", "queued"])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Marks a queued row running; false when it is not queued. */
  async claim(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable("forecasts")
      .set({ status: "running", started_at: sql<Date>`now()` })
      .where("id", "=", id)
      .where("status", "=", "queued")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async finish(id: string, result: Uint8Array): Promise<void> {
    await this.db
      .updateTable("forecasts")
      .set({ status: "done", result, error: null, finished_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db
      .updateTable("forecasts")
      .set({ status: "failed", result: null, error: error.slice(0, 1000), finished_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
  }
}
