import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expAndIntegral, expm, generatorIntegrals, multiply, newIntegrals } from "./expm.js";

/** The blocks of exp of Van Loan's augmented matrix [[T, I, 0], [0, 0, I], [0, 0, 0]]·h, the slow way. */
function augmented(T: Float64Array, n: number, h: number) {
  const m = 3 * n;
  const B = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) B[i * m + j] = T[i * n + j]!;
    B[i * m + n + i] = 1;
    B[(n + i) * m + 2 * n + i] = 1;
  }
  const full = expm(B, m, h);
  const block = (c: number) => {
    const out = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = full[i * m + c * n + j]!;
    return out;
  };
  return { E: block(0), J: block(1), K: block(2) };
}

function generator(n: number, rates: number[]): Float64Array {
  const T = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    let q = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const r = rates[(i * n + j) % rates.length]!;
      T[i * n + j] = r;
      q += r;
    }
    // Leaving altogether (an exit) at the last rate.
    T[i * n + i] = -q - rates[rates.length - 1]!;
  }
  return T;
}

describe("generator integrals", () => {
  it("match the scalar case: e^(−qh), (1 − e^(−qh))/q, (h − J)/q", () => {
    const w = newIntegrals(1);
    for (const [q, h] of [
      [0.02, 30.4375],
      [0.5, 30.4375],
      [3, 10],
      [1e-6, 30],
    ] as const) {
      generatorIntegrals(Float64Array.of(-q), h, w);
      const E = Math.exp(-q * h);
      const J = -Math.expm1(-q * h) / q;
      expect(w.E[0]! / E).toBeCloseTo(1, 12);
      expect(w.J[0]! / J).toBeCloseTo(1, 12);
      expect(w.K[0]! / ((h - J) / q)).toBeCloseTo(1, 8);
      const Jh = -Math.expm1((-q * h) / 2) / q;
      expect(w.Jh[0]! / Jh).toBeCloseTo(1, 12);
    }
    // No rates: E = 1, J = h, K = h²/2.
    generatorIntegrals(Float64Array.of(0), 30, w);
    expect([w.E[0], w.J[0], w.K[0], w.Jh[0], w.Kh[0]]).toEqual([1, 30, 450, 15, 112.5]);
  });

  it("agree with the exponential of Van Loan's augmented matrix, at h and h/2", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.double({ min: 0, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        (n, rates, h) => {
          const T = generator(n, rates);
          const w = newIntegrals(n);
          generatorIntegrals(T, h, w);
          const full = augmented(T, n, h);
          const half = augmented(T, n, h / 2);
          const close = (a: Float64Array, b: Float64Array, scale: number) => {
            for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-11 * scale);
          };
          close(w.E, full.E, 1);
          close(w.J, full.J, h);
          close(w.K, full.K, h * h);
          close(w.Jh, half.J, h);
          close(w.Kh, half.K, h * h);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("give E and J alone as the augmented matrix does, with and without doublings", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.double({ min: 0, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 20 }),
        // From well under one month (no doubling) to several (‖T‖h up to about 300).
        fc.double({ min: 0.1, max: 40, noNaN: true }),
        (n, rates, h) => {
          const T = generator(n, rates);
          const w = newIntegrals(n);
          expAndIntegral(T, h, w);
          const full = augmented(T, n, h);
          for (let i = 0; i < n * n; i++) {
            expect(Math.abs(w.E[i]! - full.E[i]!)).toBeLessThan(1e-11);
            expect(Math.abs(w.J[i]! - full.J[i]!)).toBeLessThan(1e-11 * h);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it("give E and J alone in the scalar case: e^(−qh) and (1 − e^(−qh))/q", () => {
    for (const [q, h] of [
      [0.01, 30.4375],
      [0.5, 1],
      [2, 30],
    ] as const) {
      const w = newIntegrals(1);
      expAndIntegral(Float64Array.of(-q), h, w);
      expect(w.E[0]).toBeCloseTo(Math.exp(-q * h), 14);
      expect(w.J[0]).toBeCloseTo(-Math.expm1(-q * h) / q, 13);
    }
  });
});

describe("multiply", () => {
  it("gives the plain triple loop's products to the bit, whatever the sizes (blocks of three and what is left over)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 11 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (n, m, values) => {
          const a = Float64Array.from({ length: n * n }, (_, i) => values[i % values.length]! * (1 + i / 7));
          const b = Float64Array.from(
            { length: n * m },
            (_, i) => values[(3 * i + 1) % values.length]! - i / 11,
          );
          const plain = new Float64Array(n * m);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < m; j++) {
              let s = 0;
              for (let k = 0; k < n; k++) s += a[i * n + k]! * b[k * m + j]!;
              plain[i * m + j] = s;
            }
          }
          const out = new Float64Array(n * m).fill(Number.NaN);
          multiply(a, b, out, n, m);
          expect(out).toEqual(plain);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("multiplies a known 2 × 2 by a 2 × 3", () => {
    const out = new Float64Array(6);
    multiply(Float64Array.from([1, 2, 3, 4]), Float64Array.from([5, 6, 7, 8, 9, 10]), out, 2, 3);
    expect([...out]).toEqual([21, 24, 27, 47, 54, 61]);
  });
});
