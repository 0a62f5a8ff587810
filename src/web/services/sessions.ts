import { createHash, randomBytes } from "node:crypto";
import type { SessionRepository, SessionRow } from "../data/sessions.js";

export type Session = SessionRow;

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** SHA-256 of a session token, as stored. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Seen-again updates are written at most this often, so reading a page costs no write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions. The browser holds a random 256-bit token; the
 * database holds its SHA-256 with the user, the chosen council and the
 * expiry (idle timeout, capped by an absolute lifetime). Signing in always
 * starts a new session, so a token planted before sign-in is worthless.
 */
export class SessionService {
  constructor(
    private readonly repo: SessionRepository,
    private readonly policy: SessionPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private expiry(createdAt: Date, at: Date): Date {
    const idle = at.getTime() + this.policy.idleMinutes * 60_000;
    const absolute = createdAt.getTime() + this.policy.maxHours * 3_600_000;
    return new Date(Math.min(idle, absolute));
  }

  async start(userId: string, councilId: string | null): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString("base64url");
    const now = this.now();
    const expiresAt = this.expiry(now, now);
    await this.repo.create({ idHash: tokenHash(token), userId, councilId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** The live session for a token, extending its idle expiry; undefined when unknown or expired. */
  async resume(token: string): Promise<Session | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const now = this.now();
    const s = await this.repo.find(tokenHash(token), now);
    if (!s) return undefined;
    if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      const expiresAt = this.expiry(s.createdAt, now);
      await this.repo.touch(s.idHash, now, expiresAt);
      return { ...s, lastSeenAt: now, expiresAt };
    }
    return s;
  }

  async end(session: Session): Promise<void> {
    await this.repo.delete(session.idHash);
  }

  async setCouncil(session: Session, councilId: string): Promise<void> {
    await this.repo.setCouncil(session.idHash, councilId);
  }

  async endAllFor(userId: string): Promise<void> {
    await this.repo.deleteForUser(userId);
  }

  async purgeExpired(): Promise<number> {
    return this.repo.deleteExpired(this.now());
  }
}
