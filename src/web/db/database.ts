import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { migrateToLatest } from "./migrate.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { Database } from "./schema.js";

export type Backend = "pglite" | "postgres";

export interface OpenedDatabase {
  db: Kysely<Database>;
  backend: Backend;
  /** Where the data lives, for the start-up message (never includes a password). */
  where: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent, an embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder for the embedded database; absent means in memory (tests). */
  dataDir?: string;
  /** Schema to use on PostgreSQL (tests use a fresh one per run). */
  schema?: string;
  poolSize?: number;
  /** Start the embedded database from a copy of a prepared one (a PGlite data-directory dump; tests). */
  template?: Blob;
}

/** `postgres://user:secret@host/db` → `postgres://user@host/db`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "(a PostgreSQL server)";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is PostgreSQL inside one process, with nothing to stop a second
 * process opening the same folder (which would corrupt it). A lock file
 * holding the process id does: a second service is refused while the first
 * runs; a lock left by a process that has gone is taken over. Returns the
 * function that releases it.
 */
const heldHere = new Set<string>();

export function lockDataDir(dir: string): () => void {
  const file = join(dir, "service.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
      // Our own process id in a lock this process does not hold is a previous run's (a restarted
      // container often gets the same id).
      const held = pid === process.pid ? heldHere.has(file) : Number.isInteger(pid) && alive(pid);
      if (held) {
        throw new Error(
          `another service (process ${pid}) is using the database in ${dir}; stop it first, or give this one another DATA_DIR (if none is running, delete ${file})`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the database in ${dir}`);
}

/** Opens the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL) and runs the migrations. */
export async function openDatabase(o: DatabaseOptions): Promise<OpenedDatabase> {
  let opened: OpenedDatabase;
  if (o.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: o.databaseUrl,
      max: o.poolSize ?? 10,
      ...(o.schema ? { options: `-c search_path=${o.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    opened = { db, backend: "postgres", where: redactUrl(o.databaseUrl), close: () => db.destroy() };
  } else {
    let pglite: PGlite;
    let unlock = () => {};
    if (o.dataDir) {
      const dir = join(o.dataDir, "pglite");
      mkdirSync(dir, { recursive: true });
      unlock = lockDataDir(o.dataDir);
      try {
        pglite = await PGlite.create(dir);
      } catch (e) {
        unlock();
        throw e;
      }
    } else {
      pglite = await PGlite.create(o.template ? { loadDataDir: o.template } : {});
    }
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    opened = {
      db,
      backend: "pglite",
      where: o.dataDir ? join(o.dataDir, "pglite") : "memory",
      close: async () => {
        await db.destroy();
        unlock();
      },
    };
  }
  try {
    await migrateToLatest(opened.db as Kysely<unknown>);
  } catch (e) {
    await opened.close();
    throw e;
  }
  return opened;
}

/** True when the database answers a trivial query. */
export async function databaseReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
