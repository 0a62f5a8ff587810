/**
 * The fitted rates in a readable form (per year, per 10,000), for the
 * forecast's output: what the model assumed, so a reader can check it.
 */
import { formatISO } from "../dates.js";
import { yearLabel } from "../ssda903/years.js";
import { EXIT_GROUPS } from "./categories.js";
import { STRATA } from "./exposure.js";
import type { FittedModel } from "./model.js";
import { DAYS_PER_YEAR } from "./population-curve.js";

export interface StateRates {
  uasc: boolean;
  ageGroup: string;
  timeInCare: string;
  category: string;
  /** Child-years in the state in the reference window. */
  childYears: number;
  /** Events and rates a year (observed = events ÷ child-years; estimate = after shrinkage), by destination: a category, "moves_within", or "exit:<group>". */
  events: Record<string, number>;
  observed: Record<string, number>;
  estimate: Record<string, number>;
}

export interface RatesReport {
  reference: { from: string; to: string; years: number };
  ageGroups: string[];
  timeInCare: string[];
  states: StateRates[];
  /** Prior weight (in events) of the shrinkage toward the main-effects rate, per destination type. */
  shrinkage: Record<string, number>;
  /** Share of moves to another category that are new placements (not the same carers). */
  newPlacementShare: Record<string, Record<string, number>>;
  entries: {
    /** Entries (not UASC) in the reference period, child-years of the population, and the rate per 10,000 a year, by age group. */
    byAgeGroup: Array<{ ageGroup: string; entries: number; childYears: number; per10000: number }>;
    /** Share of entrants by first placement category, by age group. */
    firstCategory: Array<{ ageGroup: string; shares: Record<string, number> }>;
    /** Standard deviation of the common year effect on entries (0 = no more than Poisson). */
    yearEffectSd: number;
    trend: { perYear: number; perYear90: [number, number]; years: number; applied: boolean };
    annual: Array<{ year: string; entries: number; expected: number }>;
  };
  uasc: {
    source: "estimated" | "given";
    perYear: number;
    range?: [number, number];
    entriesInWindow: number;
    yearEffectSd: number;
    annual: Array<{ year: string; entries: number }>;
  };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r1 = (x: number) => Math.round(x * 10) / 10;

export function destinationNames(categories: readonly string[]): string[] {
  return [...categories, ...EXIT_GROUPS.map((g) => `exit:${g}`)];
}

export function ratesReport(model: FittedModel): RatesReport {
  const { C, G, D, categories, groups, counts, rates, entries } = model;
  const dests = destinationNames(categories);
  const states: StateRates[] = [];
  const { NB, GA } = model;
  for (let u = 0; u < STRATA; u++) {
    for (let g = 0; g < G; g++) {
      for (let b = 0; b < NB; b++) {
        for (let c = 0; c < C; c++) {
          const st = (u * GA + g * NB + b) * C + c;
          const ex = counts.exposure[st]!;
          let ev = 0;
          for (let k = 0; k < D; k++) ev += counts.events[st * D + k]!;
          if (ex === 0 && ev === 0) continue;
          const s: StateRates = {
            uasc: u === 1,
            ageGroup: groups.labels[g]!,
            timeInCare: model.durations.labels[b]!,
            category: categories[c]!,
            childYears: r1(ex / DAYS_PER_YEAR),
            events: {},
            observed: {},
            estimate: {},
          };
          for (let k = 0; k < D; k++) {
            const name = k === c ? "moves_within" : dests[k]!;
            const y = counts.events[st * D + k]!;
            const est = rates.mean[st * D + k]! * DAYS_PER_YEAR;
            if (y === 0 && est === 0) continue;
            s.events[name] = y;
            s.observed[name] = ex > 0 ? r3((y / ex) * DAYS_PER_YEAR) : 0;
            s.estimate[name] = r3(est);
          }
          states.push(s);
        }
      }
    }
  }
  const shrinkage: RatesReport["shrinkage"] = {};
  rates.strength.forEach((a, t) => {
    shrinkage[t === D ? "moves_within" : dests[t]!] = r1(a);
  });
  const newPlacementShare: RatesReport["newPlacementShare"] = {};
  for (let c = 0; c < C; c++) {
    newPlacementShare[categories[c]!] = {};
    for (let d = 0; d < C; d++) {
      if (d !== c) newPlacementShare[categories[c]!]![categories[d]!] = r3(rates.newShare[c * C + d]!);
    }
  }
  const byAgeGroup: RatesReport["entries"]["byAgeGroup"] = [];
  const firstCategory: RatesReport["entries"]["firstCategory"] = [];
  for (let g = 0; g < G; g++) {
    const ageGroup = groups.labels[g]!;
    byAgeGroup.push({
      ageGroup,
      entries: entries.count[g]!,
      childYears: Math.round(entries.childYears[g]!),
      per10000: r1(entries.rate[g]! * 10000),
    });
    let tot = 0;
    for (let c = 0; c < C; c++) tot += entries.catWeights[g * C + c]!;
    const shares: Record<string, number> = {};
    for (let c = 0; c < C; c++) shares[categories[c]!] = r3(entries.catWeights[g * C + c]! / tot);
    firstCategory.push({ ageGroup, shares });
  }
  const t = entries.trend;
  return {
    reference: {
      from: formatISO(model.window.from),
      to: formatISO(model.window.to - 1),
      years: r1((model.window.to - model.window.from) / DAYS_PER_YEAR),
    },
    ageGroups: [...groups.labels],
    timeInCare: [...model.durations.labels],
    states,
    shrinkage,
    newPlacementShare,
    entries: {
      byAgeGroup,
      firstCategory,
      yearEffectSd: r3(Math.sqrt(entries.sigma2)),
      trend: {
        perYear: r3(t.perYear),
        perYear90: [r3(t.perYear90[0]), r3(t.perYear90[1])],
        years: t.years,
        applied: t.applied,
      },
      annual: entries.annual.map((a) => ({
        year: yearLabel(a.year),
        entries: a.entries,
        expected: r1(a.expected),
      })),
    },
    uasc: {
      source: entries.uasc.source,
      perYear: r1(entries.uasc.perYear),
      range: entries.uasc.range,
      entriesInWindow: entries.uasc.count,
      yearEffectSd: r3(Math.sqrt(entries.uasc.sigma2)),
      annual: entries.uasc.annual.map((a) => ({ year: yearLabel(a.year), entries: a.entries })),
    },
  };
}
