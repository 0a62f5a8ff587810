import { type Day, formatISO } from "../dates.js";
import { type FinancialYear, fyLabel, fyStart } from "../finance/financial-years.js";
import type { AgeBands } from "../profile/bands.js";
import {
  type FosterHousehold,
  HOUSEHOLD_KINDS,
  type HouseholdKind,
  isCurrent,
  OFSTED_RATINGS,
  SPECIALISMS,
  type Specialism,
  type SupplyRegister,
  TERMS,
  type Term,
} from "./register.js";

export interface Count {
  households: number;
  places: number;
}

/** The register on one day. */
export interface SupplyAt {
  date: string;
  /** All approved fostering households (mainstream and connected). */
  total: Count;
  byKind: Record<HouseholdKind, Count>;
  /** Mainstream households by the term they are approved for. */
  byTerm: Record<Term, Count>;
  /** Mainstream households with each specialism. */
  bySpecialism: Record<Specialism, number>;
  /** Mainstream households able to take a sibling group (capacity 2 or more). */
  siblingGroups: number;
  /** Mainstream places open to each age band (the household's age range overlaps the band). */
  placesByAgeBand: Record<string, number>;
  /** Places per mainstream household; null with none. */
  averagePlaces: number | null;
  homes: { homes: number; beds: number; byRating: Record<string, number> };
  blocks: Array<{ category: string; contracts: number; places: number; weeklyPrice: number }>;
  frameworks: string[];
}

const count = (list: readonly FosterHousehold[]): Count => ({
  households: list.length,
  places: list.reduce((s, h) => s + h.places, 0),
});

/** Households approved on a day: approved ≤ day and (not deregistered or deregistered after the day). */
export function householdsOn(reg: SupplyRegister, day: Day, kind?: HouseholdKind): FosterHousehold[] {
  return reg.households.filter(
    (h) => (kind === undefined || h.kind === kind) && isCurrent(h.approved, h.deregistered, day),
  );
}

export function supplyAt(reg: SupplyRegister, day: Day, bands: AgeBands): SupplyAt {
  const all = householdsOn(reg, day);
  const main = all.filter((h) => h.kind === "mainstream");
  const byKind = Object.fromEntries(
    HOUSEHOLD_KINDS.map((k) => [k, count(all.filter((h) => h.kind === k))]),
  ) as Record<HouseholdKind, Count>;
  const byTerm = Object.fromEntries(TERMS.map((t) => [t, count(main.filter((h) => h.term === t))])) as Record<
    Term,
    Count
  >;
  const bySpecialism = Object.fromEntries(
    SPECIALISMS.map((s) => [s, main.filter((h) => h.specialisms.includes(s)).length]),
  ) as Record<Specialism, number>;
  const placesByAgeBand: Record<string, number> = {};
  bands.labels.forEach((label, i) => {
    const lo = bands.lower[i]!;
    const hi = (bands.lower[i + 1] ?? 18) - 1;
    placesByAgeBand[label] = main
      .filter((h) => h.ageMin <= hi && h.ageMax >= lo)
      .reduce((s, h) => s + h.places, 0);
  });
  const homes = reg.homes.filter((h) => isCurrent(h.registered, h.closed, day));
  const byRating = Object.fromEntries(
    OFSTED_RATINGS.map((r) => [r, homes.filter((h) => h.ofstedRating === r).length]),
  );
  const blocks = new Map<
    string,
    { category: string; contracts: number; places: number; weeklyPrice: number }
  >();
  for (const b of reg.blocks) {
    if (!isCurrent(b.start, b.end, day)) continue;
    const g = blocks.get(b.category) ?? { category: b.category, contracts: 0, places: 0, weeklyPrice: 0 };
    g.contracts += 1;
    g.places += b.places;
    g.weeklyPrice += b.places * b.weeklyPrice;
    blocks.set(b.category, g);
  }
  const m = count(main);
  return {
    date: formatISO(day),
    total: count(all),
    byKind,
    byTerm,
    bySpecialism,
    siblingGroups: main.filter((h) => h.siblingCapacity >= 2).length,
    placesByAgeBand,
    averagePlaces: m.households ? Math.round((m.places / m.households) * 100) / 100 : null,
    homes: { homes: homes.length, beds: homes.reduce((s, h) => s + h.beds, 0), byRating },
    blocks: [...blocks.values()],
    frameworks: reg.frameworks.filter((f) => isCurrent(f.start, f.end, day)).map((f) => f.name),
  };
}

/** Approvals and deregistrations of one kind of household in a financial year. */
export interface YearFlow {
  /** Approved on 1 April. */
  start: Count;
  approvals: number;
  deregistrations: number;
  netGain: number;
  /** Approved on the last day of the year. */
  end: Count;
  /** Deregistrations ÷ households at the start; null with none at the start. */
  deregistrationRate: number | null;
  deregistrationReasons: Record<string, number>;
}

export interface SupplyYear {
  year: string;
  mainstream: YearFlow;
  connected: YearFlow;
  /** Mainstream approvals against the target: approvals − target, and whether it was met. */
  target: { target: number; approvals: number; difference: number; met: boolean } | null;
}

function flow(list: readonly FosterHousehold[], year: FinancialYear): YearFlow {
  const from = fyStart(year);
  const to = fyStart(year + 1);
  const at = (d: Day) => count(list.filter((h) => isCurrent(h.approved, h.deregistered, d)));
  const approvals = list.filter((h) => h.approved >= from && h.approved < to).length;
  const leavers = list.filter(
    (h) => h.deregistered !== null && h.deregistered >= from && h.deregistered < to,
  );
  const reasons: Record<string, number> = {};
  for (const h of leavers) {
    const r = h.deregistrationReason || "not recorded";
    reasons[r] = (reasons[r] ?? 0) + 1;
  }
  const start = at(from);
  return {
    start,
    approvals,
    deregistrations: leavers.length,
    netGain: approvals - leavers.length,
    end: at(to - 1),
    deregistrationRate: start.households
      ? Math.round((leavers.length / start.households) * 1000) / 1000
      : null,
    deregistrationReasons: reasons,
  };
}

/**
 * Per financial year: households and places at the start and end, approvals
 * (approval date in the year), deregistrations (deregistration date in the
 * year) and the net gain, for mainstream and connected-person households;
 * mainstream approvals against a recruitment target (Bromley: 20 a year).
 */
export function supplyByYear(
  reg: SupplyRegister,
  years: readonly FinancialYear[],
  target?: number,
): SupplyYear[] {
  const main = reg.households.filter((h) => h.kind === "mainstream");
  const conn = reg.households.filter((h) => h.kind === "connected");
  return years.map((y) => {
    const mainstream = flow(main, y);
    return {
      year: fyLabel(y),
      mainstream,
      connected: flow(conn, y),
      target:
        target === undefined
          ? null
          : {
              target,
              approvals: mainstream.approvals,
              difference: mainstream.approvals - target,
              met: mainstream.approvals >= target,
            },
    };
  });
}
