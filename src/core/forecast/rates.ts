/**
 * Transition and exit intensities: events ÷ person-time (the maximum
 * likelihood estimate of a constant rate), per state (UASC or not, age
 * group, time-in-care band, category) and destination, shrunk toward a
 * smooth parent.
 *
 * For each destination type (each other category, a move within the
 * category, each exit group) the parent is a main-effects model fitted to
 * all states: rate = r₀ · s(stratum) · a(category) · b(age group) ·
 * d(time in care), by
 * iterative proportional fitting, each factor with a weak gamma prior of
 * mean 1 (worth 0.1 of an event), so a category, age group or stratum
 * never seen takes the pooled value (factor 1) rather than 0. Each
 * state's rate is then shrunk toward its parent by empirical Bayes
 * (shrinkage.ts). So a sparse state borrows from states of the same
 * category at other ages and of the same age in other categories, a state
 * with much person-time keeps its own rate, and no state absorbs children
 * because it was not observed.
 */
import { STRATA, type WindowCounts } from "./exposure.js";
import { DEFAULT_SHRINKAGE, posterior, priorStrength, type ShrinkageOptions } from "./shrinkage.js";

export interface RateEstimates {
  C: number;
  G: number;
  NB: number;
  GA: number;
  D: number;
  /** Gamma posterior of each rate per day, index st·D + k (st = (u·GA + g·NB + b)·C + c); shape 0 = rate 0. */
  shape: Float64Array;
  rate: Float64Array;
  /** Posterior mean per day (shape ÷ rate). */
  mean: Float64Array;
  /** The parent (main-effects) rate per day of each state and destination. */
  parent: Float64Array;
  /**
   * Squared coefficient of variation of each state's total rate of leaving
   * (Σ over destinations other than a move within: posterior variance ÷
   * mean²), for the correction of durations (parameters.ts).
   */
  cv2: Float64Array;
  /** Share of transitions c → d that were moves to new carers, index c·C + d. */
  newShare: Float64Array;
  /** Prior weight α (in events) of the shrinkage for each destination type (D + 1 types: destinations, then moves within). */
  strength: Float64Array;
}

/** Prior weight (in events) of each main-effects factor toward 1. */
const FACTOR_PRIOR = 0.1;

/**
 * Fits rate = r₀·s_u·a_c·b_g·d_b to events y and exposure E over the
 * states (u, g, b, c) marked valid, by iterative proportional fitting.
 */
export function mainEffects(
  y: Float64Array,
  E: Float64Array,
  valid: Uint8Array,
  G: number,
  NB: number,
  C: number,
): Float64Array {
  const GA = G * NB;
  const n = STRATA * GA * C;
  const mu = new Float64Array(n);
  let Y = 0;
  let X = 0;
  for (let i = 0; i < n; i++) {
    if (!valid[i]) continue;
    Y += y[i]!;
    X += E[i]!;
  }
  if (!(Y > 0) || !(X > 0)) return mu;
  const r0 = Y / X;
  // Factor of each state on each dimension: stratum, category, age group, time-in-care band.
  const dims = [STRATA, C, G, NB];
  const at = (i: number, d: number) => {
    const c = i % C;
    const ag = Math.floor(i / C) % GA;
    if (d === 0) return Math.floor(i / (C * GA));
    if (d === 1) return c;
    if (d === 2) return Math.floor(ag / NB);
    return ag % NB;
  };
  const idx = dims.map((_, d) => {
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = at(i, d);
    return a;
  });
  const f = dims.map((k) => new Float64Array(k).fill(1));
  const yd = dims.map((k) => new Float64Array(k));
  for (let i = 0; i < n; i++) {
    if (!valid[i]) continue;
    for (let d = 0; d < 4; d++) yd[d]![idx[d]![i]!]! += y[i]!;
  }
  const x = dims.map((k) => new Float64Array(k));
  // The fitted mean of each state, E·r₀·Πf, kept up to date as each factor changes: a factor's
  // update then needs one pass to sum the means without it (each divided by it) and one to
  // rescale them, instead of multiplying the other three factors afresh for every state.
  const fit = new Float64Array(n);
  for (let i = 0; i < n; i++) fit[i] = valid[i] ? E[i]! * r0 : 0;
  fitFactors(f, x, yd, idx, fit, valid, dims);
  fittedRates(mu, valid, r0, f, idx);
  return mu;
}

/**
 * Iterative proportional fitting of the factors f to the events by dimension yd, `fit` holding
 * each state's fitted mean throughout. Its own function, as is `fittedRates`: V8 compiles a long
 * loop while it runs, and code after it, not yet run, had no type feedback and was thrown away
 * (measured: a dozen recompilations of the fit on each run of a forecast).
 */
function fitFactors(
  f: readonly Float64Array[],
  x: readonly Float64Array[],
  yd: readonly Float64Array[],
  idx: readonly Int32Array[],
  fit: Float64Array,
  valid: Uint8Array,
  dims: readonly number[],
): void {
  const n = fit.length;
  const ratio = new Float64Array(Math.max(...dims));
  for (let iter = 0; iter < 60; iter++) {
    let change = 0;
    for (let d = 0; d < 4; d++) {
      const xd = x[d]!;
      const id = idx[d]!;
      const fd = f[d]!;
      xd.fill(0);
      for (let i = 0; i < n; i++) if (valid[i]) xd[id[i]!]! += fit[i]! / fd[id[i]!]!;
      for (let j = 0; j < fd.length; j++) {
        const v = (yd[d]![j]! + FACTOR_PRIOR) / (xd[j]! + FACTOR_PRIOR);
        change += Math.abs(v - fd[j]!);
        ratio[j] = v / fd[j]!;
        fd[j] = v;
      }
      for (let i = 0; i < n; i++) fit[i]! *= ratio[id[i]!]!;
    }
    if (change < 1e-7) return;
  }
}

/** mu = r₀·Πf for each valid state. */
function fittedRates(
  mu: Float64Array,
  valid: Uint8Array,
  r0: number,
  f: readonly Float64Array[],
  idx: readonly Int32Array[],
): void {
  for (let i = 0; i < mu.length; i++) {
    if (!valid[i]) continue;
    let prod = r0;
    for (let d = 0; d < 4; d++) prod *= f[d]![idx[d]![i]!]!;
    mu[i] = prod;
  }
}

export function estimateRates(w: WindowCounts, opts: ShrinkageOptions = DEFAULT_SHRINKAGE): RateEstimates {
  const { C, G, NB, GA, D, exposure, events } = w;
  const T = D + 1;
  const S = STRATA * GA * C;
  const shape = new Float64Array(S * D);
  const rate = new Float64Array(S * D);
  const mean = new Float64Array(S * D);
  const parent = new Float64Array(S * D);
  const strength = new Float64Array(T);
  const y = new Float64Array(S);
  const valid = new Uint8Array(S);
  const sh = new Float64Array(S);
  const ra = new Float64Array(S);
  for (let t = 0; t < T; t++) {
    // Destination k of state i for this type: t itself, or the state's own category for a move within it.
    for (let i = 0; i < S; i++) {
      const c = i % C;
      const k = t === D ? c : t;
      valid[i] = t < C && t === c ? 0 : 1;
      y[i] = valid[i] ? events[i * D + k]! : 0;
    }
    const mu = mainEffects(y, exposure, valid, G, NB, C);
    const alpha = priorStrength(y, exposure, mu, opts);
    strength[t] = alpha;
    posterior(y, exposure, mu, alpha, sh, ra);
    for (let i = 0; i < S; i++) {
      if (!valid[i]) continue;
      const k = t === D ? i % C : t;
      shape[i * D + k] = sh[i]!;
      rate[i * D + k] = ra[i]!;
      mean[i * D + k] = sh[i]! > 0 ? sh[i]! / ra[i]! : 0;
      parent[i * D + k] = mu[i]!;
    }
  }

  // Uncertainty of each state's total rate of leaving.
  const cv2 = new Float64Array(S);
  for (let st = 0; st < S; st++) {
    const c = st % C;
    let Q = 0;
    let v = 0;
    for (let k = 0; k < D; k++) {
      if (k === c) continue;
      const m = mean[st * D + k]!;
      Q += m;
      if (shape[st * D + k]! > 0) v += (m * m) / shape[st * D + k]!;
    }
    cv2[st] = Q > 0 ? v / (Q * Q) : 0;
  }

  // New-placement share of transitions, pooled over strata and ages.
  const newShare = new Float64Array(C * C).fill(1);
  for (let c = 0; c < C; c++) {
    for (let d = 0; d < C; d++) {
      if (d === c) continue;
      let all = 0;
      let moved = 0;
      for (let ua = 0; ua < STRATA * GA; ua++) {
        const st = ua * C + c;
        all += events[st * D + d]!;
        moved += w.newPlacements[st * C + d]!;
      }
      if (all > 0) newShare[c * C + d] = moved / all;
    }
  }
  return { C, G, NB, GA, D, shape, rate, mean, parent, cv2, newShare, strength };
}
