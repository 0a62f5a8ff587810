import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database, SupplyKind } from "../db/schema.js";

export interface SupplyRow {
  id: string;
  kind: SupplyKind;
  ref: string;
  /** The register record without its council (dates as day numbers). */
  record: Record<string, unknown>;
  updatedAt: Date;
  updatedByEmail: string | null;
}

/** A council's supply register. Every method takes the council and matches on it. */
export class SupplyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom("supply_records as s")
      .leftJoin("users as u", "u.id", "s.updated_by")
      .select(["s.id", "s.kind", "s.ref", "s.record", "s.updated_at", "u.email as updated_by_email"]);
  }

  private static toRow(r: {
    id: string;
    kind: SupplyKind;
    ref: string;
    record: Record<string, unknown>;
    updated_at: Date;
    updated_by_email: string | null;
  }): SupplyRow {
    return {
      id: r.id,
      kind: r.kind,
      ref: r.ref,
      record: r.record,
      updatedAt: r.updated_at,
      updatedByEmail: r.updated_by_email,
    };
  }

  /** Every record of the council (of one kind, when given), by kind and ref. */
  async list(councilId: string, kind?: SupplyKind): Promise<SupplyRow[]> {
    let q = this.select().where("s.council_id", "=", councilId);
    if (kind) q = q.where("s.kind", "=", kind);
    const rows = await q.orderBy("s.kind").orderBy("s.ref").execute();
    return rows.map(SupplyRepository.toRow);
  }

  async counts(councilId: string): Promise<Record<SupplyKind, number>> {
    const rows = await this.db
      .selectFrom("supply_records")
      .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
      .where("council_id", "=", councilId)
      .groupBy("kind")
      .execute();
    const out: Record<SupplyKind, number> = { households: 0, homes: 0, blocks: 0, frameworks: 0 };
    for (const r of rows) out[r.kind] = Number(r.n);
    return out;
  }

  async get(councilId: string, kind: SupplyKind, id: string): Promise<SupplyRow | undefined> {
    const r = await this.select()
      .where("s.id", "=", id)
      .where("s.kind", "=", kind)
      .where("s.council_id", "=", councilId)
      .executeTakeFirst();
    return r ? SupplyRepository.toRow(r) : undefined;
  }

  async byRef(councilId: string, kind: SupplyKind, ref: string): Promise<SupplyRow | undefined> {
    const r = await this.select()
      .where("s.council_id", "=", councilId)
      .where("s.kind", "=", kind)
      .where("s.ref", "=", ref)
      .executeTakeFirst();
    return r ? SupplyRepository.toRow(r) : undefined;
  }

  async create(
    councilId: string,
    kind: SupplyKind,
    ref: string,
    record: Record<string, unknown>,
    userId: string | null,
  ): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto("supply_records")
      .values({ id, council_id: councilId, kind, ref, record: JSON.stringify(record), updated_by: userId })
      .execute();
    return id;
  }

  async update(
    councilId: string,
    kind: SupplyKind,
    id: string,
    ref: string,
    record: Record<string, unknown>,
    userId: string | null,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("supply_records")
      .set({ ref, record: JSON.stringify(record), updated_by: userId, updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .where("kind", "=", kind)
      .where("council_id", "=", councilId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * Adds the records, replacing those of the same kind and ref, all in one
   * transaction. Returns how many were added and how many replaced.
   */
  async upsertMany(
    councilId: string,
    kind: SupplyKind,
    records: ReadonlyArray<{ ref: string; record: Record<string, unknown> }>,
    userId: string | null,
  ): Promise<{ added: number; replaced: number }> {
    return this.db.transaction().execute(async (tx) => {
      const existing = new Set(
        (
          await tx
            .selectFrom("supply_records")
            .select("ref")
            .where("council_id", "=", councilId)
            .where("kind", "=", kind)
            .execute()
        ).map((r) => r.ref),
      );
      let replaced = 0;
      for (let i = 0; i < records.length; i += 200) {
        const chunk = records.slice(i, i + 200);
        for (const r of chunk) if (existing.has(r.ref)) replaced += 1;
        await tx
          .insertInto("supply_records")
          .values(
            chunk.map((r) => ({
              id: randomUUID(),
              council_id: councilId,
              kind,
              ref: r.ref,
              record: JSON.stringify(r.record),
              updated_by: userId,
            })),
          )
          .onConflict((oc) =>
            oc.columns(["council_id", "kind", "ref"]).doUpdateSet((eb) => ({
              record: eb.ref("excluded.record"),
              updated_by: userId,
              updated_at: sql<Date>`now()`,
            })),
          )
          .execute();
      }
      return { added: records.length - replaced, replaced };
    });
  }
}
