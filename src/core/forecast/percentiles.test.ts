import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentileSorted, selectOrder, summarise } from "./percentiles.js";

/** The textbook form: sort a copy, then interpolate between the order statistics around (n − 1)·p. */
function bySorting(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = ((s.length - 1) * p) / 100;
  const i = Math.floor(h);
  return i + 1 < s.length ? s[i]! + (h - i) * (s[i + 1]! - s[i]!) : s[i]!;
}

describe("percentiles", () => {
  it("interpolate between order statistics (R type 7, Excel PERCENTILE.INC)", () => {
    const s = summarise(Float64Array.from([4, 1, 3, 2]));
    expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual([1.15, 1.75, 2.5, 3.25, 3.85]);
    expect(s.mean).toBe(2.5);
    expect(percentileSorted([7], 95)).toBe(7);
  });

  it("agree with a sort-based computation on any sample", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }),
        fc.constantFrom(5, 25, 50, 75, 95),
        (xs, p) => {
          const got = summarise(Float64Array.from(xs));
          const key = `p${p}` as "p5" | "p25" | "p50" | "p75" | "p95";
          expect(got[key]).toBeCloseTo(bySorting(xs, p), 9);
          expect(got.p5).toBeLessThanOrEqual(got.p25);
          expect(got.p75).toBeLessThanOrEqual(got.p95);
        },
      ),
    );
  });
});

describe("percentiles by counting", () => {
  it("agree with sorting for whole numbers in a short range (counted), ties and all", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const got = summarise(Float64Array.from(xs));
        for (const p of [5, 25, 50, 75, 95] as const) expect(got[`p${p}`]).toBeCloseTo(bySorting(xs, p), 9);
      }),
    );
  });

  it("give the same as selection would for values just off whole numbers (not counted)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const half = xs.map((x) => x + 0.5);
        const got = summarise(Float64Array.from(half));
        for (const p of [5, 25, 50, 75, 95] as const) expect(got[`p${p}`]).toBeCloseTo(bySorting(half, p), 9);
      }),
    );
  });

  it("read 1,000 runs' counts as a sort would: positions 49/50, 249/250, … of a known sample", () => {
    // 0..999 shuffled by a fixed stride: the k-th smallest is k, so p5 = 49.95, p95 = 949.05.
    const a = Float64Array.from({ length: 1000 }, (_, i) => (i * 367) % 1000);
    const s = summarise(a);
    expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual([49.95, 249.75, 499.5, 749.25, 949.05]);
    expect(s.mean).toBe(499.5);
  });
});

describe("order statistics by selection", () => {
  it("put each wanted position's value where a sort would, whatever the ties and the wanted set", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 300, size: "max" }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (xs, raw) => {
          const a = Float64Array.from(xs);
          const ks = [...new Set(raw.map((k) => k % xs.length))].sort((x, y) => x - y);
          selectOrder(a, ks);
          const sorted = [...xs].sort((x, y) => x - y);
          for (const k of ks) expect(a[k]).toBe(sorted[k]);
          // Only reordered: the same values remain.
          expect([...a].sort((x, y) => x - y)).toEqual(sorted);
        },
      ),
    );
  });

  it("handle sorted, reversed and constant runs of a Monte Carlo's length", () => {
    const n = 1000;
    for (const make of [(i: number) => i, (i: number) => n - i, () => 7, (i: number) => i % 3]) {
      const a = Float64Array.from({ length: n }, (_, i) => make(i));
      const sorted = [...a].sort((x, y) => x - y);
      const ks = [0, 49, 50, 249, 250, 499, 500, 749, 750, 949, 950, 999];
      selectOrder(a, ks);
      for (const k of ks) expect(a[k]).toBe(sorted[k]);
    }
  });
});
