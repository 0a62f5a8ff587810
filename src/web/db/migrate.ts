import { type Kysely, type MigrationResult, Migrator } from "kysely";
import { MIGRATIONS } from "./migrations/index.js";

/** Brings the schema up to date (Kysely's migrator; the same migrations for PGlite and PostgreSQL). */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`database migration ${failed ?? ""} failed: ${(error as Error).message ?? error}`);
  }
  return results ?? [];
}
