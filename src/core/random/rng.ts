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

  /** Standard normal (Box–Muller; the second value is discarded for simplicity). */
  normal(): number {
    const u = 1 - this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
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
