import { generateRegister } from "../../core/supply/generate.js";
import { SYNTHETIC_LA } from "../../core/synthetic/index.js";
import { SYSTEM_ACTOR } from "./audit.js";
import { DEMO, DEMO_COUNCIL_NAME, type DemoSettings, demoFiles } from "./demo.js";
import type { Services } from "./index.js";
import { randomPassword } from "./passwords.js";

export const FIRST_ADMIN_EMAIL = "admin@example.org";

export interface BootstrapResult {
  /** Set when the first administrator was created just now. */
  admin?: { email: string; password: string; generated: boolean };
  /** Set when the demo council was loaded just now. */
  demo?: { council: string; version: number; councilId: string; versionId: string };
}

/**
 * First start: with no users, creates the administrator (password from
 * ADMIN_PASSWORD, or a random one returned to be printed once); with no
 * councils and the demo switched on, loads the synthetic demo council as an
 * accepted version, with a generated supply register (the national default
 * costs need nothing stored), and gives it to every administrator. The
 * demo's first forecast is started by the caller (server.ts), off the
 * request thread, once the service is up.
 */
export async function bootstrap(
  s: Services,
  o: { adminPassword?: string; demo: boolean; demoSettings?: DemoSettings },
): Promise<BootstrapResult> {
  const result: BootstrapResult = {};
  if ((await s.users.count()) === 0) {
    const password = o.adminPassword ?? randomPassword();
    await s.users.create(SYSTEM_ACTOR, {
      email: FIRST_ADMIN_EMAIL,
      name: "Administrator",
      role: "admin",
      password,
      councilIds: [],
    });
    result.admin = { email: FIRST_ADMIN_EMAIL, password, generated: o.adminPassword === undefined };
  }
  if (o.demo && (await s.councils.count()) === 0) {
    const council = await s.councils.create(SYSTEM_ACTOR, { name: DEMO_COUNCIL_NAME, laCode: SYNTHETIC_LA });
    const staged = await s.datasets.stage(
      SYSTEM_ACTOR,
      council.id,
      demoFiles(o.demoSettings ?? DEMO),
      "Synthetic demo data",
    );
    if (!staged.ok) throw new Error(`the demo data could not be loaded: ${staged.problems[0]?.message}`);
    const version = await s.datasets.accept(SYSTEM_ACTOR, council.id, staged.versionId);
    for (const u of await s.users.list()) if (u.role === "admin") await s.users.grant(u.id, council.id);
    await s.profiles.bundle({ id: council.id, laCode: council.la_code }, staged.versionId);
    const settings = o.demoSettings ?? DEMO;
    await s.supply.loadRegister(
      SYSTEM_ACTOR,
      { id: council.id, name: council.name },
      generateRegister({
        council: council.name,
        childrenInCare: settings.childrenInCare,
        to: settings.to,
        seed: settings.seed,
      }),
    );
    result.demo = {
      council: council.name,
      version: version ?? 0,
      councilId: council.id,
      versionId: staged.versionId,
    };
  }
  return result;
}
