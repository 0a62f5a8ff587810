/**
 * Empirical-Bayes shrinkage of Poisson rates toward a parent rate.
 *
 * Each unit i has y_i events in E_i days and a parent rate μ_i. Its rate is
 * given a gamma prior with mean μ_i and shape α (worth α events), whose α is
 * estimated by the method of moments across units:
 *
 *   E[(y − Eμ)²] = Eμ + E²μ²/α  ⇒  1/α = Σ[(y − Eμ)² − Eμ] / Σ E²μ²,
 *
 * clamped to [minStrength, maxStrength]. The posterior is
 * Gamma(α + y, α/μ + E) with mean (α + y)/(α/μ + E): a unit with much
 * person-time keeps its own rate, a unit with none takes the parent's,
 * never 0 unless the parent is 0.
 */

export interface ShrinkageOptions {
  /** Least prior weight, in events (default 1). */
  minStrength: number;
  /** Most prior weight, in events (default 20). */
  maxStrength: number;
}

export const DEFAULT_SHRINKAGE: ShrinkageOptions = { minStrength: 1, maxStrength: 20 };

/** The prior weight α for units (y, E, μ), by the method of moments. */
export function priorStrength(
  y: ArrayLike<number>,
  E: ArrayLike<number>,
  mu: ArrayLike<number>,
  opts: ShrinkageOptions = DEFAULT_SHRINKAGE,
): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    const e = E[i]!;
    const m = mu[i]!;
    if (!(e > 0) || !(m > 0)) continue;
    const expected = e * m;
    const d = y[i]! - expected;
    num += d * d - expected;
    den += expected * expected;
  }
  if (!(den > 0) || num <= 0) return opts.maxStrength;
  const alpha = den / num;
  return Math.min(opts.maxStrength, Math.max(opts.minStrength, alpha));
}

/** Posterior shape and rate of each unit's rate; shape 0 means the rate is 0. */
export function posterior(
  y: ArrayLike<number>,
  E: ArrayLike<number>,
  mu: ArrayLike<number>,
  alpha: number,
  shape: Float64Array,
  rate: Float64Array,
): void {
  for (let i = 0; i < y.length; i++) {
    const m = mu[i]!;
    if (m > 0) {
      shape[i] = alpha + y[i]!;
      rate[i] = alpha / m + E[i]!;
    } else if (y[i]! > 0 && E[i]! > 0) {
      // No parent rate but events here (cannot happen when parents pool their children).
      shape[i] = y[i]!;
      rate[i] = E[i]!;
    } else {
      shape[i] = 0;
      rate[i] = 1;
    }
  }
}
