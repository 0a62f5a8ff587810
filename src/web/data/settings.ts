import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<string | undefined> {
    const r = await this.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
    return r?.value;
  }

  /** Stores the value unless the key already has one; returns the stored value either way. */
  async getOrSet(key: string, value: string): Promise<string> {
    await this.db
      .insertInto("settings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    return (await this.get(key))!;
  }
}
