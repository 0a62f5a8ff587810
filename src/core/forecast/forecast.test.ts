import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { readPopulation } from "../inputs/population.js";
import { ageBands } from "../profile/bands.js";
import { Rng } from "../random/rng.js";
import { rebuildHistory } from "../ssda903/history.js";
import { generateCouncil } from "../synthetic/index.js";
import { filesOf, readBack } from "../synthetic/test-helpers.js";
import {
  assembleForecast,
  chunkCount,
  chunkPlan,
  forecast,
  prepareForecast,
  type RunBlock,
  simulateChunks,
  simulateRuns,
} from "./forecast.js";
import { drawParams, reachableGroups } from "./parameters.js";
import { PopulationCurve } from "./population-curve.js";
import { newBuffers, shapeOf } from "./project.js";
import { buildSegments } from "./segments.js";
import { newSimWork, simulateRun } from "./simulate.js";
import { forecastJson, forecastTables, longRows } from "./tables.js";
import { checkConservation } from "./test-support/toy.js";

const files = filesOf(generateCouncil({ from: 2018, to: 2024, childrenInCare: 400, seed: 21 }));
const history = rebuildHistory(readBack(files).data);
const population = readPopulation("population.csv", files.get("population.csv")!);
const result = forecast(history, population, { runs: 300, seed: 5, years: 5 });

describe("forecast", () => {
  it("starts at the last 31 March in the data, with a series point per month end", () => {
    expect(result.start).toBe("2025-03-31");
    expect(result.reference).toEqual({ from: "2022-04-01", to: "2025-03-31" });
    expect(result.series).toHaveLength(61);
    expect(result.series[1]!.date).toBe("2025-04-30");
    expect(result.series[60]!.date).toBe("2030-03-31");
    // The first point is the stock on the start date, the same in every run.
    const s0 = result.series[0]!.total;
    expect(s0.p5).toBe(s0.p95);
    expect(s0.mean).toBeGreaterThan(300);
    expect(result.placementsNeeded.map((p) => p.year)).toEqual([
      "2025/26",
      "2026/27",
      "2027/28",
      "2028/29",
      "2029/30",
    ]);
  });

  it("is the same for the same seed and differs for another", () => {
    const again = forecast(history, population, { runs: 300, seed: 5, years: 5 });
    expect(JSON.stringify(forecastJson(again))).toBe(JSON.stringify(forecastJson(result)));
    const other = forecast(history, population, { runs: 300, seed: 6, years: 5 });
    expect(other.series[60]!.total.p50).not.toBe(result.series[60]!.total.p50);
  });

  it("splits the runs among workers without changing the result", () => {
    const seg = buildSegments(history);
    const pop = new PopulationCurve(population);
    const prep = prepareForecast(seg, pop, { runs: 300, seed: 5, years: 5 });
    const split = prep.scenarios.map((_, s) => [
      simulateRuns(prep, s, 120, 300),
      simulateRuns(prep, s, 0, 120),
    ]);
    const joined = assembleForecast(prep, split, seg, pop);
    expect(JSON.stringify(forecastJson(joined))).toBe(JSON.stringify(forecastJson(result)));
  });

  it("gives the same result from chunks claimed in any order, the work of one run reused by the next chunk", () => {
    const seg = buildSegments(history);
    const pop = new PopulationCurve(population);
    const prep = prepareForecast(seg, pop, { runs: 300, seed: 5, years: 5 });
    const plan = chunkPlan(300, 2);
    const total = chunkCount(prep, plan);
    expect(total).toBe((plan.length - 1) * prep.scenarios.length);
    // Two "threads" take the chunks in a scrambled order; the first takes only one.
    const order = Array.from({ length: total }, (_, j) => (j * 7) % total);
    expect(new Set(order).size).toBe(total);
    let at = 0;
    const claim = () => (at < order.length ? order[at++]! : total);
    const a = simulateChunks(prep, plan, () => (at === 0 ? claim() : total));
    const b = simulateChunks(prep, plan, claim);
    expect(a.length + b.length).toBe(total);
    const blocks: RunBlock[][] = prep.scenarios.map(() => []);
    for (const block of [...a, ...b]) blocks[block.scenario]!.push(block);
    const joined = assembleForecast(prep, blocks, seg, pop);
    expect(JSON.stringify(forecastJson(joined))).toBe(JSON.stringify(forecastJson(result)));
  });

  it("cuts the runs into chunks that cover them once and shrink towards the end", () => {
    for (const [runs, threads] of [
      [1000, 2],
      [300, 3],
      [5, 2],
      [1, 8],
    ] as const) {
      const plan = chunkPlan(runs, threads);
      expect(plan[0]).toBe(0);
      expect(plan.at(-1)).toBe(runs);
      const sizes = plan.slice(1).map((x, i) => x - plan[i]!);
      expect(sizes.every((s) => s > 0)).toBe(true);
      // Non-increasing, but for the last (what is left).
      for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]!).toBeLessThanOrEqual(sizes[i - 1]!);
    }
    // 1,000 runs on 2 threads: a first chunk of 125 (a quarter of a thread's half), the last ones of 4.
    const plan = chunkPlan(1000, 2);
    expect(plan[1]).toBe(125);
    expect(plan.at(-1)! - plan.at(-2)!).toBeLessThanOrEqual(4);
  });

  it("has a Monte Carlo mean close to the expected path", () => {
    for (const k of [12, 36, 60]) {
      const t = result.series[k]!.total;
      // Parameter uncertainty makes the mean differ a little from the path at the mean rates (docs/forecasting.md).
      expect(Math.abs(t.mean - t.expected!) / t.expected!).toBeLessThan(0.02);
    }
  });

  it("keeps each band's Monte Carlo mean, stock and placements, by the expected path when an age group spans bands", () => {
    // Groups 0, 1–9 and 10–17 each span report bands (0–4 and 5–9; 10–12, 13–15 and 16+). A run
    // counts placements' child-months by rate state and band together (simulate.ts: parts), so
    // this is the case where a state has children in several bands.
    const r = forecast(history, population, {
      runs: 300,
      seed: 7,
      years: 3,
      ageGroups: ageBands([0, 1, 10]),
    });
    for (const k of [12, 36]) {
      for (const s of Object.values(r.series[k]!.byAgeBand)) {
        expect(Math.abs(s.mean - s.expected!)).toBeLessThan(Math.max(4, 0.04 * s.expected!));
      }
    }
    for (const y of [0, 2]) {
      for (const s of Object.values(r.placementsNeeded[y]!.byAgeBand)) {
        expect(Math.abs(s.mean - s.expected!)).toBeLessThan(Math.max(4, 0.06 * s.expected!));
      }
    }
  });

  it("adds up: categories and bands to the total, child-days per run to their summaries", () => {
    const p = result.series[24]!;
    const cats = Object.values(p.byCategory).reduce((s, x) => s + x.mean, 0);
    const bands = Object.values(p.byAgeBand).reduce((s, x) => s + x.mean, 0);
    expect(cats).toBeCloseTo(p.total.mean, 6);
    expect(bands).toBeCloseTo(p.total.mean, 6);
    const { years, categories, runs, values } = result.runDays;
    expect(values.length).toBe(runs * years.length * categories.length);
    let y0 = 0;
    for (let r = 0; r < runs; r++)
      for (let c = 0; c < categories.length; c++)
        y0 += values[(r * years.length + 0) * categories.length + c]!;
    expect(y0 / runs).toBeCloseTo(result.childDays[0]!.total.mean, 6);
    // A year's child-days are about the year's average stock × 365.
    const avg = result.series.slice(0, 13).reduce((s, x) => s + x.total.mean, 0) / 13;
    expect(result.childDays[0]!.total.mean / (avg * 365)).toBeCloseTo(1, 1);
    const pl = result.placementsNeeded[1]!;
    const byCat = Object.values(pl.byCategory).reduce((s, x) => s + x.mean, 0);
    const byBand = Object.values(pl.byAgeBand).reduce((s, x) => s + x.mean, 0);
    expect(byCat).toBeCloseTo(pl.total.mean, 6);
    expect(byBand).toBeCloseTo(pl.total.mean, 6);
    // New placements exceed entries: moves add to them.
    expect(pl.total.mean).toBeGreaterThan(result.flows[1]!.entries + result.flows[1]!.uascEntries);
  });

  it("keeps stock(t+1) = stock(t) + entries − exits in every run of a fitted model", () => {
    const seg = buildSegments(history);
    const prep = prepareForecast(seg, new PopulationCurve(population), { runs: 1, years: 3 });
    const shape = shapeOf(prep.model, prep.grid);
    const out = newBuffers(shape);
    const w = newSimWork(prep.model, prep.grid);
    for (let r = 0; r < 20; r++) {
      const rng = new Rng(r);
      simulateRun(
        prep.model,
        prep.grid,
        drawParams(prep.model, prep.grid, rng),
        prep.scenarios[0]!,
        w,
        rng,
        out,
      );
      expect(() => checkConservation(out, prep.grid.fy, shape.W, prep.grid.years.length)).not.toThrow();
    }
  });

  it("draws no rates for rate groups no child can reach, and no run fills such a group", () => {
    const seg = buildSegments(history);
    const prep = prepareForecast(seg, new PopulationCurve(population), { runs: 1, years: 5 });
    const { model, grid } = prep;
    const reach = reachableGroups(model);
    const { C, D, NB, GA } = model;
    // Every group of the children not UASC is reachable; the youngest UASC group is not (the
    // generated councils' UASC arrive as teenagers, and none is in care as a baby).
    expect(reach[GA - 1]).toBe(1);
    expect(reach[GA + 0 * NB]).toBe(0);
    expect(Array.from(reach.slice(0, GA)).every((x) => x === 1)).toBe(true);
    const out = newBuffers(shapeOf(model, grid));
    const w = newSimWork(model, grid);
    let filled = 0;
    for (let r = 0; r < 20; r++) {
      const rng = new Rng(r);
      const p = drawParams(model, grid, rng);
      for (let ua = 0; ua < reach.length; ua++) {
        if (reach[ua] === 0) expect(p.q.slice(ua * C * D, (ua + 1) * C * D).every((x) => x === 0)).toBe(true);
      }
      simulateRun(model, grid, p, prep.scenarios[0]!, w, rng, out);
      const t = w.cache.get(p.q, prep.scenarios[0]!.phases, 0, grid.dynDays[1]!);
      for (let ua = 0; ua < reach.length; ua++) {
        if (t.ready[ua] === 1) {
          expect(reach[ua]).toBe(1);
          filled += 1;
        }
      }
    }
    // The runs do use the groups they may: most of the reachable ones in each run.
    expect(filled / 20).toBeGreaterThan(0.5 * reach.reduce((a, x) => a + x, 0));
  });

  it("projects scenarios beside the base with the same random numbers", () => {
    const s = forecast(history, population, {
      runs: 200,
      years: 5,
      scenarios: [{ name: "Fewer entries", changes: [{ type: "entries", multiply: 0.5 }] }],
    });
    expect(s.scenarios.map((x) => x.name)).toEqual(["Fewer entries"]);
    const base = s.series[60]!.total;
    const half = s.scenarios[0]!.series[60]!.total;
    expect(half.p50).toBeLessThan(base.p50 * 0.85);
    expect(half.expected!).toBeLessThan(base.expected!);
    // Same start, and the scenario's first month differs only through entries.
    expect(s.scenarios[0]!.series[0]!.total.mean).toBe(s.series[0]!.total.mean);
  });

  it("runs the trend-and-population method, which has no interval", () => {
    const t = forecast(history, population, { method: "trend", years: 3 });
    expect(t.method).toBe("trend");
    expect(t.runs).toBe(0);
    const p = t.series[36]!.total;
    expect(p.p5).toBe(p.p95);
    expect(t.notes).toContain("the trend method gives no interval");
    expect(t.rates).toBeNull();
  });

  it("reports the rates it used, and makes tables and JSON", () => {
    expect(result.rates!.entries.byAgeGroup).toHaveLength(7);
    expect(result.rates!.states.length).toBeGreaterThan(20);
    const tables = forecastTables(result);
    expect(tables.map((t) => t.id)).toEqual([
      "total",
      "by_category",
      "by_age_band",
      "placements_needed",
      "child_days",
      "flows",
      "rates",
      "entry_rates",
    ]);
    const rows = longRows(tables);
    expect(rows[0]).toEqual(["base", "total", "2025-03-31", "expected", result.series[0]!.total.expected]);
    const json = JSON.parse(JSON.stringify(forecastJson(result))) as { runDays: { values: number[] } };
    expect(json.runDays.values).toHaveLength(result.runDays.values.length);
  });

  it("refuses a start after the data or a horizon over ten years", () => {
    expect(() => forecast(history, population, { start: dayFromYMD(2026, 3, 31), runs: 0 })).toThrow(
      /after the end of the data/,
    );
    expect(() => forecast(history, population, { years: 11, runs: 0 })).toThrow(/1 to 10/);
  });
});
