import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentileSorted, summarise } from "./percentiles.js";

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
