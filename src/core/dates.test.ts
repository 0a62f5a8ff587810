import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  ageOn,
  birthday,
  dayFromYMD,
  formatISO,
  formatLong,
  formatUK,
  monthEnd,
  monthEnds,
  parseDate,
  ymdFromDay,
} from "./dates.js";

describe("day numbers", () => {
  it("counts days from 1970-01-01", () => {
    expect(dayFromYMD(1970, 1, 1)).toBe(0);
    expect(dayFromYMD(1970, 1, 2)).toBe(1);
    expect(dayFromYMD(1969, 12, 31)).toBe(-1);
    // 2000-03-01: 30 years of days (7 leap years 1972..1996) + Jan 31 + Feb 29 (2000 is leap)
    expect(dayFromYMD(2000, 3, 1)).toBe(30 * 365 + 7 + 31 + 29);
    expect(Date.UTC(2024, 1, 29) / 86_400_000).toBe(dayFromYMD(2024, 2, 29));
  });

  it("round-trips every day between 1900 and 2100 (checked against Date.UTC)", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYMD(1900, 1, 1), max: dayFromYMD(2100, 12, 31) }), (day) => {
        const { y, m, d } = ymdFromDay(day);
        const js = new Date(day * 86_400_000);
        expect([y, m, d]).toEqual([js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()]);
        expect(dayFromYMD(y, m, d)).toBe(day);
      }),
    );
  });
});

describe("parseDate", () => {
  it("reads DD/MM/YYYY, D/M/YYYY and ISO dates", () => {
    const d = dayFromYMD(2019, 4, 1);
    expect(parseDate("01/04/2019")).toBe(d);
    expect(parseDate("1/4/2019")).toBe(d);
    expect(parseDate(" 01/04/2019 ")).toBe(d);
    expect(parseDate("2019-04-01")).toBe(d);
    expect(parseDate("01/04/2019 00:00")).toBe(d);
    expect(parseDate("2019-04-01T00:00:00")).toBe(d);
    expect(parseDate("01-04-2019")).toBe(d);
  });

  it("tells blank (null) from unreadable (NaN)", () => {
    expect(parseDate("")).toBeNull();
    expect(parseDate("   ")).toBeNull();
    for (const bad of [
      "31/02/2020",
      "29/02/2019",
      "00/01/2020",
      "01/13/2020",
      "01/01/19",
      "tomorrow",
      "2020-02-30",
      "01/01/1850",
    ]) {
      expect(parseDate(bad), bad).toBeNaN();
    }
    expect(parseDate("29/02/2020")).toBe(dayFromYMD(2020, 2, 29));
  });
});

describe("ages and birthdays", () => {
  const dob = dayFromYMD(2008, 5, 10);
  it("counts whole years, the birthday itself included", () => {
    expect(ageOn(dob, dayFromYMD(2026, 5, 9))).toBe(17);
    expect(ageOn(dob, dayFromYMD(2026, 5, 10))).toBe(18);
    expect(ageOn(dob, dob)).toBe(0);
    expect(birthday(dob, 18)).toBe(dayFromYMD(2026, 5, 10));
  });
  it("puts a 29 February birthday on 1 March in other years", () => {
    const leap = dayFromYMD(2008, 2, 29);
    expect(birthday(leap, 1)).toBe(dayFromYMD(2009, 3, 1));
    expect(birthday(leap, 4)).toBe(dayFromYMD(2012, 2, 29));
    expect(ageOn(leap, dayFromYMD(2009, 2, 28))).toBe(0);
    expect(ageOn(leap, dayFromYMD(2009, 3, 1))).toBe(1);
  });
  it("agrees with birthday() for any date of birth", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromYMD(1990, 1, 1), max: dayFromYMD(2025, 12, 31) }),
        fc.integer({ min: 0, max: 25 }),
        (b, n) => {
          const bd = birthday(b, n);
          expect(ageOn(b, bd)).toBe(n);
          expect(ageOn(b, bd - 1)).toBe(n - 1 < 0 ? -1 : n - 1);
        },
      ),
    );
  });
});

describe("months and formatting", () => {
  it("finds month ends", () => {
    expect(formatISO(monthEnd(dayFromYMD(2024, 2, 3)))).toBe("2024-02-29");
    expect(monthEnds(dayFromYMD(2019, 11, 15), dayFromYMD(2020, 2, 1)).map(formatISO)).toEqual([
      "2019-11-30",
      "2019-12-31",
      "2020-01-31",
      "2020-02-29",
    ]);
  });
  it("adds months, clamping to the month's length", () => {
    expect(formatISO(addMonths(dayFromYMD(2019, 1, 31), 1))).toBe("2019-02-28");
    expect(formatISO(addMonths(dayFromYMD(2019, 11, 30), 3))).toBe("2020-02-29");
    expect(formatISO(addMonths(dayFromYMD(2019, 3, 31), -12))).toBe("2018-03-31");
  });
  it("formats in ISO, DfE and sentence form", () => {
    expect(formatLong(dayFromYMD(2022, 3, 31))).toBe("31 March 2022");
    expect(formatLong(dayFromYMD(2019, 12, 1))).toBe("1 December 2019");
    expect(formatUK(dayFromYMD(2019, 4, 1))).toBe("01/04/2019");
    expect(formatISO(dayFromYMD(2019, 4, 1))).toBe("2019-04-01");
  });
});
