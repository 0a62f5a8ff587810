import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  sql,
} from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedDatabase, openDatabase } from "../db/database.js";
import type { VersionSummary } from "../db/schema.js";
import { testBackends } from "../db/test-support/databases.js";
import { DatasetRepository, type NewVersion } from "./datasets.js";
import { type Repositories, repositories } from "./index.js";

const SUMMARY: VersionSummary = { files: [], byRule: [], notRun: 0, fixes: 0, years: [2023] };

function version(councilId: string, files = 2): NewVersion {
  return {
    councilId,
    createdBy: null,
    label: "",
    errors: 1,
    queries: 2,
    children: 3,
    episodes: 4,
    summary: SUMMARY,
    report: new Uint8Array([1, 2, 3]),
    history: new Uint8Array([4, 5, 6]),
    files: Array.from({ length: files }, (_, i) => ({
      name: `2023-file${i}.csv`,
      kind: "903" as const,
      table: "episodes",
      year: 2023,
      rows: 10,
      sha256: "a".repeat(64),
      content: new Uint8Array([i, i + 1]),
    })),
  };
}

/** Makes the n-th insert into a table fail, as a crash or a full disk would part-way through a save. */
function failOnInsert(table: string, nth: number): KyselyPlugin {
  let seen = 0;
  return {
    transformQuery(args: PluginTransformQueryArgs) {
      const node = args.node as { kind: string; into?: { table: { identifier: { name: string } } } };
      if (node.kind === "InsertQueryNode" && node.into?.table.identifier.name === table) {
        seen += 1;
        if (seen === nth) throw new Error(`simulated failure on insert ${nth} into ${table}`);
      }
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs) {
      return args.result;
    },
  };
}

const backends = await testBackends();

describe.each(backends)("the data layer on $name", (backend) => {
  let d: OpenedDatabase;
  let r: Repositories;
  beforeAll(async () => {
    d = await backend.open();
    r = repositories(d.db);
  });
  afterAll(async () => d.close());

  const council = (name: string) => r.councils.create({ name: `${name} ${Math.random()}`, laCode: null });

  describe("councils and users", () => {
    it("gives users councils and lists only those", async () => {
      const a = await council("A");
      const b = await council("B");
      const u = await r.users.create({
        email: `Someone.${a.id}@Example.org`,
        name: "Someone",
        role: "viewer",
        passwordHash: null,
        councilIds: [a.id],
      });
      expect(u.email).toBe(`someone.${a.id}@example.org`);
      expect((await r.councils.forUser(u.id)).map((c) => c.id)).toEqual([a.id]);
      await r.users.setCouncils(u.id, [b.id]);
      expect((await r.councils.forUser(u.id)).map((c) => c.id)).toEqual([b.id]);
      expect((await r.users.byEmail(`SOMEONE.${a.id}@EXAMPLE.ORG`))?.id).toBe(u.id);
    });

    it("counts failed sign-ins and locks the account at the limit", async () => {
      const u = await r.users.create({
        email: `lock.${Math.random()}@example.org`,
        name: "L",
        role: "viewer",
        passwordHash: null,
        councilIds: [],
      });
      const until = new Date(Date.now() + 60_000);
      expect(await r.users.recordFailure(u.id, 3, until)).toBe(1);
      expect(await r.users.recordFailure(u.id, 3, until)).toBe(2);
      expect((await r.users.byId(u.id))?.locked_until).toBeNull();
      expect(await r.users.recordFailure(u.id, 3, until)).toBe(3);
      const locked = await r.users.byId(u.id);
      expect(locked?.locked_until?.getTime()).toBe(until.getTime());
      expect(locked?.failed_sign_ins).toBe(0);
    });
  });

  describe("sessions", () => {
    it("finds a live session of an enabled user only", async () => {
      const u = await r.users.create({
        email: `s.${Math.random()}@example.org`,
        name: "S",
        role: "analyst",
        passwordHash: null,
        councilIds: [],
      });
      const now = new Date();
      await r.sessions.create({
        idHash: `live-${u.id}`,
        userId: u.id,
        councilId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 60_000),
      });
      await r.sessions.create({
        idHash: `old-${u.id}`,
        userId: u.id,
        councilId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() - 1),
      });
      expect((await r.sessions.find(`live-${u.id}`, now))?.user).toMatchObject({ id: u.id, role: "analyst" });
      expect(await r.sessions.find(`old-${u.id}`, now)).toBeUndefined();
      await r.users.update(u.id, { disabled: true });
      expect(await r.sessions.find(`live-${u.id}`, now)).toBeUndefined();
      expect(await r.sessions.deleteExpired(now)).toBeGreaterThanOrEqual(1);
    });
  });

  describe("dataset versions", () => {
    it("keeps a pending version out of the list until accepted, then numbers it and makes it active", async () => {
      const c = await council("C");
      const first = await r.datasets.createPending(version(c.id));
      expect((await r.datasets.get(c.id, first))?.state).toBe("pending");
      expect(await r.datasets.active(c.id)).toBeUndefined();
      expect(await r.datasets.accept(c.id, first, null)).toBe(1);
      expect(await r.datasets.accept(c.id, first, null)).toBeUndefined();
      const second = await r.datasets.createPending(version(c.id));
      expect(await r.datasets.accept(c.id, second, null)).toBe(2);
      expect((await r.datasets.active(c.id))?.id).toBe(second);
      expect((await r.datasets.list(c.id)).map((v) => v.number)).toEqual([2, 1]);
      expect(await r.councils.setActiveVersion(c.id, first)).toBe(true);
      expect((await r.datasets.active(c.id))?.number).toBe(1);
      expect((await r.datasets.files(c.id, first)).map((f) => f.position)).toEqual([0, 1]);
    });

    it("finds nothing of one council's versions through another council", async () => {
      const a = await council("A");
      const b = await council("B");
      const v = await r.datasets.createPending(version(a.id));
      expect(await r.datasets.get(b.id, v)).toBeUndefined();
      expect(await r.datasets.blob(b.id, v, "history")).toBeUndefined();
      expect(await r.datasets.files(b.id, v)).toEqual([]);
      expect(await r.datasets.accept(b.id, v, null)).toBeUndefined();
      expect(await r.datasets.discard(b.id, v)).toBe(false);
      await r.datasets.accept(a.id, v, null);
      expect(await r.councils.setActiveVersion(b.id, v)).toBe(false);
      await expect(
        d.db.updateTable("councils").set({ active_version_id: v }).where("id", "=", b.id).execute(),
      ).rejects.toThrow();
    });

    it("discards a pending version with its files, but never an accepted one", async () => {
      const c = await council("D");
      const pending = await r.datasets.createPending(version(c.id));
      expect(await r.datasets.discard(c.id, pending)).toBe(true);
      expect(await r.datasets.get(c.id, pending)).toBeUndefined();
      const n = await sql<{
        n: number;
      }>`select count(*)::int as n from dataset_files where version_id = ${pending}`.execute(d.db);
      expect(n.rows[0]!.n).toBe(0);
      const accepted = await r.datasets.createPending(version(c.id));
      await r.datasets.accept(c.id, accepted, null);
      expect(await r.datasets.discard(c.id, accepted)).toBe(false);
    });

    it("refuses any change to an accepted version or its files, even in plain SQL", async () => {
      const c = await council("E");
      const v = await r.datasets.createPending(version(c.id));
      await r.datasets.accept(c.id, v, null);
      await expect(
        sql`update dataset_versions set label = 'x' where id = ${v}`.execute(d.db),
      ).rejects.toThrow(/accepted/);
      await expect(sql`delete from dataset_versions where id = ${v}`.execute(d.db)).rejects.toThrow(
        /accepted/,
      );
      await expect(
        sql`update dataset_files set name = 'x' where version_id = ${v}`.execute(d.db),
      ).rejects.toThrow(/cannot be changed/);
      await expect(sql`delete from dataset_files where version_id = ${v}`.execute(d.db)).rejects.toThrow(
        /cannot be removed/,
      );
      expect((await r.datasets.files(c.id, v)).length).toBe(2);
    });

    it("leaves nothing behind when saving an upload fails part-way", async () => {
      const c = await council("F");
      const failing = new DatasetRepository(d.db.withPlugin(failOnInsert("dataset_files", 3)));
      await expect(failing.createPending(version(c.id, 5))).rejects.toThrow(/simulated failure/);
      expect(await r.datasets.list(c.id)).toEqual([]);
      const files = await sql<{
        n: number;
      }>`select count(*)::int as n from dataset_files where council_id = ${c.id}`.execute(d.db);
      expect(files.rows[0]!.n).toBe(0);
      // The connection is usable afterwards.
      const ok = await r.datasets.createPending(version(c.id, 5));
      expect((await r.datasets.files(c.id, ok)).length).toBe(5);
    });

    it("stores a file's bytes exactly", async () => {
      const c = await council("G");
      const v = version(c.id, 1);
      v.files[0]!.content = new Uint8Array([0, 255, 13, 10, 0x22, 0x5c]);
      const id = await r.datasets.createPending(v);
      const [f] = await r.datasets.files(c.id, id);
      const got = await r.datasets.fileContent(c.id, id, f!.id);
      expect([...got!.content]).toEqual([0, 255, 13, 10, 0x22, 0x5c]);
    });
  });

  describe("the profile cache", () => {
    it("keeps one body per version and key, for its own council", async () => {
      const c = await council("H");
      const other = await council("I");
      const v = await r.datasets.createPending(version(c.id));
      await r.profileCache.put(c.id, v, "k", new Uint8Array([1]));
      await r.profileCache.put(c.id, v, "k", new Uint8Array([2]));
      expect([...(await r.profileCache.get(c.id, v, "k"))!]).toEqual([1]);
      expect(await r.profileCache.get(other.id, v, "k")).toBeUndefined();
    });
  });

  describe("forecasts (stored for the forecasting service)", () => {
    it("holds one result per version, parameters and engine version", async () => {
      const c = await council("J");
      const v = await r.datasets.createPending(version(c.id));
      const row = {
        council_id: c.id,
        version_id: v,
        params: JSON.stringify({ method: "x", runs: 1000 }),
        params_hash: "h",
        engine_version: "1",
        result: new Uint8Array([1]),
        created_by: null,
      };
      await d.db
        .insertInto("forecasts")
        .values({ id: crypto.randomUUID(), ...row })
        .execute();
      await expect(
        d.db
          .insertInto("forecasts")
          .values({ id: crypto.randomUUID(), ...row })
          .execute(),
      ).rejects.toThrow();
    });
  });

  describe("the audit log", () => {
    it("appends and reads back, newest first", async () => {
      await r.audit.append({
        userId: null,
        userEmail: "a@example.org",
        councilId: null,
        versionId: null,
        action: "test.one",
        detail: { n: 1 },
        ip: "127.0.0.1",
      });
      await r.audit.append({
        userId: null,
        userEmail: "a@example.org",
        councilId: null,
        versionId: null,
        action: "test.two",
        detail: { n: 2 },
        ip: null,
      });
      const { entries } = await r.audit.page({ limit: 2, offset: 0 });
      expect(entries.map((e) => e.action)).toEqual(["test.two", "test.one"]);
      expect(entries[1]!.detail).toEqual({ n: 1 });
      const filtered = await r.audit.page({ limit: 10, offset: 0, action: "test.one" });
      expect(filtered.entries.every((e) => e.action === "test.one")).toBe(true);
    });

    it("refuses UPDATE, DELETE and TRUNCATE", async () => {
      await r.audit.append({
        userId: null,
        userEmail: null,
        councilId: null,
        versionId: null,
        action: "test.keep",
        detail: {},
        ip: null,
      });
      await expect(sql`update audit_log set action = 'changed'`.execute(d.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(d.db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_log`.execute(d.db)).rejects.toThrow(/append-only/);
      const { total } = await r.audit.page({ limit: 1, offset: 0, action: "test.keep" });
      expect(total).toBe(1);
    });
  });

  describe("settings", () => {
    it("keeps the first value given for a key", async () => {
      expect(await r.settings.getOrSet("k1", "first")).toBe("first");
      expect(await r.settings.getOrSet("k1", "second")).toBe("first");
    });
  });
});

describe("an upload interrupted by the process being killed", () => {
  it("leaves no version once the database is opened again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-kill-"));
    try {
      const first = await openDatabase({ dataDir: dir });
      const c = await repositories(first.db).councils.create({ name: "K", laCode: null });
      await first.close();
      // A separate process starts saving a version (the rows createPending writes, in one transaction)
      // and is killed before it commits.
      const pglite = pathToFileURL(
        join(process.cwd(), "node_modules/@electric-sql/pglite/dist/index.js"),
      ).href;
      const child = join(dir, "child.mjs");
      writeFileSync(
        child,
        `import { PGlite } from ${JSON.stringify(pglite)};
const db = await PGlite.create(${JSON.stringify(join(dir, "pglite"))});
const v = crypto.randomUUID();
await db.query("begin");
await db.query("insert into dataset_versions (id, council_id, state, errors, queries, children, episodes, summary, report, history) values ($1, $2, 'pending', 0, 0, 0, 0, '{}', $3, $3)", [v, ${JSON.stringify(c.id)}, new Uint8Array(100000)]);
await db.query("insert into dataset_files (id, version_id, council_id, position, name, kind, size, sha256, content) values ($1, $2, $3, 0, 'a.csv', '903', 1, $4, $5)", [crypto.randomUUID(), v, ${JSON.stringify(c.id)}, "0".repeat(64), new Uint8Array(500000)]);
process.kill(process.pid, "SIGKILL");
`,
      );
      const run = spawnSync(process.execPath, [child], { encoding: "utf8" });
      expect(run.signal).toBe("SIGKILL");
      const again = await openDatabase({ dataDir: dir });
      const r = repositories(again.db);
      expect(await r.datasets.list(c.id)).toEqual([]);
      const files = await sql<{ n: number }>`select count(*)::int as n from dataset_files`.execute(again.db);
      expect(files.rows[0]!.n).toBe(0);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
