/**
 * The projection: counts of children per state (UASC or not × month of
 * age × category), moved forward one month at a time. The expected path
 * moves expected numbers; a Monte Carlo run draws them: for each state a
 * binomial number of leavers and a destination for each, Poisson entries
 * per age group (a binomial half arriving at the start of the month, the
 * rest at its end), Poisson moves within a category, and the ageing of
 * every child by one month, leaving care in the month they turn 18. The
 * cost depends on the number of states and movers, not on the number of
 * children.
 *
 * The expected path is here; the Monte Carlo run is in simulate.ts. Both
 * write the same outputs: the stock at the start and each month end
 * (total, by category, by age band), new placements, child-days and exits
 * by financial year, and entries.
 */
import { MONTHS } from "./ages.js";
import { EXITS, STRATA } from "./exposure.js";
import type { TimeGrid } from "./grid.js";
import type { FittedModel } from "./model.js";
import type { RunParams } from "./parameters.js";
import { DAYS_PER_YEAR } from "./population-curve.js";
import type { CompiledScenario } from "./scenario.js";
import { type StepTable, StepTableCache } from "./step-tables.js";

export interface PathBuffers {
  /** Stock at the start and each month end: [total, each category, each band], index k·W + j. */
  series: Float64Array;
  /** New placements by financial year: each category, then each band, index y·(C + B) + j. */
  placements: Float64Array;
  /** Child-days by financial year and category, index y·C + c. */
  days: Float64Array;
  /** Exits by financial year: each exit group, then turning 18, index y·(EXITS + 1) + x. */
  exits: Float64Array;
  /** Entries by financial year: not UASC, UASC. */
  entries: Float64Array;
}

export interface Shape {
  K: number;
  NFY: number;
  C: number;
  B: number;
  W: number;
}

export function shapeOf(model: FittedModel, grid: TimeGrid): Shape {
  const B = model.bands.lower.length;
  return { K: grid.K, NFY: grid.years.length, C: model.C, B, W: 1 + model.C + B };
}

export function newBuffers(s: Shape): PathBuffers {
  return {
    series: new Float64Array((s.K + 1) * s.W),
    placements: new Float64Array(s.NFY * (s.C + s.B)),
    days: new Float64Array(s.NFY * s.C),
    exits: new Float64Array(s.NFY * (EXITS + 1)),
    entries: new Float64Array(s.NFY * 2),
  };
}

export function clear(b: PathBuffers): void {
  b.series.fill(0);
  b.placements.fill(0);
  b.days.fill(0);
  b.exits.fill(0);
  b.entries.fill(0);
}

/**
 * Totals of a stock array (u, m, dm, c) into series point k. The total and the current band's
 * sum are running sums in locals, continued from the series' value when a band comes round again,
 * so each is added to in the same order as cell by cell in memory.
 */
export function tally(
  model: FittedModel,
  stock: Float64Array,
  series: Float64Array,
  k: number,
  W: number,
): void {
  const C = model.C;
  const DD = model.durations.DM + 1;
  const base = k * W;
  const band = model.monthBand;
  let total = series[base]!;
  let bcol = -1;
  let bsum = 0;
  for (let u = 0; u < STRATA; u++) {
    for (let m = 0; m < MONTHS; m++) {
      const col = base + 1 + C + band[m]!;
      if (col !== bcol) {
        if (bcol >= 0) series[bcol] = bsum;
        bcol = col;
        bsum = series[col]!;
      }
      const row0 = (u * MONTHS + m) * DD * C;
      for (let dm = 0; dm < DD; dm++) {
        const at = row0 + dm * C;
        for (let c = 0; c < C; c++) {
          const x = stock[at + c]!;
          if (x === 0) continue;
          total += x;
          bsum += x;
          series[base + 1 + c]! += x;
        }
      }
    }
  }
  if (bcol >= 0) series[bcol] = bsum;
  series[base] = total;
}

/** Child-days of a step from the stocks at its two ends (trapezium rule). */
export function addDays(
  series: Float64Array,
  k: number,
  W: number,
  C: number,
  days: number,
  out: Float64Array,
  fy: number,
) {
  for (let c = 0; c < C; c++) {
    out[fy * C + c]! += ((series[k * W + 1 + c]! + series[(k + 1) * W + 1 + c]!) / 2) * days;
  }
}

/** Expected entries of an age group (not UASC) in step k. */
export function entryMean(
  model: FittedModel,
  grid: TimeGrid,
  p: RunParams,
  sc: CompiledScenario,
  k: number,
  g: number,
): number {
  const ph = sc.phases[sc.phaseOfStep[k]!]!;
  const G = model.G;
  const mid = grid.ends[k]! - grid.days[k]! / 2;
  const trend =
    p.trendSlope === 0 ? 1 : Math.exp((p.trendSlope * (mid - model.entries.refMid)) / DAYS_PER_YEAR);
  const r = p.entryRate[g]! * ph.entryMul[g]! + ph.entryAdd[g]!;
  return Math.max(0, r * grid.popYears[k * G + g]! * p.yearEffect[grid.fy[k]!]! * trend);
}

export function uascMean(grid: TimeGrid, p: RunParams, sc: CompiledScenario, k: number): number {
  const ph = sc.phases[sc.phaseOfStep[k]!]!;
  const perYear = Number.isNaN(ph.uascSet) ? p.uascPerYear * ph.uascMul : ph.uascSet;
  return (perYear * p.uascYearEffect[grid.fy[k]!]! * grid.days[k]!) / DAYS_PER_YEAR;
}

export interface Work {
  cur: Float64Array;
  next: Float64Array;
  cache: StepTableCache;
  /** First and last month of age of each age group. */
  m0: Int32Array;
  m1: Int32Array;
  /** Expected new placements this step, index band·C + c. */
  placeAcc: Float64Array;
  /** Children at the start of the step by rate group, category and band, index (ua·C + c)·B + band. */
  stateAcc: Float64Array;
  /** The expected entrants of one month of age by first category. */
  entX: Float64Array;
}

export function groupMonths(model: FittedModel): { m0: Int32Array; m1: Int32Array } {
  const m0 = new Int32Array(model.G);
  const m1 = new Int32Array(model.G);
  for (let m = MONTHS - 1; m >= 0; m--) m0[model.monthGroup[m]!] = m;
  for (let m = 0; m < MONTHS; m++) m1[model.monthGroup[m]!] = m;
  return { m0, m1 };
}

export function newWork(model: FittedModel): Work {
  const { C, GA, D } = model;
  const size = STRATA * MONTHS * (model.durations.DM + 1) * C;
  return {
    cur: new Float64Array(size),
    next: new Float64Array(size),
    cache: new StepTableCache(STRATA * GA, C, D, model.rates.newShare, model.durations.NB),
    ...groupMonths(model),
    placeAcc: new Float64Array(C * model.bands.lower.length),
    stateAcc: new Float64Array(STRATA * GA * C * model.bands.lower.length),
    entX: new Float64Array(C),
  };
}

// ---------------------------------------------------------------------------
// Expected path
// ---------------------------------------------------------------------------

/**
 * Adds the expected entrants of stratum u and age group g in a month (a of them) to their cells at
 * its end (next), their placements to place and their exits to exits (from index ex).
 */
function entrantsExpected(
  model: FittedModel,
  p: RunParams,
  e: StepTable,
  u: number,
  g: number,
  a: number,
  m0: number,
  m1: number,
  next: Float64Array,
  place: Float64Array,
  exits: Float64Array,
  ex: number,
  xs: Float64Array,
): void {
  const { C, G, GA, NB, D } = model;
  const EX = D - C;
  const DM = model.durations.DM;
  const DD = DM + 1;
  const monthBand = model.monthBand;
  const { M1, M2, P12, X12 } = e;
  const ua = u * GA + g * NB;
  for (let m = m0; m <= m1; m++) {
    const pm = p.monthProbs[u * MONTHS + m]! * a;
    if (pm === 0) continue;
    const band = monthBand[m]!;
    let any = false;
    for (let c = 0; c < C; c++) {
      xs[c] = pm * p.catProbs[(u * G + g) * C + c]!;
      if (xs[c] !== 0) any = true;
    }
    if (!any) continue;
    // At the month end an entrant is a month older than at arrival with chance 3/4 (arrived in the
    // first half) or 1/4 (second half); one reaching 18 (month 216) leaves care.
    const cell1 = ((u * MONTHS + m) * DD + Math.min(1, DM)) * C;
    const cell0 = (u * MONTHS + m) * DD * C;
    if (m + 1 < MONTHS) {
      entrantEnds(
        xs,
        ua * C * C,
        M1,
        M2,
        P12,
        next,
        cell1,
        cell0,
        cell1 + DD * C,
        cell0 + DD * C,
        place,
        band * C,
        C,
      );
    } else {
      for (let c = 0; c < C; c++) {
        const x = xs[c]!;
        if (x === 0) continue;
        place[band * C + c]! += x;
        const row = (ua * C + c) * C;
        for (let d = 0; d < C; d++) {
          const a1 = (x / 2) * M1[row + d]!;
          const a0 = (x / 2) * M2[row + d]!;
          next[cell1 + d]! += a1 / 4;
          next[cell0 + d]! += (3 * a0) / 4;
          exits[ex + EXITS]! += (3 * a1) / 4 + a0 / 4;
          place[band * C + d]! += x * P12[row + d]!;
        }
      }
    }
    for (let xx = 0; xx < EX; xx++) {
      let s = exits[ex + xx]!;
      for (let c = 0; c < C; c++) if (xs[c] !== 0) s += xs[c]! * X12[(ua * C + c) * EX + xx]!;
      exits[ex + xx] = s;
    }
  }
}

/**
 * The end cells and placements of the entrants xs (by first category) of a month of age below
 * the last: for each end category d, the second half's (cell0, a month younger) and the first
 * half's (cell1, a month in care) at the same age, the same a month older (cell0o, cell1o), and
 * the placements, summed in locals over the first categories in increasing order, as adding each
 * first category's row in turn would add them (the same sums to the bit, with a ninth of the
 * reads and writes). With DM = 0 both halves end in one cell (cell1 = cell0), and its sums take
 * the two halves' parts in turn, again as the rows would.
 */
function entrantEnds(
  xs: Float64Array,
  at: number,
  M1: Float64Array,
  M2: Float64Array,
  P12: Float64Array,
  next: Float64Array,
  cell1: number,
  cell0: number,
  cell1o: number,
  cell0o: number,
  place: Float64Array,
  pl: number,
  C: number,
): void {
  const one = cell1 === cell0;
  for (let d = 0; d < C; d++) {
    let s1 = next[cell1 + d]!;
    let s0 = next[cell0 + d]!;
    let s1o = next[cell1o + d]!;
    let s0o = next[cell0o + d]!;
    let sp = place[pl + d]!;
    for (let c = 0; c < C; c++) {
      const x = xs[c]!;
      if (x === 0) continue;
      // The entrant's first placement, added before its row's placements after the first.
      if (c === d) sp += x;
      const r = at + c * C + d;
      const a1 = (x / 2) * M1[r]!;
      const a0 = (x / 2) * M2[r]!;
      s1 += a1 / 4;
      if (one) s1 += (3 * a0) / 4;
      else s0 += (3 * a0) / 4;
      s1o += (3 * a1) / 4;
      if (one) s1o += a0 / 4;
      else s0o += a0 / 4;
      sp += x * P12[r]!;
    }
    next[cell0 + d] = s0;
    next[cell1 + d] = s1;
    next[cell0o + d] = s0o;
    next[cell1o + d] = s1o;
    place[pl + d] = sp;
  }
}

/**
 * Moves the children in care at the start of a month (cur) to their cells at its end (added to
 * next), the turning-18s' share to exits[at18], and gathers them by rate state and band (byState).
 * One call of `stockRowsExpected` for each month of age: a small function called often, so that V8
 * compiles it within the first month rather than running the whole month's loop uncompiled.
 */
function stockExpected(
  model: FittedModel,
  cur: Float64Array,
  next: Float64Array,
  byState: Float64Array,
  M: Float64Array,
  exits: Float64Array,
  at18: number,
): void {
  const { GA, NB } = model;
  const monthGroup = model.monthGroup;
  byState.fill(0);
  for (let u = 0; u < STRATA; u++) {
    for (let m = 0; m < MONTHS; m++) {
      stockRowsExpected(model, cur, next, byState, M, exits, at18, u, m, u * GA + monthGroup[m]! * NB);
    }
  }
}

/** The rows (each time in care) of stratum u and month of age m, for `stockExpected`; ag0 their first rate group. */
function stockRowsExpected(
  model: FittedModel,
  cur: Float64Array,
  next: Float64Array,
  byState: Float64Array,
  M: Float64Array,
  exits: Float64Array,
  at18: number,
  u: number,
  m: number,
  ag0: number,
): void {
  const C = model.C;
  const DM = model.durations.DM;
  const DD = DM + 1;
  const durBand = model.durations.band;
  const B = model.bands.lower.length;
  const band = model.monthBand[m]!;
  for (let dm = 0; dm < DD; dm++) {
    const cellRow = ((u * MONTHS + m) * DD + dm) * C;
    const st0 = (ag0 + durBand[dm]!) * C;
    let any = false;
    for (let c = 0; c < C; c++) {
      const n = cur[cellRow + c]!;
      if (n === 0) continue;
      any = true;
      byState[(st0 + c) * B + band]! += n;
    }
    if (!any) continue;
    if (m + 1 < MONTHS)
      rowTimesM(cur, cellRow, M, st0 * C, next, ((u * MONTHS + m + 1) * DD + Math.min(dm + 1, DM)) * C, C);
    else {
      for (let c = 0; c < C; c++) {
        const n = cur[cellRow + c]!;
        if (n === 0) continue;
        for (let d = 0; d < C; d++) exits[at18]! += n * M[(st0 + c) * C + d]!;
      }
    }
  }
}

/**
 * next[to + d] += Σ_c cur[from + c]·M[at + c·C + d] for each d, over the c with cur ≠ 0 in
 * increasing order, four ends at a time in local sums: each end's additions come in the same
 * order as adding each c's row in turn would make them, so the sums are the same to the bit, with
 * a ninth of the reads and writes of next.
 */
function rowTimesM(
  cur: Float64Array,
  from: number,
  M: Float64Array,
  at: number,
  next: Float64Array,
  to: number,
  C: number,
): void {
  let d = 0;
  for (; d + 3 < C; d += 4) {
    let s0 = next[to + d]!;
    let s1 = next[to + d + 1]!;
    let s2 = next[to + d + 2]!;
    let s3 = next[to + d + 3]!;
    for (let c = 0; c < C; c++) {
      const n = cur[from + c]!;
      if (n === 0) continue;
      const r = at + c * C + d;
      s0 += n * M[r]!;
      s1 += n * M[r + 1]!;
      s2 += n * M[r + 2]!;
      s3 += n * M[r + 3]!;
    }
    next[to + d] = s0;
    next[to + d + 1] = s1;
    next[to + d + 2] = s2;
    next[to + d + 3] = s3;
  }
  for (; d < C; d++) {
    let s = next[to + d]!;
    for (let c = 0; c < C; c++) {
      const n = cur[from + c]!;
      if (n !== 0) s += n * M[at + c * C + d]!;
    }
    next[to + d] = s;
  }
}

export function projectExpected(
  model: FittedModel,
  grid: TimeGrid,
  p: RunParams,
  sc: CompiledScenario,
  w: Work,
  out: PathBuffers,
): void {
  const { C, G, D } = model;
  const EX = D - C;
  const B = model.bands.lower.length;
  const W = 1 + C + B;
  const X1 = EXITS + 1;
  clear(out);
  w.cur.set(model.initial);
  w.cache.reset();
  tally(model, w.cur, out.series, 0, W);
  const gp = model.entries.uasc.groupProbs;
  for (let k = 0; k < grid.K; k++) {
    const fy = grid.fy[k]!;
    const pl = fy * (C + B);
    const series = out.series;
    const e = w.cache.getAll(p.q, sc.phases, sc.phaseOfStep[k]!, grid.dynDays[k]!);
    const next = w.next;
    next.fill(0);
    const place = w.placeAcc;
    place.fill(0);
    // Entrants, arriving evenly over the month: the first half are a month in care at its end.
    for (let u = 0; u < STRATA; u++) {
      for (let g = 0; g < G; g++) {
        const a = u === 0 ? entryMean(model, grid, p, sc, k, g) : uascMean(grid, p, sc, k) * gp[g]!;
        if (a === 0) continue;
        out.entries[fy * 2 + u]! += a;
        entrantsExpected(model, p, e, u, g, a, w.m0[g]!, w.m1[g]!, next, place, out.exits, fy * X1, w.entX);
      }
    }
    // Children in care at the start of the month: moves, exits, and one month older and longer in
    // care. Placements and exits are linear in the numbers: gather them by rate group, category
    // and band first. (The entrants and the stock are functions of their own, so that V8 compiles
    // them after a few months rather than replacing this loop while it runs.)
    const byState = w.stateAcc;
    stockExpected(model, w.cur, next, byState, e.M, out.exits, fy * X1 + EXITS);
    for (let sc0 = 0; sc0 < byState.length / B; sc0++) {
      for (let band = 0; band < B; band++) {
        const n = byState[sc0 * B + band]!;
        if (n === 0) continue;
        const row = sc0 * C;
        for (let d = 0; d < C; d++) place[band * C + d]! += n * e.P[row + d]!;
        const xr = sc0 * EX;
        for (let xx = 0; xx < EX; xx++) out.exits[fy * X1 + xx]! += n * e.X[xr + xx]!;
      }
    }
    for (let b = 0; b < B; b++) {
      for (let c = 0; c < C; c++) {
        const x = place[b * C + c]!;
        out.placements[pl + c]! += x;
        out.placements[pl + C + b]! += x;
      }
    }
    tally(model, next, series, k + 1, W);
    w.next = w.cur;
    w.cur = next;
    addDays(series, k, W, C, grid.days[k]!, out.days, fy);
  }
}
