import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.js";

export interface CostEntryRow {
  id: string;
  category: string;
  provider: string;
  year: number;
  weekly: number;
  source: string;
  updatedAt: Date;
  updatedByEmail: string | null;
}

export interface ActualCostsMeta {
  name: string;
  sha256: string;
  rows: number;
  useInBudget: boolean;
  uploadedAt: Date;
  uploadedByEmail: string | null;
}

/** A stored cost entry as the services take it (numeric columns come back from PostgreSQL as text). */
function costEntryRow(
  r: {
    id: string;
    category: string;
    provider: string;
    year: number;
    weekly: string | number;
    source: string;
    updated_at: Date;
  },
  updatedByEmail: string | null,
): CostEntryRow {
  return {
    id: r.id,
    category: r.category,
    provider: r.provider,
    year: r.year,
    weekly: Number(r.weekly),
    source: r.source,
    updatedAt: r.updated_at,
    updatedByEmail,
  };
}

/**
 * A council's own unit costs, inflation rates and actual costs. Every
 * method takes the council and matches on it.
 */
export class CostRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async entries(councilId: string): Promise<CostEntryRow[]> {
    const rows = await this.db
      .selectFrom("cost_entries as c")
      .leftJoin("users as u", "u.id", "c.updated_by")
      .select([
        "c.id",
        "c.category",
        "c.provider",
        "c.year",
        "c.weekly",
        "c.source",
        "c.updated_at",
        "u.email as updated_by_email",
      ])
      .where("c.council_id", "=", councilId)
      .orderBy("c.category")
      .orderBy("c.provider")
      .orderBy("c.year")
      .execute();
    return rows.map((r) => costEntryRow(r, r.updated_by_email));
  }

  /** Sets the council's cost for a category, provider and price year (replacing any there was). */
  async setEntry(
    councilId: string,
    e: {
      category: string;
      provider: string;
      year: number;
      weekly: number;
      source: string;
      userId: string | null;
    },
  ): Promise<string> {
    const r = await this.db
      .insertInto("cost_entries")
      .values({
        id: randomUUID(),
        council_id: councilId,
        category: e.category,
        provider: e.provider,
        year: e.year,
        weekly: e.weekly,
        source: e.source,
        updated_by: e.userId,
      })
      .onConflict((oc) =>
        oc.columns(["council_id", "category", "provider", "year"]).doUpdateSet({
          weekly: e.weekly,
          source: e.source,
          updated_by: e.userId,
          updated_at: sql<Date>`now()`,
        }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  }

  /** Removes one of the council's costs; returns what it was, or undefined when there is no such entry. */
  async removeEntry(councilId: string, id: string): Promise<CostEntryRow | undefined> {
    const r = await this.db
      .deleteFrom("cost_entries")
      .where("id", "=", id)
      .where("council_id", "=", councilId)
      .returning(["id", "category", "provider", "year", "weekly", "source", "updated_at"])
      .executeTakeFirst();
    return r ? costEntryRow(r, null) : undefined;
  }

  async inflation(councilId: string): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom("inflation_rates")
      .select(["year", "rate"])
      .where("council_id", "=", councilId)
      .orderBy("year")
      .execute();
    return new Map(rows.map((r) => [r.year, Number(r.rate)]));
  }

  /** Replaces the council's inflation rates with these, in one transaction. */
  async setInflation(
    councilId: string,
    rates: ReadonlyMap<number, number>,
    userId: string | null,
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("inflation_rates").where("council_id", "=", councilId).execute();
      if (rates.size === 0) return;
      await tx
        .insertInto("inflation_rates")
        .values([...rates].map(([year, rate]) => ({ council_id: councilId, year, rate, updated_by: userId })))
        .execute();
    });
  }

  async actualMeta(councilId: string): Promise<ActualCostsMeta | undefined> {
    const r = await this.db
      .selectFrom("actual_costs as a")
      .leftJoin("users as u", "u.id", "a.uploaded_by")
      .select([
        "a.name",
        "a.sha256",
        "a.rows",
        "a.use_in_budget",
        "a.uploaded_at",
        "u.email as uploaded_by_email",
      ])
      .where("a.council_id", "=", councilId)
      .executeTakeFirst();
    return r
      ? {
          name: r.name,
          sha256: r.sha256,
          rows: r.rows,
          useInBudget: r.use_in_budget,
          uploadedAt: r.uploaded_at,
          uploadedByEmail: r.uploaded_by_email,
        }
      : undefined;
  }

  async actualContent(
    councilId: string,
  ): Promise<{ name: string; content: Uint8Array; useInBudget: boolean } | undefined> {
    const r = await this.db
      .selectFrom("actual_costs")
      .select(["name", "content", "use_in_budget"])
      .where("council_id", "=", councilId)
      .executeTakeFirst();
    return r ? { name: r.name, content: r.content, useInBudget: r.use_in_budget } : undefined;
  }

  /** Stores the council's actual costs file, replacing the one before. */
  async putActual(
    councilId: string,
    a: {
      name: string;
      sha256: string;
      rows: number;
      content: Uint8Array;
      useInBudget: boolean;
      userId: string | null;
    },
  ): Promise<void> {
    const values = {
      name: a.name,
      sha256: a.sha256,
      rows: a.rows,
      content: a.content,
      use_in_budget: a.useInBudget,
      uploaded_by: a.userId,
    };
    await this.db
      .insertInto("actual_costs")
      .values({ council_id: councilId, ...values })
      .onConflict((oc) => oc.column("council_id").doUpdateSet({ ...values, uploaded_at: sql<Date>`now()` }))
      .execute();
  }

  async removeActual(councilId: string): Promise<boolean> {
    const r = await this.db.deleteFrom("actual_costs").where("council_id", "=", councilId).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
