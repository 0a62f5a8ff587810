import type { Kysely } from "kysely";
import type { AuditEntry, Database } from "../db/schema.js";

export interface NewAuditEntry {
  userId: string | null;
  userEmail: string | null;
  councilId: string | null;
  versionId: string | null;
  action: string;
  detail: Record<string, unknown>;
  ip: string | null;
}

/** The audit log: append and read; there is deliberately no update or delete (and the database refuses them). */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(e: NewAuditEntry): Promise<void> {
    await this.db
      .insertInto("audit_log")
      .values({
        user_id: e.userId,
        user_email: e.userEmail,
        council_id: e.councilId,
        version_id: e.versionId,
        action: e.action,
        detail: JSON.stringify(e.detail),
        ip: e.ip,
      })
      .execute();
  }

  /** Newest first, with the council's name where there is one. */
  async page(o: { limit: number; offset: number; action?: string }): Promise<{
    entries: Array<AuditEntry & { council_name: string | null }>;
    total: number;
  }> {
    let q = this.db.selectFrom("audit_log").leftJoin("councils", "councils.id", "audit_log.council_id");
    if (o.action) q = q.where("audit_log.action", "=", o.action);
    const entries = await q
      .selectAll("audit_log")
      .select("councils.name as council_name")
      .orderBy("audit_log.id", "desc")
      .limit(o.limit)
      .offset(o.offset)
      .execute();
    const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return { entries, total: Number(total.n) };
  }
}
