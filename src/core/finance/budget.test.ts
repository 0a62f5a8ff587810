import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareBudgets, projectBudget, runTotals, unitCostsFor } from "./budget.js";
import { type CostEntry, defaultCostTable, overlayCosts } from "./cost-table.js";
import { inflationPath } from "./inflation.js";
import { quantileSorted, spread } from "./percentiles.js";
import { defaultProviderMix } from "./provider-mix.js";
import type { RunDays } from "./run-days.js";
import { reachInHouseShare, shiftPlacements } from "./scenarios.js";

const entry = (
  category: CostEntry["category"],
  provider: CostEntry["provider"],
  weekly: number,
): CostEntry => ({
  category,
  provider,
  year: 2025,
  weekly,
  source: "test",
  origin: "given",
});

// In-house fostering £700 a week (£100 a day); children's homes £2,100 (£300 a day), all agency.
const mix = defaultProviderMix().mix;
mix.childrens_home = { agency: 1 };
const costing = {
  table: overlayCosts(defaultCostTable(), [
    entry("inhouse_fostering", "inhouse", 700),
    entry("childrens_home", "agency", 2100),
  ]),
  inflation: inflationPath(new Map([[2026, 10]])),
  mix,
};

/** Three runs, two years; child-days (A = in-house fostering, B = children's homes): */
const runs: RunDays = {
  years: ["2025/26", "2026/27"],
  categories: ["inhouse_fostering", "childrens_home"],
  values: [
    // run 1: A 10, B 5 → £1,000 + £1,500 = £2,500
    10, 5, 10, 5,
    // run 2: A 0, B 10 → £3,000
    0, 10, 0, 10,
    // run 3: A 5, B 0 → £500
    5, 0, 5, 0,
  ],
};

describe("the budget", () => {
  it("costs each run, then takes percentiles of the runs' totals", () => {
    const costs = unitCostsFor(runs, costing);
    expect(Array.from(runTotals(runs, costs))).toEqual(
      [2500, 2750, 3000, 3300, 500, 550].map((x) => expect.closeTo(x, 9)),
    );
    const b = projectBudget({ runDays: runs }, costing);
    expect(b.runs).toBe(3);
    // Totals 500, 2,500, 3,000: the median is run 1's £2,500. Costing each category's median
    // (A 5, B 5) would give 5 × 100 + 5 × 300 = £2,000, a run that never happened.
    expect(b.years[0]!.runs!.p50).toBe(2500);
    expect(5 * 100 + 5 * 300).not.toBe(b.years[0]!.runs!.p50);
    expect(b.years[0]!.runs!.mean).toBe(2000);
    // type 7: p5 at h = 0.1 between 500 and 2,500; p95 at h = 1.9 between 2,500 and 3,000
    expect(b.years[0]!.runs!.p5).toBe(700);
    expect(b.years[0]!.runs!.p95).toBe(2950);
    // 10% inflation in 2026/27
    expect(b.years[1]!.runs!.p50).toBe(2750);
    expect(b.years[0]!.expected).toBeNull();
  });

  it("gives the expected path's cost and child-weeks by category", () => {
    const expected: RunDays = {
      years: ["2025/26"],
      categories: ["inhouse_fostering", "childrens_home", "other"],
      values: [730, 365, 70],
    };
    const b = projectBudget({ expectedDays: expected }, costing);
    expect(b.years[0]!.expected).toEqual({
      total: 730 * 100 + 365 * 300,
      byCategory: {
        inhouse_fostering: { childWeeks: 104.3, children: 2, cost: 73000 },
        childrens_home: { childWeeks: 52.1, children: 1, cost: 109500 },
        other: { childWeeks: 10, children: 0.2, cost: null },
      },
      uncostedChildWeeks: 10,
    });
    expect(b.runs).toBe(0);
    expect(b.notes.join(" ")).toContain("No weekly cost for Other placements");
  });

  it("takes a scenario's saving run by run, not as a difference of percentiles", () => {
    const scenario: RunDays = {
      ...runs,
      // run 1: A 12, B 3 → £2,100 (saves 400); run 2: A 5, B 5 → £2,000 (saves 1,000); run 3 unchanged (saves 0)
      values: [12, 3, 12, 3, 5, 5, 5, 5, 5, 0, 5, 0],
    };
    const c = compareBudgets("test", { runDays: runs, expectedDays: runs }, { runDays: scenario }, costing);
    expect(c.years[0]!.saving!.p50).toBe(400);
    // the difference of the medians would say 2,500 − 2,000 = 500
    expect(c.years[0]!.saving!.mean).toBeCloseTo(1400 / 3, 0);
    expect(c.years[0]!.saving!.p5).toBe(40);
    expect(c.years[0]!.expected).toBeNull();
    const mismatched = compareBudgets(
      "x",
      { runDays: runs },
      { runDays: { ...runs, values: Array.from(runs.values).slice(0, 8) } },
      costing,
    );
    expect(mismatched.years[0]!.saving).toBeNull();
    expect(mismatched.notes[0]).toContain("cannot be paired");
  });

  it("warns when the runs and the expected path disagree", () => {
    // The runs cost £2,000 on average in 2025/26. An expected path of A 6, B 6 costs £2,400
    // (the runs' mean is 17% below it); one of A 20, B 10 costs £5,000 (60% below).
    const near = projectBudget({ runDays: runs, expectedDays: { ...runs, values: [6, 6, 6, 6] } }, costing);
    expect(near.notes.join(" ")).not.toContain("disagree");
    expect(near.runsAgree).toBe(true);
    const far = projectBudget(
      { runDays: runs, expectedDays: { ...runs, values: [20, 10, 20, 10] } },
      costing,
    );
    expect(far.notes.join(" ")).toContain("runs and its expected path disagree");
    expect(far.runsAgree).toBe(false);
    expect(projectBudget({ runDays: runs }, costing).runsAgree).toBeNull();
  });

  it("refuses days that do not fill whole runs", () => {
    expect(() => projectBudget({ runDays: { ...runs, values: [1, 2, 3] } }, costing)).toThrow(/whole runs/);
    expect(() => projectBudget({ runDays: { ...runs, years: ["2025", "next"] } }, costing)).toThrow(
      /not a financial year/,
    );
  });
});

describe("percentiles", () => {
  it("interpolate between order statistics (type 7)", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10], 0.95)).toBe(10);
    expect(Number.isNaN(quantileSorted([], 0.5))).toBe(true);
    expect(spread([3, 1, 2])).toEqual({ mean: 2, p5: 1.1, p25: 1.5, p50: 2, p75: 2.5, p95: 2.9 });
  });

  it("lie between the smallest and largest value and rise with p", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (xs) => {
          const s = spread(xs);
          const lo = Math.min(...xs);
          const hi = Math.max(...xs);
          const order = [s.p5, s.p25, s.p50, s.p75, s.p95];
          return order.every(
            (v, i) => v >= lo - 1e-6 && v <= hi + 1e-6 && (i === 0 || v >= order[i - 1]! - 1e-9),
          );
        },
      ),
    );
  });
});

describe("placement scenarios", () => {
  const days: RunDays = {
    years: ["2027/28"],
    categories: ["inhouse_fostering", "agency_fostering", "childrens_home"],
    values: [200, 800, 500, 100, 100, 200],
  };

  it("moves whole placements' days (366 in a leap year), never more than the category holds", () => {
    const moved = shiftPlacements(days, { from: "childrens_home", to: "inhouse_fostering", placements: 1 });
    expect(Array.from(moved.values)).toEqual([566, 800, 134, 300, 100, 0]);
    expect(Array.from(days.values as number[])).toEqual([200, 800, 500, 100, 100, 200]);
    expect(() => shiftPlacements(days, { from: "secure", to: "inhouse_fostering", placements: 1 })).toThrow(
      /no category/,
    );
  });

  it("brings agency fostering in-house up to a share of the two", () => {
    const shared = reachInHouseShare(days, 0.8);
    // run 1: 1,000 days, in-house to 800; run 2: 200 days, in-house to 160
    expect(Array.from(shared.values)).toEqual([800, 200, 500, 160, 40, 200]);
    // already above the share: unchanged
    expect(Array.from(reachInHouseShare(days, 0.1).values)).toEqual([200, 800, 500, 100, 100, 200]);
  });
});
