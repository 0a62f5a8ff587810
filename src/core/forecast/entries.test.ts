import { describe, expect, it } from "vitest";
import { addMonths, dayFromYMD } from "../dates.js";
import { ageBands } from "../profile/bands.js";
import { DEFAULT_AGE_GROUPS } from "./ages.js";
import { DEFAULT_CATEGORIES } from "./categories.js";
import { durationBands } from "./durations.js";
import { estimateEntries, fitTrend, yearEffectVariance } from "./entries.js";
import { countWindow } from "./exposure.js";
import { timeGrid } from "./grid.js";
import { PopulationCurve } from "./population-curve.js";
import { END_OPEN, type Segments } from "./segments.js";
import { flatPopulation } from "./test-support/toy.js";

/** Segments for children entering care (one open segment each). */
function entrants(list: Array<{ dob: number; start: number; uasc?: boolean; cat?: number }>): Segments {
  const n = list.length;
  const f = (g: (e: (typeof list)[number]) => number) => Float64Array.from(list.map(g));
  return {
    n,
    categories: DEFAULT_CATEGORIES,
    dob: f((e) => e.dob),
    b18: f((e) => addMonths(e.dob, 216)),
    start: f((e) => e.start),
    periodStart: f((e) => e.start),
    end: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    cat: Int8Array.from(list.map((e) => e.cat ?? 0)),
    uasc: Uint8Array.from(list.map((e) => (e.uasc ? 1 : 0))),
    entry: new Uint8Array(n).fill(1),
    endKind: new Uint8Array(n).fill(END_OPEN),
    dest: new Int8Array(n).fill(-1),
    newPlacement: new Uint8Array(n),
    childrenWithoutDob: 0,
    dataStart: dayFromYMD(2015, 4, 1),
    dataEnd: dayFromYMD(2020, 3, 31),
  };
}

describe("entry rates", () => {
  const from = dayFromYMD(2019, 4, 1);
  const to = dayFromYMD(2020, 4, 1);
  // 30 children aged 6 enter in 2019/20 (all in-house), and 6 UASC aged 16 (agency).
  const list = [
    ...Array.from({ length: 30 }, (_, i) => ({ dob: dayFromYMD(2013, 1, 1 + i), start: from + 10 * i })),
    ...Array.from({ length: 6 }, (_, i) => ({
      dob: dayFromYMD(2003, 1, 1 + i),
      start: from + 50 * i,
      uasc: true,
      cat: 1,
    })),
  ];
  const seg = entrants(list);
  const pop = new PopulationCurve(flatPopulation(1000));
  const w = countWindow(seg, DEFAULT_AGE_GROUPS, durationBands([]), from, to);
  const e = estimateEntries(seg, w, pop, DEFAULT_AGE_GROUPS, { trend: false });

  it("are entries per child-year of the population of the age group", () => {
    // 5–9: five ages × 1,000 children × 366 days (2020 is a leap year) / 365.25.
    const childYears = (5 * 1000 * 366) / 365.25;
    expect(e.childYears[2]).toBeCloseTo(childYears, 6);
    expect(e.count[2]).toBe(30);
    expect(e.rate[2]).toBeCloseTo((30 + 0.5) / childYears, 12); // a half event so a group never seen is not 0
    expect(e.count.reduce((a, b) => a + b, 0)).toBe(30); // UASC apart
  });

  it("keeps UASC apart: arrivals a year, their ages and first categories", () => {
    expect(e.uasc.count).toBe(6);
    expect(e.uasc.perYear).toBeCloseTo(6 / ((to - from) / 365.25), 9);
    expect(e.uasc.groupProbs[5]).toBe(1); // all 16
    const G = DEFAULT_AGE_GROUPS.lower.length;
    const C = DEFAULT_CATEGORIES.length;
    const w16 = e.catWeights.subarray((1 * G + 5) * C, (1 * G + 5) * C + C);
    expect(w16[1]! / w16.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.7); // mostly agency, as seen
  });

  it("scale with the population projection in the grid", () => {
    const g1 = timeGrid(
      dayFromYMD(2020, 3, 31),
      1,
      new PopulationCurve(flatPopulation(1000)),
      DEFAULT_AGE_GROUPS,
    );
    const g2 = timeGrid(
      dayFromYMD(2020, 3, 31),
      1,
      new PopulationCurve(flatPopulation(2000)),
      DEFAULT_AGE_GROUPS,
    );
    for (let i = 0; i < g1.popYears.length; i++) expect(g2.popYears[i]! / g1.popYears[i]!).toBeCloseTo(2, 12);
    // April 2020: 30 days of five ages of 1,000.
    expect(g1.popYears[0 * 7 + 2]).toBeCloseTo((5000 * 30) / 365.25, 9);
  });
});

describe("year effects and trend", () => {
  it("measures variation beyond Poisson", () => {
    // Var = μ + σ²μ²: (Σ(O−E)²·n/(n−1) − ΣE) / ΣE² = (400·4/3 − 400) / 40,000.
    expect(yearEffectVariance([110, 90, 110, 90], [100, 100, 100, 100], 1)).toBeCloseTo(
      (1600 / 3 - 400) / 40000,
      12,
    );
    expect(yearEffectVariance([100, 101, 99, 100], [100, 100, 100, 100], 1)).toBe(0);
    expect(yearEffectVariance([100, 120], [100, 100], 1)).toBe(0); // too few years
  });

  it("fits a log-linear trend to annual entries", () => {
    const b = Math.log(1.05);
    const expected = [1000, 1000, 1000, 1000, 1000, 1000];
    const observed = expected.map((x, i) => x * Math.exp(b * (i - 2.5)));
    const fit = fitTrend(observed, expected);
    expect(fit.b).toBeCloseTo(b, 9);
    // Poisson standard error of the slope, from the information matrix of (a, b) (no over-dispersion here).
    const h00 = observed.reduce((s, o) => s + o, 0);
    const h01 = observed.reduce((s, o, i) => s + o * (i - 2.5), 0);
    const h11 = observed.reduce((s, o, i) => s + o * (i - 2.5) ** 2, 0);
    expect(fit.se).toBeCloseTo(1 / Math.sqrt(h11 - (h01 * h01) / h00), 9);
  });
});

describe("age bands", () => {
  it("label single years and ranges", () => {
    expect(ageBands([0, 1, 5, 10, 13, 16, 17]).labels).toEqual([
      "under 1",
      "1-4",
      "5-9",
      "10-12",
      "13-15",
      "16",
      "17+",
    ]);
  });
});
