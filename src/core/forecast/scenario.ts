/**
 * Scenarios: changes to the rates from a date, projected beside the base.
 *
 * A scenario file is one scenario or {"scenarios": [...]}; a scenario is
 * {"name": "...", "changes": [...]}, each change one of
 *   {"type": "entries", "multiply": 0.9, "add": 0, "ages": [0, 4], "start": "2025-04-01"}
 *       entry rates (not UASC); add is per 10,000 children a year;
 *   {"type": "transition", "source": "childrens_home", "target": "inhouse_fostering", "multiply": 1.5}
 *       moves from one category to another; add is per child per year;
 *   {"type": "exit", "group": "returned_home", "category": "placed_with_parents", "multiply": 1.2}
 *       leaving care by a group of reasons (from every category unless one is named);
 *   {"type": "moves", "category": "agency_fostering", "multiply": 0.8}
 *       moves between placements of the same category (stability);
 *   {"type": "uasc", "perYear": 20} or {"type": "uasc", "multiply": 1.5}
 *       UASC arrivals.
 * "ages" (whole years, inclusive) must match the age groups; "start"
 * defaults to the forecast's start. Changes compose: multiply, then add.
 */
import { z } from "zod";
import { parseDateStrict } from "../dates.js";
import type { AgeBands } from "../profile/bands.js";
import { EXIT_GROUPS } from "./categories.js";
import { STRATA } from "./exposure.js";
import type { TimeGrid } from "./grid.js";
import { DAYS_PER_YEAR } from "./population-curve.js";

const isoDate = z.string().refine(
  (s) => {
    try {
      parseDateStrict(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be a date such as 2025-04-01" },
);
const ages = z
  .tuple([z.number().int().min(0).max(17), z.number().int().min(0).max(17)])
  .refine(([a, b]) => a <= b, { message: "must be [youngest, oldest] with youngest ≤ oldest" });
const factor = z.number().nonnegative("must not be negative").optional();
const addend = z.number().optional();

const common = { start: isoDate.optional(), multiply: factor, add: addend };

const Change = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("entries"), ...common, ages: ages.optional() }),
  z.strictObject({
    type: z.literal("transition"),
    ...common,
    source: z.string(),
    target: z.string(),
    ages: ages.optional(),
  }),
  z.strictObject({
    type: z.literal("exit"),
    ...common,
    group: z.enum(EXIT_GROUPS),
    category: z.string().optional(),
    ages: ages.optional(),
  }),
  z.strictObject({
    type: z.literal("moves"),
    ...common,
    category: z.string().optional(),
    ages: ages.optional(),
  }),
  z.strictObject({
    type: z.literal("uasc"),
    start: isoDate.optional(),
    multiply: factor,
    perYear: z.number().nonnegative("must not be negative").optional(),
  }),
]);

const ScenarioSchema = z.strictObject({
  name: z.string().min(1, "must not be blank"),
  description: z.string().optional(),
  changes: z.array(Change).min(1, "give at least one change"),
});

const FileSchema = z.union([ScenarioSchema, z.strictObject({ scenarios: z.array(ScenarioSchema).min(1) })]);

export type ScenarioChange = z.infer<typeof Change>;
export type Scenario = z.infer<typeof ScenarioSchema>;

/** Reads a scenario file's JSON value, or throws a RangeError naming the field at fault. */
export function parseScenarios(json: unknown): Scenario[] {
  const r = FileSchema.safeParse(json);
  if (!r.success) {
    // Report the issue that reached deepest into the value (the union's own
    // message names no field).
    const issues = flattenIssues(r.error.issues);
    issues.sort((a, b) => b.path.length - a.path.length);
    const i = issues[0]!;
    const where = i.path.length ? i.path.join(".") : "the file";
    throw new RangeError(`${where}: ${i.message}`);
  }
  const v = r.data;
  const list = "scenarios" in v ? v.scenarios : [v];
  list.forEach((s, i) => {
    s.changes.forEach((c, j) => {
      const at = `${"scenarios" in v ? `scenarios.${i}.` : ""}changes.${j}`;
      if (c.type === "uasc") {
        if (c.multiply === undefined && c.perYear === undefined)
          throw new RangeError(`${at}: give multiply or perYear`);
      } else if (c.multiply === undefined && c.add === undefined)
        throw new RangeError(`${at}: give multiply or add`);
    });
  });
  return list;
}

interface Issue {
  path: PropertyKey[];
  message: string;
}

function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = [...prefix, ...i.path];
    if (i.code === "invalid_union" && "errors" in i) {
      for (const branch of i.errors) out.push(...flattenIssues(branch, path));
    } else out.push({ path, message: i.message });
  }
  return out;
}

/** One period of a scenario: every change that has begun by its start. */
export interface Phase {
  from: number;
  /** Multipliers and additions (per day) of each rate, index st·D + k (rates.ts). */
  rateMul: Float64Array;
  rateAdd: Float64Array;
  /** Multipliers and additions (per child-year) of entry rates by age group. */
  entryMul: Float64Array;
  entryAdd: Float64Array;
  uascMul: number;
  /** UASC arrivals a year set by the scenario, NaN when not set. */
  uascSet: number;
}

export interface CompiledScenario {
  name: string;
  phases: Phase[];
  /** The phase of each step of the grid. */
  phaseOfStep: Int32Array;
}

function identityPhase(from: number, G: number, NB: number, C: number, D: number): Phase {
  return {
    from,
    rateMul: new Float64Array(STRATA * G * NB * C * D).fill(1),
    rateAdd: new Float64Array(STRATA * G * NB * C * D),
    entryMul: new Float64Array(G).fill(1),
    entryAdd: new Float64Array(G),
    uascMul: 1,
    uascSet: Number.NaN,
  };
}

/** The base: no change. */
export function baseScenario(grid: TimeGrid, G: number, NB: number, C: number, D: number): CompiledScenario {
  return {
    name: "base",
    phases: [identityPhase(-Infinity, G, NB, C, D)],
    phaseOfStep: new Int32Array(grid.K),
  };
}

function groupsOf(range: [number, number] | undefined, groups: AgeBands, at: string): number[] {
  const G = groups.lower.length;
  if (!range) return Array.from({ length: G }, (_, g) => g);
  const [lo, hi] = range;
  const g0 = groups.lower.indexOf(lo);
  const g1 = hi === 17 ? G - 1 : groups.lower.indexOf(hi + 1) - 1;
  if (g0 < 0 || g1 < g0) {
    throw new RangeError(
      `${at}.ages: [${lo}, ${hi}] does not match the age groups (${groups.labels.join(", ")})`,
    );
  }
  return Array.from({ length: g1 - g0 + 1 }, (_, i) => g0 + i);
}

/** Turns a scenario into phases on the grid, checking category names and age ranges. */
export function compileScenario(
  s: Scenario,
  grid: TimeGrid,
  categories: readonly string[],
  groups: AgeBands,
  NB: number,
  D: number,
): CompiledScenario {
  const C = categories.length;
  const G = groups.lower.length;
  const cat = (name: string, at: string) => {
    const i = categories.indexOf(name);
    if (i < 0) throw new RangeError(`${at}: '${name}' is not a category (${categories.join(", ")})`);
    return i;
  };
  const dated = s.changes.map((c, j) => ({ c, j, from: c.start ? parseDateStrict(c.start) : grid.start }));
  const dates = [...new Set(dated.map((d) => d.from))].sort((a, b) => a - b);
  const phases: Phase[] = [identityPhase(-Infinity, G, NB, C, D)];
  for (const date of dates) {
    const p = identityPhase(date, G, NB, C, D);
    for (const { c, j, from } of dated) {
      if (from > date) continue;
      const at = `changes.${j}`;
      const mul = "multiply" in c && c.multiply !== undefined ? c.multiply : 1;
      const add = "add" in c && c.add !== undefined ? c.add : 0;
      const apply = (u: number, g: number, src: number, k: number) => {
        for (let b = 0; b < NB; b++) {
          const i = ((u * G * NB + g * NB + b) * C + src) * D + k;
          p.rateMul[i]! *= mul;
          p.rateAdd[i] = p.rateAdd[i]! * mul + add / DAYS_PER_YEAR;
        }
      };
      switch (c.type) {
        case "entries":
          for (const g of groupsOf(c.ages, groups, at)) {
            p.entryMul[g]! *= mul;
            p.entryAdd[g] = p.entryAdd[g]! * mul + add / 10000;
          }
          break;
        case "transition": {
          const a = cat(c.source, `${at}.source`);
          const b = cat(c.target, `${at}.target`);
          if (a === b) throw new RangeError(`${at}: source and target are the same; use a "moves" change`);
          for (const g of groupsOf(c.ages, groups, at)) for (let u = 0; u < STRATA; u++) apply(u, g, a, b);
          break;
        }
        case "exit": {
          const k = C + EXIT_GROUPS.indexOf(c.group);
          const srcs = c.category ? [cat(c.category, `${at}.category`)] : categories.map((_, i) => i);
          for (const g of groupsOf(c.ages, groups, at))
            for (const src of srcs) for (let u = 0; u < STRATA; u++) apply(u, g, src, k);
          break;
        }
        case "moves": {
          const srcs = c.category ? [cat(c.category, `${at}.category`)] : categories.map((_, i) => i);
          for (const g of groupsOf(c.ages, groups, at))
            for (const src of srcs) for (let u = 0; u < STRATA; u++) apply(u, g, src, src);
          break;
        }
        case "uasc":
          if (c.perYear !== undefined) p.uascSet = c.perYear;
          if (c.multiply !== undefined) p.uascMul *= c.multiply;
          break;
      }
    }
    phases.push(p);
  }
  const phaseOfStep = new Int32Array(grid.K);
  for (let k = 0; k < grid.K; k++) {
    let ph = 0;
    for (let i = 1; i < phases.length; i++) if (grid.ends[k]! >= phases[i]!.from) ph = i;
    phaseOfStep[k] = ph;
  }
  return { name: s.name, phases, phaseOfStep };
}
