import Papa from "papaparse";
import { z } from "zod";
import { type Day, formatISO, parseDate } from "../dates.js";
import { COST_CATEGORIES } from "../finance/categories.js";
import {
  InputFileError,
  type InputProblem,
  intField,
  numberField,
  readCsvTable,
} from "../inputs/csv-table.js";
import {
  type BlockContract,
  BlockContractSchema,
  type ChildrensHome,
  ChildrensHomeSchema,
  type FosterHousehold,
  FosterHouseholdSchema,
  FRAMEWORK_KINDS,
  type FrameworkMembership,
  FrameworkMembershipSchema,
  HOUSEHOLD_KINDS,
  LIMITS,
  OFSTED_RATINGS,
  SPECIALISMS,
  type SupplyRegister,
  TERMS,
} from "./register.js";

/**
 * The register as CSV files, one per kind of record, named as `sufficiency
 * generate` writes them into `DIR/supply/`. Columns are matched without
 * regard to case; dates are DD/MM/YYYY or YYYY-MM-DD (written as
 * YYYY-MM-DD); lists (specialisms, categories) are separated by ";". A file
 * belongs to one council, so it has no council column: the council is given
 * when it is read.
 */
export const REGISTER_FILES = {
  households: "households.csv",
  homes: "homes.csv",
  blocks: "block-contracts.csv",
  frameworks: "frameworks.csv",
} as const;

export type RegisterKind = keyof typeof REGISTER_FILES;

export const REGISTER_COLUMNS: Record<RegisterKind, readonly string[]> = {
  households: [
    "id",
    "kind",
    "approved",
    "deregistered",
    "deregistration_reason",
    "places",
    "age_min",
    "age_max",
    "sibling_capacity",
    "term",
    "specialisms",
    "area",
  ],
  homes: ["id", "name", "urn", "beds", "ofsted_rating", "registered", "closed"],
  blocks: ["id", "provider", "category", "places", "weekly_price", "start", "end"],
  frameworks: ["id", "name", "kind", "categories", "start", "end"],
};

const opt = () =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim());

const date = (required: boolean) =>
  z
    .string()
    .optional()
    .transform((s, ctx): Day | null => {
      const d = parseDate(s ?? "");
      if (d === null) {
        if (required) ctx.addIssue({ code: "custom", message: "must not be blank" });
        return null;
      }
      if (Number.isNaN(d)) {
        ctx.addIssue({ code: "custom", message: "must be a date (DD/MM/YYYY or YYYY-MM-DD)" });
        return null;
      }
      return d;
    });

const oneOf = <T extends string>(values: readonly T[], fallback?: T) =>
  z
    .string()
    .optional()
    .transform((s, ctx): T => {
      const v = (s ?? "")
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_");
      if (v === "" && fallback !== undefined) return fallback;
      if ((values as readonly string[]).includes(v)) return v as T;
      ctx.addIssue({ code: "custom", message: `must be one of ${values.join(", ")}` });
      return values[0]!;
    });

const listOf = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((s, ctx): T[] => {
      const items = (s ?? "")
        .split(/[;|]/)
        .map((x) =>
          x
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, "_"),
        )
        .filter((x) => x !== "");
      const bad = items.filter((x) => !(values as readonly string[]).includes(x));
      if (bad.length)
        ctx.addIssue({
          code: "custom",
          message: `'${bad.join("', '")}' not known: use ${values.join(", ")}, separated by ';'`,
        });
      return [...new Set(items.filter((x) => !bad.includes(x)))] as T[];
    });

const intOr = (min: number, max: number, fallback: number, what: string) =>
  z
    .string()
    .optional()
    .transform((s) => ((s ?? "").trim() === "" ? String(fallback) : s!))
    .pipe(intField(min, max, what));

const id = () => z.string({ error: "must not be blank" }).trim().min(1, "must not be blank").max(40);

const HouseholdRow = z.object({
  id: id(),
  kind: oneOf(HOUSEHOLD_KINDS, "mainstream"),
  approved: date(true),
  deregistered: date(false),
  deregistration_reason: opt(),
  places: intField(1, LIMITS.places, "a whole number of places"),
  age_min: intOr(0, LIMITS.age, 0, "an age"),
  age_max: intOr(0, LIMITS.age, LIMITS.age, "an age"),
  sibling_capacity: intOr(0, LIMITS.places, 1, "a whole number"),
  term: oneOf(TERMS, "any"),
  specialisms: listOf(SPECIALISMS),
  area: opt(),
});

const HomeRow = z.object({
  id: id(),
  name: opt(),
  urn: opt(),
  beds: intField(1, LIMITS.beds, "a whole number of beds"),
  ofsted_rating: oneOf(OFSTED_RATINGS, "not_inspected"),
  registered: date(true),
  closed: date(false),
});

const BlockRow = z.object({
  id: id(),
  provider: opt(),
  category: oneOf(COST_CATEGORIES),
  places: intField(1, LIMITS.contractPlaces, "a whole number of places"),
  weekly_price: numberField().pipe(z.number().nonnegative("must not be negative")),
  start: date(true),
  end: date(false),
});

const FrameworkRow = z.object({
  id: id(),
  name: z.string({ error: "must not be blank" }).trim().min(1, "must not be blank"),
  kind: oneOf(FRAMEWORK_KINDS, "framework"),
  categories: listOf(COST_CATEGORIES),
  start: date(true),
  end: date(false),
});

/** Record fields (camelCase) to the CSV columns they come from, for messages. */
const COLUMN_OF: Record<string, string> = {
  deregistrationReason: "deregistration_reason",
  ageMin: "age_min",
  ageMax: "age_max",
  siblingCapacity: "sibling_capacity",
  ofstedRating: "ofsted_rating",
  weeklyPrice: "weekly_price",
};

function readKind<R extends z.ZodObject, T extends { id: string }>(
  file: string,
  text: string,
  row: R,
  toRecord: (r: z.infer<R>) => unknown,
  schema: z.ZodType<T>,
): T[] {
  const rows = readCsvTable(file, text, row);
  const problems: InputProblem[] = [];
  const out: T[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const parsed = schema.safeParse(toRecord(r));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0] ?? "");
        problems.push({ file, row: i + 2, field: COLUMN_OF[f] ?? f, rule: issue.message });
      }
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined)
      problems.push({
        file,
        row: i + 2,
        field: "id",
        rule: `'${parsed.data.id}' is already used in row ${first}`,
      });
    seen.set(parsed.data.id, i + 2);
    out.push(parsed.data);
  });
  if (problems.length) throw new InputFileError(problems);
  return out;
}

export function readHouseholdsCsv(file: string, text: string, council: string): FosterHousehold[] {
  return readKind(
    file,
    text,
    HouseholdRow,
    (r) => ({
      council,
      id: r.id,
      kind: r.kind,
      approved: r.approved,
      deregistered: r.deregistered,
      deregistrationReason: r.deregistration_reason,
      places: r.places,
      ageMin: r.age_min,
      ageMax: r.age_max,
      siblingCapacity: r.sibling_capacity,
      term: r.term,
      specialisms: r.specialisms,
      area: r.area,
    }),
    FosterHouseholdSchema,
  );
}

export function readHomesCsv(file: string, text: string, council: string): ChildrensHome[] {
  return readKind(
    file,
    text,
    HomeRow,
    (r) => ({
      council,
      id: r.id,
      name: r.name,
      urn: r.urn,
      beds: r.beds,
      ofstedRating: r.ofsted_rating,
      registered: r.registered,
      closed: r.closed,
    }),
    ChildrensHomeSchema,
  );
}

export function readBlocksCsv(file: string, text: string, council: string): BlockContract[] {
  return readKind(
    file,
    text,
    BlockRow,
    (r) => ({
      council,
      id: r.id,
      provider: r.provider,
      category: r.category,
      places: r.places,
      weeklyPrice: r.weekly_price,
      start: r.start,
      end: r.end,
    }),
    BlockContractSchema,
  );
}

export function readFrameworksCsv(file: string, text: string, council: string): FrameworkMembership[] {
  return readKind(
    file,
    text,
    FrameworkRow,
    (r) => ({
      council,
      id: r.id,
      name: r.name,
      kind: r.kind,
      categories: r.categories,
      start: r.start,
      end: r.end,
    }),
    FrameworkMembershipSchema,
  );
}

const iso = (d: Day | null) => (d === null ? "" : formatISO(d));

function csv(kind: RegisterKind, rows: Array<Array<string | number>>): string {
  return `${Papa.unparse(
    { fields: [...REGISTER_COLUMNS[kind]], data: rows },
    { newline: "\r\n", escapeFormulae: true },
  )}\r\n`;
}

export function householdsCsv(list: readonly FosterHousehold[]): string {
  return csv(
    "households",
    list.map((h) => [
      h.id,
      h.kind,
      iso(h.approved),
      iso(h.deregistered),
      h.deregistrationReason,
      h.places,
      h.ageMin,
      h.ageMax,
      h.siblingCapacity,
      h.term,
      h.specialisms.join(";"),
      h.area,
    ]),
  );
}

export function homesCsv(list: readonly ChildrensHome[]): string {
  return csv(
    "homes",
    list.map((h) => [h.id, h.name, h.urn, h.beds, h.ofstedRating, iso(h.registered), iso(h.closed)]),
  );
}

export function blocksCsv(list: readonly BlockContract[]): string {
  return csv(
    "blocks",
    list.map((b) => [b.id, b.provider, b.category, b.places, b.weeklyPrice, iso(b.start), iso(b.end)]),
  );
}

export function frameworksCsv(list: readonly FrameworkMembership[]): string {
  return csv(
    "frameworks",
    list.map((f) => [f.id, f.name, f.kind, f.categories.join(";"), iso(f.start), iso(f.end)]),
  );
}

/** Every file of a register, by kind, as CSV text (file names in REGISTER_FILES). */
export function registerFiles(reg: SupplyRegister): Record<RegisterKind, string> {
  return {
    households: householdsCsv(reg.households),
    homes: homesCsv(reg.homes),
    blocks: blocksCsv(reg.blocks),
    frameworks: frameworksCsv(reg.frameworks),
  };
}

/**
 * Reads a register from its files (by kind: the file's name for messages and
 * its text; a kind not given is an empty list). Problems in every file are
 * gathered into one InputFileError.
 */
export function readRegister(
  council: string,
  files: Partial<Record<RegisterKind, { file: string; text: string }>>,
): SupplyRegister {
  const problems: InputProblem[] = [];
  const read = <T>(kind: RegisterKind, f: (file: string, text: string, council: string) => T[]): T[] => {
    const given = files[kind];
    if (given === undefined) return [];
    try {
      return f(given.file, given.text, council);
    } catch (e) {
      if (e instanceof InputFileError) {
        problems.push(...e.problems);
        return [];
      }
      throw e;
    }
  };
  const reg: SupplyRegister = {
    council,
    households: read("households", readHouseholdsCsv),
    homes: read("homes", readHomesCsv),
    blocks: read("blocks", readBlocksCsv),
    frameworks: read("frameworks", readFrameworksCsv),
  };
  if (problems.length) throw new InputFileError(problems);
  return reg;
}
