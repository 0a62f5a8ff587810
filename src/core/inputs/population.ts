import { z } from "zod";
import { InputFileError, intField, numberField, readCsvTable } from "./csv-table.js";

/** Children's population by year and single year of age 0–17 (ONS mid-year estimates and projections). */
export interface Population {
  /** population[year][age] */
  byYear: Map<number, number[]>;
}

const Row = z.object({
  year: intField(1990, 2100, "a year"),
  age: intField(0, 17, "an age"),
  population: numberField().pipe(z.number().nonnegative("must not be negative")),
});

/** Reads `year,age,population`; every year given must have all ages 0–17 exactly once. */
export function readPopulation(file: string, text: string): Population {
  const rows = readCsvTable(file, text, Row);
  const byYear = new Map<number, number[]>();
  const problems = [];
  for (const [i, r] of rows.entries()) {
    let ages = byYear.get(r.year);
    if (!ages) {
      ages = new Array<number>(18).fill(Number.NaN);
      byYear.set(r.year, ages);
    }
    if (!Number.isNaN(ages[r.age]!))
      problems.push({ file, row: i + 2, field: "age", rule: `age ${r.age} given twice for ${r.year}` });
    ages[r.age] = r.population;
  }
  for (const [year, ages] of byYear) {
    const gaps = ages.map((p, a) => (Number.isNaN(p) ? a : -1)).filter((a) => a >= 0);
    if (gaps.length)
      problems.push({ file, field: "age", rule: `${year} is missing ages ${gaps.join(", ")}` });
  }
  if (problems.length) throw new InputFileError(problems);
  if (byYear.size === 0) throw new InputFileError([{ file, rule: "no population rows" }]);
  return { byYear };
}

/** Total aged 0–17 in a year, or undefined. */
export function total0to17(pop: Population, year: number): number | undefined {
  const ages = pop.byYear.get(year);
  return ages ? ages.reduce((a, b) => a + b, 0) : undefined;
}

/**
 * The population used for a rate at 31 March of `calendarYear`: the mid-year
 * estimate of the year before (mid-2021 for 31 March 2022), as DfE does; the
 * nearest year given when that one is missing, with a note saying so.
 */
export function populationFor31March(
  pop: Population,
  calendarYear: number,
): { year: number; total: number; note?: string } {
  const want = calendarYear - 1;
  const exact = total0to17(pop, want);
  if (exact !== undefined) return { year: want, total: exact };
  const years = [...pop.byYear.keys()].sort((a, b) => Math.abs(a - want) - Math.abs(b - want) || a - b);
  const y = years[0]!;
  return { year: y, total: total0to17(pop, y)!, note: `no mid-${want} population given; mid-${y} used` };
}
