import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { DEFAULT_AGE_GROUPS } from "./ages.js";
import { DEFAULT_CATEGORIES } from "./categories.js";
import { meanParams } from "./parameters.js";
import { DAYS_PER_YEAR } from "./population-curve.js";
import { newBuffers, newWork, projectExpected, shapeOf } from "./project.js";
import { compileScenario, parseScenarios, type Scenario } from "./scenario.js";
import { toyModel } from "./test-support/toy.js";

describe("scenario files", () => {
  it("read one scenario or a list", () => {
    const one = parseScenarios({
      name: "Prevention",
      changes: [{ type: "entries", multiply: 0.9, ages: [0, 4] }],
    });
    expect(one).toHaveLength(1);
    const two = parseScenarios({
      scenarios: [
        {
          name: "Step-down",
          changes: [
            { type: "transition", source: "childrens_home", target: "inhouse_fostering", multiply: 1.5 },
          ],
        },
        { name: "UASC", changes: [{ type: "uasc", perYear: 20, start: "2025-04-01" }] },
      ],
    });
    expect(two.map((s) => s.name)).toEqual(["Step-down", "UASC"]);
  });

  it("name the field at fault", () => {
    const bad = (json: unknown) => {
      try {
        parseScenarios(json);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    };
    expect(bad({ name: "x", changes: [{ type: "entries", multiply: -1 }] })).toMatch(
      /^changes\.0\.multiply: must not be negative/,
    );
    expect(bad({ name: "x", changes: [{ type: "entries", multiply: 1, start: "31/02/2025" }] })).toMatch(
      /^changes\.0\.start: must be a date/,
    );
    expect(bad({ name: "x", changes: [{ type: "exit", group: "home", multiply: 2 }] })).toMatch(
      /^changes\.0\.group/,
    );
    expect(bad({ name: "x", changes: [{ type: "entries" }] })).toBe("changes.0: give multiply or add");
    expect(bad({ name: "", changes: [{ type: "entries", add: 1 }] })).toMatch(/^name: must not be blank/);
  });

  it("check categories and age ranges against the model", () => {
    const { model, grid } = toyModel({ ab: 1, aExit: 1, bExit: 1, a0: 1, b0: 1 });
    const compile = (s: Scenario) =>
      compileScenario(s, grid, DEFAULT_CATEGORIES, DEFAULT_AGE_GROUPS, 1, model.D);
    expect(() =>
      compile({
        name: "x",
        changes: [{ type: "transition", source: "kennel", target: "adoption", multiply: 2 }],
      }),
    ).toThrow("changes.0.source: 'kennel' is not a category");
    expect(() => compile({ name: "x", changes: [{ type: "entries", multiply: 2, ages: [3, 7] }] })).toThrow(
      /changes\.0\.ages: \[3, 7\] does not match the age groups \(under 1, 1-4, 5-9/,
    );
    expect(() =>
      compile({ name: "x", changes: [{ type: "entries", multiply: 2, ages: [1, 9] }] }),
    ).not.toThrow();
  });
});

describe("scenario effects", () => {
  const base = { ab: 0.5, aExit: 0.5, bExit: 1, a0: 100, b0: 50, years: 3 };
  function run(s?: Scenario) {
    const { model, grid } = toyModel(base);
    const out = newBuffers(shapeOf(model, grid));
    const sc = s
      ? compileScenario(s, grid, model.categories, model.groups, model.NB, model.D)
      : compileScenario(
          { name: "base", changes: [{ type: "entries", multiply: 1 }] },
          grid,
          model.categories,
          model.groups,
          model.NB,
          model.D,
        );
    projectExpected(model, grid, meanParams(model, grid), sc, newWork(model), out);
    return { out, W: shapeOf(model, grid).W, grid };
  }

  it("change a transition: doubling a → b doubles the flow into b at first", () => {
    const b0 = run();
    const b1 = run({
      name: "more",
      changes: [{ type: "transition", source: "a", target: "b", multiply: 2 }],
    });
    // After one month: n_a = 100 e^{-(α+β)t}; with α doubled the total rate out of a is 1.5 instead of 1.
    const t = 1 / 12;
    expect(b0.out.series[1 * b0.W + 1]).toBeCloseTo(100 * Math.exp(-1 * t), 8);
    expect(b1.out.series[1 * b1.W + 1]).toBeCloseTo(100 * Math.exp(-1.5 * t), 8);
  });

  it("take effect from their start date, and add to a rate", () => {
    const start = dayFromYMD(2023, 4, 1); // one year in
    const s = run({
      name: "reunify",
      changes: [{ type: "exit", group: "returned_home", category: "a", add: 0.5, start: "2023-04-01" }],
    });
    const b = run();
    for (let k = 0; k <= 12; k++) expect(s.out.series[k * s.W]).toBeCloseTo(b.out.series[k * b.W]!, 9);
    expect(s.out.series[13 * s.W + 1]!).toBeLessThan(b.out.series[13 * b.W + 1]!);
    // In the 13th month a's rate out is 1.5 instead of 1: n_a(13) = n_a(12)·e^{−1.5/12}.
    expect(s.out.series[13 * s.W + 1]! / s.out.series[12 * s.W + 1]!).toBeCloseTo(Math.exp(-1.5 / 12), 9);
    // The first month it applies to is the one ending 30 April 2023 (step 12; series point 13).
    expect(s.grid.ends[11]! < start && s.grid.ends[12]! >= start).toBe(true);
    expect(DAYS_PER_YEAR).toBe(365.25);
  });
});
