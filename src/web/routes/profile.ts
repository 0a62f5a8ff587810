import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { actorOf } from "../middleware/set-up-authentication.js";
import type { Download } from "../services/exports.js";
import type { ProfileBundle } from "../services/profiles.js";
import { activeProfile } from "./active.js";
import { FragmentCache } from "./fragments.js";
import { councilOf, sendDownload } from "./helpers.js";
import type { RouteOptions } from "./index.js";
import { tableView } from "./table-view.js";

/** The printable report has its own, looser policy: it inlines its stylesheet, runs no script and is sandboxed. */
const REPORT_CSP = {
  // A nonce in style-src would switch 'unsafe-inline' off (that is the CSP rule), blocking the report's stylesheet.
  enableCSPNonces: false,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      styleSrc: ["'unsafe-inline'"],
      imgSrc: ["data:"],
      sandbox: [],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
};

/** The profile page: every measure as a chart (where there is one) above its table, and the downloads. */
export async function profileRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { services } = o;

  const fragments = new FragmentCache(app);

  /** `/profile` is the first section; each section is a page of its own, with the contents of all. */
  const showSection = async (request: FastifyRequest, reply: FastifyReply, sectionId: string | undefined) => {
    const active = await activeProfile(services, request, reply);
    if (!active) return reply;
    const b = active.bundle;
    const index = sectionId === undefined ? 0 : b.sections.findIndex((s) => s.id === sectionId);
    if (index < 0) return reply.callNotFound();
    const body = await fragments.render(b, `partials/profile-body.njk#${index}`, () => {
      const sections = b.sections.map((s, i) => ({
        ...s,
        number: i + 1,
        href: i === 0 ? "/profile" : `/profile/${s.id}`,
        anchor: `section-${s.id}`,
      }));
      const s = sections[index]!;
      return {
        sections,
        section: {
          ...s,
          tables: b.tables
            .filter((t) => t.section === s.id)
            .map((t, k) => ({ ...tableView(t, `${index + 1}.${k + 1}`), chart: b.charts[t.id] ?? null })),
        },
        previous: sections[index - 1] ?? null,
        next: sections[index + 1] ?? null,
      };
    });
    return reply.view("pages/profile.njk", {
      version: active.version,
      profile: b.profile,
      sectionTitle: b.sections[index]!.title,
      body,
    });
  };

  app.get("/profile", { config: { council: true } }, async (request, reply) =>
    showSection(request, reply, undefined),
  );

  app.get("/profile/:section", { config: { council: true } }, async (request, reply) =>
    showSection(request, reply, (request.params as { section: string }).section),
  );

  const exported = async (
    request: FastifyRequest,
    bundle: ProfileBundle,
    d: Download,
    what: Record<string, unknown>,
  ) => {
    await services.audit.record(actorOf(request), "export", {
      councilId: bundle.councilId,
      versionId: bundle.versionId,
      detail: { ...what, file: d.filename },
    });
  };

  app.get("/profile/tables/:file", { config: { council: true } }, async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const m = /^([a-z_]+\.[a-z0-9_]+)\.csv$/.exec(file);
    if (!m) return reply.callNotFound();
    const active = await activeProfile(services, request, reply);
    if (!active) return reply;
    const d = services.exports.table(active.bundle, councilOf(request).name, m[1]!);
    if (!d) return reply.callNotFound();
    await exported(request, active.bundle, d, { format: "csv", table: m[1] });
    return sendDownload(reply, d);
  });

  app.get("/profile/download/profile.csv", { config: { council: true } }, async (request, reply) => {
    const active = await activeProfile(services, request, reply);
    if (!active) return reply;
    const d = services.exports.allCsv(active.bundle, councilOf(request).name);
    await exported(request, active.bundle, d, { format: "csv" });
    return sendDownload(reply, d);
  });

  app.get("/profile/download/profile.xlsx", { config: { council: true } }, async (request, reply) => {
    const active = await activeProfile(services, request, reply);
    if (!active) return reply;
    const d = await services.exports.xlsx(active.bundle, councilOf(request).name);
    await exported(request, active.bundle, d, { format: "xlsx" });
    return sendDownload(reply, d);
  });

  app.get("/profile/report", { config: { council: true }, helmet: REPORT_CSP }, async (request, reply) => {
    const active = await activeProfile(services, request, reply);
    if (!active) return reply;
    const d = services.exports.html(active.bundle, councilOf(request).name);
    await exported(request, active.bundle, d, { format: "html" });
    return sendDownload(reply, d, "inline");
  });
}
