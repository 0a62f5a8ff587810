import { describe, expect, it } from "vitest";
import { InputFileError } from "../inputs/csv-table.js";
import {
  DEFAULT_FUTURE_RATE,
  inflationFactor,
  inflationPath,
  parseRateList,
  rateFor,
  readInflationCsv,
} from "./inflation.js";

describe("inflation", () => {
  const path = inflationPath(
    parseRateList("7,9,4", 2025),
    new Map([["childrens_home", new Map([[2026, 12]])]]),
  );

  it("takes a category's own rate first, then the all-category rate, then the last rate given", () => {
    expect(rateFor(path, "childrens_home", 2026)).toEqual({ rate: 12, source: "given" });
    expect(rateFor(path, "inhouse_fostering", 2026)).toEqual({ rate: 9, source: "given" });
    // after the list ends the last rate goes on; the category's own rate for 2026 does not outlast
    // the general 4% given for 2027
    expect(rateFor(path, "inhouse_fostering", 2029)).toEqual({
      rate: 4,
      source: "given, last rate continued",
    });
    expect(rateFor(path, "childrens_home", 2027)).toEqual({ rate: 4, source: "given" });
    expect(rateFor(path, "childrens_home", 2028)).toEqual({ rate: 4, source: "given, last rate continued" });
    const only = inflationPath(new Map(), new Map([["childrens_home", new Map([[2026, 12]])]]));
    expect(rateFor(only, "childrens_home", 2028)).toEqual({ rate: 12, source: "given, last rate continued" });
    expect(rateFor(only, "adoption", 2028).source).toBe("default");
  });

  it("uses CPI for past years and the default for years nobody gave", () => {
    expect(rateFor(path, "secure", 2021)).toEqual({ rate: 7.0, source: "CPI" });
    expect(rateFor(inflationPath(), "secure", 2030)).toEqual({
      rate: DEFAULT_FUTURE_RATE,
      source: "default",
    });
  });

  it("compounds across years and deflates backwards", () => {
    // 2024 → 2027: × 1.07 × 1.09 × 1.04
    expect(inflationFactor(path, "agency_fostering", 2024, 2027)).toBeCloseTo(1.07 * 1.09 * 1.04, 12);
    expect(inflationFactor(path, "agency_fostering", 2027, 2024)).toBeCloseTo(1 / (1.07 * 1.09 * 1.04), 12);
    expect(inflationFactor(path, "agency_fostering", 2025, 2025)).toBe(1);
    // CPI to March 2022 (7.0%) and March 2023 (10.1%)
    expect(inflationFactor(path, "secure", 2020, 2022)).toBeCloseTo(1.07 * 1.101, 12);
  });

  it("refuses a rate list that is not numbers", () => {
    expect(() => parseRateList("7,,4", 2025)).toThrow(/item 2/);
    expect(() => parseRateList("seven", 2025)).toThrow(RangeError);
    expect(parseRateList("7%, 9%", 2025)).toEqual(
      new Map([
        [2025, 7],
        [2026, 9],
      ]),
    );
  });

  it("reads an inflation file, per category where given, and names a repeated year", () => {
    const p = readInflationCsv(
      "inf.csv",
      "year,rate,category\n2025/26,7,\n2026/27,9,all\n2026,11,childrens_home\n",
    );
    expect(rateFor(p, "childrens_home", 2026).rate).toBe(11);
    expect(rateFor(p, "adoption", 2026).rate).toBe(9);
    expect(() => readInflationCsv("inf.csv", "year,rate\n2025,7\n2025/26,8\n")).toThrow(
      "inf.csv, row 3, year: 2025/26 given twice",
    );
    expect(() => readInflationCsv("inf.csv", "year,rate\n2025,lots\n")).toThrow(
      "inf.csv, row 2, rate: must be a number",
    );
    expect(() => readInflationCsv("inf.csv", "year,rate,category\n2025,5,castles\n")).toThrow(InputFileError);
  });
});
