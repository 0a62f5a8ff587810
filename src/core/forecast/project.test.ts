import { describe, expect, it } from "vitest";
import { Rng } from "../random/rng.js";
import { meanParams } from "./parameters.js";
import { DAYS_PER_YEAR } from "./population-curve.js";
import { newBuffers, newWork, projectExpected, shapeOf } from "./project.js";
import { baseScenario, compileScenario } from "./scenario.js";
import { newSimWork, simulateRun } from "./simulate.js";
import { toyModel } from "./test-support/toy.js";

function expectedPath(o: Parameters<typeof toyModel>[0], scenario?: Parameters<typeof compileScenario>[0]) {
  const { model, grid } = toyModel(o);
  const sc = scenario
    ? compileScenario(scenario, grid, model.categories, model.groups, model.NB, model.D)
    : baseScenario(grid, model.G, model.NB, model.C, model.D);
  const out = newBuffers(shapeOf(model, grid));
  projectExpected(model, grid, meanParams(model, grid), sc, newWork(model), out);
  return { model, grid, out, W: shapeOf(model, grid).W };
}

describe("expected path", () => {
  it("solves a two-state chain: a → b at α, a leaves at β, b leaves at γ", () => {
    // n_a(t) = n e^{-(α+β)t};  n_b(t) = n α (e^{-γt} − e^{-(α+β)t}) / (α + β − γ)
    const [alpha, beta, gamma] = [0.6, 0.3, 0.2];
    const { grid, out, W } = expectedPath({ ab: alpha, aExit: beta, bExit: gamma, a0: 100, b0: 0, years: 3 });
    for (const k of [1, 6, 12, 24, 36]) {
      const t = (k * (DAYS_PER_YEAR / 12)) / DAYS_PER_YEAR;
      const na = 100 * Math.exp(-(alpha + beta) * t);
      const nb =
        (100 * alpha * (Math.exp(-gamma * t) - Math.exp(-(alpha + beta) * t))) / (alpha + beta - gamma);
      expect(out.series[k * W + 1]).toBeCloseTo(na, 8);
      expect(out.series[k * W + 2]).toBeCloseTo(nb, 8);
      expect(out.series[k * W]).toBeCloseTo(na + nb, 8);
    }
    expect(grid.K).toBe(36);
  });

  it("reaches the steady state entries ÷ exit rate, and halving entries halves it", () => {
    // Entries λ a year into a: n_a = λ/(α+β), n_b = λα/((α+β)γ).
    const o = { ab: 1, aExit: 1, bExit: 2, a0: 0, b0: 0, entryRate: 0.01, population: 1000, years: 10 };
    const lambda = 0.01 * 1000 * 18;
    const { out, W, grid } = expectedPath(o);
    // Month ends differ a little with the month's length (entries come by calendar day): average a year's.
    const lastYear = (j: number, series: Float64Array) => {
      let s = 0;
      for (let k = grid.K - 11; k <= grid.K; k++) s += series[k * W + j]! / 12;
      return s;
    };
    expect(lastYear(1, out.series) / (lambda / 2)).toBeCloseTo(1, 2);
    expect(lastYear(2, out.series) / (lambda / 4)).toBeCloseTo(1, 2);
    const half = expectedPath(o, { name: "prevention", changes: [{ type: "entries", multiply: 0.5 }] });
    const end = grid.K * W;
    expect(half.out.series[end]! / out.series[end]!).toBeCloseTo(0.5, 8);
    // Entries in 2022/23 (365 days): λ × 365 / 365.25.
    expect(out.entries[0]).toBeCloseTo((lambda * 365) / 365.25, 6);
  });

  it("counts placements: entries, moves to new carers in another category and moves within", () => {
    // With no exits the stock stays 100 in a; moves within a at 0.5 a year give 50 placements in the year.
    const { out, model } = expectedPath({ ab: 0, aExit: 0, bExit: 0, aMoves: 0.5, a0: 100, b0: 0, years: 1 });
    const C = model.C;
    expect(out.placements[0]).toBeCloseTo(50, 6);
    expect(out.placements[1]).toBeCloseTo(0, 9);
    expect(out.placements[C]).toBeCloseTo(50, 6); // the one age band
    // Child-days: 100 children all year.
    expect(out.days[0]).toBeCloseTo(100 * 365, 6);
  });
});

describe("Monte Carlo run", () => {
  const o = { ab: 0.6, aExit: 0.3, bExit: 0.2, aMoves: 0.2, a0: 300, b0: 100, entryRate: 0.005, years: 3 };

  function runs(n: number, seed: number) {
    const { model, grid } = toyModel(o);
    const shape = shapeOf(model, grid);
    const sc = baseScenario(grid, model.G, model.NB, model.C, model.D);
    const p = meanParams(model, grid);
    const w = newSimWork(model, grid);
    const out = newBuffers(shape);
    const sum = new Float64Array((grid.K + 1) * shape.W);
    const place = new Float64Array(out.placements.length);
    for (let r = 0; r < n; r++) {
      simulateRun(model, grid, p, sc, w, Rng.keyed(seed, r), out);
      for (let i = 0; i < sum.length; i++) sum[i]! += out.series[i]! / n;
      for (let i = 0; i < place.length; i++) place[i]! += out.placements[i]! / n;
    }
    return { sum, place, shape, grid, last: out };
  }

  it("repeats for a seed", () => {
    expect(runs(3, 9).last.series).toEqual(runs(3, 9).last.series);
    expect(runs(3, 9).last.series).not.toEqual(runs(3, 10).last.series);
  });

  it("averages to the expected path", () => {
    const mc = runs(2000, 1);
    const { out, W } = expectedPath(o);
    for (const k of [12, 24, 36]) {
      for (let j = 0; j < 3; j++) {
        const e = out.series[k * W + j]!;
        // Standard error of a mean of 2,000 runs of a count near 200–400 is under 0.5.
        expect(Math.abs(mc.sum[k * W + j]! - e)).toBeLessThan(2);
      }
    }
    for (let i = 0; i < out.placements.length; i++) {
      expect(Math.abs(mc.place[i]! - out.placements[i]!)).toBeLessThan(
        Math.max(2, 0.02 * out.placements[i]!),
      );
    }
  });
});
