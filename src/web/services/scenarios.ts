import { parseScenarios, type Scenario } from "../../core/forecast/scenario.js";
import type { ScenarioRepository, ScenarioRow } from "../data/scenarios.js";
import type { Actor, AuditService } from "./audit.js";

export interface SavedScenario extends ScenarioRow {
  /** The changes as the engine reads them (checked when saved). */
  scenario: Scenario;
}

/** A council's named scenarios: changes to the rates that forecasts project beside the base. */
export class ScenarioService {
  constructor(
    private readonly repo: ScenarioRepository,
    private readonly audit: AuditService,
  ) {}

  private static saved(r: ScenarioRow): SavedScenario {
    const [scenario] = parseScenarios({
      name: r.name,
      ...(r.description ? { description: r.description } : {}),
      changes: r.changes,
    });
    return { ...r, scenario: scenario! };
  }

  async list(councilId: string): Promise<SavedScenario[]> {
    return (await this.repo.list(councilId)).map(ScenarioService.saved);
  }

  async get(councilId: string, id: string): Promise<SavedScenario | undefined> {
    const r = await this.repo.get(councilId, id);
    return r ? ScenarioService.saved(r) : undefined;
  }

  /** Another of the council's scenarios with this name (any case), other than `except`. */
  async nameTaken(councilId: string, name: string, except?: string): Promise<boolean> {
    const r = await this.repo.byName(councilId, name);
    return r !== undefined && r.id !== except;
  }

  /** Saves a new scenario (its changes already checked by parseScenarios); returns its id. */
  async create(actor: Actor, councilId: string, s: Scenario): Promise<string> {
    const id = await this.repo.create({
      councilId,
      name: s.name,
      description: s.description ?? "",
      changes: s.changes,
      userId: actor.userId,
    });
    await this.audit.record(actor, "scenario.create", {
      councilId,
      detail: { scenario: id, name: s.name, changes: s.changes },
    });
    return id;
  }

  async update(actor: Actor, councilId: string, id: string, s: Scenario): Promise<boolean> {
    const done = await this.repo.update(councilId, id, {
      name: s.name,
      description: s.description ?? "",
      changes: s.changes,
      userId: actor.userId,
    });
    if (done)
      await this.audit.record(actor, "scenario.update", {
        councilId,
        detail: { scenario: id, name: s.name, changes: s.changes },
      });
    return done;
  }

  async delete(actor: Actor, councilId: string, id: string): Promise<boolean> {
    const before = await this.repo.get(councilId, id);
    const done = await this.repo.delete(councilId, id);
    if (done)
      await this.audit.record(actor, "scenario.delete", {
        councilId,
        detail: { scenario: id, name: before?.name },
      });
    return done;
  }
}
