import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database, FileKind, VersionState, VersionSummary } from "../db/schema.js";

export interface StoredFile {
  name: string;
  kind: FileKind;
  table: string | null;
  year: number | null;
  rows: number | null;
  sha256: string;
  content: Uint8Array;
}

export interface NewVersion {
  councilId: string;
  createdBy: string | null;
  label: string;
  errors: number;
  queries: number;
  children: number;
  episodes: number;
  summary: VersionSummary;
  /** gzip JSON of the validation report. */
  report: Uint8Array;
  /** gzip JSON of the rebuilt history. */
  history: Uint8Array;
  files: StoredFile[];
}

export interface VersionMeta {
  id: string;
  councilId: string;
  state: VersionState;
  number: number | null;
  label: string;
  createdAt: Date;
  createdBy: string | null;
  createdByEmail: string | null;
  acceptedAt: Date | null;
  acceptedByEmail: string | null;
  errors: number;
  queries: number;
  children: number;
  episodes: number;
  summary: VersionSummary;
  active: boolean;
}

export interface FileMeta {
  id: string;
  position: number;
  name: string;
  kind: FileKind;
  table: string | null;
  year: number | null;
  rows: number | null;
  size: number;
  sha256: string;
}

/**
 * Dataset versions. Every method takes the council and matches on it, so a
 * version id from another council finds nothing.
 */
export class DatasetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores an upload as a pending version: the version row, every file, the
   * report and the history in one transaction, so a failure (or a killed
   * process) part-way leaves nothing.
   */
  async createPending(v: NewVersion): Promise<string> {
    const id = randomUUID();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto("dataset_versions")
        .values({
          id,
          council_id: v.councilId,
          state: "pending",
          number: null,
          label: v.label,
          created_by: v.createdBy,
          accepted_by: null,
          accepted_at: null,
          errors: v.errors,
          queries: v.queries,
          children: v.children,
          episodes: v.episodes,
          summary: JSON.stringify(v.summary),
          report: v.report,
          history: v.history,
        })
        .execute();
      for (const [position, f] of v.files.entries()) {
        await tx
          .insertInto("dataset_files")
          .values({
            id: randomUUID(),
            version_id: id,
            council_id: v.councilId,
            position,
            name: f.name,
            kind: f.kind,
            table_name: f.table,
            year: f.year,
            rows: f.rows,
            size: f.content.byteLength,
            sha256: f.sha256,
            content: f.content,
          })
          .execute();
      }
    });
    return id;
  }

  /**
   * Accepts a pending version: one UPDATE gives it the council's next number
   * and makes it visible as accepted; in the same transaction it becomes the
   * council's active version. Returns the number, or undefined if there was
   * no such pending version for the council.
   */
  async accept(councilId: string, versionId: string, userId: string | null): Promise<number | undefined> {
    return this.db.transaction().execute(async (tx) => {
      // Serialise accepts per council so two cannot take the same number.
      await tx.selectFrom("councils").select("id").where("id", "=", councilId).forUpdate().execute();
      const r = await tx
        .updateTable("dataset_versions")
        .set({
          state: "accepted",
          accepted_by: userId,
          accepted_at: sql<Date>`now()`,
          number: sql<number>`(select coalesce(max(number), 0) + 1 from dataset_versions where council_id = ${councilId})`,
        })
        .where("id", "=", versionId)
        .where("council_id", "=", councilId)
        .where("state", "=", "pending")
        .returning("number")
        .executeTakeFirst();
      if (!r) return undefined;
      await tx
        .updateTable("councils")
        .set({ active_version_id: versionId })
        .where("id", "=", councilId)
        .execute();
      return r.number ?? undefined;
    });
  }

  /** Removes a pending version and its files; accepted versions cannot be removed. */
  async discard(councilId: string, versionId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("dataset_versions")
      .where("id", "=", versionId)
      .where("council_id", "=", councilId)
      .where("state", "=", "pending")
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  private metaQuery(councilId: string) {
    return this.db
      .selectFrom("dataset_versions as v")
      .innerJoin("councils as c", "c.id", "v.council_id")
      .leftJoin("users as cu", "cu.id", "v.created_by")
      .leftJoin("users as au", "au.id", "v.accepted_by")
      .select([
        "v.id",
        "v.council_id",
        "v.state",
        "v.number",
        "v.label",
        "v.created_at",
        "v.created_by",
        "cu.email as created_by_email",
        "v.accepted_at",
        "au.email as accepted_by_email",
        "v.errors",
        "v.queries",
        "v.children",
        "v.episodes",
        "v.summary",
        "c.active_version_id",
      ])
      .where("v.council_id", "=", councilId);
  }

  private static toMeta(r: {
    id: string;
    council_id: string;
    state: VersionState;
    number: number | null;
    label: string;
    created_at: Date;
    created_by: string | null;
    created_by_email: string | null;
    accepted_at: Date | null;
    accepted_by_email: string | null;
    errors: number;
    queries: number;
    children: number;
    episodes: number;
    summary: VersionSummary;
    active_version_id: string | null;
  }): VersionMeta {
    return {
      id: r.id,
      councilId: r.council_id,
      state: r.state,
      number: r.number,
      label: r.label,
      createdAt: r.created_at,
      createdBy: r.created_by,
      createdByEmail: r.created_by_email,
      acceptedAt: r.accepted_at,
      acceptedByEmail: r.accepted_by_email,
      errors: r.errors,
      queries: r.queries,
      children: r.children,
      episodes: r.episodes,
      summary: r.summary,
      active: r.active_version_id === r.id,
    };
  }

  /** The council's versions, accepted (newest number first) then pending (newest first). */
  async list(councilId: string): Promise<VersionMeta[]> {
    const rows = await this.metaQuery(councilId)
      .orderBy("v.state")
      .orderBy("v.number", "desc")
      .orderBy("v.created_at", "desc")
      .execute();
    return rows.map(DatasetRepository.toMeta);
  }

  async get(councilId: string, versionId: string): Promise<VersionMeta | undefined> {
    const r = await this.metaQuery(councilId).where("v.id", "=", versionId).executeTakeFirst();
    return r ? DatasetRepository.toMeta(r) : undefined;
  }

  async active(councilId: string): Promise<VersionMeta | undefined> {
    const r = await this.metaQuery(councilId).whereRef("v.id", "=", "c.active_version_id").executeTakeFirst();
    return r ? DatasetRepository.toMeta(r) : undefined;
  }

  /** The previous accepted version (by number) before the given one. */
  async previousAccepted(councilId: string, number: number): Promise<VersionMeta | undefined> {
    const r = await this.metaQuery(councilId)
      .where("v.state", "=", "accepted")
      .where("v.number", "<", number)
      .orderBy("v.number", "desc")
      .limit(1)
      .executeTakeFirst();
    return r ? DatasetRepository.toMeta(r) : undefined;
  }

  async blob(
    councilId: string,
    versionId: string,
    which: "report" | "history",
  ): Promise<Uint8Array | undefined> {
    const r = await this.db
      .selectFrom("dataset_versions")
      .select(which)
      .where("id", "=", versionId)
      .where("council_id", "=", councilId)
      .executeTakeFirst();
    return r ? (r as Record<typeof which, Uint8Array>)[which] : undefined;
  }

  async files(councilId: string, versionId: string): Promise<FileMeta[]> {
    const rows = await this.db
      .selectFrom("dataset_files")
      .select(["id", "position", "name", "kind", "table_name", "year", "rows", "size", "sha256"])
      .where("version_id", "=", versionId)
      .where("council_id", "=", councilId)
      .orderBy("position")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      name: r.name,
      kind: r.kind,
      table: r.table_name,
      year: r.year,
      rows: r.rows,
      size: r.size,
      sha256: r.sha256,
    }));
  }

  /** The contents of the version's files of the given kinds (the small input files a profile needs). */
  async contents(
    councilId: string,
    versionId: string,
    kinds: readonly FileKind[],
  ): Promise<Array<{ name: string; kind: FileKind; content: Uint8Array }>> {
    if (kinds.length === 0) return [];
    return this.db
      .selectFrom("dataset_files")
      .select(["name", "kind", "content"])
      .where("version_id", "=", versionId)
      .where("council_id", "=", councilId)
      .where("kind", "in", kinds)
      .orderBy("position")
      .execute();
  }

  async fileContent(
    councilId: string,
    versionId: string,
    fileId: string,
  ): Promise<{ name: string; content: Uint8Array } | undefined> {
    return this.db
      .selectFrom("dataset_files")
      .select(["name", "content"])
      .where("id", "=", fileId)
      .where("version_id", "=", versionId)
      .where("council_id", "=", councilId)
      .executeTakeFirst();
  }
}
