import type { AuditRepository } from "../data/audit.js";

/** Who did something, from where: every audit entry names one. */
export interface Actor {
  userId: string | null;
  email: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, email: "system", ip: null };

/**
 * The audit actions. Sign-ins, uploads, accepts, exports and child-level
 * views are the ones the issue names; user and council changes are added
 * because an administrator's changes need the same trail; forecasts, scenarios,
 * costs and the supply register (issues 5 and 6) for the same reason.
 */
export type AuditAction =
  | "sign-in"
  | "sign-in.failed"
  | "sign-in.locked"
  | "sign-out"
  | "dataset.upload"
  | "dataset.accept"
  | "dataset.discard"
  | "dataset.activate"
  | "export"
  | "child.view"
  | "validation.view"
  | "user.create"
  | "user.update"
  | "user.password"
  | "council.create"
  | "council.choose"
  | "forecast.run"
  | "forecast.backtest"
  | "scenario.create"
  | "scenario.update"
  | "scenario.delete"
  | "costs.set"
  | "costs.remove"
  | "inflation.set"
  | "actual-costs.upload"
  | "actual-costs.view"
  | "actual-costs.remove"
  | "supply.create"
  | "supply.update"
  | "supply.end"
  | "supply.import";

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "sign-in",
  "sign-in.failed",
  "sign-in.locked",
  "sign-out",
  "dataset.upload",
  "dataset.accept",
  "dataset.discard",
  "dataset.activate",
  "export",
  "child.view",
  "validation.view",
  "user.create",
  "user.update",
  "user.password",
  "council.create",
  "council.choose",
  "forecast.run",
  "forecast.backtest",
  "scenario.create",
  "scenario.update",
  "scenario.delete",
  "costs.set",
  "costs.remove",
  "inflation.set",
  "actual-costs.upload",
  "actual-costs.view",
  "actual-costs.remove",
  "supply.create",
  "supply.update",
  "supply.end",
  "supply.import",
];

export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  async record(
    actor: Actor,
    action: AuditAction,
    where: { councilId?: string | null; versionId?: string | null; detail?: Record<string, unknown> } = {},
  ): Promise<void> {
    await this.repo.append({
      userId: actor.userId,
      userEmail: actor.email,
      councilId: where.councilId ?? null,
      versionId: where.versionId ?? null,
      action,
      detail: where.detail ?? {},
      ip: actor.ip,
    });
  }

  page(o: { page: number; perPage: number; action?: string }) {
    return this.repo.page({ limit: o.perPage, offset: (o.page - 1) * o.perPage, action: o.action });
  }
}
