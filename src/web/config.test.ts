import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("has safe defaults: port 3000, ./data, secure cookies, demo on, no SSO", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      dataDir: "./data",
      databaseUrl: undefined,
      demo: true,
      cookieSecure: true,
      trustProxy: false,
      session: { idleMinutes: 60, maxHours: 12 },
      signIn: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 10 },
      upload: { maxFileBytes: 50 * 1024 * 1024, maxFiles: 60 },
      oidc: undefined,
    });
  });

  it("reads the environment, treating blank values as unset", () => {
    const c = loadConfig({
      PORT: "8080",
      DATA_DIR: "/srv/sp",
      DATABASE_URL: "postgres://sp@db/sp",
      DEMO: "false",
      COOKIE_SECURE: "0",
      UPLOAD_MAX_FILE_MB: "5",
      ADMIN_PASSWORD: "",
    });
    expect(c).toMatchObject({
      port: 8080,
      dataDir: "/srv/sp",
      databaseUrl: "postgres://sp@db/sp",
      demo: false,
      cookieSecure: false,
      adminPassword: undefined,
      upload: { maxFileBytes: 5 * 1024 * 1024 },
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ ADMIN_PASSWORD: "short" })).toThrow(
      /ADMIN_PASSWORD: must be at least 12 characters/,
    );
    expect(() => loadConfig({ DEMO: "maybe" })).toThrow(/DEMO/);
  });

  it("needs every single sign-on setting, and the public address, or none", () => {
    expect(() => loadConfig({ OIDC_ISSUER: "https://login.example/t/v2.0" })).toThrow(/needs all of/);
    expect(() =>
      loadConfig({
        OIDC_ISSUER: "https://login.example/t/v2.0",
        OIDC_CLIENT_ID: "id",
        OIDC_CLIENT_SECRET: "s",
      }),
    ).toThrow(/PUBLIC_URL/);
    const c = loadConfig({
      OIDC_ISSUER: "https://login.example/t/v2.0",
      OIDC_CLIENT_ID: "id",
      OIDC_CLIENT_SECRET: "s",
      PUBLIC_URL: "https://sp.council.example/",
    });
    expect(c.oidc).toMatchObject({
      redirectUri: "https://sp.council.example/sign-in/sso/callback",
      allowHttp: false,
    });
  });
});
