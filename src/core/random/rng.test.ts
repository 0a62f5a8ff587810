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
