import { type Kysely, sql } from "kysely";

/**
 * The first schema: councils, users and their councils, sessions, dataset
 * versions and their files, the profile cache, forecasts and scenarios
 * (filled by the forecasting service later), the audit log and settings.
 *
 * Rules the database itself enforces, so that no code path can break them:
 *  - the audit log is append-only (UPDATE, DELETE and TRUNCATE raise);
 *  - an accepted dataset version and its files never change or disappear;
 *  - a council's active version is one of its own accepted versions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("councils")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("la_code", "text")
    .addColumn("active_version_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique().check(sql`email = lower(email)`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'analyst', 'viewer')`))
    .addColumn("password_hash", "text")
    .addColumn("oidc_subject", "text", (c) => c.unique())
    .addColumn("failed_sign_ins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "timestamptz")
    .addColumn("disabled", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_sign_in_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("user_councils")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("council_id", "uuid", (c) => c.notNull().references("councils.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("user_councils_pk", ["user_id", "council_id"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("council_id", "uuid", (c) => c.references("councils.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("dataset_versions")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("council_id", "uuid", (c) => c.notNull().references("councils.id"))
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('pending', 'accepted')`))
    .addColumn("number", "integer")
    .addColumn("label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("accepted_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("accepted_at", "timestamptz")
    .addColumn("errors", "integer", (c) => c.notNull())
    .addColumn("queries", "integer", (c) => c.notNull())
    .addColumn("children", "integer", (c) => c.notNull())
    .addColumn("episodes", "integer", (c) => c.notNull())
    .addColumn("summary", "jsonb", (c) => c.notNull())
    .addColumn("report", "bytea", (c) => c.notNull())
    .addColumn("history", "bytea", (c) => c.notNull())
    .addUniqueConstraint("dataset_versions_number", ["council_id", "number"])
    .addUniqueConstraint("dataset_versions_council_id", ["council_id", "id"])
    .addCheckConstraint(
      "dataset_versions_accepted",
      sql`(state = 'pending' and number is null and accepted_at is null) or (state = 'accepted' and number is not null and accepted_at is not null)`,
    )
    .execute();

  // The active version must be one of the council's own versions (and, by the trigger below, accepted).
  await db.schema
    .alterTable("councils")
    .addForeignKeyConstraint("councils_active_version", ["id", "active_version_id"], "dataset_versions", [
      "council_id",
      "id",
    ])
    .execute();

  await db.schema
    .createTable("dataset_files")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("version_id", "uuid", (c) => c.notNull())
    .addColumn("council_id", "uuid", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('903', 'population', 'comparators', 'postcodes', 'ethnicity')`),
    )
    .addColumn("table_name", "text")
    .addColumn("year", "integer")
    .addColumn("rows", "integer")
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn("content", "bytea", (c) => c.notNull())
    .addForeignKeyConstraint(
      "dataset_files_version",
      ["council_id", "version_id"],
      "dataset_versions",
      ["council_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .addUniqueConstraint("dataset_files_position", ["version_id", "position"])
    .execute();

  await db.schema
    .createTable("profile_cache")
    .addColumn("version_id", "uuid", (c) => c.notNull())
    .addColumn("council_id", "uuid", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("body", "bytea", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("profile_cache_pk", ["version_id", "key"])
    .addForeignKeyConstraint(
      "profile_cache_version",
      ["council_id", "version_id"],
      "dataset_versions",
      ["council_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("forecasts")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("council_id", "uuid", (c) => c.notNull())
    .addColumn("version_id", "uuid", (c) => c.notNull())
    .addColumn("params", "jsonb", (c) => c.notNull())
    .addColumn("params_hash", "text", (c) => c.notNull())
    .addColumn("engine_version", "text", (c) => c.notNull())
    .addColumn("result", "bytea", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint("forecasts_version", ["council_id", "version_id"], "dataset_versions", [
      "council_id",
      "id",
    ])
    .addUniqueConstraint("forecasts_same_run", ["version_id", "params_hash", "engine_version"])
    .addUniqueConstraint("forecasts_council_id", ["council_id", "id"])
    .execute();

  await db.schema
    .createTable("scenarios")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("council_id", "uuid", (c) => c.notNull())
    .addColumn("forecast_id", "uuid", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint("scenarios_forecast", ["council_id", "forecast_id"], "forecasts", [
      "council_id",
      "id",
    ])
    .addUniqueConstraint("scenarios_name", ["council_id", "name"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("user_id", "uuid")
    .addColumn("user_email", "text")
    .addColumn("council_id", "uuid")
    .addColumn("version_id", "uuid")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("ip", "text")
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  // The audit log is append-only.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);

  // An accepted version is immutable; a pending one may be accepted (once) or discarded.
  await sql`
    create function dataset_version_immutable() returns trigger language plpgsql as $$
    begin
      if old.state = 'accepted' then
        raise exception 'dataset version % is accepted and cannot be changed or removed', old.id
          using errcode = 'insufficient_privilege';
      end if;
      if tg_op = 'UPDATE' then
        if new.id <> old.id or new.council_id <> old.council_id or new.report <> old.report
           or new.history <> old.history or new.summary <> old.summary then
          raise exception 'only the state of a pending dataset version may change'
            using errcode = 'insufficient_privilege';
        end if;
        return new;
      end if;
      return old;
    end $$`.execute(db);
  await sql`
    create trigger dataset_versions_immutable before update or delete on dataset_versions
    for each row execute function dataset_version_immutable()`.execute(db);

  await sql`
    create function dataset_file_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        raise exception 'dataset files cannot be changed' using errcode = 'insufficient_privilege';
      end if;
      if exists (select 1 from dataset_versions v where v.id = old.version_id and v.state = 'accepted') then
        raise exception 'files of an accepted dataset version cannot be removed'
          using errcode = 'insufficient_privilege';
      end if;
      return old;
    end $$`.execute(db);
  await sql`
    create trigger dataset_files_immutable before update or delete on dataset_files
    for each row execute function dataset_file_immutable()`.execute(db);

  // Only an accepted version can be made active.
  await sql`
    create function council_active_version_accepted() returns trigger language plpgsql as $$
    begin
      if new.active_version_id is not null and not exists (
        select 1 from dataset_versions v
        where v.id = new.active_version_id and v.council_id = new.id and v.state = 'accepted'
      ) then
        raise exception 'the active version must be an accepted version of the same council'
          using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger councils_active_version_accepted before insert or update of active_version_id on councils
    for each row execute function council_active_version_accepted()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["settings", "audit_log", "scenarios", "forecasts", "profile_cache", "dataset_files"]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable("councils").dropConstraint("councils_active_version").execute();
  for (const t of ["dataset_versions", "sessions", "user_councils", "users", "councils"]) {
    await db.schema.dropTable(t).execute();
  }
  for (const f of [
    "audit_log_append_only",
    "dataset_version_immutable",
    "dataset_file_immutable",
    "council_active_version_accepted",
  ]) {
    await sql`drop function ${sql.id(f)}()`.execute(db);
  }
}
