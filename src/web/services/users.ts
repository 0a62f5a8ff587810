import type { CouncilRepository, CouncilSummary } from "../data/councils.js";
import type { UserRepository, UserWithCouncils } from "../data/users.js";
import type { Role, User } from "../db/schema.js";
import type { Actor, AuditService } from "./audit.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import type { SessionService } from "./sessions.js";

export interface LockPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export type SignInResult =
  | { ok: true; user: User; councils: CouncilSummary[] }
  | { ok: false; reason: "invalid" | "locked" };

export const ROLES: readonly Role[] = ["admin", "analyst", "viewer"];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  analyst: "Analyst",
  viewer: "Viewer",
};

export const ROLE_HINTS: Record<Role, string> = {
  admin: "Manages users and councils and reads the audit log; can also do everything an analyst can.",
  analyst: "Uploads and accepts data and sees child-level detail, as well as everything a viewer can.",
  viewer: "Reads the overview, profile and forecasts and downloads their tables: aggregates only.",
};

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

/** Whether a role includes another's permissions (admin ⊇ analyst ⊇ viewer). */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly councils: CouncilRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly policy: LockPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  count(): Promise<number> {
    return this.users.count();
  }

  list(): Promise<UserWithCouncils[]> {
    return this.users.list();
  }

  async get(id: string): Promise<UserWithCouncils | undefined> {
    const u = await this.users.byId(id);
    if (!u) return undefined;
    return { ...u, councils: await this.councils.forUser(id) };
  }

  byEmail(email: string): Promise<User | undefined> {
    return this.users.byEmail(email);
  }

  councilsOf(userId: string): Promise<CouncilSummary[]> {
    return this.councils.forUser(userId);
  }

  /**
   * Checks an email and password. A locked account is refused without
   * checking the password; each wrong password counts, and reaching the
   * limit locks the account for the policy's minutes. Unknown and disabled
   * accounts take as long as real ones (a decoy hash is verified).
   */
  async signIn(email: string, password: string, ip: string | null): Promise<SignInResult> {
    const actor: Actor = { userId: null, email: email.toLowerCase().slice(0, 200), ip };
    const user = await this.users.byEmail(email);
    const now = this.now();
    if (!user || user.disabled) {
      await verifyPassword(null, password);
      await this.audit.record(actor, "sign-in.failed", { detail: { reason: user ? "disabled" : "unknown" } });
      return { ok: false, reason: "invalid" };
    }
    const who: Actor = { ...actor, userId: user.id };
    if (user.locked_until && user.locked_until > now) {
      await this.audit.record(who, "sign-in.locked");
      return { ok: false, reason: "locked" };
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      const lockUntil = new Date(now.getTime() + this.policy.lockMinutes * 60_000);
      const failures = await this.users.recordFailure(user.id, this.policy.maxFailures, lockUntil);
      const locked = failures >= this.policy.maxFailures;
      await this.audit.record(who, locked ? "sign-in.locked" : "sign-in.failed", {
        detail: { reason: "password", failures },
      });
      return { ok: false, reason: locked ? "locked" : "invalid" };
    }
    await this.users.recordSignIn(user.id, now);
    return { ok: true, user, councils: await this.councils.forUser(user.id) };
  }

  /** A user who signed in through single sign-on: linked by subject, or by email on first use. */
  async signInWithSubject(
    subject: string,
    email: string | undefined,
  ): Promise<{ user: User; councils: CouncilSummary[] } | undefined> {
    let user = await this.users.bySubject(subject);
    if (!user && email) {
      const byEmail = await this.users.byEmail(email);
      if (byEmail && byEmail.oidc_subject === null) {
        await this.users.linkSubject(byEmail.id, subject);
        user = { ...byEmail, oidc_subject: subject };
      }
    }
    if (!user || user.disabled) return undefined;
    await this.users.recordSignIn(user.id, this.now());
    return { user, councils: await this.councils.forUser(user.id) };
  }

  async create(
    actor: Actor,
    u: { email: string; name: string; role: Role; password: string | null; councilIds: readonly string[] },
  ): Promise<User> {
    const user = await this.users.create({
      email: u.email,
      name: u.name,
      role: u.role,
      passwordHash: u.password ? await hashPassword(u.password) : null,
      councilIds: u.councilIds,
    });
    await this.audit.record(actor, "user.create", {
      detail: { user: user.email, role: u.role, councils: u.councilIds },
    });
    return user;
  }

  /** Changes role, councils and whether the account is disabled; ends the user's sessions when access shrinks. */
  async update(
    actor: Actor,
    id: string,
    change: { name: string; role: Role; disabled: boolean; councilIds: readonly string[]; unlock: boolean },
  ): Promise<void> {
    const before = await this.get(id);
    if (!before) return;
    await this.users.update(id, { name: change.name, role: change.role, disabled: change.disabled });
    await this.users.setCouncils(id, change.councilIds);
    if (change.unlock) await this.users.unlock(id);
    const lostCouncil = before.councils.some((c) => !change.councilIds.includes(c.id));
    const demoted = !hasRole(change.role, before.role);
    if (change.disabled || lostCouncil || demoted) await this.sessions.endAllFor(id);
    await this.audit.record(actor, "user.update", {
      detail: {
        user: before.email,
        role: change.role,
        disabled: change.disabled,
        councils: change.councilIds,
        unlocked: change.unlock,
      },
    });
  }

  /** Sets a password (by an administrator, or the user); ends the user's other sessions. */
  async setPassword(actor: Actor, id: string, password: string): Promise<void> {
    await this.users.setPassword(id, await hashPassword(password));
    await this.sessions.endAllFor(id);
    await this.audit.record(actor, "user.password", { detail: { user: id } });
  }

  async checkPassword(id: string, password: string): Promise<boolean> {
    const u = await this.users.byId(id);
    return u ? verifyPassword(u.password_hash, password) : false;
  }

  async grant(userId: string, councilId: string): Promise<void> {
    await this.users.grant(userId, councilId);
  }
}
