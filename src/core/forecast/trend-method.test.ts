import { describe, expect, it } from "vitest";
import { addMonths, dayFromYMD, monthEnd } from "../dates.js";
import type { Population } from "../inputs/population.js";
import { REPORT_BANDS } from "./ages.js";
import { DEFAULT_CATEGORIES } from "./categories.js";
import { DAYS_PER_YEAR, PopulationCurve } from "./population-curve.js";
import { END_OPEN, type Segments } from "./segments.js";
import { trendMethod } from "./trend-method.js";

/** Children in care on [start, end), in-house, aged 6 at the start (band 5–9). */
function inCare(list: Array<{ start: number; end: number }>): Segments {
  const n = list.length;
  const dob = dayFromYMD(2015, 6, 1);
  return {
    n,
    categories: DEFAULT_CATEGORIES,
    dob: new Float64Array(n).fill(dob),
    b18: new Float64Array(n).fill(addMonths(dob, 216)),
    start: Float64Array.from(list.map((x) => x.start)),
    periodStart: Float64Array.from(list.map((x) => x.start)),
    end: Float64Array.from(list.map((x) => x.end)),
    cat: new Int8Array(n),
    uasc: new Uint8Array(n),
    entry: new Uint8Array(n).fill(1),
    endKind: new Uint8Array(n).fill(END_OPEN),
    dest: new Int8Array(n).fill(-1),
    newPlacement: new Uint8Array(n),
    childrenWithoutDob: 0,
    dataStart: dayFromYMD(2019, 4, 1),
    dataEnd: dayFromYMD(2022, 3, 31),
  };
}

describe("trend-and-population method", () => {
  it("averages the last 12 month ends by band and scales by the band's population and a growth factor", () => {
    const start = dayFromYMD(2022, 3, 31);
    // 10 children in care all year; and one child in care over each of the 12 month ends in turn: average 11.
    const ends = Array.from({ length: 12 }, (_, i) => monthEnd(addMonths(start, -i)));
    const seg = inCare([
      ...Array.from({ length: 10 }, () => ({ start: dayFromYMD(2020, 1, 1), end: Number.POSITIVE_INFINITY })),
      ...ends.map((d) => ({ start: d, end: d + 1 })),
    ]);
    // Ages 5–9: 1,000 each to mid-2022, 1,100 from mid-2023.
    const byYear: Population["byYear"] = new Map();
    for (let y = 2015; y <= 2030; y++) {
      byYear.set(
        y,
        Array.from({ length: 18 }, (_, a) => (a >= 5 && a <= 9 && y >= 2023 ? 1100 : 1000)),
      );
    }
    const pop = new PopulationCurve({ byYear });
    const at = dayFromYMD(2023, 3, 31);
    const path = trendMethod(seg, pop, start, [start, at], REPORT_BANDS, { growth: 0.02 });
    const C = DEFAULT_CATEGORIES.length;
    const band = 1 + C + 1; // the 5–9 column
    expect(path.values[band]).toBeCloseTo(11, 12);
    const share = (at - dayFromYMD(2022, 7, 1)) / (dayFromYMD(2023, 7, 1) - dayFromYMD(2022, 7, 1));
    const growth = (1000 + 100 * share) / 1000;
    expect(path.values[path.W + band]).toBeCloseTo(11 * growth * 1.02 ** ((at - start) / DAYS_PER_YEAR), 9);
    expect(path.values[path.W]).toBeCloseTo(path.values[path.W + band]!, 12); // all in one band and category
    expect(path.values[path.W + 1]).toBeCloseTo(path.values[path.W]!, 12);
  });
});
