import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/**
 * The database's tables as Kysely sees them. The SQL that creates them is in
 * migrations/; this file only describes them to the type checker. Every
 * table holding a council's data carries council_id, and every query of it
 * in data/ is scoped by one.
 */
export type Role = "admin" | "analyst" | "viewer";

/** A JSON column: written as text (JSON.stringify), read back parsed. */
type Json<T> = ColumnType<T, string, string>;

type CreatedAt = ColumnType<Date, never, never>;

export interface CouncilsTable {
  id: string;
  name: string;
  /** The council's ONS local authority code (E09000006), used to tell inside from outside its area. */
  la_code: string | null;
  active_version_id: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: string;
  /** Lower case; unique. */
  email: string;
  name: string;
  role: Role;
  /** argon2id PHC string; null for accounts that sign in only through single sign-on. */
  password_hash: string | null;
  /** `issuer|subject` of the single sign-on identity linked to the account. */
  oidc_subject: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  last_sign_in_at: Date | null;
}

export interface UserCouncilsTable {
  user_id: string;
  council_id: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: the database never holds a token that would work as a cookie. */
  id_hash: string;
  user_id: string;
  council_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export type VersionState = "pending" | "accepted";

export interface VersionSummary {
  files: Array<{
    name: string;
    kind: string;
    table: string | null;
    year: number | null;
    rows: number | null;
  }>;
  byRule: Array<{ rule: string; severity: "error" | "query"; message: string; count: number }>;
  notRun: number;
  fixes: number;
  years: number[];
}

export interface DatasetVersionsTable {
  id: string;
  council_id: string;
  state: VersionState;
  /** 1, 2, 3… per council, given when accepted. */
  number: number | null;
  label: string;
  created_by: string | null;
  created_at: CreatedAt;
  accepted_by: string | null;
  accepted_at: Date | null;
  errors: number;
  queries: number;
  children: number;
  episodes: number;
  /** Aggregates only (counts by rule, file list): safe for any role to see. */
  summary: Json<VersionSummary>;
  /** The full validation report (JSON, gzip): holds child ids. */
  report: Uint8Array;
  /** The rebuilt history (JSON, gzip; history-codec.ts). */
  history: Uint8Array;
}

export type FileKind = "903" | "population" | "comparators" | "postcodes" | "ethnicity";

export interface DatasetFilesTable {
  id: string;
  version_id: string;
  council_id: string;
  position: number;
  name: string;
  kind: FileKind;
  table_name: string | null;
  year: number | null;
  rows: number | null;
  size: number;
  sha256: string;
  content: Uint8Array;
}

export interface ProfileCacheTable {
  version_id: string;
  council_id: string;
  key: string;
  body: Uint8Array;
  created_at: CreatedAt;
}

/** A stored forecast run (filled in by the forecasting service, issue 4). */
export interface ForecastsTable {
  id: string;
  council_id: string;
  version_id: string;
  /** The parameters exactly as run (method, horizon, runs, reference window, UASC inflow, seed). */
  params: Json<Record<string, unknown>>;
  /** SHA-256 of the canonical parameters and engine version: the same request reopens the same result. */
  params_hash: string;
  engine_version: string;
  result: Uint8Array;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ScenariosTable {
  id: string;
  council_id: string;
  forecast_id: string;
  name: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  user_id: string | null;
  /** Kept as text so the entry still says who after the account is gone. */
  user_email: string | null;
  council_id: string | null;
  version_id: string | null;
  action: string;
  detail: Json<Record<string, unknown>>;
  ip: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  councils: CouncilsTable;
  users: UsersTable;
  user_councils: UserCouncilsTable;
  sessions: SessionsTable;
  dataset_versions: DatasetVersionsTable;
  dataset_files: DatasetFilesTable;
  profile_cache: ProfileCacheTable;
  forecasts: ForecastsTable;
  scenarios: ScenariosTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

export type Council = Selectable<CouncilsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditEntry = Selectable<AuditLogTable>;
