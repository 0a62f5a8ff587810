import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, Role, User } from "../db/schema.js";

export interface UserWithCouncils extends User {
  councils: Array<{ id: string; name: string }>;
}

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(u: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string | null;
    councilIds: readonly string[];
  }): Promise<User> {
    return this.db.transaction().execute(async (tx) => {
      const user = await tx
        .insertInto("users")
        .values({
          id: randomUUID(),
          email: u.email.toLowerCase(),
          name: u.name,
          role: u.role,
          password_hash: u.passwordHash,
          oidc_subject: null,
          locked_until: null,
          last_sign_in_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (u.councilIds.length) {
        await tx
          .insertInto("user_councils")
          .values(u.councilIds.map((c) => ({ user_id: user.id, council_id: c })))
          .execute();
      }
      return user;
    });
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async byId(id: string): Promise<User | undefined> {
    return this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async byEmail(email: string): Promise<User | undefined> {
    return this.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", email.toLowerCase())
      .executeTakeFirst();
  }

  async bySubject(subject: string): Promise<User | undefined> {
    return this.db.selectFrom("users").selectAll().where("oidc_subject", "=", subject).executeTakeFirst();
  }

  async list(): Promise<UserWithCouncils[]> {
    const users = await this.db.selectFrom("users").selectAll().orderBy("email").execute();
    const grants = await this.db
      .selectFrom("user_councils")
      .innerJoin("councils", "councils.id", "user_councils.council_id")
      .select(["user_councils.user_id", "councils.id", "councils.name"])
      .orderBy("councils.name")
      .execute();
    return users.map((u) => ({
      ...u,
      councils: grants.filter((g) => g.user_id === u.id).map((g) => ({ id: g.id, name: g.name })),
    }));
  }

  async update(id: string, change: { name?: string; role?: Role; disabled?: boolean }): Promise<void> {
    await this.db.updateTable("users").set(change).where("id", "=", id).execute();
  }

  async setCouncils(userId: string, councilIds: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("user_councils").where("user_id", "=", userId).execute();
      if (councilIds.length) {
        await tx
          .insertInto("user_councils")
          .values(councilIds.map((c) => ({ user_id: userId, council_id: c })))
          .execute();
      }
    });
  }

  async grant(userId: string, councilId: string): Promise<void> {
    await this.db
      .insertInto("user_councils")
      .values({ user_id: userId, council_id: councilId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async setPassword(id: string, passwordHash: string | null): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null })
      .where("id", "=", id)
      .execute();
  }

  async linkSubject(id: string, subject: string): Promise<void> {
    await this.db.updateTable("users").set({ oidc_subject: subject }).where("id", "=", id).execute();
  }

  /** Counts a failed sign-in; locks the account until `lockUntil` once the count reaches `maxFailures`. */
  async recordFailure(id: string, maxFailures: number, lockUntil: Date): Promise<number> {
    const r = await this.db
      .updateTable("users")
      .set((eb) => ({ failed_sign_ins: eb("failed_sign_ins", "+", 1) }))
      .where("id", "=", id)
      .returning("failed_sign_ins")
      .executeTakeFirstOrThrow();
    if (r.failed_sign_ins >= maxFailures) {
      await this.db
        .updateTable("users")
        .set({ locked_until: lockUntil, failed_sign_ins: 0 })
        .where("id", "=", id)
        .execute();
    }
    return r.failed_sign_ins;
  }

  async recordSignIn(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: at })
      .where("id", "=", id)
      .execute();
  }

  async unlock(id: string): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ failed_sign_ins: 0, locked_until: null })
      .where("id", "=", id)
      .execute();
  }
}
