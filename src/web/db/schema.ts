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

export type ForecastKind = "forecast" | "backtest";
export type JobStatus = "queued" | "running" | "done" | "failed";

/**
 * A forecast (or backtest) of a dataset version: made when it is asked for
 * (queued), run by the forecast jobs (running), then done with its result
 * or failed with a message.
 */
export interface ForecastsTable {
  id: string;
  council_id: string;
  version_id: string;
  kind: Generated<ForecastKind>;
  /** The parameters exactly as run (method, horizon, runs, reference window, UASC inflow, seed, scenarios). */
  params: Json<Record<string, unknown>>;
  /** SHA-256 of the kind and canonical parameters: the same request reopens the same result. */
  params_hash: string;
  engine_version: string;
  status: Generated<JobStatus>;
  /** The result (JSON, gzip) once done. */
  result: Uint8Array | null;
  error: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A council's named scenario: changes to the rates, projected beside the base. */
export interface ScenariosTable {
  id: string;
  council_id: string;
  /** Unused since scenarios hold their own changes (kept from the first schema). */
  forecast_id: string | null;
  name: string;
  description: Generated<string>;
  /** The engine's scenario changes (src/core/forecast/scenario.ts). */
  changes: Json<unknown[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** A council's own weekly unit cost, laid over the national defaults. */
export interface CostEntriesTable {
  id: string;
  council_id: string;
  category: string;
  provider: string;
  /** The financial year of the price (2025 = 2025/26). */
  year: number;
  weekly: number;
  source: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** A council's inflation rate (percent, all categories) for a financial year. */
export interface InflationRatesTable {
  council_id: string;
  year: number;
  rate: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** The council's actual costs per child-placement (child-level: analysts only). */
export interface ActualCostsTable {
  council_id: string;
  name: string;
  sha256: string;
  rows: number;
  content: Uint8Array;
  use_in_budget: boolean;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

export type SupplyKind = "households" | "homes" | "blocks" | "frameworks";

/** One record of a council's supply register (src/core/supply/register.ts), without its council. */
export interface SupplyRecordsTable {
  id: string;
  council_id: string;
  kind: SupplyKind;
  /** The register's own id (H0001), unique per council and kind. */
  ref: string;
  record: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: Generated<Date>;
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
  cost_entries: CostEntriesTable;
  inflation_rates: InflationRatesTable;
  actual_costs: ActualCostsTable;
  supply_records: SupplyRecordsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

export type Council = Selectable<CouncilsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditEntry = Selectable<AuditLogTable>;
