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
 */

/**
 * out = a·b, a n × n and b n × m (m = n unless given). Four columns of a row at a time, in four
 * separate sums, so that the additions do not wait on each other.
 */
export function multiply(a: Float64Array, b: Float64Array, out: Float64Array, n: number, m = n): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const ro = i * m;
    let j = 0;
    for (; j + 3 < m; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < n; k++) {
        const x = a[ri + k]!;
        const bk = k * m + j;
        s0 += x * b[bk]!;
        s1 += x * b[bk + 1]!;
        s2 += x * b[bk + 2]!;
        s3 += x * b[bk + 3]!;
      }
      out[ro + j] = s0;
      out[ro + j + 1] = s1;
      out[ro + j + 2] = s2;
      out[ro + j + 3] = s3;
    }
    for (; j < m; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[ri + k]! * b[k * m + j]!;
      out[ro + j] = s;
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

/** 1/(k + 2)! for k = 0..12. */
const INV_FACT2 = Float64Array.from({ length: 13 }, (_, k) => {
  let f = 1;
  for (let i = 2; i <= k + 2; i++) f *= i;
  return 1 / f;
});

/** out = Σ_{j=0..3, k+j ≤ m} c_(k+j) X^j, with X⁰ = I, from the powers in w. */
function chunk(w: Integrals, k: number, m: number, out: Float64Array): void {
  const n = w.n;
  const nn = n * n;
  const c0 = k <= m ? INV_FACT2[k]! : 0;
  const c1 = k + 1 <= m ? INV_FACT2[k + 1]! : 0;
  const c2 = k + 2 <= m ? INV_FACT2[k + 2]! : 0;
  const c3 = k + 3 <= m ? INV_FACT2[k + 3]! : 0;
  const { X, X2, X3 } = w;
  for (let i = 0; i < nn; i++) out[i] = c1 * X[i]! + c2 * X2[i]! + c3 * X3[i]!;
  for (let i = 0; i < n; i++) out[i * n + i]! += c0;
}

/**
 * E, J and K of generator T (n × n, row-major) over h, and J and K over
 * h/2, into w (K only when `withK`; without it K holds its value at h₀).
 *
 * At h₀ = h/2^s (s ≥ 1, ‖T‖h₀ ≤ 1/2), with X = T·h₀, K(h₀) = h₀²·K′ where
 * K′ = Σ_k X^k/(k + 2)! (to the degree m that brings its truncation error
 * below 1e-17, or 12 at most: then 1e-16), evaluated by Paterson and Stockmeyer's
 * method (X², X³, X⁴, then Horner's rule in X⁴); then, since E = I + T·J
 * and J = h₀I + T·K, J(h₀) = h₀(I + X·K′) and E(h₀) = I + X·(I + X·K′).
 * About 8 products of n × n matrices, and 3 for each doubling.
 */
export function generatorIntegrals(T: Float64Array, h: number, w: Integrals, withK = true): void {
  const n = w.n;
  const nn = n * n;
  const { E, J, K, X, X2, X3, X4, tmp, tmp2 } = w;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += Math.abs(T[i * n + j]!);
    norm = Math.max(norm, row * h);
  }
  // At least one doubling, so that the values at h/2 are passed on the way.
  let s = 1;
  while (norm / 2 ** s > 0.5) s += 1;
  let h0 = h / 2 ** s;
  const a = norm / 2 ** s;
  // The degree: the first neglected term of K′ (relative to its scale) is at most a^(m+1)/(m+3)!.
  let m = 0;
  for (let bound = a / 6; bound >= 1e-17 && m < 12; ) {
    m += 1;
    bound *= a / (m + 3);
  }
  for (let i = 0; i < nn; i++) X[i] = T[i]! * h0;
  if (m >= 2) multiply(X, X, X2, n);
  else X2.fill(0);
  if (m >= 3) multiply(X2, X, X3, n);
  else X3.fill(0);
  // K′ into K (scaled by h₀² below).
  const top = Math.floor(m / 4);
  chunk(w, 4 * top, m, K);
  if (top > 0) {
    multiply(X2, X2, X4, n);
    for (let b = top - 1; b >= 0; b--) {
      multiply(K, X4, tmp, n);
      chunk(w, 4 * b, m, tmp2);
      for (let i = 0; i < nn; i++) K[i] = tmp[i]! + tmp2[i]!;
    }
  }
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
    if (withK) {
      multiply(E, K, tmp, n);
      for (let i = 0; i < nn; i++) K[i] = K[i]! + h0 * J[i]! + tmp[i]!;
    }
    multiply(E, J, tmp, n);
    for (let i = 0; i < nn; i++) J[i]! += tmp[i]!;
    multiply(E, E, tmp2, n);
    E.set(tmp2);
    h0 *= 2;
  }
}
