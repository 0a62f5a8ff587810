/**
 * One Monte Carlo run of the projection (the expected path is in
 * project.ts; the two follow the same model, through the same step tables,
 * and their agreement is tested).
 *
 * Children are held as counts in cells: by entry cohort (one array for
 * those in care for at least the last time-in-care bound, DM months, and
 * one for each of the last DM months' entrants), stratum, category and
 * birth month (the row: a child of month of age m is in row m + off, off
 * falling by one each step, so a child's row never changes and neither
 * growing older nor longer in care moves anyone). Each column (cohort
 * array, stratum, category) is a list of its occupied cells (row and
 * count), so a step visits occupied cells only, in memory order.
 *
 * In a step, every child of a rate state (stratum × age group ×
 * time-in-care band × category) ends the month in the same category with
 * the same probability, and otherwise in another category or out of care
 * by one of the exit groups, with the probabilities of the step tables
 * (the transition matrix e^(TΔ) of the run's rates, and the exit
 * probabilities from the expected time in each category): a multinomial
 * over end states for each cell. It is drawn by geometric skipping over
 * the children of each rate state in the order their cells are visited
 * (the gaps between children who end the month elsewhere are geometric,
 * and a gap runs on into the next month while the step table is the
 * same), so the cost is one comparison per occupied cell and a draw per
 * child who moves or leaves. Entrants are Poisson by age group; each takes
 * a first category and a month of age, arrives in the first or the second
 * half of the month (and is then a month in care, and a month older, at
 * its end with the expected path's chances) and ends the month in a state
 * drawn from that half's distribution. New placements after the first are
 * Poisson by category and age band, with the mean the step tables give for
 * the children there at the start of each month and the entrants (drawn
 * once for the months of a financial year that share a step table: a sum
 * of Poisson counts is Poisson with the summed mean).
 */
import type { Rng } from "../random/rng.js";
import { groupMonthRanges, MONTHS } from "./ages.js";
import { aliasDraw, aliasRest, buildAlias } from "./alias.js";
import { EXITS, STRATA, startCell } from "./exposure.js";
import type { TimeGrid } from "./grid.js";
import type { FittedModel } from "./model.js";
import type { RunParams } from "./parameters.js";
import { addDays, clear, entryMean, groupMonths, type PathBuffers, uascMean } from "./project.js";
import type { CompiledScenario } from "./scenario.js";
import { type StepTable, StepTableCache } from "./step-tables.js";

export interface SimWork {
  /** Rows per column: a child of month of age m is in row m + off, off = K − steps done. */
  R: number;
  /** Cohort arrays: 0 = in care DM months or more; 1 + slot = a recent entry cohort. */
  arrays: number;
  /** Occupied cells of each column col = (a·STRATA + u)·C + c (listed in mem: MemLayout.cells). */
  len: Int32Array;
  /** Of each cell col·R + row: 1 + its entry in the column's list, 0 if empty (a view of mem). */
  pos: Int32Array;
  /** Time-in-care band of each cohort array this step. */
  bandOf: Int8Array;
  /**
   * By part σ = st·B + band (rate state and report band): the children passed (MemLayout.pass) at
   * the start of the period of placements, so that the period's child-months at the start of its
   * steps are the difference; and entrants in the period.
   */
  passedAt: Int32Array;
  accE: Int32Array;
  /** Expected new placements after the first in the period, index band·C + c. */
  placeMean: Float64Array;
  /**
   * Stock by category, kept up to date as children move, leave and arrive (so a child who stays
   * where it is costs nothing here); and by report band at the end of each step, summed over the
   * months of age from MemLayout.rows.
   */
  catTot: Float64Array;
  bandTot: Float64Array;
  cache: StepTableCache;
  m0: Int32Array;
  m1: Int32Array;
  /**
   * Alias tables (alias.ts) of an entrant's first category, one per stratum and age group (index
   * (u·G + g)·C + c), built for each run's parameters on first use (entReady).
   */
  catProb: Float64Array;
  catAlias: Int32Array;
  entReady: Uint8Array;
  /**
   * Alias tables of an entrant's month of age within its age group, index u·MONTHS + m, built on
   * first use (monReady, by u·G + g) and kept while the runs' month shares (monSrc) are the same
   * array: they are not drawn afresh for each run.
   */
  monProb: Float64Array;
  monAlias: Int32Array;
  monReady: Uint8Array;
  monSrc: Float64Array | null;
  small: Int32Array;
  large: Int32Array;
  tmpG: Float64Array;
  /** Cells gaining a child after the step's draws: those who changed category, then the entrants. */
  arrivals: Int32Array;
  entrants: Int32Array;
  /**
   * The start stock, laid out once (it is the same for every run): the cells that hold children
   * (index col·R + row at the first step) and how many each holds, and its totals by category,
   * by report band and by row (MemLayout.rows).
   */
  initial: Int32Array;
  initialX: Float64Array;
  startCat: Float64Array;
  startBand: Float64Array;
  startRows: Int32Array;
  /**
   * One array holding the arrays the stock step reads for every cell (pos is also a view of its
   * part of it): V8 checks an array afresh for each read in a loop that calls functions, once for
   * all when they are one.
   */
  mem: Int32Array;
  at: MemLayout;
  /** First and last month of age of each report band (ages.ts, `groupMonthRanges`), index 2·band. */
  bandMonths: Int32Array;
}

/** Where each of the stock step's arrays starts in SimWork.mem. */
interface MemLayout {
  /**
   * The occupied cells of column col, from cells + col·R: each one number, its row plus its
   * number of children times 2^ROW_BITS (one read a cell in the step's common case, not two).
   */
  cells: number;
  pos: number;
  /**
   * By part σ = st·B + band of a rate state (its children in one report band), at pass + 2σ: how
   * many children the stock step is still to pass before the next who ends a step elsewhere, or
   * −1 when none is drawn for the step table in use; at + 1, that child's number (the children
   * of a part numbered on from run start, each cell's in the order cells are visited), or with
   * −1 the number of children passed. The children's chances in a part are the same and
   * independent while the table is, so the gaps between those who end a step elsewhere are
   * geometric and run on from one month to the next: a part draws a gap, and has its state's
   * draws made, when it is first met with a table, then after each child who goes. The children
   * passed (`passedOf`) give the child-months for placements (SimWork.passedAt).
   */
  pass: number;
  /**
   * Children in care by row (birth month: row − off is the month of age), every column together,
   * kept up to date as children leave and arrive, so that a step's band totals are a sum over
   * each band's months and the stock step need not count the children who stay.
   */
  rows: number;
}

/**
 * The head of mem, by month of age m: at ST_OF + m the offset of m's rate state from its
 * column's first (monthGroup[m]·NB·C), at PART_OF + m that of its part σ (that times B, plus
 * monthBand[m]). Fixed offsets are constants in the compiled loop, so they take no register.
 */
const ST_OF = 0;
const PART_OF = 216;
const HEAD = 432;
const LAST = 215;

/**
 * A gap longer than any part holds children: the geometric gaps are capped here so that the next
 * one's number fits an Int32Array (a run passes far fewer than 2^30 children).
 */
const SKIP_MAX = 2 ** 30;

/**
 * A listed cell is row + count·2^ROW_BITS: rows below 512 (216 months of age and at most 296
 * steps, the 10-year horizon being 121) and counts below 2^22, four million children in one cell.
 */
const ROW_BITS = 9;
const ROW_MASK = (1 << ROW_BITS) - 1;

export function newSimWork(model: FittedModel, grid: TimeGrid): SimWork {
  const { C, GA, D } = model;
  const B = model.bands.lower.length;
  const DM = model.durations.DM;
  const R = MONTHS + grid.K;
  const arrays = 1 + DM;
  const cols = arrays * STRATA * C;
  const S = STRATA * GA * C;
  const { m0, m1 } = groupMonths(model);
  if (R > ROW_MASK + 1) throw new RangeError(`the runs hold at most ${ROW_MASK + 1 - MONTHS} monthly steps`);
  const sizes = {
    cells: cols * R,
    pos: cols * R,
    pass: 2 * S * B,
    rows: R,
  };
  const at = {} as MemLayout;
  let end = HEAD;
  for (const [name, size] of Object.entries(sizes)) {
    at[name as keyof MemLayout] = end;
    end += size;
  }
  const mem = new Int32Array(end);
  const view = (name: keyof MemLayout) => mem.subarray(at[name], at[name] + sizes[name]);
  if (MONTHS !== PART_OF || LAST !== MONTHS - 1) throw new Error("the step's head assumes 216 months of age");
  for (let m = 0; m < MONTHS; m++) {
    mem[ST_OF + m] = model.monthGroup[m]! * model.NB * C;
    mem[PART_OF + m] = mem[ST_OF + m]! * B + model.monthBand[m]!;
  }
  return {
    R,
    arrays,
    len: new Int32Array(cols),
    pos: view("pos"),
    bandOf: new Int8Array(arrays).fill(model.durations.NB - 1),
    passedAt: new Int32Array(S * B),
    accE: new Int32Array(S * B),
    placeMean: new Float64Array(B * C),
    catTot: new Float64Array(C),
    bandTot: new Float64Array(B),
    cache: new StepTableCache(STRATA * GA, C, D, model.rates.newShare, model.durations.NB),
    m0,
    m1,
    catProb: new Float64Array(STRATA * model.G * C),
    catAlias: new Int32Array(STRATA * model.G * C),
    entReady: new Uint8Array(STRATA * model.G),
    monProb: new Float64Array(STRATA * MONTHS),
    monAlias: new Int32Array(STRATA * MONTHS),
    monReady: new Uint8Array(STRATA * model.G),
    monSrc: null,
    small: new Int32Array(Math.max(MONTHS, C)),
    large: new Int32Array(Math.max(MONTHS, C)),
    tmpG: new Float64Array(model.G),
    arrivals: new Int32Array(256),
    entrants: new Int32Array(256),
    ...startStock(model, R, grid.K),
    mem,
    at,
    bandMonths: Int32Array.from(groupMonthRanges(model.bands).flat()),
  };
}

/** The start stock in the step's cells (SimWork.initial) and its totals. */
function startStock(model: FittedModel, R: number, K: number) {
  const { C } = model;
  const DM = model.durations.DM;
  const cells: number[] = [];
  const counts: number[] = [];
  const startCat = new Float64Array(C);
  const startBand = new Float64Array(model.bands.lower.length);
  const startRows = new Int32Array(R);
  for (let i = 0; i < model.initial.length; i++) {
    const x = model.initial[i]!;
    if (x === 0) continue;
    const { u, m, dm, c } = startCell(i, C, DM);
    const a = dm >= DM ? 0 : slotOf(DM - dm, DM);
    cells.push(((a * STRATA + u) * C + c) * R + m + K);
    counts.push(x);
    startCat[c]! += x;
    startBand[model.monthBand[m]!]! += x;
    startRows[m + K]! += x;
  }
  return {
    initial: Int32Array.from(cells),
    initialX: Float64Array.from(counts),
    startCat,
    startBand,
    startRows,
  };
}

/** The number of children in each cell (index col·R + row), for checks. */
export function cellCounts(w: SimWork): Int32Array {
  const out = new Int32Array(w.pos.length);
  for (let col = 0; col < w.len.length; col++) {
    for (const [row, x] of columnCells(w, col)) out[col * w.R + row]! += x;
  }
  return out;
}

/** The occupied cells of a column, in list order: [row, count]. */
export function columnCells(w: SimWork, col: number): Array<[number, number]> {
  const at = w.at.cells + col * w.R;
  return Array.from({ length: w.len[col]! }, (_, i) => {
    const e = w.mem[at + i]!;
    return [e & ROW_MASK, e >>> ROW_BITS];
  });
}

function grow(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Array slot of an entry cohort (the step at whose start it has been in care 0 months). */
function slotOf(e: number, DM: number): number {
  return 1 + (((e % DM) + DM) % DM);
}

/** Builds the alias tables of an entrant's category and month of age for stratum u, age group g (ug = u·G + g). */
function entrantTables(p: RunParams, w: SimWork, u: number, ug: number, C: number, m0: number, mLen: number) {
  buildAlias(p.catProbs, ug * C, C, w.catProb, w.catAlias, ug * C, w.small, w.large);
  w.entReady[ug] = 1;
  if (w.monReady[ug] === 0) {
    const at = u * MONTHS + m0;
    buildAlias(p.monthProbs, at, mLen, w.monProb, w.monAlias, at, w.small, w.large);
    w.monReady[ug] = 1;
  }
}

/** Adds x children to a cell, listing it in its column if it was empty. */
function add(w: SimWork, cell: number, x: number): void {
  const R = w.R;
  const mem = w.mem;
  // Whole numbers well within 32 bits: |0 spares V8's overflow checks.
  const p = mem[(w.at.pos + cell) | 0]!;
  const col = (cell / R) | 0;
  const list = (w.at.cells + col * R) | 0;
  if (p > 0) mem[(list + p - 1) | 0]! += x << ROW_BITS;
  else {
    const i = w.len[col]!;
    mem[(list + i) | 0] = (cell - col * R) | (x << ROW_BITS);
    mem[(w.at.pos + cell) | 0] = (i + 1) | 0;
    w.len[col] = (i + 1) | 0;
  }
}

/** Sets each recent array's time-in-care band for step k. */
function setBands(w: SimWork, durBand: Int8Array, DM: number, k: number): void {
  for (let a = 1; a < w.arrays; a++) w.bandOf[a] = durBand[(((k - (a - 1)) % DM) + DM) % DM]!;
}

export function simulateRun(
  model: FittedModel,
  grid: TimeGrid,
  p: RunParams,
  sc: CompiledScenario,
  w: SimWork,
  rng: Rng,
  out: PathBuffers,
): void {
  const C = model.C;
  const B = model.bands.lower.length;
  const W = 1 + C + B;
  const K = grid.K;
  const R = w.R;
  const DM = model.durations.DM;
  const durBand = model.durations.band;
  const rows = w.at.rows;
  const bandMonths = w.bandMonths;
  const mem = w.mem;
  clear(out);
  // Empty the previous run's cells (pos is 0 wherever no cell is listed).
  for (let col = 0; col < w.len.length; col++) {
    const list = w.at.cells + col * R;
    for (let i = 0; i < w.len[col]!; i++) w.pos[col * R + (w.mem[list + i]! & ROW_MASK)] = 0;
  }
  w.len.fill(0);
  w.bandOf.fill(model.durations.NB - 1);
  if (DM > 0) setBands(w, durBand, DM, 0);
  w.cache.reset();
  w.entReady.fill(0);
  if (w.monSrc !== p.monthProbs) {
    w.monSrc = p.monthProbs;
    w.monReady.fill(0);
  }
  w.mem.fill(0, w.at.pass, w.at.pass + 2 * w.passedAt.length);
  w.passedAt.fill(0);
  let serial = -1;
  let off = K;
  for (let i = 0; i < w.initial.length; i++) add(w, w.initial[i]!, w.initialX[i]!);
  w.mem.set(w.startRows, rows);
  w.catTot.set(w.startCat);
  w.bandTot.set(w.startBand);
  record(w, out.series, 0, C, B);

  for (let k = 0; k < K; k++) {
    const fy = grid.fy[k]!;
    const t = w.cache.get(p.q, sc.phases, sc.phaseOfStep[k]!, grid.dynDays[k]!);
    // A new table: every part draws its next gap afresh.
    if (t.serial !== serial) {
      serial = t.serial;
      for (let i = w.at.pass; i < w.at.pass + 2 * w.passedAt.length; i += 2) {
        w.mem[i + 1] = passedOf(w.mem, i);
        w.mem[i] = -1;
      }
    }
    // The cohort reaching DM months in care at the end of this step (the array the second half's
    // entrants join), and the array of the first half's entrants.
    const grad = DM > 0 ? slotOf(k + 1 - DM, DM) : -1;
    const slot1 = DM > 1 ? slotOf(k, DM) : 0;
    const nEnt = entrantsStep(model, grid, p, sc, w, rng, out, t, k, off, grad, slot1);
    const nArr = stockStep(model, w, rng, out, t, fy, off, grad, out.series[k * W]!);
    // Children who changed category join it.
    for (let i = 0; i < nArr; i++) add(w, w.arrivals[i]!, 1);
    off -= 1;
    // The stock by report band: its months of age at the step's end.
    for (let b = 0; b < B; b++) {
      let sum = 0;
      const last = (rows + bandMonths[2 * b + 1]! + off) | 0;
      for (let r = (rows + bandMonths[2 * b]! + off) | 0; r <= last; r = (r + 1) | 0) sum += mem[r]!;
      w.bandTot[b] = sum;
    }
    if (DM > 0) setBands(w, durBand, DM, k + 1);
    // Entrants still in care join their cohort.
    for (let i = 0; i < nEnt; i++) add(w, w.entrants[i]!, 1);
    // New placements, once for the months of a financial year with the same step table.
    const same =
      k + 1 < K &&
      grid.fy[k + 1] === fy &&
      sc.phaseOfStep[k + 1] === sc.phaseOfStep[k] &&
      grid.dynDays[k + 1] === grid.dynDays[k];
    if (!same) placementsStep(model, w, rng, out, t, fy);
    record(w, out.series, k + 1, C, B);
    addDays(out.series, k, W, C, grid.days[k]!, out.days, fy);
  }
}

/**
 * Entrants of step k: Poisson by age group; each takes a category and a month of age, arrives
 * in the first or second half of the month, and ends it in a state drawn from that half's
 * table. Those still in care are listed in w.entrants (their cells after the step); returns
 * how many.
 */
function entrantsStep(
  model: FittedModel,
  grid: TimeGrid,
  p: RunParams,
  sc: CompiledScenario,
  w: SimWork,
  rng: Rng,
  out: PathBuffers,
  t: StepTable,
  k: number,
  off: number,
  grad: number,
  slot1: number,
): number {
  const { C, G, GA, NB, D } = model;
  const B = model.bands.lower.length;
  const S = STRATA * GA * C;
  const R = w.R;
  const DM = model.durations.DM;
  const fy = grid.fy[k]!;
  const ex = fy * (EXITS + 1);
  const monthBand = model.monthBand;
  const gp = model.entries.uasc.groupProbs;
  const stayE = t.stayE;
  const aProb = t.aProb;
  const aAlias = t.aAlias;
  const drawReady = t.drawReady;
  const accE = w.accE;
  const catTot = w.catTot;
  const mem = w.mem;
  const rows = w.at.rows;
  const exits = out.exits;
  let nEnt = 0;
  for (let u = 0; u < STRATA; u++) {
    let counts: Float64Array | null = null;
    if (u === 1) {
      const nu = rng.poissonExact(uascMean(grid, p, sc, k));
      out.entries[fy * 2 + 1]! += nu;
      if (nu === 0) continue;
      rng.multinomial(nu, gp, w.tmpG);
      counts = w.tmpG;
    }
    for (let g = 0; g < G; g++) {
      let n: number;
      if (counts) n = counts[g]!;
      else {
        n = rng.poissonExact(entryMean(model, grid, p, sc, k, g));
        out.entries[fy * 2]! += n;
      }
      if (n === 0) continue;
      const m0 = w.m0[g]!;
      const mLen = w.m1[g]! - m0 + 1;
      const ug = u * G + g;
      if (w.entReady[ug] === 0) entrantTables(p, w, u, ug, C, m0, mLen);
      const ua = u * GA + g * NB;
      w.entrants = grow(w.entrants, nEnt + n);
      const entrants = w.entrants;
      const catProb = w.catProb;
      const catAlias = w.catAlias;
      const monProb = w.monProb;
      const monAlias = w.monAlias;
      const ct = ug * C;
      const mt = u * MONTHS + m0;
      for (let i = 0; i < n; i++) {
        // One uniform gives the category (alias method) and, from what the category's column
        // leaves of it (uniform again, given the column and its choice), the month of age.
        const yc = rng.uniform32();
        const c = aliasDraw(catProb, catAlias, ct, C, yc);
        const m = (m0 + aliasDraw(monProb, monAlias, mt, mLen, aliasRest(catProb, ct, C, yc))) | 0;
        const band = monthBand[m]!;
        const st = (ua * C + c) | 0;
        if (drawReady[st] === 0) w.cache.state(t, ua, c);
        // Counted as placements (by category and band) by placementsStep.
        accE[(st * B + band) | 0]! += 1;
        // One uniform gives the half (v < ½: the first) and, given it, whether the entrant is a
        // month older at the month's end (3 in 4 of the first half's, 1 in 4 of the second's).
        const v = rng.uniform32();
        const h = v < 0.5 ? 0 : 1;
        const aged = v < 0.375 || (v >= 0.5 && v < 0.625) ? 1 : 0;
        // Where it is at the month's end: most stay where they arrived.
        const y = rng.uniform32();
        const stay = stayE[(h * S + st) | 0]!;
        const d =
          y < stay ? c : aliasDraw(aProb, aAlias, (((1 + h) * S + st) * D) | 0, D, (y - stay) / (1 - stay));
        if (d >= C) {
          exits[(ex + d - C) | 0]! += 1;
          continue;
        }
        const row = (m + aged + off - 1) | 0;
        if (m + aged >= MONTHS) {
          exits[ex + EXITS]! += 1;
          continue;
        }
        catTot[d]! += 1;
        mem[(rows + row) | 0]! += 1;
        // Months in care at the month's end: 1 for the first half, 0 for the second (the
        // array of the cohort just joining array 0); with DM = 0 or 1 array 0 holds them.
        const a = DM === 0 ? 0 : h === 1 ? grad : DM > 1 ? slot1 : 0;
        entrants[nEnt++] = (((a * STRATA + u) * C + d) * R + row) | 0;
      }
    }
  }
  return nEnt;
}

/**
 * Children in care at the start of the step: each cell's multinomial over end states, by
 * geometric skipping over the children of each rate state in the order the cells are visited;
 * then a month older and longer in care (the cohort reaching DM months joins array 0, those
 * reaching 18 leave care). Those who changed category are listed in w.arrivals (their new
 * cells); returns how many.
 */
function stockStep(
  model: FittedModel,
  w: SimWork,
  rng: Rng,
  out: PathBuffers,
  t: StepTable,
  fy: number,
  off: number,
  grad: number,
  stock: number,
): number {
  const { C, GA, NB, D } = model;
  const B = model.bands.lower.length;
  const R = w.R;
  const ex = fy * (EXITS + 1);
  const monthGroup = model.monthGroup;
  const len = w.len;
  const mem = w.mem;
  const { cells, pos, pass, rows } = w.at;
  const catTot = w.catTot;
  const lam = t.lam;
  const drawReady = t.drawReady;
  const aProb = t.aProb;
  const aAlias = t.aAlias;
  const exits = out.exits;
  // Room for every child to move (so the loop needs no check).
  w.arrivals = grow(w.arrivals, stock + 1);
  const arrivals = w.arrivals;
  let nArr = 0;
  for (let a = 0; a < w.arrays; a++) {
    const b = w.bandOf[a]!;
    const isGrad = a === grad;
    for (let u = 0; u < STRATA; u++) {
      const col0 = ((a * STRATA + u) * C) | 0;
      for (let c = 0; c < C; c++) {
        const col = (col0 + c) | 0;
        const n = len[col]!;
        if (n === 0) continue;
        const base = (col * R) | 0;
        const uaU = (u * GA + b) | 0;
        const st0 = (uaU * C + c) | 0;
        const to0 = ((u * C + c) * R) | 0;
        // Where this column's cells, places, states' gaps and child-months start in mem.
        const list = (cells + base) | 0;
        const posAt = (pos + base) | 0;
        const parts = (pass + 2 * st0 * B) | 0;
        let end = (list + n) | 0;
        let p = list;
        for (;;) {
          // Most cells in a small loop of their own (fewer values live, so fewer kept on the stack).
          if (!isGrad) p = stayRun(mem, p, end, off, parts);
          if (p >= end) break;
          const cell = mem[p]!;
          const row = cell & ROW_MASK;
          let x = cell >>> ROW_BITS;
          const m = (row - off) | 0;
          const st = (st0 + mem[(ST_OF + m) | 0]!) | 0;
          const part = (parts + 2 * mem[(PART_OF + m) | 0]!) | 0;
          // The next who goes is child r of this cell (counting from 0), if r < x.
          let r = mem[part]!;
          if (r < 0) {
            if (drawReady[st] === 0) w.cache.state(t, uaU + monthGroup[m]! * NB, c);
            r = Math.min(Math.floor(rng.standardExponential() / lam[st]!), SKIP_MAX);
            mem[part + 1]! += r;
          }
          if (r >= x) {
            mem[part] = r - x;
            // No child of the cell ends the month elsewhere: it stays as it is, unless its cohort
            // joins array 0 or its children turn 18.
            if (!isGrad && m < LAST) {
              p = (p + 1) | 0;
              continue;
            }
          } else {
            // Children r, r + 1 + gap, … before x end the month elsewhere.
            const l = lam[st]!;
            const r0 = r;
            let moved = 0;
            let left = 0;
            do {
              moved += 1;
              const y = rng.uniform32() * D;
              const yi = y | 0;
              const at = (st * D + yi) | 0;
              const d = y - yi < aProb[at]! ? yi : aAlias[at]!;
              if (d >= C) {
                exits[(ex + d - C) | 0]! += 1;
                left += 1;
              } else if (m === LAST) {
                exits[ex + EXITS]! += 1;
                left += 1;
              } else {
                arrivals[nArr] = ((isGrad ? to0 : base) + (d - c) * R + row) | 0;
                nArr = (nArr + 1) | 0;
                catTot[d]! += 1;
              }
              r += 1 + Math.min(Math.floor(rng.standardExponential() / l), SKIP_MAX);
            } while (r < x);
            mem[part] = r - x;
            mem[part + 1]! += r - r0;
            x -= moved;
            catTot[c]! -= moved;
            mem[(rows + row) | 0]! -= left;
          }
          if (x > 0 && m < LAST) {
            if (!isGrad) {
              mem[p] = row | (x << ROW_BITS);
              p = (p + 1) | 0;
              continue;
            }
            add(w, (to0 + row) | 0, x);
          } else if (x > 0) {
            // Those left turn 18 this month.
            exits[ex + EXITS]! += x;
            catTot[c]! -= x;
            mem[(rows + row) | 0]! -= x;
          }
          // The cell is emptied (or its cohort joins array 0): the list's last entry takes its place.
          mem[(posAt + row) | 0] = 0;
          end = (end - 1) | 0;
          if (p < end) {
            const last = mem[end]!;
            mem[p] = last;
            mem[(posAt + (last & ROW_MASK)) | 0] = (p - list + 1) | 0;
          }
        }
        len[col] = (end - list) | 0;
      }
    }
  }
  return nArr;
}

/**
 * The stock step's common case, from cell p (its place in mem) until end or the first cell that
 * needs more: every child of the cell stays where it is and turns no older than 17, in a part
 * with a gap drawn for the table in use. `parts` is where the column's parts start in mem.
 * Returns where it stopped.
 */
function stayRun(mem: Int32Array, p: number, end: number, off: number, parts: number): number {
  for (; p < end; p = (p + 1) | 0) {
    const cell = mem[p]!;
    const m = ((cell & ROW_MASK) - off) | 0;
    const part = (parts + 2 * mem[(PART_OF + m) | 0]!) | 0;
    const r = (mem[part]! - (cell >>> ROW_BITS)) | 0;
    if (r < 0 || m === LAST) break;
    mem[part] = r;
  }
  return p;
}

/** The children a part (at `at` in mem: MemLayout.pass) has passed this run. */
function passedOf(mem: Int32Array, at: number): number {
  const r = mem[at]!;
  return r < 0 ? mem[at + 1]! : mem[at + 1]! - r;
}

/** New placements after the first in the period: Poisson by category and band, with the step tables' mean. */
function placementsStep(
  model: FittedModel,
  w: SimWork,
  rng: Rng,
  out: PathBuffers,
  t: StepTable,
  fy: number,
): void {
  const C = model.C;
  const B = model.bands.lower.length;
  const pl = fy * (C + B);
  const pm = w.placeMean;
  const mem = w.mem;
  const pass = w.at.pass;
  const passedAt = w.passedAt;
  const accE = w.accE;
  const P = t.P;
  const P12 = t.P12;
  const placements = out.placements;
  pm.fill(0);
  const S = accE.length / B;
  const drawReady = t.drawReady;
  for (let st = 0; st < S; st++) {
    // A state with no draws made for this table has had no child in the period: passing a
    // child, or taking an entrant, makes them first.
    if (drawReady[st] === 0) continue;
    const row = st * C;
    for (let band = 0; band < B; band++) {
      const j = (st * B + band) | 0;
      const passed = passedOf(mem, (pass + 2 * j) | 0);
      const n0 = (passed - passedAt[j]!) | 0;
      const ne = accE[j]!;
      if ((n0 | ne) === 0) continue;
      passedAt[j] = passed;
      accE[j] = 0;
      // Each entrant's first placement, in its first category and band.
      placements[pl + (st % C)]! += ne;
      placements[pl + C + band]! += ne;
      const at = band * C;
      for (let q = 0; q < C; q = (q + 1) | 0) {
        pm[(at + q) | 0]! += n0 * P[(row + q) | 0]! + ne * P12[(row + q) | 0]!;
      }
    }
  }
  for (let band = 0; band < B; band++) {
    for (let q = 0; q < C; q++) {
      const x = rng.poissonExact(pm[band * C + q]!);
      if (x === 0) continue;
      placements[pl + q]! += x;
      placements[pl + C + band]! += x;
    }
  }
}

function record(w: SimWork, series: Float64Array, k: number, C: number, B: number): void {
  const at = k * (1 + C + B);
  let total = 0;
  for (let c = 0; c < C; c++) {
    series[at + 1 + c] = w.catTot[c]!;
    total += w.catTot[c]!;
  }
  series[at] = total;
  for (let b = 0; b < B; b++) series[at + 1 + C + b] = w.bandTot[b]!;
}
