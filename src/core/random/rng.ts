import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

/**
 * A seeded random number source (xoroshiro128+ from pure-rand), so that
 * synthetic data and simulations are reproducible for a seed.
 */
export class Rng {
  private readonly gen: JumpableRandomGenerator;

  constructor(seed: number | JumpableRandomGenerator) {
    this.gen = typeof seed === "number" ? xoroshiro128plus(seed | 0) : seed;
  }

  /**
   * A source seeded from several integers (e.g. a seed, a child and a year),
   * so that a value can be drawn for a key without depending on the order in
   * which keys are visited.
   */
  static keyed(...parts: number[]): Rng {
    let h = 0x811c9dc5;
    for (const p of parts) {
      // FNV-1a over the four bytes of each part, then a final avalanche.
      for (let k = 0; k < 4; k++) {
        h ^= (p >>> (k * 8)) & 0xff;
        h = Math.imul(h, 0x01000193);
      }
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
    return new Rng(h);
  }

  /**
   * An independent stream: a copy of this source moved 2^64 steps ahead
   * (xoroshiro128+'s jump). This source moves on by one jump too, so
   * successive forks are independent of each other and of this source.
   */
  fork(): Rng {
    this.gen.jump();
    const child = this.gen.clone();
    this.gen.jump();
    return new Rng(child);
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return uniformFloat64(this.gen);
  }

  /**
   * Uniform on [0, 1) from one 32-bit output (resolution 2^-32, half the
   * cost of `uniform`): for simulations that draw many decisions.
   */
  uniform32(): number {
    return (this.gen.next() >>> 0) * 2.3283064365386963e-10;
  }

  /** Uniform integer on [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Uniform integer on [lo, hi] (both included). */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.uniform() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.uniform()) * mean;
  }

  /**
   * Exponential with mean 1 by Marsaglia and Tsang's ziggurat ("The
   * ziggurat method for generating random variables", Journal of
   * Statistical Software 5, 2000): one uniform and a table look-up almost
   * always, a logarithm rarely. (`exponential` keeps its inversion, and its
   * stream, for the generator.)
   */
  standardExponential(): number {
    for (;;) {
      const j = this.gen.next() >>> 0;
      const i = j & 255;
      const x = j * ZIG_W[i]!;
      if (j < ZIG_K[i]!) return x;
      if (i === 0) return ZIG_R - Math.log(1 - this.uniform32());
      if (ZIG_F[i]! + this.uniform32() * (ZIG_F[i - 1]! - ZIG_F[i]!) < Math.exp(-x)) return x;
    }
  }

  /** Standard normal (Box–Muller; the second value is discarded for simplicity). */
  normal(): number {
    const u = 1 - this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Standard normal by a 128-layer ziggurat (Marsaglia and Tsang, 2000):
   * one 32-bit output almost always (its low 7 bits pick the layer, the
   * next the sign, the top 24 the point along the layer, so no bit serves
   * twice), a wedge or tail test rarely. A forecast run measured 6% cheaper
   * than with Box–Muller; `normal` keeps Box–Muller, and its stream, for the
   * generator.
   */
  gaussian(): number {
    for (;;) {
      const j = this.gen.next() >>> 0;
      const i = j & 127;
      const u = j >>> 8;
      const x = u * NORM_W[i]!;
      const sign = j & 128 ? -1 : 1;
      if (u < NORM_K[i]!) return sign * x;
      if (i === 0) {
        // Beyond the base layer's rectangle: the tail past R (Marsaglia, 1964).
        let a: number;
        let b: number;
        do {
          a = -Math.log(1 - this.uniform32()) / NORM_R;
          b = -Math.log(1 - this.uniform32());
        } while (b + b < a * a);
        return sign * (NORM_R + a);
      }
      if (NORM_F[i]! + this.uniform32() * (NORM_F[i + 1]! - NORM_F[i]!) < Math.exp(-0.5 * x * x))
        return sign * x;
    }
  }

  /** Log-normal with the given median and log-scale spread (sigma). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /**
   * An index from a cumulative weight table (see `cumulative`), by binary
   * search: the fast form of `weighted` for tables drawn from many times.
   */
  fromCumulative(cum: ArrayLike<number>): number {
    const x = this.uniform() * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < cum[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** An index chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** One item of a list, chosen with the given weights. */
  pick<T>(items: readonly T[], weights?: readonly number[]): T {
    return items[weights ? this.weighted(weights) : this.int(items.length)]!;
  }

  /**
   * Poisson-distributed count, exact for every mean: inversion below 10,
   * and above it Hörmann's transformed rejection with squeeze (PTRS; W.
   * Hörmann, "The transformed rejection method for generating Poisson
   * random variables", Insurance: Mathematics and Economics 12, 1993),
   * whose cost does not grow with the mean. (`poisson` keeps its normal
   * approximation above 500 so that generated data stay byte-identical.)
   */
  poissonExact(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean < 10) return this.poissonInversion(mean);
    const slam = Math.sqrt(mean);
    const logLam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v * invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logLam - logFactorial(k)) {
        return k;
      }
    }
  }

  private poissonInversion(mean: number): number {
    let k = 0;
    let p = Math.exp(-mean);
    let s = p;
    const u = this.uniform();
    while (u > s && k < 1000) {
      k += 1;
      p *= mean / k;
      s += p;
    }
    return k;
  }

  /**
   * Binomial count of successes in n trials of probability p: inversion
   * (sequential search) when n·min(p, 1−p) < 10, else Hörmann's BTRS
   * transformed rejection (W. Hörmann, "The generation of binomial random
   * variates", J. Statist. Comput. Simul. 46, 1993). Exact for any n.
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || !(p > 0)) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    if (n < 8) {
      // A few trials: count them one by one (cheaper than a power).
      let x = 0;
      for (let i = 0; i < n; i++) if (this.uniform() < p) x += 1;
      return x;
    }
    if (n * p < 10) {
      const q = 1 - p;
      const s = p / q;
      const a = (n + 1) * s;
      let r = q ** n;
      let u = this.uniform();
      let x = 0;
      while (u > r) {
        u -= r;
        x += 1;
        if (x > n) return n;
        r *= a / x - s;
      }
      return x;
    }
    const q = 1 - p;
    const spq = Math.sqrt(n * p * q);
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const vr = 0.92 - 4.2 / b;
    const alpha = (2.83 + 5.1 / b) * spq;
    const lpq = Math.log(p / q);
    const m = Math.floor((n + 1) * p);
    const h = logFactorial(m) + logFactorial(n - m);
    for (;;) {
      const u = this.uniform() - 0.5;
      let v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      if (us >= 0.07 && v <= vr) return k;
      v = Math.log((v * alpha) / (a / (us * us) + b));
      if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
    }
  }

  /**
   * Gamma with the given shape and scale (mean shape × scale): Marsaglia and
   * Tsang's squeeze method ("A simple method for generating gamma
   * variables", ACM TOMS 26, 2000); shapes below 1 by their boost
   * Gamma(a) = Gamma(a + 1) · U^(1/a).
   */
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0) || !(scale > 0)) return 0;
    if (shape < 1) {
      const g = this.gamma(shape + 1, scale);
      return g * (1 - this.uniform()) ** (1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.gaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v * scale;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /**
   * Gamma with the given shape and scale, by the Wilson–Hilferty cube of a
   * normal (shape·(1 − 1/(9·shape) + z/(3·√shape))³) when the shape is 10
   * or more (its quantiles are then within a fraction of a per cent of the
   * gamma's), else exactly (`gamma`). For drawing many parameters quickly.
   */
  gammaFast(shape: number, scale = 1): number {
    if (shape < 10) return this.gamma(shape, scale);
    const c = 1 / (9 * shape);
    const x = 1 - c + this.gaussian() * Math.sqrt(c);
    return x > 0 ? shape * x * x * x * scale : 0;
  }

  /** Beta(a, b) from two gamma variables. */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x + y > 0 ? x / (x + y) : a / (a + b);
  }

  /**
   * Multinomial counts of n items over categories with the given weights
   * (need not sum to 1), written into `out` (which is zeroed first). Few
   * items: one categorical draw each; many: conditional binomials.
   */
  multinomial(n: number, weights: ArrayLike<number>, out: Int32Array | Float64Array | number[]): void {
    const k = weights.length;
    let total = 0;
    for (let i = 0; i < k; i++) {
      out[i] = 0;
      total += weights[i]!;
    }
    if (n <= 0 || !(total > 0)) return;
    if (n < k / 2) {
      for (let j = 0; j < n; j++) {
        let x = this.uniform() * total;
        let i = 0;
        for (; i < k - 1; i++) {
          x -= weights[i]!;
          if (x < 0) break;
        }
        while (weights[i] === 0 && i > 0) i--;
        out[i]! += 1;
      }
      return;
    }
    let left = n;
    let mass = total;
    for (let i = 0; i < k && left > 0; i++) {
      const w = weights[i]!;
      if (w <= 0) continue;
      const x = w >= mass ? left : this.binomial(left, w / mass);
      out[i] = x;
      left -= x;
      mass -= w;
    }
  }

  /** Poisson-distributed count (inversion for small means, normal approximation above 500). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    // Inversion by sequential search: exact, and fast enough for small means.
    let k = 0;
    let p = Math.exp(-mean);
    let s = p;
    const u = this.uniform();
    while (u > s && k < 10_000) {
      k += 1;
      p *= mean / k;
      s += p;
    }
    return k;
  }
}

/** Running totals of weights, for `Rng.fromCumulative`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i]!;
    out[i] = total;
  }
  return out;
}

const LOG_FACTORIAL_TABLE: Float64Array = (() => {
  const t = new Float64Array(256);
  for (let i = 2; i < 256; i++) t[i] = t[i - 1]! + Math.log(i);
  return t;
})();

/**
 * log(k!): a table below 256, Stirling's series above (error below 1e-12
 * there).
 */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIAL_TABLE[k]!;
  const x = k + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260)))
  );
}

/**
 * The normal ziggurat's 128 layers for f(x) = exp(−x²/2), each of area
 * v (below): layer i is the rectangle [0, X_i] × [f(X_i), f(X_{i+1})], with X_1 =
 * NORM_R and X_0 = v / f(R) the base layer's width counting its tail;
 * X_128 = 0. A point u·X_i (u uniform) inside X_{i+1} is accepted at once:
 * NORM_K[i] = 2^24·X_{i+1}/X_i, NORM_W[i] = X_i / 2^24, NORM_F[i] = f(X_i).
 * R and v are Marsaglia and Tsang's for 128 layers.
 */
const NORM_R = 3.442619855899;
const NORM_K = new Float64Array(128);
const NORM_W = new Float64Array(128);
const NORM_F = new Float64Array(129);
(() => {
  const v = 9.91256303526217e-3;
  const f = (x: number) => Math.exp(-0.5 * x * x);
  const X = new Float64Array(129);
  X[0] = v / f(NORM_R);
  X[1] = NORM_R;
  for (let i = 1; i < 127; i++) X[i + 1] = Math.sqrt(-2 * Math.log(v / X[i]! + f(X[i]!)));
  X[128] = 0;
  for (let i = 0; i < 128; i++) {
    NORM_K[i] = Math.floor((X[i + 1]! / X[i]!) * 2 ** 24);
    NORM_W[i] = X[i]! / 2 ** 24;
  }
  for (let i = 0; i <= 128; i++) NORM_F[i] = f(X[i]!);
})();

/** The exponential ziggurat's 256 layers (Marsaglia and Tsang, 2000): right edge, area, and per layer k, w, f. */
const ZIG_R = 7.697117470131487;
const ZIG_K = new Float64Array(256);
const ZIG_W = new Float64Array(256);
const ZIG_F = new Float64Array(256);
(() => {
  const m = 4294967296;
  const v = 3.949659822581572e-3;
  let d = ZIG_R;
  let t = d;
  const q = v / Math.exp(-d);
  ZIG_K[0] = (d / q) * m;
  ZIG_K[1] = 0;
  ZIG_W[0] = q / m;
  ZIG_W[255] = d / m;
  ZIG_F[0] = 1;
  ZIG_F[255] = Math.exp(-d);
  for (let i = 254; i >= 1; i--) {
    d = -Math.log(v / d + Math.exp(-d));
    ZIG_K[i + 1] = (d / t) * m;
    t = d;
    ZIG_F[i] = Math.exp(-d);
    ZIG_W[i] = d / m;
  }
})();
