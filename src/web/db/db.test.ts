import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockDataDir, openDatabase, redactUrl } from "./database.js";
import { migrateToLatest } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";
import { PGliteDialect } from "./pglite-dialect.js";
import { testBackends } from "./test-support/databases.js";

interface T {
  t: { id: number; v: string };
}

describe("the PGlite dialect", () => {
  let db: Kysely<T>;
  beforeAll(async () => {
    db = new Kysely<T>({ dialect: new PGliteDialect(await PGlite.create()) });
    await sql`create table t (id int primary key, v text)`.execute(db);
  });
  afterAll(async () => db.destroy());

  it("runs parameterised queries and reports affected rows", async () => {
    const ins = await db
      .insertInto("t")
      .values([
        { id: 1, v: "a'; drop table t; --" },
        { id: 2, v: "b" },
      ])
      .executeTakeFirst();
    expect(Number(ins.numInsertedOrUpdatedRows)).toBe(2);
    const up = await db.updateTable("t").set({ v: "c" }).where("id", "=", 2).executeTakeFirst();
    expect(Number(up.numUpdatedRows)).toBe(1);
    expect(await db.selectFrom("t").select("v").where("id", "=", 1).executeTakeFirst()).toEqual({
      v: "a'; drop table t; --",
    });
    await db.deleteFrom("t").execute();
  });

  it("keeps other queries out of a transaction until it ends", async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const tx = db.transaction().execute(async (trx) => {
      await trx.insertInto("t").values({ id: 10, v: "in tx" }).execute();
      order.push("tx inserted");
      await gate;
      order.push("tx ends");
      throw new Error("roll back");
    });
    // Issued while the transaction is open: it must neither see nor join it.
    await new Promise((r) => setTimeout(r, 20));
    const outside = db
      .selectFrom("t")
      .selectAll()
      .execute()
      .then((rows) => {
        order.push(`outside saw ${rows.length}`);
      });
    await new Promise((r) => setTimeout(r, 20));
    order.push("released");
    release();
    await expect(tx).rejects.toThrow("roll back");
    await outside;
    expect(order).toEqual(["tx inserted", "released", "tx ends", "outside saw 0"]);
  });

  it("commits a transaction's rows together", async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("t").values({ id: 20, v: "x" }).execute();
      await trx.insertInto("t").values({ id: 21, v: "y" }).execute();
    });
    expect((await db.selectFrom("t").select("id").where("id", ">=", 20).execute()).length).toBe(2);
  });
});

describe.each(await testBackends())("the migrations on $name", (backend) => {
  it("create every table and are idempotent", async () => {
    const d = await backend.open();
    try {
      const again = await migrateToLatest(d.db as Kysely<unknown>);
      expect(again).toEqual([]);
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
        d.db,
      );
      expect(tables.rows.map((t) => t.table_name)).toEqual([
        "actual_costs",
        "audit_log",
        "cost_entries",
        "councils",
        "dataset_files",
        "dataset_versions",
        "forecasts",
        "inflation_rates",
        "kysely_migration",
        "kysely_migration_lock",
        "profile_cache",
        "scenarios",
        "sessions",
        "settings",
        "supply_records",
        "user_councils",
        "users",
      ]);
    } finally {
      await d.close();
    }
  });

  it("can be rolled back to nothing", async () => {
    const d = await backend.open();
    try {
      // Newest first, as the migrator would.
      for (const name of Object.keys(MIGRATIONS).reverse()) {
        await MIGRATIONS[name]!.down!(d.db as Kysely<unknown>);
      }
      const left = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables
        where table_schema = current_schema() and table_name not like 'kysely%'`.execute(d.db);
      expect(left.rows[0]!.n).toBe(0);
    } finally {
      await d.close();
    }
  });
});

describe("redactUrl", () => {
  it("removes the password from a connection string", () => {
    expect(redactUrl("postgres://app:s3cret@db.example:5432/sp")).toBe("postgres://app@db.example:5432/sp");
    expect(redactUrl("not a url")).toBe("(a PostgreSQL server)");
  });
});

describe("the embedded database's folder", () => {
  it("is used by one service at a time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-lock-"));
    try {
      const first = await openDatabase({ dataDir: dir });
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
        `another service (process ${process.pid}) is using the database in ${dir}`,
      );
      await first.close();
      expect(existsSync(join(dir, "service.lock"))).toBe(false);
      const again = await openDatabase({ dataDir: dir });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is taken over from a process that has gone", () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-lock-"));
    try {
      const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
        encoding: "utf8",
      });
      writeFileSync(join(dir, "service.lock"), gone.stdout);
      const release = lockDataDir(dir);
      release();
      expect(existsSync(join(dir, "service.lock"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
