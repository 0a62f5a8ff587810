import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.js";

export interface ScenarioRow {
  id: string;
  councilId: string;
  name: string;
  description: string;
  changes: unknown[];
  updatedAt: Date;
  updatedByEmail: string | null;
}

/** A council's named scenarios. Every method takes the council and matches on it. */
export class ScenarioRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom("scenarios as s")
      .leftJoin("users as u", "u.id", "s.updated_by")
      .select([
        "s.id",
        "s.council_id",
        "s.name",
        "s.description",
        "s.changes",
        "s.updated_at",
        "u.email as updated_by_email",
      ]);
  }

  private static toRow(r: {
    id: string;
    council_id: string;
    name: string;
    description: string;
    changes: unknown[];
    updated_at: Date;
    updated_by_email: string | null;
  }): ScenarioRow {
    return {
      id: r.id,
      councilId: r.council_id,
      name: r.name,
      description: r.description,
      changes: r.changes,
      updatedAt: r.updated_at,
      updatedByEmail: r.updated_by_email,
    };
  }

  async list(councilId: string): Promise<ScenarioRow[]> {
    const rows = await this.select().where("s.council_id", "=", councilId).orderBy("s.name").execute();
    return rows.map(ScenarioRepository.toRow);
  }

  async get(councilId: string, id: string): Promise<ScenarioRow | undefined> {
    const r = await this.select()
      .where("s.id", "=", id)
      .where("s.council_id", "=", councilId)
      .executeTakeFirst();
    return r ? ScenarioRepository.toRow(r) : undefined;
  }

  async byName(councilId: string, name: string): Promise<ScenarioRow | undefined> {
    const r = await this.select()
      .where("s.council_id", "=", councilId)
      .where(sql`lower(s.name)`, "=", name.toLowerCase())
      .executeTakeFirst();
    return r ? ScenarioRepository.toRow(r) : undefined;
  }

  async create(s: {
    councilId: string;
    name: string;
    description: string;
    changes: unknown[];
    userId: string | null;
  }): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto("scenarios")
      .values({
        id,
        council_id: s.councilId,
        forecast_id: null,
        name: s.name,
        description: s.description,
        changes: JSON.stringify(s.changes),
        created_by: s.userId,
        updated_by: s.userId,
      })
      .execute();
    return id;
  }

  async update(
    councilId: string,
    id: string,
    s: { name: string; description: string; changes: unknown[]; userId: string | null },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("scenarios")
      .set({
        name: s.name,
        description: s.description,
        changes: JSON.stringify(s.changes),
        updated_by: s.userId,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", id)
      .where("council_id", "=", councilId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async delete(councilId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("scenarios")
      .where("id", "=", id)
      .where("council_id", "=", councilId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
