import { z } from "zod";
import { COST_CATEGORIES } from "../finance/categories.js";

/**
 * The supply register a council keeps: its own fostering households and
 * children's homes, its block contracts and its framework / dynamic
 * purchasing system memberships. Every record names its council, since the
 * web service holds many councils' registers. Dates are Days (src/core/dates.ts);
 * an end date is the first day no longer approved / open / contracted, so a
 * record is current on the days [start, end).
 */

export const SPECIALISMS = [
  "parent_child",
  "disability",
  "complex_needs",
  "emergency",
  "respite",
  "remand",
] as const;
export type Specialism = (typeof SPECIALISMS)[number];

export const SPECIALISM_LABELS: Record<Specialism, string> = {
  parent_child: "Parent and child",
  disability: "Disability",
  complex_needs: "Complex needs / therapeutic",
  emergency: "Emergency",
  respite: "Respite",
  remand: "Remand",
};

/** Long-term (permanence) carers, short-term carers, or approved for either. */
export const TERMS = ["long_term", "short_term", "any"] as const;
export type Term = (typeof TERMS)[number];

export const HOUSEHOLD_KINDS = ["mainstream", "connected"] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

export const OFSTED_RATINGS = [
  "outstanding",
  "good",
  "requires_improvement",
  "inadequate",
  "not_inspected",
] as const;
export type OfstedRating = (typeof OFSTED_RATINGS)[number];

export const FRAMEWORK_KINDS = ["framework", "dps"] as const;

/** Limits shared by the schemas and the CSV readers. */
export const LIMITS = { places: 10, age: 17, beds: 50, contractPlaces: 500 } as const;

const day = z.number().int();
const text = (max: number) => z.string().trim().max(max);

export const FosterHouseholdSchema = z
  .object({
    council: text(100).min(1),
    id: text(40).min(1),
    kind: z.enum(HOUSEHOLD_KINDS),
    approved: day,
    deregistered: day.nullable(),
    deregistrationReason: text(200),
    places: z.number().int().min(1).max(LIMITS.places),
    ageMin: z.number().int().min(0).max(LIMITS.age),
    ageMax: z.number().int().min(0).max(LIMITS.age),
    /** The largest sibling group the household can take together (1: no sibling groups). */
    siblingCapacity: z.number().int().min(0).max(LIMITS.places),
    term: z.enum(TERMS),
    specialisms: z.array(z.enum(SPECIALISMS)),
    area: text(100),
  })
  .refine((h) => h.ageMax >= h.ageMin, { path: ["ageMax"], message: "must not be below the lowest age" })
  .refine((h) => h.deregistered === null || h.deregistered >= h.approved, {
    path: ["deregistered"],
    message: "must not be before the approval date",
  });
export type FosterHousehold = z.infer<typeof FosterHouseholdSchema>;

export const ChildrensHomeSchema = z
  .object({
    council: text(100).min(1),
    id: text(40).min(1),
    name: text(200),
    urn: text(20),
    beds: z.number().int().min(1).max(LIMITS.beds),
    ofstedRating: z.enum(OFSTED_RATINGS),
    registered: day,
    closed: day.nullable(),
  })
  .refine((h) => h.closed === null || h.closed >= h.registered, {
    path: ["closed"],
    message: "must not be before the registration date",
  });
export type ChildrensHome = z.infer<typeof ChildrensHomeSchema>;

export const BlockContractSchema = z
  .object({
    council: text(100).min(1),
    id: text(40).min(1),
    provider: text(200),
    category: z.enum(COST_CATEGORIES),
    places: z.number().int().min(1).max(LIMITS.contractPlaces),
    weeklyPrice: z.number().nonnegative().max(1_000_000),
    start: day,
    end: day.nullable(),
  })
  .refine((b) => b.end === null || b.end >= b.start, {
    path: ["end"],
    message: "must not be before the start date",
  });
export type BlockContract = z.infer<typeof BlockContractSchema>;

export const FrameworkMembershipSchema = z
  .object({
    council: text(100).min(1),
    id: text(40).min(1),
    name: text(200).min(1),
    kind: z.enum(FRAMEWORK_KINDS),
    categories: z.array(z.enum(COST_CATEGORIES)),
    start: day,
    end: day.nullable(),
  })
  .refine((f) => f.end === null || f.end >= f.start, {
    path: ["end"],
    message: "must not be before the start date",
  });
export type FrameworkMembership = z.infer<typeof FrameworkMembershipSchema>;

export interface SupplyRegister {
  council: string;
  households: FosterHousehold[];
  homes: ChildrensHome[];
  blocks: BlockContract[];
  frameworks: FrameworkMembership[];
}

export function emptyRegister(council: string): SupplyRegister {
  return { council, households: [], homes: [], blocks: [], frameworks: [] };
}

/** True when a record with [start, end) is current on the day. */
export function isCurrent(start: number, end: number | null, on: number): boolean {
  return start <= on && (end === null || end > on);
}

/** Days of [from, to) on which a record with [start, end) is current. */
export function daysCurrent(start: number, end: number | null, from: number, to: number): number {
  return Math.max(0, Math.min(end ?? Number.POSITIVE_INFINITY, to) - Math.max(start, from));
}
