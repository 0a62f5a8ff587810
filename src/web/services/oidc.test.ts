import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { textOf } from "../test-support/html.js";
import { Browser, createWorld, type World } from "../test-support/world.js";
import { OidcService } from "./oidc.js";

/**
 * A stand-in identity provider (as Entra ID would behave): discovery
 * document, signing keys, and a token endpoint that checks the code and the
 * PKCE verifier and returns a signed ID token with the nonce it was given.
 */
async function fakeProvider(): Promise<{
  issuer: string;
  app: FastifyInstance;
  issueCode(o: { nonce: string; challenge: string; sub: string; email: string }): string;
}> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const app = Fastify();
  await app.register(formbody);
  const codes = new Map<string, { nonce: string; challenge: string; sub: string; email: string }>();
  let issuer = "";
  const b64 = (o: object | Buffer) =>
    (Buffer.isBuffer(o) ? o : Buffer.from(JSON.stringify(o))).toString("base64url");
  const jwt = (claims: object, key: KeyObject) => {
    const head = b64({ alg: "RS256", typ: "JWT", kid: "k1" });
    const body = b64(claims);
    return `${head}.${body}.${b64(sign("sha256", Buffer.from(`${head}.${body}`), key))}`;
  };
  app.get("/tenant/v2.0/.well-known/openid-configuration", async () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/keys`,
    response_types_supported: ["code"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    code_challenge_methods_supported: ["S256"],
  }));
  app.get("/tenant/v2.0/keys", async () => ({
    keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1", use: "sig", alg: "RS256" }],
  }));
  app.post("/tenant/v2.0/token", async (request, reply) => {
    const body = request.body as Record<string, string>;
    const grant = codes.get(body.code ?? "");
    const verifier = body.code_verifier ?? "";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    if (!grant || grant.challenge !== challenge || body.client_secret !== "client-secret") {
      return reply.code(400).send({ error: "invalid_grant" });
    }
    codes.delete(body.code!);
    const now = Math.floor(Date.now() / 1000);
    return {
      access_token: "at",
      token_type: "Bearer",
      expires_in: 3600,
      id_token: jwt(
        {
          iss: issuer,
          sub: grant.sub,
          aud: "client-id",
          iat: now,
          exp: now + 600,
          nonce: grant.nonce,
          preferred_username: grant.email,
        },
        privateKey,
      ),
    };
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  issuer = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/tenant/v2.0`;
  let n = 0;
  return {
    issuer,
    app,
    issueCode(o) {
      const code = `code-${++n}`;
      codes.set(code, o);
      return code;
    },
  };
}

let provider: Awaited<ReturnType<typeof fakeProvider>>;
let w: World;
beforeAll(async () => {
  provider = await fakeProvider();
  const env = {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: "client-id",
    OIDC_CLIENT_SECRET: "client-secret",
    OIDC_NAME: "your council account",
    OIDC_ALLOW_HTTP: "true",
    PUBLIC_URL: "http://localhost",
  };
  w = await createWorld({ data: false, env, oidc: new OidcService(loadConfig(env).oidc!) });
});
afterAll(async () => {
  await w.close();
  await provider.app.close();
});

/** Starts single sign-on and plays the provider's part: returns the callback address and the browser. */
async function throughProvider(sub: string, email: string, tamper?: (q: URLSearchParams) => void) {
  const b = new Browser(w.app);
  const start = await b.get("/sign-in/sso");
  expect(start.statusCode).toBe(303);
  const to = new URL(String(start.headers.location));
  expect(to.origin + to.pathname).toBe(`${provider.issuer}/authorize`);
  const q = to.searchParams;
  expect(q.get("code_challenge_method")).toBe("S256");
  expect(q.get("redirect_uri")).toBe("http://localhost/sign-in/sso/callback");
  const code = provider.issueCode({
    nonce: q.get("nonce")!,
    challenge: q.get("code_challenge")!,
    sub,
    email,
  });
  const back = new URLSearchParams({ code, state: q.get("state")! });
  tamper?.(back);
  return { b, res: await b.get(`/sign-in/sso/callback?${back}`) };
}

describe("single sign-on (OpenID Connect)", () => {
  it("offers the button on the sign-in page", async () => {
    const res = await w.app.inject("/sign-in");
    expect(res.body).toContain('href="/sign-in/sso"');
    expect(textOf(res.body)).toContain("Sign in with your council account");
  });

  it("signs in an existing user by their email on first use, and by the linked identity after", async () => {
    const { b, res } = await throughProvider("entra-sub-1", "Viewer.A@example.org");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/overview");
    expect(textOf((await b.get("/account")).body)).toContain("viewer.a@example.org");
    const again = await throughProvider("entra-sub-1", "renamed@example.org");
    expect(again.res.headers.location).toBe("/overview");
    const { entries } = await w.services.audit.page({ page: 1, perPage: 1, action: "sign-in" });
    expect(entries[0]).toMatchObject({ user_email: "viewer.a@example.org", detail: { method: "sso" } });
  });

  it("refuses someone without an account", async () => {
    const { res } = await throughProvider("entra-sub-2", "stranger@example.org");
    expect(res.statusCode).toBe(401);
    expect(textOf(res.body)).toContain("You do not have an account for this service");
  });

  it("refuses a callback whose state does not match", async () => {
    const { res, b } = await throughProvider("entra-sub-1", "viewer.a@example.org", (q) =>
      q.set("state", "forged"),
    );
    expect(res.statusCode).toBe(401);
    expect(textOf(res.body)).toContain("Single sign-on did not complete");
    expect(b.cookies.has("__Host-sp-session")).toBe(false);
  });

  it("refuses a callback without the browser's sign-on cookie", async () => {
    const res = await w.app.inject("/sign-in/sso/callback?code=x&state=y");
    expect(res.statusCode).toBe(401);
  });
});
