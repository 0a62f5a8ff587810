import { describe, expect, it } from "vitest";
import { readComparators } from "./comparators.js";
import { InputFileError } from "./csv-table.js";
import { populationFor31March, readPopulation, total0to17 } from "./population.js";
import { buildLookup, milesBetween, readPostcodes, sectorOf } from "./postcodes.js";

const pop = (rows: string[]) => ["year,age,population", ...rows].join("\n");
const fullYear = (year: number, each = 100) => Array.from({ length: 18 }, (_, a) => `${year},${a},${each}`);

function problems(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof InputFileError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputFileError");
}

describe("population file", () => {
  it("reads single years of age and totals them", () => {
    const p = readPopulation("pop.csv", pop([...fullYear(2021), ...fullYear(2022, 110)]));
    expect(total0to17(p, 2021)).toBe(1800);
    expect(populationFor31March(p, 2022)).toEqual({ year: 2021, total: 1800 });
    expect(populationFor31March(p, 2030)).toMatchObject({
      year: 2022,
      note: "no mid-2029 population given; mid-2022 used",
    });
  });
  it("names file, row and field of each problem", () => {
    const rows = fullYear(2021);
    rows[3] = "2021,3,lots";
    rows[5] = "2021,19,5";
    const ps = problems(() => readPopulation("pop.csv", pop(rows)));
    expect(ps[0]).toEqual({ file: "pop.csv", row: 5, field: "population", rule: "must be a number" });
    expect(ps[1]).toMatchObject({
      file: "pop.csv",
      row: 7,
      field: "age",
      rule: "must be an age from 0 to 17",
    });
    expect(() => readPopulation("pop.csv", pop(rows))).toThrow(
      /^pop\.csv, row 5, population: must be a number \(and 1 more problems\)$/,
    );
  });
  it("refuses missing ages, repeated ages and missing columns", () => {
    expect(problems(() => readPopulation("p.csv", pop(fullYear(2021).slice(1))))[0]!.rule).toBe(
      "2021 is missing ages 0",
    );
    expect(problems(() => readPopulation("p.csv", pop([...fullYear(2021), "2021,4,1"])))[0]!.rule).toBe(
      "age 4 given twice for 2021",
    );
    expect(problems(() => readPopulation("p.csv", "year,population\n2021,5"))[0]!.rule).toBe(
      "missing column(s) age",
    );
  });
});

describe("comparators file", () => {
  it("reads area, year, measure and value", () => {
    expect(readComparators("c.csv", "Area,Year,Measure,Value\nEngland,2022,cla_rate_per_10k,70\n")).toEqual([
      { area: "England", year: 2022, measure: "cla_rate_per_10k", value: 70 },
    ]);
    expect(
      problems(() => readComparators("c.csv", "area,year,measure,value\nEngland,2022,x,\n"))[0],
    ).toMatchObject({
      row: 2,
      field: "value",
    });
  });
});

describe("postcode lookup", () => {
  it("accepts ONS column names and finds postcodes with or without spaces", () => {
    const l = readPostcodes(
      "pc.csv",
      "pcds,oseast1m,osnrth1m,oslaua\nAB1 2CD,400000,800000,S12000033\nAB1 2EF,400600,800800,S12000033\n",
    );
    expect(l.find("ab12cd")).toEqual({
      easting: 400000,
      northing: 800000,
      la: "S12000033",
      approximate: false,
    });
    expect(l.find("AB1 2")).toEqual({
      easting: 400300,
      northing: 800400,
      la: "S12000033",
      approximate: true,
    });
    expect(l.find("AB1 2ZZ")!.approximate).toBe(true); // unknown postcode: its sector's centroid
    expect(l.find("ZZ9 9ZZ")).toBeUndefined();
  });
  it("measures straight-line miles to one decimal place", () => {
    const l = buildLookup([
      { postcode: "A1 1AA", easting: 0, northing: 0, la: "" },
      { postcode: "B1 1AA", easting: 30_000, northing: 40_000, la: "" },
    ]);
    expect(milesBetween(l.find("A1 1AA")!, l.find("B1 1AA")!)).toBe(31.1); // 50 km
    expect(sectorOf("sw1a1aa")).toBe("SW1A 1");
  });
});
