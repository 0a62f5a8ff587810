import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { actualCostEntries, readActualCostsCsv, summariseActualCosts } from "./actual-costs.js";

const CSV = [
  "child,category,provider,start,end,weekly_cost",
  // 14 days, 7 each side of 1 April 2024, at £7,000 a week
  "a,childrens_home,agency,25/03/2024,08/04/2024,7000",
  // still placed: 14 days to 15 April 2024, at £14,000 a week (the high-cost tail)
  "b,childrens_home,agency,2024-04-01,,14000",
  // 7 days at £3,500
  "c,childrens_home,agency,01/04/2024,08/04/2024,3500",
  "a,inhouse_fostering,inhouse,08/04/2024,15/04/2024,700",
].join("\n");

describe("actual costs", () => {
  it("summarises each category and provider: day-weighted average, median, 90th percentile, maximum, tail", () => {
    const s = summariseActualCosts(readActualCostsCsv("actual.csv", CSV), dayFromYMD(2024, 4, 15));
    const homes = s.groups.find((g) => g.category === "childrens_home")!;
    // 35 days = 5 weeks; spend 2 × 7,000 + 2 × 14,000 + 1 × 3,500 = 45,500
    expect(homes).toEqual({
      category: "childrens_home",
      provider: "agency",
      placements: 3,
      children: 3,
      childWeeks: 5,
      averageWeekly: 9100,
      medianWeekly: 7000,
      p90Weekly: 12600, // 7,000 + 0.8 × 7,000
      maxWeekly: 14000,
      highCost: 1,
      highCostSpendShare: 0.62, // 28,000 ÷ 45,500
    });
    // 2023/24: 7 days of child a; 2024/25: 7 + 14 + 7 days, spend 7,000 + 28,000 + 3,500 over 4 weeks
    expect(s.byYear.filter((y) => y.category === "childrens_home")).toEqual([
      {
        year: "2023/24",
        category: "childrens_home",
        provider: "agency",
        childWeeks: 1,
        averageWeekly: 7000,
        spend: 7000,
      },
      {
        year: "2024/25",
        category: "childrens_home",
        provider: "agency",
        childWeeks: 4,
        averageWeekly: 9625,
        spend: 38500,
      },
    ]);
    const entries = actualCostEntries(s);
    expect(entries.map((e) => [e.category, e.provider, e.year, e.weekly, e.origin])).toEqual([
      ["childrens_home", "agency", 2023, 7000, "actual"],
      ["childrens_home", "agency", 2024, 9625, "actual"],
      ["inhouse_fostering", "inhouse", 2024, 700, "actual"],
    ]);
    expect(entries[1]!.source).toContain("council's actual costs, 2024/25");
  });

  it("names the file, row, field and rule of a bad row", () => {
    const bad = (row: string) => () =>
      readActualCostsCsv("actual.csv", `child,category,provider,start,end,weekly_cost\n${row}\n`);
    expect(bad("a,childrens_home,agency,08/04/2024,01/04/2024,7000")).toThrow(
      "actual.csv, row 2, end: must not be before the start date",
    );
    expect(bad("a,childrens_home,agency,31/02/2024,,7000")).toThrow(
      "actual.csv, row 2, start: must be a date",
    );
    expect(bad("a,childrens_home,agency,,,7000")).toThrow(
      "actual.csv, row 2, start: the start date must not be blank",
    );
    expect(bad(",childrens_home,agency,01/04/2024,,7000")).toThrow(
      "actual.csv, row 2, child: must not be blank",
    );
    expect(bad("a,castle,agency,01/04/2024,,7000")).toThrow("actual.csv, row 2, category");
  });
});
