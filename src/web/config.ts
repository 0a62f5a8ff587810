import { z } from "zod";

/**
 * The service's settings, all from environment variables (docs/web.md lists
 * them). Read once at start-up; a bad value stops the service with a message
 * naming the variable.
 */
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "true" || v === "1" || v === "yes"));

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const Env = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.url().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /** Load the synthetic demo council into an empty database. */
  DEMO: flag(true),
  /** Send cookies only over HTTPS. Turn off only for a trial over plain HTTP on a private network. */
  COOKIE_SECURE: flag(true),
  /** Trust X-Forwarded-* headers from a reverse proxy (TLS terminated in front of the service). */
  TRUST_PROXY: flag(false),
  SESSION_IDLE_MINUTES: int(60, 5, 24 * 60),
  SESSION_MAX_HOURS: int(12, 1, 24 * 7),
  SIGN_IN_MAX_FAILURES: int(5, 1, 100),
  SIGN_IN_LOCK_MINUTES: int(15, 1, 24 * 60),
  /** Sign-in attempts allowed per address per minute. */
  SIGN_IN_RATE_PER_MINUTE: int(10, 1, 10_000),
  UPLOAD_MAX_FILE_MB: int(50, 1, 2048),
  UPLOAD_MAX_FILES: int(60, 1, 500),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The address people use to reach the service (needed for single sign-on redirects). */
  PUBLIC_URL: z.url().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Label of the single sign-on button. */
  OIDC_NAME: z.string().min(1).default("your organisation's account"),
  /** Allow an issuer over plain HTTP (tests only). */
  OIDC_ALLOW_HTTP: flag(false),
  SERVICE_NAME: z.string().min(1).default("Sufficiency Planner"),
  /** Threads a forecast's Monte Carlo runs are shared among (default: every core, at most 8). */
  FORECAST_THREADS: z.coerce.number().int().min(1).max(64).optional(),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  name: string;
  allowHttp: boolean;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  cookieSecure: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; maxHours: number };
  signIn: { maxFailures: number; lockMinutes: number; ratePerMinute: number };
  upload: { maxFileBytes: number; maxFiles: number };
  logLevel: string;
  publicUrl: string | undefined;
  oidc: OidcConfig | undefined;
  serviceName: string;
  forecastThreads: number | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blanksRemoved = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = Env.safeParse(blanksRemoved);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${lines.join("; ")}`);
  }
  const e = parsed.data;
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError(
      "invalid configuration: single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
    );
  }
  if (e.OIDC_ISSUER && !e.PUBLIC_URL) {
    throw new ConfigError(
      "invalid configuration: single sign-on needs PUBLIC_URL (the address people use to reach the service)",
    );
  }
  const publicUrl = e.PUBLIC_URL?.replace(/\/+$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.ADMIN_PASSWORD,
    demo: e.DEMO,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    signIn: {
      maxFailures: e.SIGN_IN_MAX_FAILURES,
      lockMinutes: e.SIGN_IN_LOCK_MINUTES,
      ratePerMinute: e.SIGN_IN_RATE_PER_MINUTE,
    },
    upload: { maxFileBytes: e.UPLOAD_MAX_FILE_MB * 1024 * 1024, maxFiles: e.UPLOAD_MAX_FILES },
    logLevel: e.LOG_LEVEL,
    publicUrl,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            redirectUri: `${publicUrl}/sign-in/sso/callback`,
            name: e.OIDC_NAME,
            allowHttp: e.OIDC_ALLOW_HTTP,
          }
        : undefined,
    serviceName: e.SERVICE_NAME,
    forecastThreads: e.FORECAST_THREADS,
  };
}
