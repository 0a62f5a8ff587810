/**
 * A hand-made forecast model for tests: two categories ("a", "b"), one age
 * group, no time-in-care bands, rates given per year, entries at a rate per
 * child-year of a flat population; so that paths can be worked out by hand.
 */
import { dayFromYMD } from "../../dates.js";
import type { Population } from "../../inputs/population.js";
import { ageBands } from "../../profile/bands.js";
import { groupOfMonth, MONTHS } from "../ages.js";
import { EXIT_GROUPS } from "../categories.js";
import { durationBands } from "../durations.js";
import type { EntryModel } from "../entries.js";
import { EXITS, STRATA } from "../exposure.js";
import { type TimeGrid, timeGrid } from "../grid.js";
import type { FittedModel } from "../model.js";
import { DAYS_PER_YEAR, PopulationCurve } from "../population-curve.js";
import type { PathBuffers } from "../project.js";

export interface ToyOptions {
  /** Rates a year: a → b, leaving care from a (returned home), from b (other). */
  ab: number;
  aExit: number;
  bExit: number;
  /** Moves within a and within b, a year. */
  aMoves?: number;
  bMoves?: number;
  /** Children at the start in a and b, all of this month of age (default 12). */
  a0: number;
  b0: number;
  month?: number;
  /** Entries (all into a) per child-year of the population, and the population of each age (default 1,000). */
  entryRate?: number;
  population?: number;
  years?: number;
  start?: number;
}

export function flatPopulation(perAge: number): Population {
  const byYear = new Map<number, number[]>();
  for (let y = 2000; y <= 2050; y++) byYear.set(y, new Array<number>(18).fill(perAge));
  return { byYear };
}

export function toyModel(o: ToyOptions): { model: FittedModel; grid: TimeGrid } {
  const C = 2;
  const G = 1;
  const D = C + EXITS;
  const groups = ageBands([0]);
  const durations = durationBands([]);
  const S = STRATA * G * C;
  const mean = new Float64Array(S * D);
  const perDay = (x: number) => x / DAYS_PER_YEAR;
  for (let u = 0; u < STRATA; u++) {
    const a = u * G * C;
    const b = a + 1;
    mean[a * D + 1] = perDay(o.ab);
    mean[a * D + 0] = perDay(o.aMoves ?? 0);
    mean[a * D + C + EXIT_GROUPS.indexOf("returned_home")] = perDay(o.aExit);
    mean[b * D + 1] = perDay(o.bMoves ?? 0);
    mean[b * D + C + EXIT_GROUPS.indexOf("other")] = perDay(o.bExit);
  }
  const start = o.start ?? dayFromYMD(2022, 3, 31);
  const initial = new Float64Array(STRATA * MONTHS * C);
  const m = o.month ?? 12;
  initial[m * C] = o.a0;
  initial[m * C + 1] = o.b0;
  // Entrants are babies in their first month, so none reaches 18 in a test's horizon.
  const monthProbs = new Float64Array(STRATA * MONTHS);
  monthProbs[0] = 1;
  monthProbs[MONTHS] = 1;
  const entries: EntryModel = {
    G,
    C,
    count: new Float64Array(G),
    childYears: new Float64Array(G).fill(1),
    rate: new Float64Array(G).fill(o.entryRate ?? 0),
    sigma2: 0,
    levelShape: Number.POSITIVE_INFINITY,
    catWeights: Float64Array.from({ length: STRATA * G * C }, (_, i) => (i % C === 0 ? 1 : 0)),
    monthProbs,
    trend: { logSlope: 0, logSe: 0, perYear: 0, perYear90: [0, 0], years: 0, applied: false },
    refMid: start,
    annual: [],
    uasc: {
      count: 0,
      windowYears: 3,
      perYear: 0,
      shape: Number.POSITIVE_INFINITY,
      sigma2: 0,
      groupProbs: new Float64Array(G).fill(1),
      annual: [],
      source: "estimated",
    },
  };
  const model: FittedModel = {
    categories: ["a", "b"],
    C,
    G,
    NB: 1,
    GA: G,
    D,
    groups,
    durations,
    bands: ageBands([0]),
    monthGroup: groupOfMonth(groups),
    monthBand: groupOfMonth(ageBands([0])),
    start,
    window: { from: start - 1095, to: start + 1 },
    counts: {
      from: start - 1095,
      to: start + 1,
      C,
      G,
      NB: 1,
      GA: G,
      D,
      exposure: new Float64Array(S),
      events: new Float64Array(S * D),
      newPlacements: new Float64Array(S * C),
      entries: new Float64Array(STRATA * MONTHS * C),
    },
    rates: {
      C,
      G,
      NB: 1,
      GA: G,
      D,
      shape: mean.map((x) => (x > 0 ? 1e9 : 0)),
      rate: mean.map((x) => (x > 0 ? 1e9 / x : 1)),
      mean,
      parent: mean.slice(),
      cv2: new Float64Array(S),
      newShare: Float64Array.from([1, 1, 1, 1]),
      strength: new Float64Array(D + 1),
    },
    entries,
    initial,
    imputedAges: 0,
    notes: [],
  };
  const pop = new PopulationCurve(flatPopulation(o.population ?? 1000));
  return { model, grid: timeGrid(start, o.years ?? 3, pop, groups) };
}

/** Checks stock(end of year) = stock(start of year) + entries − exits for each financial year, and no negative count. */
export function checkConservation(out: PathBuffers, fy: Int32Array, W: number, years: number) {
  for (let y = 0; y < years; y++) {
    const steps = [...fy].map((f, k) => (f === y ? k : -1)).filter((k) => k >= 0);
    const first = steps[0]!;
    const last = steps[steps.length - 1]!;
    const before = out.series[first * W]!;
    const after = out.series[(last + 1) * W]!;
    let exits = 0;
    for (let x = 0; x <= EXITS; x++) exits += out.exits[y * (EXITS + 1) + x]!;
    const entries = out.entries[y * 2]! + out.entries[y * 2 + 1]!;
    if (after !== before + entries - exits) {
      throw new Error(`year ${y}: ${after} ≠ ${before} + ${entries} − ${exits}`);
    }
  }
  for (const x of out.series) if (x < 0) throw new Error("a negative count");
  for (const x of out.placements) if (x < 0) throw new Error("a negative count of placements");
}
