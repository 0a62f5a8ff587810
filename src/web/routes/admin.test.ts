import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorSummary, tableRows, textOf } from "../test-support/html.js";
import { Browser, createWorld, PASSWORD, signedIn, type World } from "../test-support/world.js";

let w: World;
let admin: Browser;
beforeAll(async () => {
  w = await createWorld({ data: false });
  admin = await signedIn(w.app, "admin@example.org");
});
afterAll(async () => w.close());

describe("administration: users", () => {
  it("lists users with their role, councils and status", async () => {
    const res = await admin.get("/admin/users");
    const rows = tableRows(res.body, "main-content");
    expect(rows.find((r) => r[0] === "viewer.ab@example.org")?.slice(2, 5)).toEqual([
      "Viewer",
      "Council A, Council B",
      "Active",
    ]);
  });

  it("adds a user who can then sign in and sees only the councils given", async () => {
    await admin.get("/admin/users/new");
    const res = await admin.post("/admin/users", {
      email: " New.Person@Example.org ",
      name: "New Person",
      role: "analyst",
      councils: [w.councilB.id],
      password: "a-brand-new-password",
    });
    expect(res.statusCode).toBe(303);
    const b = new Browser(w.app);
    expect((await b.signIn("new.person@example.org", "a-brand-new-password")).headers.location).toBe(
      "/overview",
    );
    expect(textOf((await b.get("/account")).body)).toContain("Councils Council B");
    const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action: "user.create" });
    expect(entries[0]).toMatchObject({
      user_email: "admin@example.org",
      detail: { user: "new.person@example.org", role: "analyst" },
    });
  });

  it("shows GOV.UK errors for a bad new user", async () => {
    await admin.get("/admin/users/new");
    const res = await admin.post("/admin/users", { email: "not an email", name: "", password: "short" });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual([
      "Enter the person's name",
      "Select a role",
      "Enter an email address in the correct format, like name@example.org",
      "Password must be at least 12 characters",
    ]);
    await admin.get("/admin/users/new");
    const dup = await admin.post("/admin/users", {
      email: "viewer.a@example.org",
      name: "Dup",
      role: "viewer",
    });
    expect(errorSummary(dup.body)).toEqual(["There is already an account with this email address"]);
    await admin.get("/admin/users/new");
    const bogus = await admin.post("/admin/users", {
      email: "bogus@example.org",
      name: "B",
      role: "viewer",
      councils: ["00000000-0000-0000-0000-000000000000"],
    });
    expect(errorSummary(bogus.body)).toEqual(["Select councils from the list"]);
    await admin.get("/admin/users/new");
    const badRole = await admin.post("/admin/users", {
      email: "role@example.org",
      name: "R",
      role: "superuser",
    });
    expect(errorSummary(badRole.body)).toEqual(["Select a role"]);
  });

  it("changes a user's role and councils, ending their sessions when access shrinks", async () => {
    const viewer = await signedIn(w.app, "viewer.ab@example.org");
    await admin.get(`/admin/users/${w.users.viewerAB}`);
    const res = await admin.post(`/admin/users/${w.users.viewerAB}`, {
      name: "Viewer AB",
      role: "viewer",
      councils: [w.councilA.id],
    });
    expect(res.statusCode).toBe(303);
    expect((await viewer.get("/account")).statusCode).toBe(303);
    const u = await w.services.users.get(w.users.viewerAB);
    expect(u?.councils.map((c) => c.name)).toEqual(["Council A"]);
    expect(u?.name).toBe("Viewer AB");
  });

  it("disables an account, which can no longer sign in", async () => {
    await admin.get(`/admin/users/${w.users.analystB}`);
    await admin.post(`/admin/users/${w.users.analystB}`, {
      name: "B",
      role: "analyst",
      councils: [w.councilB.id],
      disabled: "yes",
    });
    expect((await new Browser(w.app).signIn("analyst.b@example.org")).statusCode).toBe(401);
    const rows = tableRows((await admin.get("/admin/users")).body, "main-content");
    expect(rows.find((r) => r[0] === "analyst.b@example.org")?.[4]).toBe("Disabled");
  });

  it("unlocks a locked account", async () => {
    await w.repos.users.recordFailure(w.users.viewerA, 1, new Date(Date.now() + 3_600_000));
    expect((await new Browser(w.app).signIn("viewer.a@example.org")).statusCode).toBe(423);
    const page = await admin.get(`/admin/users/${w.users.viewerA}`);
    expect(textOf(page.body)).toContain("This account is locked");
    await admin.post(`/admin/users/${w.users.viewerA}`, {
      name: "viewer.a",
      role: "viewer",
      councils: [w.councilA.id],
      unlock: "yes",
    });
    expect((await new Browser(w.app).signIn("viewer.a@example.org")).statusCode).toBe(303);
  });

  it("sets a new password, ending the user's sessions", async () => {
    const viewer = await signedIn(w.app, "viewer.a@example.org");
    await admin.get(`/admin/users/${w.users.viewerA}`);
    const short = await admin.post(`/admin/users/${w.users.viewerA}/password`, { password: "short" });
    expect(errorSummary(short.body)).toEqual(["Password must be at least 12 characters"]);
    await admin.post(`/admin/users/${w.users.viewerA}/password`, { password: "set-by-the-admin" });
    expect((await viewer.get("/account")).statusCode).toBe(303);
    expect((await new Browser(w.app).signIn("viewer.a@example.org", PASSWORD)).statusCode).toBe(401);
    expect((await new Browser(w.app).signIn("viewer.a@example.org", "set-by-the-admin")).statusCode).toBe(
      303,
    );
  });

  it("does not let administrators demote or disable themselves", async () => {
    await admin.get(`/admin/users/${w.users.admin}`);
    const res = await admin.post(`/admin/users/${w.users.admin}`, {
      name: "Admin",
      role: "viewer",
      councils: [w.councilA.id, w.councilB.id],
    });
    expect(errorSummary(res.body)).toEqual([
      "You cannot remove your own administrator role or disable your own account",
    ]);
    expect((await w.services.users.get(w.users.admin))?.role).toBe("admin");
  });

  it("answers not found for a user who does not exist", async () => {
    expect((await admin.get("/admin/users/00000000-0000-0000-0000-000000000000")).statusCode).toBe(404);
    expect((await admin.get("/admin/users/nope")).statusCode).toBe(404);
    await admin.get("/admin/users");
    expect(
      (await admin.post("/admin/users/00000000-0000-0000-0000-000000000000", { name: "x", role: "viewer" }))
        .statusCode,
    ).toBe(404);
  });
});

describe("administration: councils", () => {
  it("adds a council, given to the administrator who added it", async () => {
    await admin.get("/admin/councils");
    const res = await admin.post("/admin/councils", { name: "Council C", laCode: "e09000006" });
    expect(res.statusCode).toBe(303);
    const c = await w.services.councils.byName("Council C");
    expect(c?.la_code).toBe("E09000006");
    expect((await w.services.councils.forUser(w.users.admin)).map((x) => x.name)).toContain("Council C");
  });

  it("shows GOV.UK errors for a bad council", async () => {
    await admin.get("/admin/councils");
    const res = await admin.post("/admin/councils", { name: "", laCode: "London" });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual([
      "Enter the council's name",
      "Enter the local authority code in the correct format, like E09000006, or leave it blank",
    ]);
    await admin.get("/admin/councils");
    const dup = await admin.post("/admin/councils", { name: "Council A" });
    expect(errorSummary(dup.body)).toEqual(["There is already a council with this name"]);
  });
});

describe("administration: the audit log", () => {
  it("shows entries newest first, filtered by action, paged", async () => {
    const res = await admin.get("/admin/audit?action=sign-in");
    expect(res.statusCode).toBe(200);
    const rows = tableRows(res.body, "main-content").slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[2] === "sign-in")).toBe(true);
    const all = await admin.get("/admin/audit?page=1");
    expect(textOf(all.body)).toMatch(/\d+ entries\./);
    const unknown = await admin.get("/admin/audit?action=drop%20table&page=-5");
    expect(unknown.statusCode).toBe(200);
  });
});
