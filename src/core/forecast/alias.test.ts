import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aliasDraw, aliasRest, buildAlias } from "./alias.js";

/** A table for weights w, and the chance of each outcome it gives (each column is 1/n of draws). */
function table(w: number[]) {
  const n = w.length;
  const prob = new Float64Array(n + 2);
  const alias = new Int32Array(n + 2);
  // At an offset, as the simulation keeps many tables in one array.
  buildAlias(w, 0, n, prob, alias, 2, new Int32Array(n), new Int32Array(n));
  const chance = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    chance[i]! += prob[2 + i]! / n;
    chance[alias[2 + i]!]! += (1 - prob[2 + i]!) / n;
  }
  return { prob, alias, chance };
}

describe("alias tables", () => {
  it("give each outcome its share of the weights, and an outcome of weight 0 never", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 100, noNaN: true })), {
          minLength: 1,
          maxLength: 30,
        }),
        (w) => {
          const total = w.reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          const { chance } = table(w);
          w.forEach((x, i) => {
            if (x === 0) expect(chance[i]).toBe(0);
            else expect(chance[i]).toBeCloseTo(x / total, 12);
          });
        },
      ),
    );
  });

  it("draw evenly when no outcome has weight", () => {
    expect(table([0, 0, 0, 0]).chance).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("draw by column and share: weights 1, 3 over [0, ½) and [½, 1)", () => {
    // Shares ½ and 3/2 of a column: column 0 keeps outcome 0 for its lower half and gives the
    // rest to outcome 1; column 1 is all outcome 1.
    const { prob, alias } = table([1, 3]);
    expect([prob[2], prob[3], alias[2]]).toEqual([0.5, 1, 1]);
    expect(aliasDraw(prob, alias, 2, 2, 0.2)).toBe(0);
    expect(aliasDraw(prob, alias, 2, 2, 0.3)).toBe(1);
    expect(aliasDraw(prob, alias, 2, 2, 0.7)).toBe(1);
    // What is left of y: 0.2 → column 0 at 0.4, below its share ½ → 0.4/½; 0.3 → 0.6 above it
    // → (0.6 − ½)/(1 − ½); 0.7 → column 1 at 0.4, share 1 → 0.4.
    expect(aliasRest(prob, 2, 2, 0.2)).toBeCloseTo(0.8, 12);
    expect(aliasRest(prob, 2, 2, 0.3)).toBeCloseTo(0.2, 12);
    expect(aliasRest(prob, 2, 2, 0.7)).toBeCloseTo(0.4, 12);
  });

  it("leave of a uniform a uniform independent of the outcome, for a second draw", () => {
    const first = table([0.5, 2, 0, 1.5]);
    const second = table([1, 1, 2]);
    const N = 400_000;
    const pairs = new Array<number>(12).fill(0);
    let outside = 0;
    for (let k = 0; k < N; k++) {
      // Evenly spaced points stand for uniform draws (no sampling error to allow for).
      const y = (k + 0.5) / N;
      const a = aliasDraw(first.prob, first.alias, 2, 4, y);
      const rest = aliasRest(first.prob, 2, 4, y);
      if (!(rest >= 0 && rest < 1)) outside += 1;
      pairs[a * 3 + aliasDraw(second.prob, second.alias, 2, 3, rest)]! += 1;
    }
    expect(outside).toBe(0);
    const p1 = [0.125, 0.5, 0, 0.375];
    const p2 = [0.25, 0.25, 0.5];
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < 3; b++) expect(pairs[a * 3 + b]! / N).toBeCloseTo(p1[a]! * p2[b]!, 4);
    }
  });
});
