import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.js";
import { type Config, loadConfig } from "../config.js";
import { type Repositories, repositories } from "../data/index.js";
import { databaseReachable, type OpenedDatabase } from "../db/database.js";
import type { Council } from "../db/schema.js";
import { pgliteBackend } from "../db/test-support/databases.js";
import { SYSTEM_ACTOR } from "../services/audit.js";
import { type DemoSettings, demoFiles } from "../services/demo.js";
import { createServices, type Services } from "../services/index.js";
import type { OidcService } from "../services/oidc.js";

/** A small generated council: quick to load, big enough for every measure. */
export const SMALL_DEMO: DemoSettings = { from: 2021, to: 2024, childrenInCare: 120, seed: 11 };

export const PASSWORD = "a-long-test-password";

export interface TestUsers {
  admin: string;
  analystA: string;
  viewerA: string;
  analystB: string;
  /** Has both councils. */
  viewerAB: string;
}

export interface World {
  app: FastifyInstance;
  db: OpenedDatabase;
  repos: Repositories;
  services: Services;
  config: Config;
  councilA: Council;
  councilB: Council;
  /** The accepted, active version of each council. */
  versionA: string;
  versionB: string;
  users: TestUsers;
  close(): Promise<void>;
}

export interface WorldOptions {
  env?: Record<string, string>;
  /** Load data into the councils (default true). */
  data?: boolean;
  oidc?: OidcService;
  now?: () => Date;
  db?: OpenedDatabase;
  logStream?: NodeJS.WritableStream;
}

export const TEST_SECRET = "test-secret-of-sufficient-length-0123456789abcdef";

/**
 * A running app (not listening: requests go through `inject`) on an
 * in-memory PGlite, with two councils (A and B), each with an accepted
 * version of generated data, and users: an administrator (both councils),
 * an analyst and a viewer of A, an analyst of B, and a viewer of both.
 */
export async function createWorld(o: WorldOptions = {}): Promise<World> {
  const config = loadConfig({ LOG_LEVEL: "silent", SIGN_IN_RATE_PER_MINUTE: "1000", ...o.env });
  const db = o.db ?? (await pgliteBackend.open());
  const repos = repositories(db.db);
  const services = createServices(repos, config, o.now);
  const councilA = await services.councils.create(SYSTEM_ACTOR, { name: "Council A", laCode: "E99999901" });
  const councilB = await services.councils.create(SYSTEM_ACTOR, { name: "Council B", laCode: null });
  const mk = (email: string, role: "admin" | "analyst" | "viewer", councilIds: string[]) =>
    services.users.create(SYSTEM_ACTOR, {
      email,
      name: email.split("@")[0]!,
      role,
      password: PASSWORD,
      councilIds,
    });
  const users: TestUsers = {
    admin: (await mk("admin@example.org", "admin", [councilA.id, councilB.id])).id,
    analystA: (await mk("analyst.a@example.org", "analyst", [councilA.id])).id,
    viewerA: (await mk("viewer.a@example.org", "viewer", [councilA.id])).id,
    analystB: (await mk("analyst.b@example.org", "analyst", [councilB.id])).id,
    viewerAB: (await mk("viewer.ab@example.org", "viewer", [councilA.id, councilB.id])).id,
  };
  let versionA = "";
  let versionB = "";
  if (o.data !== false) {
    const files = demoFiles(SMALL_DEMO);
    for (const c of [councilA, councilB]) {
      const staged = await services.datasets.stage(SYSTEM_ACTOR, c.id, files, "test data");
      if (!staged.ok) throw new Error(staged.problems[0]!.message);
      await services.datasets.accept(SYSTEM_ACTOR, c.id, staged.versionId);
      if (c === councilA) versionA = staged.versionId;
      else versionB = staged.versionId;
    }
  }
  const app = await buildApp({
    config,
    services,
    secret: TEST_SECRET,
    version: "test",
    databaseReachable: () => databaseReachable(db.db),
    ...(o.oidc ? { oidc: o.oidc } : {}),
    ...(o.logStream ? { logStream: o.logStream } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    repos,
    services,
    config,
    councilA,
    councilB,
    versionA,
    versionB,
    users,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export type Form = Record<string, string | string[]>;

export function encodeForm(form: Form): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

/** A browser, as far as the service can tell: keeps cookies, reads CSRF tokens from pages, submits forms. */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** The last page's CSRF token. */
  token = "";

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(o: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(o.headers ?? {}) } as Record<string, string>;
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await this.app.inject({ ...o, headers });
    for (const c of res.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      const gone = c.value === "" || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const type = String(res.headers["content-type"] ?? "");
    if (type.startsWith("text/html")) {
      const m = /name="_csrf" value="([^"]+)"/.exec(res.body) ?? /_csrf=([^"&]+)"/.exec(res.body);
      if (m) this.token = decodeURIComponent(m[1]!);
    }
    return res;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request({ method: "GET", url });
  }

  /** Posts a form with the last page's CSRF token (unless the form gives its own `_csrf`). */
  post(url: string, form: Form = {}): Promise<LightMyRequestResponse> {
    return this.request({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: encodeForm({ _csrf: this.token, ...form }),
    });
  }

  async signIn(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    await this.get("/sign-in");
    return this.post("/sign-in", { email, password });
  }
}

/** A signed-in browser. */
export async function signedIn(app: FastifyInstance, email: string): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.signIn(email);
  if (res.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${res.statusCode}`);
  await b.get("/account");
  return b;
}

/** A multipart/form-data body of files (and fields), as a browser's upload form sends it. */
export function multipart(
  files: Array<{ name: string; content: Uint8Array | string; field?: string }>,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----test${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? "files"}"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
    );
    parts.push(typeof f.content === "string" ? Buffer.from(f.content) : Buffer.from(f.content));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
