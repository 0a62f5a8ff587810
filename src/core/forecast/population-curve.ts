/**
 * The children's population as a function of the day: mid-year figures
 * (1 July) joined by straight lines, flat before the first year and after
 * the last. Entry rates are per child-year of this curve.
 */
import { dayFromYMD } from "../dates.js";
import type { Population } from "../inputs/population.js";

export const DAYS_PER_YEAR = 365.25;

export class PopulationCurve {
  readonly years: number[];
  private readonly mids: Float64Array;
  private readonly values: Float64Array;

  constructor(pop: Population) {
    this.years = [...pop.byYear.keys()].sort((a, b) => a - b);
    if (this.years.length === 0) throw new RangeError("the population file has no years");
    this.mids = new Float64Array(this.years.map((y) => dayFromYMD(y, 7, 1)));
    this.values = new Float64Array(this.years.length * 18);
    this.years.forEach((y, i) => {
      const ages = pop.byYear.get(y)!;
      for (let a = 0; a < 18; a++) this.values[i * 18 + a] = ages[a] ?? 0;
    });
  }

  /** First and last day the figures cover without holding a year flat. */
  get firstMid(): number {
    return this.mids[0]!;
  }
  get lastMid(): number {
    return this.mids[this.mids.length - 1]!;
  }

  /** Children of a single year of age (0–17) on a day. */
  at(day: number, age: number): number {
    const mids = this.mids;
    const n = mids.length;
    if (day <= mids[0]!) return this.values[age]!;
    if (day >= mids[n - 1]!) return this.values[(n - 1) * 18 + age]!;
    let i = 0;
    while (mids[i + 1]! < day) i++;
    const w = (day - mids[i]!) / (mids[i + 1]! - mids[i]!);
    return this.values[i * 18 + age]! * (1 - w) + this.values[(i + 1) * 18 + age]! * w;
  }

  /** Child-years lived by one year of age over the days [from, to), to the day. */
  childYears(from: number, to: number, age: number): number {
    let s = 0;
    for (let d = from; d < to; d++) s += this.at(d + 0.5, age);
    return s / DAYS_PER_YEAR;
  }
}
