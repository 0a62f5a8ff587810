import { describe, expect, it } from "vitest";
import { readForecastJson } from "./forecast-json.js";

const days = { years: ["2025/26", "2026/27"], categories: ["inhouse_fostering", "agency_fostering"] };

describe("reading a saved forecast", () => {
  it("reads runDays and expectedDays, with values as an array or as JSON makes a Float64Array", () => {
    const f64 = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const text = JSON.stringify({
      forecast: {
        runDays: { ...days, runs: 2, values: f64 },
        expectedDays: { ...days, values: [1, 2, 3, 4] },
        placementsNeeded: [
          { year: "2025/26", byCategory: { inhouse_fostering: { expected: 3, mean: 3.1, p5: 1 } } },
        ],
        scenarios: [
          { name: "prevention", expectedDays: { ...days, values: [0, 1, 2, 3] } },
          { name: "empty" },
        ],
      },
    });
    const f = readForecastJson("f.json", text);
    expect(Array.from(f.runDays!.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(f.expectedDays!.values)).toEqual([1, 2, 3, 4]);
    expect(f.scenarios.map((s) => s.name)).toEqual(["prevention"]);
    expect(f.placementsNeeded![0]!.byCategory.inhouse_fostering).toEqual({ expected: 3, mean: 3.1 });
  });

  it("names the file and the problem", () => {
    expect(() => readForecastJson("f.json", "{")).toThrow(/^f\.json: not JSON/);
    expect(() => readForecastJson("f.json", JSON.stringify({ runs: 3 }))).toThrow(
      "f.json: no runDays or expectedDays",
    );
    expect(() =>
      readForecastJson("f.json", JSON.stringify({ expectedDays: { ...days, values: [1, 2, 3] } })),
    ).toThrow(
      "f.json, expectedDays: forecast days: 3 values do not fill whole runs of 2 years × 2 categories",
    );
    expect(() =>
      readForecastJson(
        "f.json",
        JSON.stringify({ expectedDays: { ...days, years: ["next year"], values: [1, 2] } }),
      ),
    ).toThrow("f.json, expectedDays: forecast days: 'next year' is not a financial year like 2025/26");
    expect(() =>
      readForecastJson("f.json", JSON.stringify({ expectedDays: { ...days, values: "lots" } })),
    ).toThrow(/f\.json, expectedDays\.values/);
  });
});
