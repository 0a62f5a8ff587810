/**
 * What can happen to a child in one state over a step of Δ days. Within a
 * step the model is a continuous-time chain over the categories (with the
 * exits absorbing), at the rates of the child's rate group (stratum × age
 * group × time-in-care band, "ua") at the start of the step. With T the
 * generator over the categories of a group:
 *  - a child there at the start is in category d at the end with
 *    probability M = e^(TΔ), has left care by exit group x with probability
 *    X = J·r_x, where J = ∫₀^Δ e^(Ts) ds is the expected time in each
 *    category and r_x the rates of leaving by x, and makes P = J·(r ∘ s)
 *    new placements on average (s the share of transitions that are moves
 *    to new carers; 1 for moves within a category);
 *  - for an entrant arriving at an even random time in the first half of
 *    the step (M1, X1) or the second (M2, X2), the same averaged over the
 *    arrival time: with K = ∫₀^Δ ∫₀^s e^(Tv) dv ds, the first half's end
 *    distribution is (2/Δ)(J(Δ) − J(Δ/2)) and its expected times
 *    (2/Δ)(K(Δ) − K(Δ/2)), the second half's (2/Δ)J(Δ/2) and (2/Δ)K(Δ/2);
 *    P12 the expected placements of an entrant (both halves together);
 * all from one pass of `generatorIntegrals` (expm.ts) per group (`expAndIntegral`,
 * for E and J only, in the groups no entrant starts in).
 *
 * The expected path moves expected numbers with these matrices; a Monte
 * Carlo run draws each child's end state from the same distribution (M and
 * X as one multinomial over end states), through `lam` (the rate of the
 * geometric gaps between children who end the step elsewhere) and an alias
 * table of where they go, and an entrant's end state through the chance
 * that it stays where it arrived and an alias table of where else.
 *
 * A table is filled for one set of rates per (scenario phase, step
 * length), each rate group's matrices on first use (a Monte Carlo run uses
 * only the groups that hold children), and each state's draws on first use
 * (`state`).
 */
import { buildAlias } from "./alias.js";
import { expAndIntegral, generatorIntegrals, type Integrals, multiply, newIntegrals } from "./expm.js";
import type { Phase } from "./scenario.js";

export interface StepTable {
  /** Numbers each setting of the rates (from 1), so that a run's draws can tell which set they were drawn for. */
  serial: number;
  days: number;
  /** Rates per day after the scenario, index st·D + k (the move within c at k = c; st = ua·C + c). */
  rates: Float64Array;
  /** 1 when a rate group's matrices below are filled. */
  ready: Uint8Array;
  /** 1 when a state's draws (lam, stayE, aProb, aAlias) are made. */
  drawReady: Uint8Array;
  /** End-of-step distribution over categories and expected new placements by category, index (ua·C + c)·C + d. */
  M: Float64Array;
  P: Float64Array;
  /** The same for entrants arriving in the first half of the step (M1), the second (M2), and placements of entrants (P12). */
  M1: Float64Array;
  M2: Float64Array;
  P12: Float64Array;
  /** Probability of leaving care by each exit group within the step, index (ua·C + c)·EX + x: at the start, first half, second half, mean of the halves. */
  X: Float64Array;
  X1: Float64Array;
  X2: Float64Array;
  X12: Float64Array;
  /** −log(1 − p), p the probability that a child there at the start ends the step in another state (moved or left). */
  lam: Float64Array;
  /** Probability that an entrant ends the step in the category it arrived in, index h·S + st (h = 0: first half, 1: second). */
  stayE: Float64Array;
  /**
   * Alias tables (alias.ts) of end states k (k < C a category, C + x an exit group), index
   * (h·S + st)·D + k: h = 0 for a child there at the start who ends the step elsewhere, h = 1
   * and 2 for an entrant of the first or second half who does not stay where it arrived.
   */
  aProb: Float64Array;
  aAlias: Int32Array;
}

function newStepTable(UA: number, C: number, D: number): StepTable {
  const S = UA * C;
  const EX = D - C;
  return {
    serial: 0,
    days: 0,
    rates: new Float64Array(S * D),
    ready: new Uint8Array(UA),
    drawReady: new Uint8Array(S),
    M: new Float64Array(S * C),
    P: new Float64Array(S * C),
    M1: new Float64Array(S * C),
    M2: new Float64Array(S * C),
    P12: new Float64Array(S * C),
    X: new Float64Array(S * EX),
    X1: new Float64Array(S * EX),
    X2: new Float64Array(S * EX),
    X12: new Float64Array(S * EX),
    lam: new Float64Array(S),
    stayE: new Float64Array(2 * S),
    aProb: new Float64Array(3 * S * D),
    aAlias: new Int32Array(3 * S * D),
  };
}

/** Of each phase seen, whether it leaves every rate as it is (multiplies by 1 and adds 0). */
const unchanged = new WeakMap<Phase, boolean>();

function leavesRates(phase: Phase): boolean {
  let same = unchanged.get(phase);
  if (same === undefined) {
    same = phase.rateMul.every((x) => x === 1) && phase.rateAdd.every((x) => x === 0);
    unchanged.set(phase, same);
  }
  return same;
}

/** Sets the rates of a table for rates q (per day) under a scenario phase over `days` days; the groups are filled later. */
function setRates(t: StepTable, q: Float64Array, phase: Phase, days: number): void {
  // Every property is read before the loop: V8 compiles this function in the loop, on each call
  // (once a run), and code after the loop would have no type feedback and be thrown away.
  t.days = days;
  t.ready.fill(0);
  t.drawReady.fill(0);
  const r = t.rates;
  // The base and a scenario's months before its changes: the rates as drawn (never negative).
  if (leavesRates(phase)) {
    r.set(q);
    return;
  }
  const mul = phase.rateMul;
  const add = phase.rateAdd;
  for (let i = 0; i < r.length; i++) r[i] = Math.max(q[i]! * mul[i]! + add[i]!, 0);
}

/** Work space for filling groups. */
interface FillWork {
  T: Float64Array;
  I: Integrals;
  tau1: Float64Array;
  tau2: Float64Array;
  /** Rates of new placements of the group, index j·C + k (rate j → k times its share of new carers; the rate of moves within j). */
  np: Float64Array;
  /** Rates of leaving care by exit group, index j·EX + x. */
  rx: Float64Array;
  /** Entrants' expected times, the mean of the two halves; and a product (C × max(C, EX)). */
  tau12: Float64Array;
  prod: Float64Array;
  w: Float64Array;
  small: Int32Array;
  large: Int32Array;
}

/**
 * Fills rate group ua of t. The entrants' parts (M1, M2, X1, X2, X12, P12,
 * stayE and their alias tables) only for a group entrants can be in (the
 * first time-in-care band): the others never read them.
 */
function fillGroup(
  t: StepTable,
  ua: number,
  C: number,
  D: number,
  newShare: Float64Array,
  fw: FillWork,
  forEntrants: boolean,
) {
  const EX = D - C;
  const days = t.days;
  const r = t.rates;
  const T = fw.T;
  for (let c = 0; c < C; c++) {
    const st = ua * C + c;
    let Q = 0;
    for (let k = 0; k < D; k++) {
      if (k === c) continue;
      const x = r[(st * D + k) | 0]!;
      Q += x;
      if (k < C) T[(c * C + k) | 0] = x;
    }
    T[c * C + c] = -Q;
  }
  const I = fw.I;
  // K and the values at half a step serve only the entrants' parts.
  if (forEntrants) generatorIntegrals(T, days, I);
  else expAndIntegral(T, days, I);
  const { E, J, K, Jh, Kh } = I;
  // The table's arrays in locals: this runs for every group a run uses.
  const { M, M1, M2, P, P12, X, X1, X2, X12 } = t;
  const { tau1, tau2 } = fw;
  const f = 2 / days;
  const at = ua * C * C;
  for (let i = 0; i < C * C; i++) M[(at + i) | 0] = E[i]!;
  if (forEntrants) {
    for (let i = 0; i < C * C; i++) {
      M1[(at + i) | 0] = f * (J[i]! - Jh[i]!);
      M2[(at + i) | 0] = f * Jh[i]!;
      tau1[i] = f * (K[i]! - Kh[i]!);
      tau2[i] = f * Kh[i]!;
    }
  }
  // Placements and exits from the expected time spent in each category: P = J·np and X = J·rx
  // (and the same with the entrants' times), as matrix products.
  const { np, rx, tau12, prod } = fw;
  for (let j = 0; j < C; j++) {
    const st = ua * C + j;
    for (let k = 0; k < C; k++) {
      np[(j * C + k) | 0] = r[(st * D + k) | 0]! * (k === j ? 1 : newShare[(j * C + k) | 0]!);
    }
    for (let x = 0; x < EX; x++) rx[(j * EX + x) | 0] = r[(st * D + C + x) | 0]!;
  }
  multiply(J, np, prod, C);
  P.set(prod.subarray(0, C * C), at);
  exitsInto(J, rx, prod, X, ua, C, EX);
  if (forEntrants) {
    for (let i = 0; i < C * C; i++) tau12[i] = (tau1[i]! + tau2[i]!) / 2;
    multiply(tau12, np, prod, C);
    P12.set(prod.subarray(0, C * C), at);
    exitsInto(tau1, rx, prod, X1, ua, C, EX);
    exitsInto(tau2, rx, prod, X2, ua, C, EX);
    for (let i = ua * C * EX; i < (ua + 1) * C * EX; i++) X12[i] = (X1[i]! + X2[i]!) / 2;
  }
  t.ready[ua] = 1;
}

/** X's rows of group ua: tau·rx (work space `prod`). */
function exitsInto(
  tau: Float64Array,
  rx: Float64Array,
  prod: Float64Array,
  X: Float64Array,
  ua: number,
  C: number,
  EX: number,
): void {
  multiply(tau, rx, prod, C, EX);
  X.set(prod.subarray(0, C * EX), ua * C * EX);
}

/**
 * The Monte Carlo's draws for state st = ua·C + c of a filled group: where a child who ends the
 * step elsewhere goes, and an entrant's end state (for a group entrants can be in). Made per
 * state on first use, as a run has children in only some categories of a group.
 */
function fillDraws(
  t: StepTable,
  ua: number,
  c: number,
  C: number,
  D: number,
  fw: FillWork,
  forEntrants: boolean,
) {
  const EX = D - C;
  const S = t.lam.length;
  const { M, M1, M2, X, X1, X2, aProb, aAlias } = t;
  const w = fw.w;
  const st = ua * C + c;
  const row = st * C;
  const xrow = st * EX;
  let p = 0;
  for (let k = 0; k < C; k++) {
    const x = k === c ? 0 : Math.max(0, M[row + k]!);
    w[k] = x;
    p += x;
  }
  for (let x = 0; x < EX; x++) {
    const v = Math.max(0, X[xrow + x]!);
    w[C + x] = v;
    p += v;
  }
  buildAlias(w, 0, D, aProb, aAlias, st * D, fw.small, fw.large);
  t.lam[st] = p >= 1 ? Number.POSITIVE_INFINITY : -Math.log1p(-p);
  for (let h = 0; forEntrants && h < 2; h++) {
    const Mh = h === 0 ? M1 : M2;
    const Xh = h === 0 ? X1 : X2;
    let total = 0;
    for (let k = 0; k < C; k++) {
      const x = Math.max(0, Mh[row + k]!);
      w[k] = k === c ? 0 : x;
      total += x;
    }
    for (let x = 0; x < EX; x++) {
      const v = Math.max(0, Xh[xrow + x]!);
      w[C + x] = v;
      total += v;
    }
    t.stayE[h * S + st] = total > 0 ? Math.max(0, Mh[row + c]!) / total : 1;
    buildAlias(w, 0, D, aProb, aAlias, ((1 + h) * S + st) * D, fw.small, fw.large);
  }
  t.drawReady[st] = 1;
}

/**
 * Step tables for one set of rates, set on first use for each (phase,
 * step length) and reused for the rest of the projection; each rate
 * group's matrices are worked out when first asked for (`group`).
 */
export class StepTableCache {
  private readonly tables = new Map<number, StepTable>();
  private readonly filled = new Set<number>();
  private readonly fw: FillWork;
  private serial = 0;
  constructor(
    private readonly UA: number,
    private readonly C: number,
    private readonly D: number,
    private readonly newShare: Float64Array,
    /** Time-in-care bands: groups ua with ua mod NB = 0 are those entrants start in. */
    private readonly NB: number,
  ) {
    this.fw = {
      T: new Float64Array(C * C),
      I: newIntegrals(C),
      tau1: new Float64Array(C * C),
      tau2: new Float64Array(C * C),
      np: new Float64Array(C * C),
      rx: new Float64Array(C * (D - C)),
      tau12: new Float64Array(C * C),
      prod: new Float64Array(C * Math.max(C, D - C)),
      w: new Float64Array(D),
      small: new Int32Array(D),
      large: new Int32Array(D),
    };
  }

  /** Forget the filled tables (new rates); the buffers are kept. */
  reset(): void {
    this.filled.clear();
  }

  /** The table of a phase and step length, its rates set (its groups filled by `group`). */
  get(q: Float64Array, phases: readonly Phase[], phase: number, days: number): StepTable {
    const key = phase * 1000 + days;
    let t = this.tables.get(key);
    if (!t) {
      t = newStepTable(this.UA, this.C, this.D);
      this.tables.set(key, t);
    }
    if (!this.filled.has(key)) {
      setRates(t, q, phases[phase]!, days);
      t.serial = ++this.serial;
      this.filled.add(key);
    }
    return t;
  }

  /** Fills rate group ua of table t if not yet done. */
  group(t: StepTable, ua: number): void {
    if (t.ready[ua] === 0) fillGroup(t, ua, this.C, this.D, this.newShare, this.fw, ua % this.NB === 0);
  }

  /** Fills rate group ua of table t and makes the draws of its state ua·C + c, if not yet done. */
  state(t: StepTable, ua: number, c: number): void {
    if (t.drawReady[ua * this.C + c] !== 0) return;
    this.group(t, ua);
    fillDraws(t, ua, c, this.C, this.D, this.fw, ua % this.NB === 0);
  }

  /** The table with every group filled (for the expected path, which uses no draws). */
  getAll(q: Float64Array, phases: readonly Phase[], phase: number, days: number): StepTable {
    const t = this.get(q, phases, phase, days);
    for (let ua = 0; ua < this.UA; ua++) this.group(t, ua);
    return t;
  }
}
