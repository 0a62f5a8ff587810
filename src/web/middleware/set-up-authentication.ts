import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type FormErrors, field, noErrors, text, zodErrors } from "../forms/forms.js";
import type { Actor } from "../services/audit.js";
import type { Services } from "../services/index.js";
import type { OidcPending, OidcService } from "../services/oidc.js";
import { clearSessionCookie, setSessionCookie } from "./set-up-sessions.js";

const SignIn = z.object({
  email: field(
    z.string().trim().min(1, "Enter your email address").max(254, "Enter a shorter email address"),
  ),
  password: field(z.string().min(1, "Enter your password").max(1000, "Enter a shorter password")),
});

const OIDC_COOKIE = "sp-oidc";

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, email: request.user?.email ?? null, ip: request.ip ?? null };
}

export interface AuthenticationOptions {
  services: Services;
  secure: boolean;
  lockMinutes: number;
  ratePerMinute: number;
  oidc?: OidcService;
}

/**
 * Signing in and out: the sign-in form (email and password, checked with
 * argon2id; a lock-out after repeated failures; a per-address rate limit),
 * single sign-on through OpenID Connect when configured, and sign-out.
 * Signing in always starts a new session (no fixation); signing out ends it
 * in the database, not only in the browser.
 */
export async function setUpAuthentication(app: FastifyInstance, o: AuthenticationOptions): Promise<void> {
  await app.register(rateLimit, { global: false });
  const { services } = o;

  const showSignIn = (reply: FastifyReply, email: string, errors: FormErrors, status = 200) =>
    reply.code(status).view("pages/sign-in.njk", {
      email,
      errors,
      sso: o.oidc ? { name: o.oidc.settings.name } : null,
    });

  const begin = async (
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    councilIds: string[],
  ) => {
    if (request.session) await services.sessions.end(request.session);
    const { token, expiresAt } = await services.sessions.start(
      userId,
      councilIds.length === 1 ? councilIds[0]! : null,
    );
    setSessionCookie(reply, o, token, expiresAt);
  };

  app.get("/sign-in", { config: { public: true } }, async (request, reply) => {
    if (request.user) return reply.redirect("/", 303);
    return showSignIn(reply, "", noErrors());
  });

  app.post(
    "/sign-in",
    {
      config: {
        public: true,
        rateLimit: { max: o.ratePerMinute, timeWindow: 60_000 },
      },
    },
    async (request, reply) => {
      const parsed = SignIn.safeParse(request.body ?? {});
      const email = text(request.body, "email").slice(0, 254);
      if (!parsed.success) return showSignIn(reply, email, zodErrors(parsed.error), 400);
      const result = await services.users.signIn(parsed.data.email, parsed.data.password, request.ip);
      if (!result.ok) {
        const errors = noErrors();
        const text =
          result.reason === "locked"
            ? `Your account is locked after too many failed attempts. Try again in ${o.lockMinutes} minutes, or ask an administrator to unlock it`
            : "Enter a correct email address and password";
        errors.list.push({ text, href: "#email" });
        errors.byField.email = { text };
        return showSignIn(reply, email, errors, result.reason === "locked" ? 423 : 401);
      }
      await begin(
        request,
        reply,
        result.user.id,
        result.councils.map((c) => c.id),
      );
      await services.audit.record(
        { userId: result.user.id, email: result.user.email, ip: request.ip },
        "sign-in",
        {
          detail: { method: "password" },
        },
      );
      return reply.redirect(result.councils.length === 1 ? "/overview" : "/councils", 303);
    },
  );

  app.post("/sign-out", async (request, reply) => {
    if (request.session) {
      await services.audit.record(actorOf(request), "sign-out");
      await services.sessions.end(request.session);
    }
    clearSessionCookie(reply, o);
    return reply.redirect("/signed-out", 303);
  });

  app.get("/signed-out", { config: { public: true } }, async (_request, reply) =>
    reply.view("pages/signed-out.njk", {}),
  );

  const oidc = o.oidc;
  if (!oidc) return;

  app.get(
    "/sign-in/sso",
    { config: { public: true, rateLimit: { max: o.ratePerMinute, timeWindow: 60_000 } } },
    async (_request, reply) => {
      const { url, pending } = await oidc.start();
      reply.setCookie(OIDC_COOKIE, JSON.stringify(pending), {
        path: "/sign-in/sso",
        httpOnly: true,
        secure: o.secure,
        sameSite: "lax",
        signed: true,
        maxAge: 600,
      });
      return reply.redirect(url, 303);
    },
  );

  app.get(
    "/sign-in/sso/callback",
    { config: { public: true, rateLimit: { max: o.ratePerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const raw = request.cookies[OIDC_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : undefined;
      reply.clearCookie(OIDC_COOKIE, { path: "/sign-in/sso" });
      const failed = (text: string) => {
        const errors = noErrors();
        errors.list.push({ text, href: "#email" });
        return showSignIn(reply, "", errors, 401);
      };
      if (!unsigned?.valid || !unsigned.value) return failed("Single sign-on did not complete. Try again");
      let pending: OidcPending;
      try {
        pending = JSON.parse(unsigned.value) as OidcPending;
      } catch {
        return failed("Single sign-on did not complete. Try again");
      }
      const callbackUrl = new URL(request.url, oidc.settings.redirectUri);
      let identity: Awaited<ReturnType<OidcService["finish"]>>;
      try {
        identity = await oidc.finish(callbackUrl, pending);
      } catch (e) {
        request.log.warn({ err: e }, "single sign-on failed");
        return failed("Single sign-on did not complete. Try again");
      }
      const found = await services.users.signInWithSubject(identity.subject, identity.email);
      if (!found) {
        await services.audit.record(
          { userId: null, email: identity.email ?? null, ip: request.ip },
          "sign-in.failed",
          {
            detail: { method: "sso", reason: "no account" },
          },
        );
        return failed("You do not have an account for this service. Ask an administrator to add you");
      }
      await begin(
        request,
        reply,
        found.user.id,
        found.councils.map((c) => c.id),
      );
      await services.audit.record(
        { userId: found.user.id, email: found.user.email, ip: request.ip },
        "sign-in",
        {
          detail: { method: "sso" },
        },
      );
      return reply.redirect(found.councils.length === 1 ? "/overview" : "/councils", 303);
    },
  );
}
