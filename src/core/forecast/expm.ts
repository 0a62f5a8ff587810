/**
 * Matrix exponentials for the monthly steps.
 *
 * `expm`: the exponential of a small dense matrix (row-major, n × n), by
 * scaling and squaring with a Taylor series: A is divided by 2^s so its
 * norm is at most 1/2, exp is summed to 12 terms (truncation error below
 * 1e-13 of the norm), and the result squared s times.
 *
 * `generatorIntegrals`: for a generator T (n × n) and a step h, the three
 * blocks of the exponential of Van Loan's augmented matrix
 * [[T, I, 0], [0, 0, I], [0, 0, 0]] (C. Van Loan, "Computing integrals
 * involving the matrix exponential", IEEE Trans. Automatic Control 23,
 * 1978) without forming it:
 *
 *   E(h) = e^(Th),  J(h) = ∫₀^h e^(Ts) ds,  K(h) = ∫₀^h ∫₀^s e^(Tv) dv ds,
 *
 * and J and K at h/2. Taylor series at h₀ = h/2^s (‖T‖h₀ ≤ 1/2), then s
 * doublings:
 *
 *   E(2h) = E², J(2h) = J + E·J, K(2h) = K + h·J + E·K,
 *
 * three n × n products each, where the augmented matrix would need a
 * (3n)³ product per squaring (27 times the work) and more squarings (its
 * norm includes the identity blocks times h).
 *
 * `expAndIntegral`: E(h) and J(h) only, with no doubling when ‖T‖h ≤ 1
 * (the steps' groups that no entrant starts in need no more).
 */

/**
 * out = a·b, a n × n and b n × m (m = n unless given). Blocks of three rows by three columns, in
 * nine separate sums: each element read serves three products (V8 checks a typed array afresh at
 * each read in a loop, so reads cost more than the arithmetic), and the additions do not wait on
 * each other. Each sum runs over k in increasing order from 0, so the result is the same to the
 * bit as the plain triple loop's. Rows and columns left over (n or m not a multiple of 3) by
 * plainer loops.
 */
export function multiply(a: Float64Array, b: Float64Array, out: Float64Array, n: number, m = n): void {
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const o0 = i * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    let j = 0;
    for (; j + 2 < m; j += 3) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s20 = 0;
      let s21 = 0;
      let s22 = 0;
      // Indices in 32-bit arithmetic (|0), so V8 drops its overflow checks.
      for (let k = 0, bk = j; k < n; k = (k + 1) | 0, bk = (bk + m) | 0) {
        const b0 = b[bk]!;
        const b1 = b[(bk + 1) | 0]!;
        const b2 = b[(bk + 2) | 0]!;
        const x = a[(r0 + k) | 0]!;
        const y = a[(r1 + k) | 0]!;
        const z = a[(r2 + k) | 0]!;
        s00 += x * b0;
        s01 += x * b1;
        s02 += x * b2;
        s10 += y * b0;
        s11 += y * b1;
        s12 += y * b2;
        s20 += z * b0;
        s21 += z * b1;
        s22 += z * b2;
      }
      out[o0 + j] = s00;
      out[o0 + j + 1] = s01;
      out[o0 + j + 2] = s02;
      out[o1 + j] = s10;
      out[o1 + j + 1] = s11;
      out[o1 + j + 2] = s12;
      out[o2 + j] = s20;
      out[o2 + j + 1] = s21;
      out[o2 + j + 2] = s22;
    }
    for (; j < m; j++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let k = 0, bk = j; k < n; k = (k + 1) | 0, bk = (bk + m) | 0) {
        const bb = b[bk]!;
        s0 += a[(r0 + k) | 0]! * bb;
        s1 += a[(r1 + k) | 0]! * bb;
        s2 += a[(r2 + k) | 0]! * bb;
      }
      out[o0 + j] = s0;
      out[o1 + j] = s1;
      out[o2 + j] = s2;
    }
  }
  for (; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k]! * b[k * m + j]!;
      out[i * m + j] = s;
    }
  }
}

/** exp(A·t) for an n × n matrix A. */
export function expm(A: Float64Array, n: number, t = 1): Float64Array {
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += Math.abs(A[i * n + j]! * t);
    norm = Math.max(norm, row);
  }
  let s = 0;
  while (norm > 0.5) {
    norm /= 2;
    s += 1;
  }
  const scale = t / 2 ** s;
  const X = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) X[i] = A[i]! * scale;
  const result = new Float64Array(n * n);
  const term = new Float64Array(n * n);
  const tmp = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    result[i * n + i] = 1;
    term[i * n + i] = 1;
  }
  for (let k = 1; k <= 12; k++) {
    multiply(term, X, tmp, n);
    for (let i = 0; i < n * n; i++) {
      term[i] = tmp[i]! / k;
      result[i]! += term[i]!;
    }
  }
  for (let k = 0; k < s; k++) {
    multiply(result, result, tmp, n);
    result.set(tmp);
  }
  return result;
}

/** Buffers of `generatorIntegrals` (n × n each), reused between calls. */
export interface Integrals {
  n: number;
  /** E, J, K at h; J and K at h/2. */
  E: Float64Array;
  J: Float64Array;
  K: Float64Array;
  Jh: Float64Array;
  Kh: Float64Array;
  /** X = T·h₀ and its powers X², X³, X⁴; work space. */
  X: Float64Array;
  X2: Float64Array;
  X3: Float64Array;
  X4: Float64Array;
  tmp: Float64Array;
  tmp2: Float64Array;
}

export function newIntegrals(n: number): Integrals {
  const m = () => new Float64Array(n * n);
  return {
    n,
    E: m(),
    J: m(),
    K: m(),
    Jh: m(),
    Kh: m(),
    X: m(),
    X2: m(),
    X3: m(),
    X4: m(),
    tmp: m(),
    tmp2: m(),
  };
}

/** 1/(k + j)! for k = 0..len − 1. */
function inverseFactorials(j: number, len: number): Float64Array {
  return Float64Array.from({ length: len }, (_, k) => {
    let f = 1;
    for (let i = 2; i <= k + j; i++) f *= i;
    return 1 / f;
  });
}

/** 1/(k + 2)! for k = 0..12 (K′) and 1/(k + 1)! for k = 0..MAX_J (J′). */
const INV_FACT2 = inverseFactorials(2, 13);
const MAX_J = 18;
const INV_FACT1 = inverseFactorials(1, MAX_J + 1);

/** out = Σ_{j=0..3, k+j ≤ m} c_(k+j) X^j, with X⁰ = I, from the powers in w. */
function chunk(w: Integrals, k: number, m: number, c: Float64Array, out: Float64Array): void {
  const n = w.n;
  const nn = n * n;
  const c0 = k <= m ? c[k]! : 0;
  const c1 = k + 1 <= m ? c[k + 1]! : 0;
  const c2 = k + 2 <= m ? c[k + 2]! : 0;
  const c3 = k + 3 <= m ? c[k + 3]! : 0;
  const { X, X2, X3 } = w;
  for (let i = 0; i < nn; i++) out[i] = c1 * X[i]! + c2 * X2[i]! + c3 * X3[i]!;
  for (let i = 0; i < n; i++) out[i * n + i]! += c0;
}

/**
 * out = Σ_{k=0..m} c_k X^k for X in w.X, by Paterson and Stockmeyer's method: X², X³ (and X⁴
 * when m ≥ 4), then Horner's rule in X⁴ over chunks of four terms. Uses w.X2..X4, tmp, tmp2.
 */
function series(w: Integrals, m: number, c: Float64Array, out: Float64Array): void {
  const { n, X, X2, X3, X4, tmp, tmp2 } = w;
  const nn = n * n;
  if (m >= 2) multiply(X, X, X2, n);
  else X2.fill(0);
  if (m >= 3) multiply(X2, X, X3, n);
  else X3.fill(0);
  const top = Math.floor(m / 4);
  chunk(w, 4 * top, m, c, out);
  if (top > 0) {
    multiply(X2, X2, X4, n);
    for (let b = top - 1; b >= 0; b--) {
      multiply(out, X4, tmp, n);
      chunk(w, 4 * b, m, c, tmp2);
      for (let i = 0; i < nn; i++) out[i] = tmp[i]! + tmp2[i]!;
    }
  }
}

/**
 * The degree m of the series Σ_k X^k/(k + j)! (‖X‖ ≤ a) that brings its first term left out,
 * at most a^(m+1)/(m + j + 1)!, below 1e-17; `max` at most.
 */
function seriesDegree(a: number, j: number, max: number): number {
  let f = 1;
  for (let i = 2; i <= j + 1; i++) f *= i;
  let m = 0;
  for (let bound = a / f; bound >= 1e-17 && m < max; ) {
    m += 1;
    bound *= a / (m + j + 1);
  }
  return m;
}

/** The maximum absolute row sum of T·h. */
function normOf(T: Float64Array, n: number, h: number): number {
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += Math.abs(T[i * n + j]!);
    norm = Math.max(norm, row * h);
  }
  return norm;
}

/**
 * E(h) = e^(Th) and J(h) = ∫₀^h e^(Ts) ds only, into w.E and w.J: for the rate groups no entrant
 * starts in, which need neither K nor the values at h/2. At h₀ = h/2^s (s ≥ 0, ‖T‖h₀ ≤ 1) with
 * X = T·h₀: J(h₀) = h₀·J′, J′ = Σ_k X^k/(k + 1)! to the degree m that brings the first term left
 * out (at most a^(m+1)/(m+2)!, a = ‖X‖) below 1e-17 (18 at most), by `series`; E(h₀) = I + X·J′;
 * then s doublings J ← J + E·J, E ← E². A month's rates need no doubling: about 7 products of
 * n × n matrices, where `generatorIntegrals` takes 9 or 10.
 */
export function expAndIntegral(T: Float64Array, h: number, w: Integrals): void {
  const n = w.n;
  const nn = n * n;
  const { E, J, X, tmp, tmp2 } = w;
  const norm = normOf(T, n, h);
  let s = 0;
  while (norm / 2 ** s > 1) s += 1;
  const h0 = h / 2 ** s;
  const a = norm / 2 ** s;
  const m = seriesDegree(a, 1, MAX_J);
  for (let i = 0; i < nn; i++) X[i] = T[i]! * h0;
  // J′ into J, E = I + X·J′, then J = h₀·J′.
  series(w, m, INV_FACT1, J);
  multiply(X, J, E, n);
  for (let i = 0; i < n; i++) E[i * n + i]! += 1;
  for (let i = 0; i < nn; i++) J[i]! *= h0;
  for (let d = 0; d < s; d++) {
    multiply(E, J, tmp, n);
    for (let i = 0; i < nn; i++) J[i]! += tmp[i]!;
    multiply(E, E, tmp2, n);
    E.set(tmp2);
  }
}

/**
 * E, J and K of generator T (n × n, row-major) over h, and J and K over
 * h/2, into w.
 *
 * At h₀ = h/2^s (s ≥ 1, ‖T‖h₀ ≤ 1/2), with X = T·h₀, K(h₀) = h₀²·K′ where
 * K′ = Σ_k X^k/(k + 2)! (to the degree m that brings its truncation error
 * below 1e-17, or 12 at most: then 1e-16), evaluated by Paterson and Stockmeyer's
 * method (X², X³, X⁴, then Horner's rule in X⁴); then, since E = I + T·J
 * and J = h₀I + T·K, J(h₀) = h₀(I + X·K′) and E(h₀) = I + X·(I + X·K′).
 * About 8 products of n × n matrices, and 3 for each doubling.
 */
export function generatorIntegrals(T: Float64Array, h: number, w: Integrals): void {
  const n = w.n;
  const nn = n * n;
  const { E, J, K, X, tmp, tmp2 } = w;
  const norm = normOf(T, n, h);
  // At least one doubling, so that the values at h/2 are passed on the way.
  let s = 1;
  while (norm / 2 ** s > 0.5) s += 1;
  let h0 = h / 2 ** s;
  const a = norm / 2 ** s;
  const m = seriesDegree(a, 2, 12);
  for (let i = 0; i < nn; i++) X[i] = T[i]! * h0;
  // K′ into K (scaled by h₀² below).
  series(w, m, INV_FACT2, K);
  // J/h₀ = I + X·K′ (into tmp2), E = I + X·(J/h₀).
  multiply(X, K, tmp, n);
  for (let i = 0; i < nn; i++) tmp2[i] = tmp[i]!;
  for (let i = 0; i < n; i++) tmp2[i * n + i]! += 1;
  multiply(X, tmp2, E, n);
  for (let i = 0; i < n; i++) E[i * n + i]! += 1;
  const h02 = h0 * h0;
  for (let i = 0; i < nn; i++) {
    J[i] = h0 * tmp2[i]!;
    K[i] = h02 * K[i]!;
  }
  for (let d = 0; d < s; d++) {
    if (d === s - 1) {
      w.Jh.set(J);
      w.Kh.set(K);
    }
    // K ← K + h₀·J + E·K;  J ← J + E·J;  E ← E·E.
    multiply(E, K, tmp, n);
    for (let i = 0; i < nn; i++) K[i] = K[i]! + h0 * J[i]! + tmp[i]!;
    multiply(E, J, tmp, n);
    for (let i = 0; i < nn; i++) J[i]! += tmp[i]!;
    multiply(E, E, tmp2, n);
    E.set(tmp2);
    h0 *= 2;
  }
}
