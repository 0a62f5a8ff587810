/**
 * Walker's alias method (A. J. Walker, "An efficient method for generating
 * discrete random variables with general distributions", ACM TOMS 3, 1977;
 * built here by Vose's linear-time construction): a discrete distribution
 * over n outcomes as n columns, each holding its own outcome with
 * probability prob[i] and another (alias[i]) otherwise, so that a draw takes
 * one uniform and one comparison whatever n is, where a binary search over
 * cumulative shares takes log₂ n hard-to-predict branches. The Monte Carlo
 * draws most of its outcomes this way.
 */

/**
 * Fills prob[at..at+n) and alias[at..at+n) for weights w[from..from+n)
 * (not negative; they need not sum to 1). `small` and `large` are work
 * space of at least n entries. With no weight at all every column holds
 * its own outcome.
 */
export function buildAlias(
  w: ArrayLike<number>,
  from: number,
  n: number,
  prob: Float64Array,
  alias: Int32Array,
  at: number,
  small: Int32Array,
  large: Int32Array,
): void {
  let total = 0;
  let best = 0;
  for (let i = 0; i < n; i++) {
    const x = w[from + i]!;
    if (x > 0) total += x;
    if (x > w[from + best]!) best = i;
  }
  if (!(total > 0)) {
    for (let i = 0; i < n; i++) {
      prob[at + i] = 1;
      alias[at + i] = i;
    }
    return;
  }
  let ns = 0;
  let nl = 0;
  const f = n / total;
  for (let i = 0; i < n; i++) {
    const x = w[from + i]!;
    const p = x > 0 ? x * f : 0;
    prob[at + i] = p;
    alias[at + i] = i;
    if (p < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns]!;
    const l = large[nl - 1]!;
    alias[at + s] = l;
    const pl = prob[at + l]! + prob[at + s]! - 1;
    prob[at + l] = pl;
    if (pl < 1) {
      nl -= 1;
      small[ns++] = l;
    }
  }
  // What is left holds its own outcome (its share is 1 up to rounding).
  for (let i = 0; i < nl; i++) prob[at + large[i]!] = 1;
  for (let i = 0; i < ns; i++) {
    const s = small[i]!;
    // Rounding can leave a column a hair short of 1; one of weight 0 (which cannot be left over
    // with exact arithmetic) would point to the largest weight.
    if (w[from + s]! > 0) prob[at + s] = 1;
    else alias[at + s] = best;
  }
}

/** An outcome from table [at, at + n) for a uniform y on [0, 1). */
export function aliasDraw(prob: Float64Array, alias: Int32Array, at: number, n: number, y: number): number {
  const x = y * n;
  const i = Math.floor(x);
  return x - i < prob[at + i]! ? i : alias[at + i]!;
}

/**
 * What a draw of `aliasDraw(prob, alias, at, n, y)` leaves of y, for a second draw: uniform on
 * [0, 1) again and independent of the outcome. Given the column (⌊y·n⌋) the fraction y·n − ⌊y·n⌋
 * is uniform; given also that it fell below the column's share p (its own outcome) it is uniform
 * on [0, p), otherwise on [p, 1), and rescaled to [0, 1) either way. Its resolution is y's
 * times n over the share of the part it fell in, ample for a table of a few hundred outcomes
 * from 32 bits.
 */
export function aliasRest(prob: Float64Array, at: number, n: number, y: number): number {
  const x = y * n;
  const f = x - Math.floor(x);
  const p = prob[at + Math.floor(x)]!;
  return f < p ? f / p : (f - p) / (1 - p);
}
