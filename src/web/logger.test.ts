import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDACT_PATHS, serializeError } from "./logger.js";
import { createWorld, PASSWORD, signedIn, type World } from "./test-support/world.js";

const lines: string[] = [];
let w: World;
beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  w = await createWorld({ env: { LOG_LEVEL: "info" }, logStream: stream });
});
afterAll(async () => w.close());

describe("the logs", () => {
  it("carry route templates, status and user id, never a child's id, a query string, a password or a cookie", async () => {
    const history = await w.services.datasets.history(w.councilA.id, w.versionA);
    const child = history!.children[0]!.id;
    const b = await signedIn(w.app, "analyst.a@example.org");
    lines.length = 0;
    const res = await b.get(`/data/versions/${w.versionA}/children/${child}`);
    expect(res.statusCode).toBe(200);
    await b.get(`/data/versions/${w.versionA}/issues?rule=${child}`);
    await b.get("/sign-in");
    await b.post("/sign-in", { email: "analyst.a@example.org", password: PASSWORD });
    const log = lines.join("");
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.some((e) => e.route === "/data/versions/:id/children/:child" && e.status === 200)).toBe(
      true,
    );
    expect(entries.some((e) => e.user === w.users.analystA)).toBe(true);
    expect(log).not.toContain(`/children/${child}`);
    expect(log).not.toMatch(new RegExp(`[^0-9]${child}[^0-9]`));
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain("sp-session");
    expect(log).not.toContain("analyst.a@example.org");
  });

  it("redact bodies, query strings, cookies and passwords should anything pass them to the logger", () => {
    for (const p of ["req.body", "req.query", "req.headers.cookie", "req.url", "password"]) {
      expect(REDACT_PATHS).toContain(p);
    }
  });

  it("log errors by name, message, code and stack only", () => {
    const e = Object.assign(new Error("failed"), {
      code: "23505",
      detail: "Key (email)=(a@b.c) exists",
      statusCode: 500,
    });
    const s = serializeError(e);
    expect(Object.keys(s).sort()).toEqual(["code", "message", "stack", "statusCode", "type"]);
    expect(JSON.stringify(s)).not.toContain("a@b.c");
  });
});
