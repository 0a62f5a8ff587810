import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { defaultCostTable } from "./cost-table.js";
import { costsReport } from "./costs-report.js";
import { inflationPath } from "./inflation.js";

describe("the costs report", () => {
  it("lets actual costs replace the table, and lists where each year's inflation comes from", () => {
    const expectedDays = { years: ["2025/26"], categories: ["agency_fostering"], values: [365] };
    const report = costsReport({
      table: defaultCostTable(),
      inflation: inflationPath(new Map([[2025, 5]])),
      forecast: { expectedDays },
      actual: {
        rows: [
          {
            child: "x",
            category: "agency_fostering",
            provider: "agency",
            start: dayFromYMD(2024, 4, 1),
            end: null,
            weekly: 1000,
          },
        ],
        asOf: dayFromYMD(2025, 4, 1),
      },
    });
    // The council's £1,000 a week in 2024/25, 5% more in 2025/26, for one child all year.
    expect(report.budget!.years[0]!.expected!.total).toBe(Math.round(1000 * 1.05 * (365 / 7)));
    expect(report.costTable.filter((e) => e.category === "agency_fostering").map((e) => e.origin)).toEqual([
      "actual",
    ]);
    expect(report.inflation).toEqual([{ year: "2025/26", rate: 5, source: "given", byCategory: {} }]);
    expect(report.notes.join(" ")).toContain("actual costs replace the cost table");
    expect(report.historic).toBeNull();
  });
});
