import { type Kysely, sql } from "kysely";

/**
 * Forecasts as jobs, named scenarios with their changes, a council's own
 * unit costs, inflation rates and actual costs, and the supply register
 * (issues 5 and 6). The lists in the checks are written out here, not
 * imported, so this migration stays as it ran.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A forecast (or backtest) row is made when it is asked for and filled in when its job ends.
  await sql`alter table forecasts alter column result drop not null`.execute(db);
  await sql`
    alter table forecasts
      add column kind text not null default 'forecast' check (kind in ('forecast', 'backtest')),
      add column status text not null default 'done'
        check (status in ('queued', 'running', 'done', 'failed')),
      add column error text,
      add column started_at timestamptz,
      add column finished_at timestamptz,
      add constraint forecasts_result_when_done check ((status = 'done') = (result is not null))`.execute(db);
  await db.schema
    .createIndex("forecasts_version_kind")
    .on("forecasts")
    .columns(["council_id", "version_id", "kind", "created_at"])
    .execute();

  // A scenario is a council's named set of changes to the rates; a forecast keeps its own copy of each it ran.
  await sql`alter table scenarios alter column forecast_id drop not null`.execute(db);
  await sql`
    alter table scenarios
      add column description text not null default '',
      add column changes jsonb not null default '[]'::jsonb,
      add column updated_by uuid references users(id) on delete set null,
      add column updated_at timestamptz not null default now()`.execute(db);
  await db.schema
    .alterTable("scenarios")
    .addUniqueConstraint("scenarios_council_id", ["council_id", "id"])
    .execute();

  await db.schema
    .createTable("cost_entries")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("council_id", "uuid", (c) => c.notNull().references("councils.id").onDelete("cascade"))
    .addColumn("category", "text", (c) =>
      c
        .notNull()
        .check(
          sql`category in ('inhouse_fostering', 'agency_fostering', 'connected_fostering', 'childrens_home', 'supported_accommodation', 'placed_with_parents', 'adoption', 'secure', 'other')`,
        ),
    )
    .addColumn("provider", "text", (c) =>
      c.notNull().check(sql`provider in ('inhouse', 'agency', 'other_la')`),
    )
    .addColumn("year", "integer", (c) => c.notNull().check(sql`year between 1990 and 2100`))
    .addColumn("weekly", "double precision", (c) => c.notNull().check(sql`weekly >= 0 and weekly <= 1000000`))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("cost_entries_key", ["council_id", "category", "provider", "year"])
    .execute();

  await db.schema
    .createTable("inflation_rates")
    .addColumn("council_id", "uuid", (c) => c.notNull().references("councils.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull().check(sql`year between 1990 and 2100`))
    .addColumn("rate", "double precision", (c) => c.notNull().check(sql`rate > -100 and rate <= 100`))
    .addColumn("updated_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("inflation_rates_pk", ["council_id", "year"])
    .execute();

  // Child-level: one row per child-placement in the file. Analysts only.
  await db.schema
    .createTable("actual_costs")
    .addColumn("council_id", "uuid", (c) => c.primaryKey().references("councils.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("content", "bytea", (c) => c.notNull())
    .addColumn("use_in_budget", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("uploaded_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("uploaded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("supply_records")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("council_id", "uuid", (c) => c.notNull().references("councils.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('households', 'homes', 'blocks', 'frameworks')`),
    )
    .addColumn("ref", "text", (c) => c.notNull().check(sql`length(ref) between 1 and 40`))
    .addColumn("record", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("supply_records_ref", ["council_id", "kind", "ref"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["supply_records", "actual_costs", "inflation_rates", "cost_entries"]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable("scenarios").dropConstraint("scenarios_council_id").execute();
  await sql`
    alter table scenarios
      drop column description, drop column changes, drop column updated_by, drop column updated_at`.execute(
    db,
  );
  await sql`delete from scenarios where forecast_id is null`.execute(db);
  await sql`alter table scenarios alter column forecast_id set not null`.execute(db);
  await db.schema.dropIndex("forecasts_version_kind").execute();
  await sql`delete from forecasts where result is null`.execute(db);
  await sql`
    alter table forecasts
      drop constraint forecasts_result_when_done,
      drop column kind, drop column status, drop column error, drop column started_at, drop column finished_at`.execute(
    db,
  );
  await sql`alter table forecasts alter column result set not null`.execute(db);
}
