import { describe, expect, it } from "vitest";
import { EXITS, STRATA, type WindowCounts } from "./exposure.js";
import { estimateRates, mainEffects } from "./rates.js";
import { posterior, priorStrength } from "./shrinkage.js";

/** Empty counts for C categories, G age groups, NB time-in-care bands. */
function counts(C: number, G: number, NB = 1): WindowCounts {
  const D = C + EXITS;
  const S = STRATA * G * NB * C;
  return {
    from: 0,
    to: 1,
    C,
    G,
    NB,
    GA: G * NB,
    D,
    exposure: new Float64Array(S),
    events: new Float64Array(S * D),
    newPlacements: new Float64Array(S * C),
    entries: new Float64Array(1),
  };
}

describe("empirical-Bayes shrinkage", () => {
  it("estimates the prior weight by the method of moments", () => {
    // Expected 20 events each; (10−20)² − 20 = 80 twice; Σ E²μ² = 800; 1/α = 160/800.
    expect(priorStrength([10, 30], [100, 100], [0.2, 0.2])).toBeCloseTo(5, 12);
    // No more spread than Poisson: the most weight allowed.
    expect(priorStrength([20, 20], [100, 100], [0.2, 0.2], { minStrength: 1, maxStrength: 20 })).toBe(20);
    // Huge spread: the least.
    expect(
      priorStrength([0, 0, 0, 1200], [100, 100, 100, 100], [3, 3, 3, 3], { minStrength: 1, maxStrength: 20 }),
    ).toBe(1);
  });

  it("gives the posterior Gamma(α + y, α/μ + E)", () => {
    const shape = new Float64Array(3);
    const rate = new Float64Array(3);
    posterior([4, 0, 0], [10, 0, 5], [0.5, 0.5, 0], 2, shape, rate);
    expect([shape[0], rate[0]]).toEqual([6, 14]); // mean 6/14 between the data (0.4) and the parent (0.5)
    expect(shape[1]! / rate[1]!).toBe(0.5); // no exposure: the parent's rate, not 0
    expect(shape[2]).toBe(0); // parent 0 and no events: rate 0
  });
});

describe("main-effects parent", () => {
  it("recovers rates that are a product of stratum, category, age and time-in-care effects", () => {
    const C = 3;
    const G = 4;
    const NB = 2;
    const n = STRATA * G * NB * C;
    const y = new Float64Array(n);
    const E = new Float64Array(n);
    const valid = new Uint8Array(n).fill(1);
    const truth = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = i % C;
      const ag = Math.floor(i / C) % (G * NB);
      const u = Math.floor(i / (C * G * NB));
      truth[i] =
        0.01 * [1, 3][u]! * [1, 2, 0.5][c]! * [1, 1.5, 2, 4][Math.floor(ag / NB)]! * [2, 1][ag % NB]!;
      E[i] = 1e6;
      y[i] = truth[i]! * E[i]!;
    }
    const mu = mainEffects(y, E, valid, G, NB, C);
    for (let i = 0; i < n; i++) expect(mu[i]! / truth[i]!).toBeCloseTo(1, 6);
  });
});

describe("rate estimates", () => {
  it("are events ÷ person-time where there is much of it", () => {
    const w = counts(2, 2);
    // State (u0, g0, c0): 50 moves to c1 in 5,000 days; every state has exposure and some exits.
    for (let st = 0; st < STRATA * 2 * 2; st++) {
      w.exposure[st] = 5000;
      w.events[st * w.D + 2] = 20; // exit: returned home
    }
    w.events[0 * w.D + 1] = 50;
    w.events[1 * w.D + 0] = 50; // (u0, g0, c1) → c0
    const r = estimateRates(w, { minStrength: 1e-9, maxStrength: 1e-9 });
    expect(r.mean[0 * w.D + 1]).toBeCloseTo(50 / 5000, 12);
    expect(r.mean[0 * w.D + 2]).toBeCloseTo(20 / 5000, 12);
  });

  it("gives a state never seen the rate of its parent, never 0 and never absorbing", () => {
    const w = counts(2, 3);
    // Ages 0 and 1 seen in both categories; age group 2 never seen at all.
    for (const g of [0, 1]) {
      for (const c of [0, 1]) {
        const st = (0 * 3 + g) * 2 + c;
        w.exposure[st] = 10000;
        w.events[st * w.D + 2] = 40 + 20 * g; // returned home
        w.events[st * w.D + (1 - c)] = 10; // to the other category
      }
    }
    const r = estimateRates(w);
    const unseen = (0 * 3 + 2) * 2 + 0;
    let out = 0;
    for (let k = 0; k < w.D; k++) if (k !== 0) out += r.mean[unseen * w.D + k]!;
    expect(out).toBeGreaterThan(0);
    // Its exit rate is the main-effects value: the pooled rate with factor 1 for an age never seen.
    expect(r.mean[unseen * w.D + 2]).toBeCloseTo(r.parent[unseen * w.D + 2]!, 12);
    expect(r.parent[unseen * w.D + 2]! * 10000).toBeGreaterThan(40);
    expect(r.parent[unseen * w.D + 2]! * 10000).toBeLessThan(60);
    // UASC states (stratum 1, never seen) also leave at a positive rate.
    expect(r.mean[((1 * 3 + 0) * 2 + 0) * w.D + 2]).toBeGreaterThan(0);
    // A destination seen nowhere stays at 0.
    expect(r.mean[0 * w.D + 3]).toBe(0);
  });

  it("pulls a sparse state toward its parent and leaves a rich one near its own rate", () => {
    const w = counts(1, 2);
    w.exposure[0] = 100_000; // rich: 100 exits
    w.events[0 * w.D + 1] = 100;
    w.exposure[1] = 500; // sparse: 3 exits (MLE 6e-3, six times the rich one's)
    w.events[1 * w.D + 1] = 3;
    const r = estimateRates(w, { minStrength: 5, maxStrength: 5 });
    expect(r.mean[0 * w.D + 1]! / (100 / 100_000)).toBeCloseTo(1, 1);
    const sparse = r.mean[1 * w.D + 1]!;
    expect(sparse).toBeLessThan(3 / 500);
    expect(sparse).toBeGreaterThan(r.parent[1 * w.D + 1]! * 0.99);
    // (α + y) / (α/μ + E) exactly.
    const mu = r.parent[1 * w.D + 1]!;
    expect(sparse).toBeCloseTo((5 + 3) / (5 / mu + 500), 12);
  });
});
