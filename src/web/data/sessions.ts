import type { Kysely } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database, Role } from "../db/schema.js";
import type { CouncilSummary } from "./councils.js";

export interface SessionRow {
  idHash: string;
  councilId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  user: { id: string; email: string; name: string; role: Role };
  /** The councils the user has been given, by name. */
  councils: CouncilSummary[];
}

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(s: {
    idHash: string;
    userId: string;
    councilId: string | null;
    createdAt: Date;
    expiresAt: Date;
  }) {
    await this.db
      .insertInto("sessions")
      .values({
        id_hash: s.idHash,
        user_id: s.userId,
        council_id: s.councilId,
        expires_at: s.expiresAt,
        created_at: s.createdAt,
        last_seen_at: s.createdAt,
      })
      .execute();
  }

  /** A live session of an enabled user, with the user's councils (one query: it runs on every request), or undefined. */
  async find(idHash: string, now: Date): Promise<SessionRow | undefined> {
    const r = await this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "sessions.id_hash",
        "sessions.council_id",
        "sessions.created_at",
        "sessions.last_seen_at",
        "sessions.expires_at",
        "users.id as user_id",
        "users.email",
        "users.name",
        "users.role",
        (eb) =>
          jsonArrayFrom(
            eb
              .selectFrom("user_councils")
              .innerJoin("councils", "councils.id", "user_councils.council_id")
              .select(["councils.id", "councils.name", "councils.la_code as laCode"])
              .whereRef("user_councils.user_id", "=", "users.id")
              .orderBy("councils.name"),
          ).as("councils"),
      ])
      .where("sessions.id_hash", "=", idHash)
      .where("sessions.expires_at", ">", now)
      .where("users.disabled", "=", false)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      idHash: r.id_hash,
      councilId: r.council_id,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
      user: { id: r.user_id, email: r.email, name: r.name, role: r.role },
      councils: r.councils,
    };
  }

  async touch(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable("sessions")
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where("id_hash", "=", idHash)
      .execute();
  }

  async setCouncil(idHash: string, councilId: string): Promise<void> {
    await this.db
      .updateTable("sessions")
      .set({ council_id: councilId })
      .where("id_hash", "=", idHash)
      .execute();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  async deleteExpired(now: Date): Promise<number> {
    const r = await this.db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
