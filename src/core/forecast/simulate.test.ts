import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../random/rng.js";
import type { TimeGrid } from "./grid.js";
import type { FittedModel } from "./model.js";
import { meanParams } from "./parameters.js";
import { newBuffers, type PathBuffers, shapeOf } from "./project.js";
import { baseScenario } from "./scenario.js";
import { cellCounts, columnCells, newSimWork, type SimWork, simulateRun } from "./simulate.js";
import { checkConservation, toyModel } from "./test-support/toy.js";

/** One run of a toy model at its mean rates, with no scenario. */
function runToy(model: FittedModel, grid: TimeGrid, w: SimWork, seed: number, out: PathBuffers): void {
  simulateRun(
    model,
    grid,
    meanParams(model, grid),
    baseScenario(grid, 1, 1, 2, model.D),
    w,
    new Rng(seed),
    out,
  );
}

describe("Monte Carlo run (properties)", () => {
  it("never has a negative count and keeps stock(t+1) = stock(t) + entries − exits", () => {
    fc.assert(
      fc.property(
        fc.record({
          ab: fc.double({ min: 0, max: 5, noNaN: true }),
          aExit: fc.double({ min: 0, max: 5, noNaN: true }),
          bExit: fc.double({ min: 0, max: 5, noNaN: true }),
          aMoves: fc.double({ min: 0, max: 3, noNaN: true }),
          a0: fc.integer({ min: 0, max: 500 }),
          b0: fc.integer({ min: 0, max: 500 }),
          month: fc.integer({ min: 0, max: 215 }),
          entryRate: fc.double({ min: 0, max: 0.05, noNaN: true }),
        }),
        fc.integer(),
        (o, seed) => {
          const { model, grid } = toyModel({ ...o, years: 2 });
          const shape = shapeOf(model, grid);
          const out = newBuffers(shape);
          const w = newSimWork(model, grid);
          runToy(model, grid, w, seed, out);
          checkConservation(out, grid.fy, shape.W, grid.years.length);
          // The lists hold the children of the last month end, each cell once, none empty.
          const cells = cellCounts(w);
          let inCells = 0;
          // The run keeps its totals by category and band as children move (not by counting
          // the cells): the last month end's must be the cells' own (row = month of age then).
          const byCat = new Array(model.C).fill(0);
          const byBand = new Array(shape.B).fill(0);
          for (let col = 0; col < w.len.length; col++) {
            columnCells(w, col).forEach(([row, x], i) => {
              expect(x).toBeGreaterThan(0);
              expect(w.pos[col * w.R + row]).toBe(i + 1);
              inCells += x;
              byCat[col % model.C] += x;
              byBand[model.monthBand[row]!] += x;
            });
          }
          expect(inCells).toBe(out.series[grid.K * shape.W]);
          const last = Array.from(out.series.subarray(grid.K * shape.W + 1, (grid.K + 1) * shape.W));
          expect(last).toEqual([...byCat, ...byBand]);
          expect(cells.filter((x) => x > 0).length).toBe(w.pos.filter((x) => x > 0).length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("Monte Carlo run (no way out)", () => {
  it("keeps every child where it is when no rate can move one (an endless gap, capped to fit its array)", () => {
    // Rates of 0 make the gap to the next mover infinite; the step stores gaps as 32-bit integers
    // capped at 2^30, which must still mean "nobody moves", not 0 ("the next child moves").
    const { model, grid } = toyModel({ ab: 0, aExit: 0, bExit: 0, a0: 40, b0: 25, month: 24, years: 3 });
    const shape = shapeOf(model, grid);
    const out = newBuffers(shape);
    const w = newSimWork(model, grid);
    for (let seed = 1; seed <= 5; seed++) {
      runToy(model, grid, w, seed, out);
      for (let k = 0; k <= grid.K; k++) {
        expect(out.series[k * shape.W + 1]).toBe(40);
        expect(out.series[k * shape.W + 2]).toBe(25);
      }
      expect(out.exits.every((x) => x === 0)).toBe(true);
    }
  });
});
