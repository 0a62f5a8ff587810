import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headlineMeasures } from "../../core/profile/profile.js";
import { profileSections, profileTables } from "../../reports/profile-tables.js";
import { handProfile } from "../../reports/test-support/hand-profile.js";
import { loadConfig } from "../config.js";
import { type Repositories, repositories } from "../data/index.js";
import type { OpenedDatabase } from "../db/database.js";
import { pgliteBackend } from "../db/test-support/databases.js";
import { SMALL_DEMO } from "../test-support/world.js";
import { SYSTEM_ACTOR } from "./audit.js";
import { bootstrap } from "./bootstrap.js";
import { demoFiles } from "./demo.js";
import { createServices, type Services } from "./index.js";
import { overview } from "./overview.js";
import { type ProfileBundle, ProfileService } from "./profiles.js";
import { tokenHash } from "./sessions.js";

let d: OpenedDatabase;
let r: Repositories;
let clock = new Date("2025-01-01T09:00:00Z");
let s: Services;
beforeAll(async () => {
  d = await pgliteBackend.open();
  r = repositories(d.db);
  const config = loadConfig({
    SIGN_IN_MAX_FAILURES: "3",
    SIGN_IN_LOCK_MINUTES: "15",
    SESSION_IDLE_MINUTES: "30",
    SESSION_MAX_HOURS: "2",
  });
  s = createServices(r, config, () => clock);
});
afterAll(async () => d.close());

const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

describe("signing in", () => {
  it("locks an account after the set number of wrong passwords, even against the right one, until the time passes", async () => {
    await s.users.create(SYSTEM_ACTOR, {
      email: "lock@example.org",
      name: "L",
      role: "viewer",
      password: "right-password-123",
      councilIds: [],
    });
    expect((await s.users.signIn("lock@example.org", "wrong", null)).ok).toBe(false);
    expect(await s.users.signIn("lock@example.org", "wrong", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await s.users.signIn("lock@example.org", "wrong", null)).toEqual({ ok: false, reason: "locked" });
    expect(await s.users.signIn("lock@example.org", "right-password-123", null)).toEqual({
      ok: false,
      reason: "locked",
    });
    advance(14);
    expect(await s.users.signIn("lock@example.org", "right-password-123", null)).toEqual({
      ok: false,
      reason: "locked",
    });
    advance(2);
    expect((await s.users.signIn("LOCK@example.org", "right-password-123", null)).ok).toBe(true);
  });

  it("refuses unknown and disabled accounts alike, and records each attempt", async () => {
    const u = await s.users.create(SYSTEM_ACTOR, {
      email: "off@example.org",
      name: "O",
      role: "viewer",
      password: "right-password-123",
      councilIds: [],
    });
    await r.users.update(u.id, { disabled: true });
    expect(await s.users.signIn("off@example.org", "right-password-123", "10.0.0.1")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await s.users.signIn("nobody@example.org", "x", "10.0.0.1")).toEqual({
      ok: false,
      reason: "invalid",
    });
    const { entries } = await s.audit.page({ page: 1, perPage: 2, action: "sign-in.failed" });
    expect(entries.map((e) => [e.user_email, e.detail, e.ip])).toEqual([
      ["nobody@example.org", { reason: "unknown" }, "10.0.0.1"],
      ["off@example.org", { reason: "disabled" }, "10.0.0.1"],
    ]);
  });

  it("links a single sign-on identity to the account with its email, once", async () => {
    const u = await s.users.create(SYSTEM_ACTOR, {
      email: "sso@example.org",
      name: "S",
      role: "viewer",
      password: null,
      councilIds: [],
    });
    const first = await s.users.signInWithSubject("https://idp|abc", "SSO@example.org".toLowerCase());
    expect(first?.user.id).toBe(u.id);
    expect((await s.users.signInWithSubject("https://idp|abc", undefined))?.user.id).toBe(u.id);
    // Another identity claiming the same email does not take the account over.
    expect(await s.users.signInWithSubject("https://idp|other", "sso@example.org")).toBeUndefined();
  });
});

describe("sessions", () => {
  it("end after the idle time, and after the maximum lifetime however active", async () => {
    const u = await s.users.create(SYSTEM_ACTOR, {
      email: "sess@example.org",
      name: "S",
      role: "viewer",
      password: null,
      councilIds: [],
    });
    const { token } = await s.sessions.start(u.id, null);
    expect(await r.sessions.find(token, clock)).toBeUndefined();
    expect((await r.sessions.find(tokenHash(token), clock))?.user.id).toBe(u.id);
    advance(29);
    expect(await s.sessions.resume(token)).toBeDefined();
    advance(29);
    expect(await s.sessions.resume(token)).toBeDefined();
    advance(31);
    expect(await s.sessions.resume(token)).toBeUndefined();

    const second = await s.sessions.start(u.id, null);
    for (let i = 0; i < 4; i++) {
      advance(25);
      expect(await s.sessions.resume(second.token)).toBeDefined();
    }
    advance(25);
    expect(await s.sessions.resume(second.token)).toBeUndefined();
    expect(await s.sessions.resume("not-a-token")).toBeUndefined();
  });
});

describe("dataset versions and profiles", () => {
  it("stage an upload, accept it and serve its profile from the database after a restart", async () => {
    const c = await s.councils.create(SYSTEM_ACTOR, { name: "Staged", laCode: null });
    const staged = await s.datasets.stage(SYSTEM_ACTOR, c.id, demoFiles(SMALL_DEMO), "label");
    if (!staged.ok) throw new Error(staged.problems[0]!.message);
    const v = await s.datasets.get(c.id, staged.versionId);
    expect(v?.state).toBe("pending");
    expect(v?.summary.files.length).toBe(demoFiles(SMALL_DEMO).length);
    expect(v?.summary.years).toEqual([2021, 2022, 2023, 2024]);
    expect(await s.datasets.accept(SYSTEM_ACTOR, c.id, staged.versionId)).toBe(1);
    const bundle = await s.profiles.bundle({ id: c.id, laCode: null }, staged.versionId);
    expect(bundle?.profile.at).toBe("2025-03-31");
    expect(bundle?.previous?.at).toBe("2024-03-31");

    // A new service (as after a restart) whose history loader fails: the profile must come from the stored cache.
    const noHistory = {
      history: async () => {
        throw new Error("history read");
      },
    } as unknown as Services["datasets"];
    const fresh = new ProfileService(noHistory, r.profileCache);
    const again = await fresh.bundle({ id: c.id, laCode: null }, staged.versionId);
    expect(again?.profile).toEqual(bundle?.profile);
    // Another council's id finds nothing.
    const other = await s.councils.create(SYSTEM_ACTOR, { name: "Other", laCode: null });
    expect(await s.profiles.bundle({ id: other.id, laCode: null }, staged.versionId)).toBeUndefined();
  });

  it("show one child's history and issues", async () => {
    const c = await s.councils.create(SYSTEM_ACTOR, { name: "Children", laCode: null });
    const staged = await s.datasets.stage(SYSTEM_ACTOR, c.id, demoFiles(SMALL_DEMO));
    if (!staged.ok) throw new Error("not staged");
    const history = await s.datasets.history(c.id, staged.versionId);
    const child = history!.children[0]!;
    const view = await s.datasets.child(c.id, staged.versionId, child.id);
    expect(view?.history.episodes.length).toBe(child.episodes.length);
    expect(await s.datasets.child(c.id, staged.versionId, "no-such-child")).toBeUndefined();
  });
});

describe("the first start", () => {
  it("creates the administrator with a random password and loads the demo council once", async () => {
    const d2 = await pgliteBackend.open();
    try {
      const s2 = createServices(repositories(d2.db), loadConfig({}));
      const first = await bootstrap(s2, { demo: true, demoSettings: SMALL_DEMO });
      expect(first.admin?.email).toBe("admin@example.org");
      expect(first.admin?.generated).toBe(true);
      expect(first.admin?.password).toMatch(/^[A-Za-z0-9]{20}$/);
      expect((await s2.users.signIn("admin@example.org", first.admin!.password, null)).ok).toBe(true);
      expect(first.demo?.version).toBe(1);
      const admin = await s2.users.byEmail("admin@example.org");
      const councils = await s2.councils.forUser(admin!.id);
      expect(councils.map((c) => c.name)).toEqual(["Demo council (synthetic data)"]);
      expect((await s2.datasets.active(councils[0]!.id))?.number).toBe(1);
      const second = await bootstrap(s2, {
        demo: true,
        demoSettings: SMALL_DEMO,
        adminPassword: "ignored-now-12",
      });
      expect(second).toEqual({});
    } finally {
      await d2.close();
    }
  });

  it("uses ADMIN_PASSWORD when given and loads no demo when switched off", async () => {
    const d3 = await pgliteBackend.open();
    try {
      const s3 = createServices(repositories(d3.db), loadConfig({}));
      const first = await bootstrap(s3, { demo: false, adminPassword: "given-password-1" });
      expect(first.admin).toEqual({
        email: "admin@example.org",
        password: "given-password-1",
        generated: false,
      });
      expect(first.demo).toBeUndefined();
      expect(await s3.councils.count()).toBe(0);
    } finally {
      await d3.close();
    }
  });
});

describe("the overview", () => {
  it("puts comparators beside the council and works out each change from a year before", () => {
    const profile = handProfile();
    const previous = structuredClone(profile);
    previous.at = "2021-03-31";
    previous.cla.total = profile.cla.total - 3;
    previous.stability.threePlus.pct = (profile.stability.threePlus.pct ?? 0) - 2.5;
    const bundle: ProfileBundle = {
      councilId: "c",
      versionId: "v",
      profile,
      previous,
      tables: profileTables(profile),
      charts: {},
      sections: profileSections(profile),
    };
    const o = overview(bundle);
    expect(o.areas).toEqual(["England", "London"]);
    const rate = o.headline.find((h) => h.label.startsWith("Children looked after per 10,000"))!;
    expect(rate.comparators).toEqual(["70.0", "47.0"]);
    const rows = new Map(o.changes!.rows.map((c) => [c.label, c]));
    expect(rows.get("Children looked after")!.change).toBe("+3");
    expect(rows.get("3 or more placements in the year, %")!.change).toBe("+2.5 points");
    expect(o.changes!.previousAt).toBe("31 March 2021");
    expect(o.changes!.rows.length).toBe(headlineMeasures(profile).length + 2);
  });
});
