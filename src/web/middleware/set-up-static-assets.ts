import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { packageRoot } from "../../reports/profile-html.js";

/** govuk-frontend's dist/govuk folder: its CSS, JS, and assets (fonts, images). */
export function govukDist(): string {
  const pkg = createRequire(import.meta.url).resolve("govuk-frontend/package.json");
  return join(dirname(pkg), "dist", "govuk");
}

/** The service's own stylesheet and script, found from src/ and dist/ alike. */
export function publicDir(): string {
  return join(packageRoot(), "src", "web", "public");
}

/**
 * /assets/…: govuk-frontend's fonts and images (where its stylesheet expects
 * them) and this service's own files; /assets/govuk/…: govuk-frontend's
 * compiled CSS and JS, and nothing else of that folder.
 */
export async function setUpStaticAssets(app: FastifyInstance): Promise<void> {
  const dist = govukDist();
  await app.register(fastifyStatic, {
    root: [join(dist, "assets"), publicDir()],
    prefix: "/assets/",
    maxAge: "1d",
    index: false,
    list: false,
  });
  await app.register(fastifyStatic, {
    root: dist,
    prefix: "/assets/govuk/",
    decorateReply: false,
    maxAge: "1d",
    index: false,
    list: false,
    allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)(\.map)?$/.test(path),
  });
  app.get("/favicon.ico", { config: { public: true } }, async (_request, reply) => reply.code(204).send());
}
