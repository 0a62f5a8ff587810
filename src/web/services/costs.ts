import { createHash } from "node:crypto";
import { type ActualCost, readActualCostsCsv } from "../../core/finance/actual-costs.js";
import type { CostCategory, Provider } from "../../core/finance/categories.js";
import {
  type CostEntry,
  type CostTable,
  defaultCostTable,
  overlayCosts,
} from "../../core/finance/cost-table.js";
import { fyLabel } from "../../core/finance/financial-years.js";
import { type InflationPath, inflationPath } from "../../core/finance/inflation.js";
import { InputFileError, type InputProblem } from "../../core/inputs/csv-table.js";
import type { ActualCostsMeta, CostEntryRow, CostRepository } from "../data/costs.js";
import type { Actor, AuditService } from "./audit.js";

/**
 * A council's costs: its own weekly unit costs laid over the national
 * defaults, its inflation rates, and its actual costs per child-placement
 * (child-level: analysts only). Every change is audited.
 */
export class CostService {
  constructor(
    private readonly repo: CostRepository,
    private readonly audit: AuditService,
  ) {}

  entries(councilId: string): Promise<CostEntryRow[]> {
    return this.repo.entries(councilId);
  }

  /** The council's entries as the core's cost entries. */
  static asEntries(rows: readonly CostEntryRow[]): CostEntry[] {
    return rows.map((r) => ({
      category: r.category as CostCategory,
      provider: r.provider as Provider,
      year: r.year,
      weekly: r.weekly,
      source: r.source,
      origin: "given" as const,
    }));
  }

  /** The cost table in use: the defaults, with the council's own entries in place of theirs. */
  async table(councilId: string): Promise<CostTable> {
    return overlayCosts(defaultCostTable(), CostService.asEntries(await this.repo.entries(councilId)));
  }

  async setEntry(
    actor: Actor,
    councilId: string,
    e: { category: CostCategory; provider: Provider; year: number; weekly: number; source: string },
  ): Promise<void> {
    const id = await this.repo.setEntry(councilId, { ...e, userId: actor.userId });
    await this.audit.record(actor, "costs.set", {
      councilId,
      detail: { entry: id, ...e, year: fyLabel(e.year) },
    });
  }

  async removeEntry(actor: Actor, councilId: string, id: string): Promise<boolean> {
    const gone = await this.repo.removeEntry(councilId, id);
    if (gone)
      await this.audit.record(actor, "costs.remove", {
        councilId,
        detail: {
          entry: id,
          category: gone.category,
          provider: gone.provider,
          year: fyLabel(gone.year),
          weekly: gone.weekly,
        },
      });
    return gone !== undefined;
  }

  rates(councilId: string): Promise<Map<number, number>> {
    return this.repo.inflation(councilId);
  }

  /** The council's inflation path: its rates for all categories; CPI and 2% where it gave none. */
  async inflation(councilId: string): Promise<InflationPath> {
    return inflationPath(await this.repo.inflation(councilId));
  }

  async setInflation(actor: Actor, councilId: string, rates: ReadonlyMap<number, number>): Promise<void> {
    await this.repo.setInflation(councilId, rates, actor.userId);
    await this.audit.record(actor, "inflation.set", {
      councilId,
      detail: { rates: Object.fromEntries([...rates].map(([y, r]) => [fyLabel(y), r])) },
    });
  }

  actualMeta(councilId: string): Promise<ActualCostsMeta | undefined> {
    return this.repo.actualMeta(councilId);
  }

  /** The stored actual costs (child-level), and whether they are to replace the cost table. */
  async actual(councilId: string): Promise<{ rows: ActualCost[]; useInBudget: boolean } | undefined> {
    const a = await this.repo.actualContent(councilId);
    if (!a) return undefined;
    return {
      rows: readActualCostsCsv(a.name, new TextDecoder("utf-8").decode(a.content)),
      useInBudget: a.useInBudget,
    };
  }

  /** Reads and stores a file of actual costs; nothing is stored when a row has a problem. */
  async uploadActual(
    actor: Actor,
    councilId: string,
    file: { name: string; bytes: Uint8Array },
    useInBudget: boolean,
  ): Promise<{ ok: true; rows: number } | { ok: false; problems: InputProblem[] }> {
    let rows: ActualCost[];
    try {
      rows = readActualCostsCsv(file.name, new TextDecoder("utf-8", { fatal: false }).decode(file.bytes));
    } catch (e) {
      if (e instanceof InputFileError) return { ok: false, problems: e.problems };
      throw e;
    }
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    await this.repo.putActual(councilId, {
      name: file.name,
      sha256,
      rows: rows.length,
      content: file.bytes,
      useInBudget,
      userId: actor.userId,
    });
    await this.audit.record(actor, "actual-costs.upload", {
      councilId,
      detail: { file: file.name, sha256, rows: rows.length, useInBudget },
    });
    return { ok: true, rows: rows.length };
  }

  async removeActual(actor: Actor, councilId: string): Promise<boolean> {
    const done = await this.repo.removeActual(councilId);
    if (done) await this.audit.record(actor, "actual-costs.remove", { councilId });
    return done;
  }
}
