import { type Day, formatISO } from "../../core/dates.js";
import { InputFileError, type InputProblem } from "../../core/inputs/csv-table.js";
import {
  BlockContractSchema,
  ChildrensHomeSchema,
  FosterHouseholdSchema,
  FrameworkMembershipSchema,
  type SupplyRegister,
} from "../../core/supply/register.js";
import {
  blocksCsv,
  frameworksCsv,
  homesCsv,
  householdsCsv,
  REGISTER_FILES,
  readBlocksCsv,
  readFrameworksCsv,
  readHomesCsv,
  readHouseholdsCsv,
} from "../../core/supply/register-csv.js";
import type { SupplyRepository, SupplyRow } from "../data/supply.js";
import type { SupplyKind } from "../db/schema.js";
import type { Actor, AuditService } from "./audit.js";

export const SUPPLY_KINDS: readonly SupplyKind[] = ["households", "homes", "blocks", "frameworks"];

export const SUPPLY_KIND_LABELS: Record<SupplyKind, { plural: string; one: string }> = {
  households: { plural: "Fostering households", one: "fostering household" },
  homes: { plural: "In-house children's homes", one: "children's home" },
  blocks: { plural: "Block contracts", one: "block contract" },
  frameworks: { plural: "Frameworks and DPS memberships", one: "framework or DPS membership" },
};

/** Where each kind keeps its start and end dates. */
export const DATE_FIELDS: Record<SupplyKind, { start: string; end: string }> = {
  households: { start: "approved", end: "deregistered" },
  homes: { start: "registered", end: "closed" },
  blocks: { start: "start", end: "end" },
  frameworks: { start: "start", end: "end" },
};

const SCHEMAS = {
  households: FosterHouseholdSchema,
  homes: ChildrensHomeSchema,
  blocks: BlockContractSchema,
  frameworks: FrameworkMembershipSchema,
} as const;

const READERS: Record<SupplyKind, (file: string, text: string, council: string) => Array<{ id: string }>> = {
  households: readHouseholdsCsv,
  homes: readHomesCsv,
  blocks: readBlocksCsv,
  frameworks: readFrameworksCsv,
};

/** A record of the register, as the core defines it (council, id and fields). */
export type SupplyRecord = Record<string, unknown> & { id: string; council: string };

/** A stored record for the audit log: its dates written as YYYY-MM-DD, so the log reads without a calendar. */
function readable(kind: SupplyKind, record: Record<string, unknown>): Record<string, unknown> {
  const out = { ...record };
  for (const k of Object.values(DATE_FIELDS[kind])) {
    const d = out[k];
    if (typeof d === "number") out[k] = formatISO(d);
  }
  return out;
}

/** The stored form: the core record without its council (the row holds it) or id (the row's ref). */
function stored(record: SupplyRecord): Record<string, unknown> {
  const { council: _c, id: _i, ...rest } = record;
  return rest;
}

/** The core record of a stored row. */
export function recordOf(row: SupplyRow, council: string): SupplyRecord {
  return { ...row.record, council, id: row.ref };
}

export type SaveResult = { ok: true; id: string } | { ok: false; field: string; message: string };

/**
 * A council's supply register: households, in-house homes, block contracts
 * and framework memberships, each checked by the core's schema, every
 * change audited (who, what, when, which council).
 */
export class SupplyService {
  private readonly registers = new Map<string, Promise<SupplyRegister>>();

  constructor(
    private readonly repo: SupplyRepository,
    private readonly audit: AuditService,
  ) {}

  /** The whole register of a council, as the core's measures take it. */
  register(council: { id: string; name: string }): Promise<SupplyRegister> {
    let r = this.registers.get(council.id);
    if (!r) {
      r = this.load(council);
      this.registers.set(council.id, r);
      r.catch(() => this.registers.delete(council.id));
    }
    return r;
  }

  private async load(council: { id: string; name: string }): Promise<SupplyRegister> {
    const reg: SupplyRegister = {
      council: council.name,
      households: [],
      homes: [],
      blocks: [],
      frameworks: [],
    };
    for (const row of await this.repo.list(council.id)) {
      const parsed = SCHEMAS[row.kind].safeParse(recordOf(row, council.name));
      // A record that no longer passes (it never should) is left out rather than stopping every page.
      if (parsed.success) (reg[row.kind] as unknown[]).push(parsed.data);
    }
    return reg;
  }

  counts(councilId: string) {
    return this.repo.counts(councilId);
  }

  list(councilId: string, kind: SupplyKind): Promise<SupplyRow[]> {
    return this.repo.list(councilId, kind);
  }

  get(councilId: string, kind: SupplyKind, id: string): Promise<SupplyRow | undefined> {
    return this.repo.get(councilId, kind, id);
  }

  /** Checks a record with the core's schema: the parsed record, or the first problem and its field. */
  check(
    kind: SupplyKind,
    record: SupplyRecord,
  ): { ok: true; record: SupplyRecord } | { ok: false; field: string; message: string } {
    const parsed = SCHEMAS[kind].safeParse(record);
    if (parsed.success) return { ok: true, record: parsed.data as SupplyRecord };
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: String(issue.path[0] ?? "id"), message: issue.message };
  }

  async create(
    actor: Actor,
    council: { id: string; name: string },
    kind: SupplyKind,
    record: SupplyRecord,
  ): Promise<SaveResult> {
    const checked = this.check(kind, record);
    if (!checked.ok) return checked;
    if (await this.repo.byRef(council.id, kind, checked.record.id))
      return { ok: false, field: "id", message: "There is already a record with this reference" };
    const id = await this.repo.create(
      council.id,
      kind,
      checked.record.id,
      stored(checked.record),
      actor.userId,
    );
    this.registers.delete(council.id);
    await this.audit.record(actor, "supply.create", {
      councilId: council.id,
      detail: { kind, record: id, ref: checked.record.id, values: readable(kind, stored(checked.record)) },
    });
    return { ok: true, id };
  }

  async update(
    actor: Actor,
    council: { id: string; name: string },
    kind: SupplyKind,
    id: string,
    record: SupplyRecord,
    action: "supply.update" | "supply.end" = "supply.update",
  ): Promise<SaveResult> {
    const before = await this.repo.get(council.id, kind, id);
    if (!before) return { ok: false, field: "id", message: "There is no such record" };
    const checked = this.check(kind, record);
    if (!checked.ok) return checked;
    const clash = await this.repo.byRef(council.id, kind, checked.record.id);
    if (clash && clash.id !== id)
      return { ok: false, field: "id", message: "There is already a record with this reference" };
    await this.repo.update(council.id, kind, id, checked.record.id, stored(checked.record), actor.userId);
    this.registers.delete(council.id);
    await this.audit.record(actor, action, {
      councilId: council.id,
      detail: {
        kind,
        record: id,
        ref: checked.record.id,
        before: { ref: before.ref, ...readable(kind, before.record) },
        after: readable(kind, stored(checked.record)),
      },
    });
    return { ok: true, id };
  }

  /**
   * Ends a record (deregisters a household, closes a home, ends a contract
   * or membership) on a day; null takes an end date away (one set by mistake).
   */
  async end(
    actor: Actor,
    council: { id: string; name: string },
    kind: SupplyKind,
    id: string,
    day: Day | null,
    reason: string,
  ): Promise<SaveResult> {
    const row = await this.repo.get(council.id, kind, id);
    if (!row) return { ok: false, field: "id", message: "There is no such record" };
    const record = recordOf(row, council.name);
    record[DATE_FIELDS[kind].end] = day;
    if (kind === "households") record.deregistrationReason = day === null ? "" : reason;
    const r = await this.update(actor, council, kind, id, record, "supply.end");
    return r.ok ? r : { ...r, field: "end" };
  }

  /**
   * Imports a CSV of one kind (the columns `sufficiency supply` reads):
   * records with a new reference are added, those with a reference already
   * there replace it; nothing is stored unless every row passes.
   */
  async importCsv(
    actor: Actor,
    council: { id: string; name: string },
    kind: SupplyKind,
    file: { name: string; text: string; sha256: string },
  ): Promise<{ ok: true; added: number; replaced: number } | { ok: false; problems: InputProblem[] }> {
    let records: SupplyRecord[];
    try {
      records = READERS[kind](file.name, file.text, council.name) as SupplyRecord[];
    } catch (e) {
      if (e instanceof InputFileError) return { ok: false, problems: e.problems };
      throw e;
    }
    if (records.length === 0) return { ok: false, problems: [{ file: file.name, rule: "no records" }] };
    const r = await this.repo.upsertMany(
      council.id,
      kind,
      records.map((x) => ({ ref: x.id, record: stored(x) })),
      actor.userId,
    );
    this.registers.delete(council.id);
    await this.audit.record(actor, "supply.import", {
      councilId: council.id,
      detail: { kind, file: file.name, sha256: file.sha256, added: r.added, replaced: r.replaced },
    });
    return { ok: true, ...r };
  }

  /** Loads a whole register (the demo council's generated one) as the system. */
  async loadRegister(
    actor: Actor,
    council: { id: string; name: string },
    reg: SupplyRegister,
  ): Promise<void> {
    for (const kind of SUPPLY_KINDS) {
      const records = reg[kind] as unknown as SupplyRecord[];
      if (records.length === 0) continue;
      const r = await this.repo.upsertMany(
        council.id,
        kind,
        records.map((x) => ({ ref: x.id, record: stored(x) })),
        actor.userId,
      );
      await this.audit.record(actor, "supply.import", {
        councilId: council.id,
        detail: { kind, file: `generated ${REGISTER_FILES[kind]}`, added: r.added, replaced: r.replaced },
      });
    }
    this.registers.delete(council.id);
  }

  /** One kind of the register as the CSV `sufficiency supply` reads. */
  async csv(council: { id: string; name: string }, kind: SupplyKind): Promise<string> {
    const reg = await this.register(council);
    switch (kind) {
      case "households":
        return householdsCsv(reg.households);
      case "homes":
        return homesCsv(reg.homes);
      case "blocks":
        return blocksCsv(reg.blocks);
      case "frameworks":
        return frameworksCsv(reg.frameworks);
    }
  }
}
