import { describe, expect, it } from "vitest";
import { cumulative, Rng } from "./rng.js";

describe("Rng", () => {
  it("repeats for a seed", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    for (let i = 0; i < 100; i++) expect(a.uniform()).toBe(b.uniform());
  });

  it("forks independent, repeatable streams", () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const a1 = a.fork();
    const a2 = a.fork();
    const b1 = b.fork();
    const xs = Array.from({ length: 20 }, () => a1.uniform());
    expect(Array.from({ length: 20 }, () => b1.uniform())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => a2.uniform())).not.toEqual(xs);
    expect(Array.from({ length: 20 }, () => a.uniform())).not.toEqual(xs);
  });

  it("keys a source by several integers", () => {
    expect(Rng.keyed(1, 2, 3).uniform()).toBe(Rng.keyed(1, 2, 3).uniform());
    expect(Rng.keyed(1, 2, 3).uniform()).not.toBe(Rng.keyed(1, 3, 2).uniform());
  });

  it("draws integers in a closed range and from cumulative weights", () => {
    const r = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const x = r.between(-2, 2);
      expect(x).toBeGreaterThanOrEqual(-2);
      expect(x).toBeLessThanOrEqual(2);
      seen.add(x);
    }
    expect(seen.size).toBe(5);
    const cum = cumulative([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[r.fromCumulative(cum)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.5);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.5);
  });
});

/** Chi-square statistic of counts against probabilities, pooling bins with under 5 expected, and its 0.1% critical value. */
function chiSquare(counts: Map<number, number>, pmf: (k: number) => number, kMax: number, n: number) {
  let stat = 0;
  let df = -1;
  let poolObs = 0;
  let poolExp = 0;
  for (let k = 0; k <= kMax; k++) {
    poolObs += counts.get(k) ?? 0;
    poolExp += n * pmf(k);
    if (poolExp >= 5) {
      stat += (poolObs - poolExp) ** 2 / poolExp;
      df += 1;
      poolObs = 0;
      poolExp = 0;
    }
  }
  // Wilson–Hilferty approximation of the 99.9% point of chi-square(df).
  const z = 3.09;
  const crit = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
  return { stat, crit };
}

function tally(draw: () => number, n: number): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = draw();
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** log n! by summing logs once (an independent check of the sampler's own table and series). */
const LOG_FACT: number[] = [0];
function logFact(n: number): number {
  while (LOG_FACT.length <= n) LOG_FACT.push(LOG_FACT[LOG_FACT.length - 1]! + Math.log(LOG_FACT.length));
  return LOG_FACT[n]!;
}
function logChoose(n: number, k: number): number {
  return logFact(n) - logFact(k) - logFact(n - k);
}

describe("samplers", () => {
  it("logFactorial matches the sum of logs", async () => {
    const { logFactorial } = await import("./rng.js");
    let s = 0;
    for (let k = 1; k <= 400; k++) {
      s += Math.log(k);
      expect(logFactorial(k)).toBeCloseTo(s, 9);
    }
  });

  it("draw binomial counts with the binomial distribution (every method)", () => {
    const r = new Rng(11);
    for (const [n, p] of [
      [5, 0.3],
      [20, 0.2],
      [40, 0.9],
      [1000, 0.3],
      [100000, 0.02],
    ] as const) {
      const N = 20000;
      const counts = tally(() => r.binomial(n, p), N);
      const pmf = (k: number) => Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
      const { stat, crit } = chiSquare(
        counts,
        pmf,
        Math.min(n, Math.ceil(n * p + 12 * Math.sqrt(n * p) + 20)),
        N,
      );
      expect(stat, `binomial(${n}, ${p})`).toBeLessThan(crit);
      for (const k of counts.keys()) expect(k >= 0 && k <= n).toBe(true);
    }
    expect(r.binomial(0, 0.5)).toBe(0);
    expect(r.binomial(7, 1)).toBe(7);
  });

  it("draw Poisson counts exactly at small and large means", () => {
    const r = new Rng(12);
    for (const mean of [0.3, 3, 25, 600]) {
      const N = 20000;
      const counts = tally(() => r.poissonExact(mean), N);
      let logp = -mean;
      const logs: number[] = [];
      for (let k = 0; k <= mean * 3 + 30; k++) {
        logs.push(logp);
        logp += Math.log(mean) - Math.log(k + 1);
      }
      const { stat, crit } = chiSquare(counts, (k) => Math.exp(logs[k] ?? -Infinity), logs.length - 1, N);
      expect(stat).toBeLessThan(crit);
    }
  });

  it("draw exponential variables by the ziggurat with the exponential distribution", () => {
    const r = new Rng(15);
    const N = 50000;
    // Bins of width 0.25 up to 6, and the tail.
    const counts = new Map<number, number>();
    let s = 0;
    for (let i = 0; i < N; i++) {
      const x = r.standardExponential();
      expect(x).toBeGreaterThanOrEqual(0);
      s += x;
      const b = Math.min(24, Math.floor(x / 0.25));
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    const pmf = (b: number) => (b < 24 ? Math.exp(-b * 0.25) - Math.exp(-(b + 1) * 0.25) : Math.exp(-6));
    const { stat, crit } = chiSquare(counts, pmf, 24, N);
    expect(stat).toBeLessThan(crit);
    expect(Math.abs(s / N - 1)).toBeLessThan(4 / Math.sqrt(N));
  });

  it("draw normal variables by the ziggurat with the normal distribution, tails included", () => {
    const r = new Rng(16);
    const N = 400000;
    // The normal CDF by Simpson's rule on the density (an independent method; 2,000 steps a unit).
    const cdf = (x: number) => {
      const a = Math.min(0, x);
      const b = Math.max(0, x);
      const n = Math.max(2, Math.ceil((b - a) * 2000) * 2);
      const h = (b - a) / n;
      let sum = 0;
      for (let k = 0; k <= n; k++) {
        const w = k === 0 || k === n ? 1 : k % 2 ? 4 : 2;
        sum += w * Math.exp(-0.5 * (a + k * h) ** 2);
      }
      const area = (sum * h) / 3 / Math.sqrt(2 * Math.PI);
      return x < 0 ? 0.5 - area : 0.5 + area;
    };
    // Bins of width 0.25 from −4 to 4 (bin 0 below −4, bin 33 above 4).
    const bin = (x: number) => (x < -4 ? 0 : x >= 4 ? 33 : 1 + Math.floor((x + 4) / 0.25));
    const edges = (b: number) =>
      b === 0 ? [-Infinity, -4] : b === 33 ? [4, Infinity] : [-4 + (b - 1) * 0.25, -4 + b * 0.25];
    const counts = new Map<number, number>();
    let s = 0;
    let s2 = 0;
    let tail = 0;
    const R = 3.442619855899;
    for (let i = 0; i < N; i++) {
      const x = r.gaussian();
      s += x;
      s2 += x * x;
      if (Math.abs(x) > R) tail++;
      counts.set(bin(x), (counts.get(bin(x)) ?? 0) + 1);
    }
    const pmf = (b: number) => {
      const [lo, hi] = edges(b) as [number, number];
      return (hi === Infinity ? 1 : cdf(hi)) - (lo === -Infinity ? 0 : cdf(lo));
    };
    const { stat, crit } = chiSquare(counts, pmf, 33, N);
    expect(stat).toBeLessThan(crit);
    expect(Math.abs(s / N)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    // Beyond the base layer (the tail method): P(|Z| > R) = 2·(1 − Φ(R)), about 0.000576.
    const pTail = 2 * (1 - cdf(R));
    expect(Math.abs(tail - N * pTail)).toBeLessThan(5 * Math.sqrt(N * pTail));
  });

  it("draw gamma variables with the right mean and variance", () => {
    const r = new Rng(13);
    for (const [shape, scale] of [
      [0.4, 2],
      [2.5, 1],
      [60, 0.1],
    ] as const) {
      const N = 40000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < N; i++) {
        const x = i % 2 ? r.gamma(shape, scale) : r.gammaFast(shape, scale);
        expect(x).toBeGreaterThanOrEqual(0);
        s += x;
        s2 += x * x;
      }
      const mean = s / N;
      const v = s2 / N - mean * mean;
      const sdMean = Math.sqrt((shape * scale * scale) / N);
      expect(Math.abs(mean - shape * scale)).toBeLessThan(4 * sdMean);
      expect(v / (shape * scale * scale)).toBeGreaterThan(0.93);
      expect(v / (shape * scale * scale)).toBeLessThan(1.07);
    }
  });

  it("draw multinomial counts that add up, with the right shares", () => {
    const r = new Rng(14);
    const w = [1, 0, 3, 6];
    const out = new Float64Array(4);
    const sums = new Float64Array(4);
    for (const n of [3, 1000]) {
      sums.fill(0);
      for (let i = 0; i < 2000; i++) {
        r.multinomial(n, w, out);
        expect(out.reduce((a, b) => a + b, 0)).toBe(n);
        expect(out[1]).toBe(0);
        for (let j = 0; j < 4; j++) sums[j]! += out[j]!;
      }
      expect(sums[3]! / (2000 * n)).toBeCloseTo(0.6, 1);
      expect(sums[0]! / (2000 * n)).toBeCloseTo(0.1, 1);
    }
  });
});
