import type { CouncilRepository, CouncilSummary } from "../data/councils.js";
import type { Council } from "../db/schema.js";
import type { Actor, AuditService } from "./audit.js";

export class CouncilService {
  constructor(
    private readonly repo: CouncilRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Council[]> {
    return this.repo.list();
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  byId(id: string): Promise<Council | undefined> {
    return this.repo.byId(id);
  }

  byName(name: string): Promise<Council | undefined> {
    return this.repo.byName(name);
  }

  forUser(userId: string): Promise<CouncilSummary[]> {
    return this.repo.forUser(userId);
  }

  async create(actor: Actor, c: { name: string; laCode: string | null }): Promise<Council> {
    const council = await this.repo.create(c);
    await this.audit.record(actor, "council.create", {
      councilId: council.id,
      detail: { name: c.name, laCode: c.laCode },
    });
    return council;
  }

  /** Makes an accepted version of the council active; false when the council has no such accepted version. */
  async activate(actor: Actor, councilId: string, versionId: string): Promise<boolean> {
    const done = await this.repo.setActiveVersion(councilId, versionId);
    if (done) await this.audit.record(actor, "dataset.activate", { councilId, versionId });
    return done;
  }
}
