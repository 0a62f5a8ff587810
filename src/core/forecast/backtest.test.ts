/**
 * The accuracy targets, tested on generated councils whose process
 * is known and stable (docs/synthetic-data.md): the median error of the
 * three-year-ahead total under 5%, and the 90% and 50% intervals holding
 * 85–95% and 40–60% of the actual numbers. A statistical test with fixed
 * seeds: six councils of about 600 children, every 31 March from 2018 to
 * 2025 as an origin, one to three years ahead as far as the data go (126
 * comparisons), 120 runs each (with 120 runs a perfect model's 90% interval
 * holds about 88.5% of new values: the interval between order statistics).
 */
import { describe, expect, it } from "vitest";
import { readPopulation } from "../inputs/population.js";
import { rebuildHistory } from "../ssda903/history.js";
import { generateCouncil } from "../synthetic/index.js";
import { filesOf, readBack } from "../synthetic/test-helpers.js";
import { backtestOrigins, backtestSegments, type Comparison } from "./backtest.js";
import { PopulationCurve } from "./population-curve.js";
import { buildSegments } from "./segments.js";

function council(seed: number) {
  const files = filesOf(generateCouncil({ from: 2015, to: 2025, childrenInCare: 600, seed }));
  const seg = buildSegments(rebuildHistory(readBack(files).data));
  const pop = new PopulationCurve(readPopulation("population.csv", files.get("population.csv")!));
  return { seg, pop };
}

describe("backtest on generated councils", () => {
  it("meets the accuracy and coverage targets, and reports the trend method beside", () => {
    const markov: Comparison[][] = [[], [], []];
    const trend: Comparison[][] = [[], [], []];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { seg, pop } = council(seed);
      expect(backtestOrigins(seg, 3, false).length).toBe(8); // 31 March 2018 … 2025
      const bt = backtestSegments(seg, pop, { horizonYears: 3, runs: 120, seed: 1 });
      for (const o of bt.origins) {
        for (const h of o.horizons) (o.method === "markov" ? markov : trend)[h.years - 1]!.push(h.total);
      }
      expect(bt.byHorizon.trend[0]!.coverage90).toBeNull();
    }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
    };
    const all = markov.flat();
    const share = (key: "in50" | "in90") => all.filter((c) => c[key]).length / all.length;
    expect(all.length).toBe(6 * (8 + 7 + 6));
    expect(median(markov[2]!.map((c) => Math.abs(c.pctError)))).toBeLessThan(5);
    expect(share("in90")).toBeGreaterThanOrEqual(0.85);
    expect(share("in90")).toBeLessThanOrEqual(0.95);
    expect(share("in50")).toBeGreaterThanOrEqual(0.4);
    expect(share("in50")).toBeLessThanOrEqual(0.6);
    // Both methods are compared on the same dates.
    expect(trend.flat().length).toBe(all.length);
  });
});
