import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import {
  daysInFinancialYear,
  financialYearOf,
  parseFinancialYear,
  splitByFinancialYear,
} from "./financial-years.js";

describe("financial years", () => {
  it("reads the written forms of a financial year and refuses others", () => {
    expect(parseFinancialYear("2025/26")).toBe(2025);
    expect(parseFinancialYear("2025-26")).toBe(2025);
    expect(parseFinancialYear("2025/2026")).toBe(2025);
    expect(parseFinancialYear(" 2025 ")).toBe(2025);
    expect(parseFinancialYear("2025/27")).toBeUndefined();
    expect(parseFinancialYear("25/26")).toBeUndefined();
    expect(parseFinancialYear("")).toBeUndefined();
  });

  it("counts 366 days in a year holding 29 February", () => {
    expect(daysInFinancialYear(2025)).toBe(365);
    expect(daysInFinancialYear(2027)).toBe(366); // 29/02/2028
    expect(daysInFinancialYear(2023)).toBe(366); // 29/02/2024
  });

  it("splits a stay at 1 April: 25 March to 10 April is 7 days in one year and 9 in the next", () => {
    const parts = splitByFinancialYear(dayFromYMD(2025, 3, 25), dayFromYMD(2025, 4, 10));
    expect(parts).toEqual([
      { year: 2024, days: 7 },
      { year: 2025, days: 9 },
    ]);
    expect(splitByFinancialYear(dayFromYMD(2025, 4, 10), dayFromYMD(2025, 4, 10))).toEqual([]);
    expect(financialYearOf(dayFromYMD(2026, 3, 31))).toBe(2025);
    expect(financialYearOf(dayFromYMD(2026, 4, 1))).toBe(2026);
  });

  it("splits a stay over three years into parts that add up to the stay", () => {
    const from = dayFromYMD(2023, 10, 1);
    const to = dayFromYMD(2025, 6, 1);
    const parts = splitByFinancialYear(from, to);
    expect(parts.map((p) => p.year)).toEqual([2023, 2024, 2025]);
    // 1 Oct 2023 to 1 Apr 2024: Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 29 + Mar 31 = 183
    expect(parts[0]!.days).toBe(183);
    expect(parts[1]!.days).toBe(365);
    expect(parts[2]!.days).toBe(61); // April 30 + May 31
    expect(parts.reduce((s, p) => s + p.days, 0)).toBe(to - from);
  });
});
