import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import pg from "pg";
import { packageRoot } from "../../../reports/profile-html.js";
import { type OpenedDatabase, openDatabase } from "../database.js";
import { migrateToLatest } from "../migrate.js";
import { PGliteDialect } from "../pglite-dialect.js";

/** The PostgreSQL server the data-layer tests also run against when it answers (trust auth, database `test`). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let reachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL server answers within a second. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

export interface TestBackend {
  name: "pglite" | "postgres";
  /** A freshly migrated, empty database; `close` removes it. */
  open(): Promise<OpenedDatabase>;
}

/**
 * A migrated, empty PGlite database, saved once to the temporary folder and
 * loaded from there by every test: loading takes a fraction of a second,
 * creating one from nothing (initdb) several. The file's name holds a hash
 * of the migrations, so a changed migration makes a new one.
 */
let template: Promise<Blob> | undefined;

function templateFile(): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "migrations");
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  // PGlite's own version matters too: its data directory format may change between releases.
  const pkg = join(packageRoot(), "node_modules", "@electric-sql", "pglite", "package.json");
  h.update(readFileSync(pkg));
  return join(tmpdir(), `sufficiency-pglite-${h.digest("hex").slice(0, 16)}.tar`);
}

async function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = templateFile();
    if (!existsSync(file)) {
      const pglite = await PGlite.create();
      const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
      await migrateToLatest(db);
      const dump = await pglite.dumpDataDir("none");
      await db.destroy();
      // Written aside and renamed, so a test in another worker never reads half a file.
      const part = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(part, new Uint8Array(await dump.arrayBuffer()));
      renameSync(part, file);
    }
    return new Blob([readFileSync(file)]);
  })();
  return template;
}

/** An empty, migrated PGlite database in memory. */
export const pgliteBackend: TestBackend = {
  name: "pglite",
  open: async () => openDatabase({ template: await pgliteTemplate() }),
};

/** A fresh schema on the test PostgreSQL server, dropped on close, so runs never collide. */
export const postgresBackend: TestBackend = {
  name: "postgres",
  async open() {
    const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const opened = await openDatabase({ databaseUrl: TEST_DATABASE_URL, schema, poolSize: 4 });
    return {
      ...opened,
      async close() {
        await opened.close();
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  },
};

/** PGlite always; PostgreSQL too when the server is reachable. */
export async function testBackends(): Promise<TestBackend[]> {
  return (await postgresReachable()) ? [pgliteBackend, postgresBackend] : [pgliteBackend];
}
