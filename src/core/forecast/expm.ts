/**
 * The exponential of a small dense matrix (row-major, n × n), by scaling
 * and squaring with a Taylor series: A is divided by 2^s so its norm is at
 * most 1/2, exp is summed to 12 terms (truncation error below 1e-13 of
 * the norm), and the result squared s times. Enough for the forecast's
 * generators (at most a few dozen states, well-conditioned).
 */

function multiply(a: Float64Array, b: Float64Array, out: Float64Array, n: number): void {
  out.fill(0);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const x = a[i * n + k]!;
      if (x === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += x * b[k * n + j]!;
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
