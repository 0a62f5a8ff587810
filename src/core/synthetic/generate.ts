/**
 * Synthetic 903 returns for a council: a simulation of its children in care
 * over the years, written as the council would have sent them (one file per
 * table per collection year) plus a population file.
 *
 * Nothing here comes from real children. The rates, mixes and durations are
 * England-like defaults (params.ts, docs/synthetic-data.md) that a caller
 * may override.
 */
import { isSupportedYear, LAST_SUPPORTED_YEAR } from "../ssda903/years.js";
import {
  DEFAULT_BURN_IN_YEARS,
  DEFAULT_ENTRY_SHAPE,
  DEFAULT_IN_HOUSE_FOSTER_SHARE,
  DEFAULT_RATE_PER_10000,
  DEFAULT_SHORT_BREAK_SHARE,
  DEFAULT_UASC_SHARE_PER_YEAR,
} from "./params.js";
import { populationShape, type Simulation, simulate, yearsInCarePerEntrant } from "./simulate.js";
import { buildYear, countYear, DateText, populationCsv, type YearCounts } from "./write.js";

export interface GeneratorOptions {
  /** First collection year written (2015 = 2015/16); supported years 2015..2025. */
  from: number;
  /** Last collection year written. */
  to: number;
  /** About this many children looked after at each 31 March (steady state; short breaks excluded). */
  childrenInCare: number;
  seed: number;
  /**
   * 0–17 population (mid-year estimate) in the year `from`. Default:
   * childrenInCare / 70 × 10,000, i.e. England's rate of about 70 children
   * in care per 10,000.
   */
  population?: number;
  /**
   * First-entry rates per 10,000 children of each single year of age 0–17
   * (18 numbers; re-entries come on top). Default: England's shape of
   * starters by age, scaled so the stock lands on childrenInCare. When given
   * without a population, the population is the one that makes the stock
   * land on childrenInCare; when given with a population, the stock follows
   * from them.
   */
  entryRates?: readonly number[];
  /** UASC arriving per year. Default: 4.5% of childrenInCare. */
  uascPerYear?: number;
  /** Children receiving short breaks (V3/V4) at any one time. Default: 2.5% of childrenInCare. */
  shortBreakChildren?: number;
  /** Share of U4–U6 foster placements with the council's own carers (PR1). Default 0.52. */
  inHouseFosterShare?: number;
  /** Years simulated before `from`. Default 18 (the longest a child can stay). */
  burnInYears?: number;
}

export interface GeneratedFile {
  name: string;
  text: string;
}

export interface GenerationSummary {
  years: number[];
  /** The settings used, defaults filled in. */
  settings: {
    population: number;
    entryRates: number[];
    uascPerYear: number;
    shortBreakChildren: number;
    inHouseFosterShare: number;
    burnInYears: number;
  };
  /** Children in care expected at any date at steady state, from the calibration. */
  expectedInCare: number;
  /** Children and episodes simulated in detail (those that reach the written years). */
  children: number;
  episodes: number;
  byYear: YearCounts[];
}

export interface GeneratedCouncil {
  years: number[];
  /** The files, each built when the iteration reaches it. */
  files(): Iterable<GeneratedFile>;
  summary: GenerationSummary;
  /** The simulated truth behind the files (for tests and analysis). */
  simulation: Simulation;
}

function check(cond: boolean, message: string): void {
  if (!cond) throw new RangeError(message);
}

export function resolveSettings(o: GeneratorOptions) {
  check(
    Number.isInteger(o.from) && isSupportedYear(o.from),
    `from must be a collection year 2015..${LAST_SUPPORTED_YEAR}`,
  );
  check(
    Number.isInteger(o.to) && isSupportedYear(o.to),
    `to must be a collection year 2015..${LAST_SUPPORTED_YEAR}`,
  );
  check(o.from <= o.to, "from must not be after to");
  check(Number.isFinite(o.childrenInCare) && o.childrenInCare >= 1, "childrenInCare must be at least 1");
  check(Number.isInteger(o.seed), "seed must be an integer");
  if (o.population !== undefined) check(o.population > 0, "population must be positive");
  if (o.entryRates !== undefined) {
    check(o.entryRates.length === 18, "entryRates must give 18 rates, for ages 0 to 17");
    check(
      o.entryRates.every((r) => Number.isFinite(r) && r >= 0),
      "entryRates must be numbers of 0 or more",
    );
  }
  const burnInYears = o.burnInYears ?? DEFAULT_BURN_IN_YEARS;
  check(Number.isInteger(burnInYears) && burnInYears >= 0 && burnInYears <= 30, "burnInYears must be 0..30");
  const cic = o.childrenInCare;
  const uascPerYear = o.uascPerYear ?? cic * DEFAULT_UASC_SHARE_PER_YEAR;
  check(uascPerYear >= 0, "uascPerYear must not be negative");
  const shortBreakChildren = o.shortBreakChildren ?? Math.round(cic * DEFAULT_SHORT_BREAK_SHARE);
  check(shortBreakChildren >= 0, "shortBreakChildren must not be negative");
  const inHouseFosterShare = o.inHouseFosterShare ?? DEFAULT_IN_HOUSE_FOSTER_SHARE;
  check(inHouseFosterShare >= 0 && inHouseFosterShare <= 1, "inHouseFosterShare must be between 0 and 1");

  // Calibration: stock = Σ rate(a) × population(a) / 10,000 × years in care per entrant(a) + UASC.
  const pilot = yearsInCarePerEntrant();
  const shape = populationShape(o.seed, o.from, burnInYears);
  const uascStock = uascPerYear * pilot.uasc;
  const target = Math.max(0, cic - uascStock);
  const perUnit = (rates: readonly number[]) => {
    let s = 0;
    for (let a = 0; a < 18; a++) s += ((rates[a] ?? 0) * shape[a]! * pilot.byAge[a]!) / 10000;
    return s;
  };
  let population: number;
  let entryRates: number[];
  if (o.entryRates === undefined) {
    population = o.population ?? (cic / DEFAULT_RATE_PER_10000) * 10000;
    const k = target / (population * perUnit(DEFAULT_ENTRY_SHAPE));
    entryRates = DEFAULT_ENTRY_SHAPE.map((r) => r * k);
  } else {
    entryRates = [...o.entryRates];
    const unit = perUnit(entryRates);
    population =
      o.population ?? (unit > 0 && target > 0 ? target / unit : (cic / DEFAULT_RATE_PER_10000) * 10000);
  }
  const expectedInCare = population * perUnit(entryRates) + uascStock;
  return {
    from: o.from,
    to: o.to,
    seed: o.seed,
    childrenInCare: cic,
    burnInYears,
    population: Math.round(population),
    entryRates,
    uascPerYear,
    shortBreakChildren,
    inHouseFosterShare,
    expectedInCare,
  };
}

/**
 * Simulates a council and returns its files. The same options give
 * byte-identical files.
 */
export function generateCouncil(options: GeneratorOptions): GeneratedCouncil {
  const s = resolveSettings(options);
  const sim = simulate(s);
  const years: number[] = [];
  for (let y = s.from; y <= s.to; y++) years.push(y);
  const summary: GenerationSummary = {
    years,
    settings: {
      population: s.population,
      entryRates: s.entryRates.map((r) => Math.round(r * 100) / 100),
      uascPerYear: Math.round(s.uascPerYear * 10) / 10,
      shortBreakChildren: s.shortBreakChildren,
      inHouseFosterShare: s.inHouseFosterShare,
      burnInYears: s.burnInYears,
    },
    expectedInCare: Math.round(s.expectedInCare),
    children: sim.children.n,
    episodes: sim.episodes.n,
    byYear: years.map((y) => countYear(sim, y)),
  };
  return {
    years,
    summary,
    simulation: sim,
    *files() {
      yield { name: "population.csv", text: populationCsv(sim, s.from, s.to + 10) };
      const dates = new DateText();
      for (const y of years) {
        const t = buildYear(sim, y, s.seed, dates);
        yield { name: `${y}-header.csv`, text: t.header };
        yield { name: `${y}-episodes.csv`, text: t.episodes };
        yield { name: `${y}-uasc.csv`, text: t.uasc };
        yield { name: `${y}-oc3.csv`, text: t.oc3 };
      }
    },
  };
}
