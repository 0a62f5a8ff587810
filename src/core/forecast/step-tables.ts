/**
 * What can happen to a child in one state over a step of Δ days. Within a
 * step the model is a continuous-time chain over the categories (with the
 * exits absorbing), at the rates of the child's age group and time-in-care
 * band at the start of the step:
 *  - for the Monte Carlo, each state's total rate Q of leaving and the
 *    destination shares q_k/Q; a child leaves with probability 1 − e^(−QΔ)
 *    and may move again in the time left (simulate.ts);
 *  - for the expected path, with T the generator over categories, the
 *    end-of-step distribution M = e^(TΔ) and the expected time in each
 *    category J = ∫₀^Δ e^(Ts) ds (for exits, moves and placements), and the
 *    same averaged over an arrival time spread evenly over the first or the
 *    second half of the step (for entrants), from one exponential of an
 *    augmented matrix (C. Van Loan, "Computing integrals involving the
 *    matrix exponential", IEEE Trans. Automatic Control 23, 1978).
 */
import { expm } from "./expm.js";
import type { Phase } from "./scenario.js";

export interface StepTable {
  days: number;
  /** Rates per day after the scenario, index st·D + k (the move within c at k = c). */
  rates: Float64Array;
  /** Total rate of leaving each state (to another category or out of care). */
  Q: Float64Array;
  /** Probability of leaving each state within the step. */
  leave: Float64Array;
  /** Cumulative destination shares of a leaver, index st·D + k (a move within c has weight 0). */
  cum: Float64Array;
}

export function newStepTable(states: number, D: number): StepTable {
  return {
    days: 0,
    rates: new Float64Array(states * D),
    Q: new Float64Array(states),
    leave: new Float64Array(states),
    cum: new Float64Array(states * D),
  };
}

/** Fills a step table for rates q (per day) under a scenario phase over `days` days. */
export function fillStepTable(
  t: StepTable,
  q: Float64Array,
  phase: Phase,
  days: number,
  C: number,
  D: number,
): void {
  t.days = days;
  const states = t.leave.length;
  for (let st = 0; st < states; st++) {
    const c = st % C;
    const base = st * D;
    let Q = 0;
    for (let k = 0; k < D; k++) {
      let r = q[base + k]! * phase.rateMul[base + k]! + phase.rateAdd[base + k]!;
      if (r < 0) r = 0;
      t.rates[base + k] = r;
      if (k !== c) Q += r;
      t.cum[base + k] = Q;
    }
    t.Q[st] = Q;
    if (Q > 0) {
      for (let k = 0; k < D; k++) t.cum[base + k] = t.cum[base + k]! / Q;
      t.cum[base + D - 1] = 1;
      t.leave[st] = 1 - Math.exp(-Q * days);
    } else t.leave[st] = 0;
  }
}

/** Expected-path matrices of one step, for each stratum × age group × time-in-care band (ua), each C × C. */
export interface ExpectedTable {
  /** End-of-step category distribution and expected days in each category, for children there at the start. */
  M: Float64Array;
  J: Float64Array;
  /** The same for entrants arriving in the first half of the step, and in the second half. */
  M1: Float64Array;
  J1: Float64Array;
  M2: Float64Array;
  J2: Float64Array;
  /** Expected new placements in each category and exits by group, per child there at the start (P, X) or entering (P12, X12, both halves together), index (ua·C + c)·C + d and (ua·C + c)·EX + x. */
  P: Float64Array;
  X: Float64Array;
  P12: Float64Array;
  X12: Float64Array;
}

export function expectedTable(
  t: StepTable,
  UA: number,
  C: number,
  D: number,
  newShare: Float64Array,
): ExpectedTable {
  const EX = D - C;
  const out: ExpectedTable = {
    M: new Float64Array(UA * C * C),
    J: new Float64Array(UA * C * C),
    M1: new Float64Array(UA * C * C),
    J1: new Float64Array(UA * C * C),
    M2: new Float64Array(UA * C * C),
    J2: new Float64Array(UA * C * C),
    P: new Float64Array(UA * C * C),
    X: new Float64Array(UA * C * EX),
    P12: new Float64Array(UA * C * C),
    X12: new Float64Array(UA * C * EX),
  };
  const n = 3 * C;
  const B = new Float64Array(n * n);
  const days = t.days;
  for (let ua = 0; ua < UA; ua++) {
    B.fill(0);
    for (let c = 0; c < C; c++) {
      const st = ua * C + c;
      for (let d = 0; d < C; d++) if (d !== c) B[c * n + d] = t.rates[st * D + d]!;
      B[c * n + c] = -t.Q[st]!;
      B[c * n + C + c] = 1;
      B[(C + c) * n + 2 * C + c] = 1;
    }
    const full = expm(B, n, days);
    const half = expm(B, n, days / 2);
    const at = ua * C * C;
    for (let i = 0; i < C; i++) {
      for (let j = 0; j < C; j++) {
        const e = full[i * n + j]!;
        const J = full[i * n + C + j]!;
        const K = full[i * n + 2 * C + j]!;
        const Jh = half[i * n + C + j]!;
        const Kh = half[i * n + 2 * C + j]!;
        out.M[at + i * C + j] = e;
        out.J[at + i * C + j] = J;
        out.M1[at + i * C + j] = (2 / days) * (J - Jh);
        out.J1[at + i * C + j] = (2 / days) * (K - Kh);
        out.M2[at + i * C + j] = (2 / days) * Jh;
        out.J2[at + i * C + j] = (2 / days) * Kh;
      }
    }
    // Placements and exits from the time spent in each category.
    for (let i = 0; i < C; i++) {
      for (let j = 0; j < C; j++) {
        const tau = out.J[at + i * C + j]!;
        const tau12 = (out.J1[at + i * C + j]! + out.J2[at + i * C + j]!) / 2;
        const st = ua * C + j;
        for (let k = 0; k < C; k++) {
          const r = t.rates[st * D + k]! * (k === j ? 1 : newShare[j * C + k]!);
          out.P[at + i * C + k]! += tau * r;
          out.P12[at + i * C + k]! += tau12 * r;
        }
        for (let x = 0; x < EX; x++) {
          const r = t.rates[st * D + C + x]!;
          out.X[(ua * C + i) * EX + x]! += tau * r;
          out.X12[(ua * C + i) * EX + x]! += tau12 * r;
        }
      }
    }
  }
  return out;
}

/**
 * Step tables for one set of rates, filled on first use for each
 * (phase, step length) and reused for the rest of the projection.
 */
export class StepTableCache {
  private readonly tables = new Map<number, StepTable>();
  private readonly expected = new Map<number, ExpectedTable>();
  private readonly filled = new Set<number>();
  constructor(
    private readonly states: number,
    private readonly C: number,
    private readonly D: number,
    private readonly newShare: Float64Array,
  ) {}

  /** Forget the filled tables (new rates); the buffers are kept. */
  reset(): void {
    this.filled.clear();
    this.expected.clear();
  }

  get(q: Float64Array, phases: readonly Phase[], phase: number, days: number): StepTable {
    const key = phase * 1000 + days;
    let t = this.tables.get(key);
    if (!t) {
      t = newStepTable(this.states, this.D);
      this.tables.set(key, t);
    }
    if (!this.filled.has(key)) {
      fillStepTable(t, q, phases[phase]!, days, this.C, this.D);
      this.filled.add(key);
    }
    return t;
  }

  getExpected(q: Float64Array, phases: readonly Phase[], phase: number, days: number): ExpectedTable {
    const key = phase * 1000 + days;
    const t = this.get(q, phases, phase, days);
    let e = this.expected.get(key);
    if (!e) {
      e = expectedTable(t, this.states / this.C, this.C, this.D, this.newShare);
      this.expected.set(key, e);
    }
    return e;
  }
}
