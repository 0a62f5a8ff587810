/**
 * The parameters of one projection: the posterior means (for the expected
 * path) or one draw from their posterior (for a Monte Carlo run), so that
 * each run carries the uncertainty of the estimates as well as the chance
 * in who moves, leaves and arrives.
 *
 * Drawn per run: every transition and exit rate (its gamma posterior) of
 * the rate groups a child can reach (`reachableGroups`), the
 * entry rate of each age group (gamma), a common level multiplier of entries
 * (the year effects averaged over the reference window), the first
 * category shares (Dirichlet), the entry trend's slope (normal, when the
 * trend is applied), the UASC arrivals a year (gamma, or uniform over a
 * range given), and a year effect for each financial year ahead.
 *
 * Durations, not rates, make the number in care: a state's children stay
 * 1/Q on average, and 1/Q̂ overstates it when Q̂ is uncertain (it is convex:
 * E[1/Q̂] ≈ (1 + CV²)/Q). So the rates of leaving a state are raised by
 * its squared coefficient of variation CV² for the expected path, and each
 * run's draws by 2·CV² (the draws' own spread adds another CV²), so that
 * the expected time in each state, over the estimates' uncertainty and over
 * the runs, is the time the data show (docs/forecasting.md).
 */
import type { Rng } from "../random/rng.js";
import { STRATA, startCell } from "./exposure.js";
import type { TimeGrid } from "./grid.js";
import type { FittedModel } from "./model.js";

export interface RunParams {
  /** Rates per day, index ((u·G + g)·C + c)·D + k. */
  q: Float64Array;
  /** Entry rate per child-year by age group (not UASC). */
  entryRate: Float64Array;
  /** Share of entrants by first category, index (u·G + g)·C + c. */
  catProbs: Float64Array;
  /** Share of entrants by month of age within the group, index u·MONTHS + m. */
  monthProbs: Float64Array;
  /** Log-linear slope of entries a year (0 when no trend is applied). */
  trendSlope: number;
  /** Multiplier of entries in each financial year of the grid. */
  yearEffect: Float64Array;
  uascPerYear: number;
  uascYearEffect: Float64Array;
}

/** The rates of the expected path: posterior means, those of leaving a state raised by its CV². */
export function expectedRates(model: FittedModel): Float64Array {
  const { C, D } = model;
  const r = model.rates;
  const q = r.mean.slice();
  for (let st = 0; st < r.cv2.length; st++) {
    const f = 1 + r.cv2[st]!;
    const c = st % C;
    for (let k = 0; k < D; k++) if (k !== c) q[st * D + k]! *= f;
  }
  return q;
}

export function meanParams(model: FittedModel, grid: TimeGrid): RunParams {
  const { C, G } = model;
  const e = model.entries;
  const catProbs = new Float64Array(STRATA * G * C);
  for (let s = 0; s < STRATA * G; s++) normaliseInto(e.catWeights, catProbs, s * C, C);
  return {
    q: expectedRates(model),
    entryRate: e.rate.slice(),
    catProbs,
    monthProbs: e.monthProbs,
    trendSlope: e.trend.applied ? e.trend.logSlope : 0,
    yearEffect: new Float64Array(grid.years.length).fill(1),
    uascPerYear: e.uasc.perYear,
    uascYearEffect: new Float64Array(grid.years.length).fill(1),
  };
}

/** One draw of every parameter; `out` is reused between runs. */
export function drawParams(model: FittedModel, grid: TimeGrid, rng: Rng, out?: RunParams): RunParams {
  const { C, G } = model;
  const r = model.rates;
  const e = model.entries;
  const p = out ?? meanParams(model, grid);
  const D = model.D;
  const reach = reachableGroups(model);
  const q = p.q;
  for (let st = 0, c = 0; st < r.cv2.length; st++, c = c + 1 === C ? 0 : c + 1) {
    const at = st * D;
    if (reach[(st - c) / C] === 0) {
      q.fill(0, at, at + D);
      continue;
    }
    const f = 1 + 2 * r.cv2[st]!;
    for (let k = 0; k < D; k++) {
      const sh = r.shape[at + k]!;
      q[at + k] = sh > 0 ? rng.gammaFast(sh, (k === c ? 1 : f) / r.rate[at + k]!) : 0;
    }
  }
  const level = Number.isFinite(e.levelShape) ? rng.gamma(e.levelShape, 1 / e.levelShape) : 1;
  for (let g = 0; g < G; g++) {
    const cy = e.childYears[g]!;
    p.entryRate[g] = cy > 0 ? rng.gamma(e.count[g]! + 0.5, 1 / cy) * level : 0;
  }
  for (let s = 0; s < STRATA * G; s++) {
    let tot = 0;
    for (let c = 0; c < C; c++) {
      const x = rng.gamma(e.catWeights[s * C + c]!);
      p.catProbs[s * C + c] = x;
      tot += x;
    }
    for (let c = 0; c < C; c++) p.catProbs[s * C + c] = tot > 0 ? p.catProbs[s * C + c]! / tot : 1 / C;
  }
  p.trendSlope = e.trend.applied ? e.trend.logSlope + e.trend.logSe * rng.normal() : 0;
  const s2 = e.sigma2;
  for (let y = 0; y < p.yearEffect.length; y++) p.yearEffect[y] = s2 > 0 ? rng.gamma(1 / s2, s2) : 1;
  const u = e.uasc;
  if (u.range) p.uascPerYear = u.range[0] + rng.uniform() * (u.range[1] - u.range[0]);
  else p.uascPerYear = Number.isFinite(u.shape) ? rng.gamma(u.shape, u.perYear / u.shape) : u.perYear;
  for (let y = 0; y < p.uascYearEffect.length; y++) {
    p.uascYearEffect[y] = u.sigma2 > 0 ? rng.gamma(1 / u.sigma2, u.sigma2) : 1;
  }
  return p;
}

/** Of each model, its reachable rate groups (worked out once per model and thread). */
const reachable = new WeakMap<FittedModel, Uint8Array>();

/**
 * The rate groups ua = u·GA + g·NB + b a child can be in during a projection (1), so that a run
 * draws no rates for the others: the groups of the start stock and those entrants arrive in
 * (every age group, not UASC, as a scenario may add entries anywhere; the UASC age groups with
 * a share of arrivals), and every group of the same stratum older or longer in care than one of
 * them, as children only grow older and longer in care. At borough scale the young UASC groups,
 * a quarter or so of all, are never reached.
 */
export function reachableGroups(model: FittedModel): Uint8Array {
  let reach = reachable.get(model);
  if (reach) return reach;
  const { C, G, NB, GA } = model;
  const band = model.durations.band;
  // The youngest age group and shortest time-in-care band children start in, per stratum and
  // age group: start[(u·G + g)] = lowest band, NB if none.
  const start = new Int32Array(STRATA * G).fill(NB);
  for (let g = 0; g < G; g++) {
    start[g] = 0;
    if (model.entries.uasc.groupProbs[g]! > 0) start[G + g] = 0;
  }
  for (let cell = 0; cell < model.initial.length; cell++) {
    if (model.initial[cell] === 0) continue;
    const { u, m, dm } = startCell(cell, C, model.durations.DM);
    const g = model.monthGroup[m]!;
    start[u * G + g] = Math.min(start[u * G + g]!, band[dm]!);
  }
  reach = new Uint8Array(STRATA * GA);
  for (let u = 0; u < STRATA; u++) {
    // Lowest band reached by age group g: the lowest start at g or any younger group.
    let low = NB;
    for (let g = 0; g < G; g++) {
      low = Math.min(low, start[u * G + g]!);
      for (let b = low; b < NB; b++) reach[u * GA + g * NB + b] = 1;
    }
  }
  reachable.set(model, reach);
  return reach;
}

function normaliseInto(src: Float64Array, dst: Float64Array, at: number, n: number): void {
  let tot = 0;
  for (let i = 0; i < n; i++) tot += src[at + i]!;
  for (let i = 0; i < n; i++) dst[at + i] = tot > 0 ? src[at + i]! / tot : 1 / n;
}
