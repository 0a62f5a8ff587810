import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Council, Database } from "../db/schema.js";

export interface CouncilSummary {
  id: string;
  name: string;
  laCode: string | null;
}

export class CouncilRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(c: { name: string; laCode: string | null }): Promise<Council> {
    return this.db
      .insertInto("councils")
      .values({ id: randomUUID(), name: c.name, la_code: c.laCode, active_version_id: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async byId(id: string): Promise<Council | undefined> {
    return this.db.selectFrom("councils").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async byName(name: string): Promise<Council | undefined> {
    return this.db.selectFrom("councils").selectAll().where("name", "=", name).executeTakeFirst();
  }

  async list(): Promise<Council[]> {
    return this.db.selectFrom("councils").selectAll().orderBy("name").execute();
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom("councils")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The councils a user has been given, by name. */
  async forUser(userId: string): Promise<CouncilSummary[]> {
    return this.db
      .selectFrom("user_councils")
      .innerJoin("councils", "councils.id", "user_councils.council_id")
      .select(["councils.id", "councils.name", "councils.la_code as laCode"])
      .where("user_councils.user_id", "=", userId)
      .orderBy("councils.name")
      .execute();
  }

  /**
   * Makes an accepted version of the council its active one. The database
   * refuses a version of another council or one not accepted; returns false
   * when nothing matched.
   */
  async setActiveVersion(councilId: string, versionId: string): Promise<boolean> {
    const r = await this.db
      .updateTable("councils")
      .set({ active_version_id: versionId })
      .where("id", "=", councilId)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("dataset_versions")
            .select("id")
            .where("id", "=", versionId)
            .where("council_id", "=", councilId)
            .where("state", "=", "accepted"),
        ),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
