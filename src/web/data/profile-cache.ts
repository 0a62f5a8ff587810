import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/** Computed profiles of dataset versions, so a restart does not recompute them. */
export class ProfileCacheRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(councilId: string, versionId: string, key: string): Promise<Uint8Array | undefined> {
    const r = await this.db
      .selectFrom("profile_cache")
      .select("body")
      .where("version_id", "=", versionId)
      .where("council_id", "=", councilId)
      .where("key", "=", key)
      .executeTakeFirst();
    return r?.body;
  }

  async put(councilId: string, versionId: string, key: string, body: Uint8Array): Promise<void> {
    await this.db
      .insertInto("profile_cache")
      .values({ version_id: versionId, council_id: councilId, key, body })
      .onConflict((oc) => oc.columns(["version_id", "key"]).doNothing())
      .execute();
  }
}
