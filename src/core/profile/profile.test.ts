import { describe, expect, it } from "vitest";
import { dayFromYMD as d, formatISO } from "../dates.js";
import { readPopulation } from "../inputs/population.js";
import { readPostcodes } from "../inputs/postcodes.js";
import { rebuildHistory } from "../ssda903/history.js";
import { buildReturn } from "../ssda903/test-support/build.js";
import { yearStart } from "../ssda903/years.js";
import { ageBands, DEFAULT_BANDS } from "./bands.js";
import { careEpisodes } from "./care.js";
import { HAND_BUILT, HAND_POSTCODES } from "./hand-built.fixture.js";
import { buildProfile } from "./profile.js";
import { stockOn } from "./stock.js";

const { data, issues } = buildReturn(HAND_BUILT);
const history = rebuildHistory(data);
const postcodes = readPostcodes("postcodes.csv", HAND_POSTCODES);
const population = readPopulation(
  "population.csv",
  ["year,age,population", ...Array.from({ length: 18 }, (_, a) => `2021,${a},4000`)].join("\n"),
);
const p = buildProfile(history, {
  postcodes,
  population,
  ethnicityShares: { White: 0.6, Black: 0.1, Mixed: 0.1, Asian: 0.15, Other: 0.05 },
});

describe("profile of a hand-built history (values worked out by hand)", () => {
  it("reads the fixture cleanly and defaults to the last 31 March and the year ending then", () => {
    expect(issues).toEqual([]);
    expect(p.at).toBe("2022-03-31");
    expect(p.year).toBe(2021);
    expect(p.yearLabel).toBe("2021/22");
  });

  it("counts children looked after at 31 March 2022, leaving out the short-break child", () => {
    // A, C, D, E, G, H, I (F left at 18; B is short breaks only)
    expect(p.cla.total).toBe(7);
    expect(p.cla.byAgeBand).toEqual({ "0-4": 1, "5-9": 0, "10-12": 2, "13-15": 2, "16+": 1, unknown: 1 });
    expect(p.cla.uasc).toEqual({ uasc: 1, other: 6 });
    expect(p.cla.bySex).toEqual({ F: 3, M: 3, unknown: 1 });
    expect(p.cla.byLegalStatus).toEqual({ C2: 4, V2: 2, C1: 1 }); // A, D, G, H; C, I; E
    expect(p.cla.byPlacementType).toMatchObject({
      childrens_home: 1,
      agency_foster_other: 2,
      inhouse_foster_long_term: 1,
      connected_long_term: 1,
      agency_foster_long_term: 1,
      supported_accommodation: 1,
    });
  });

  it("gives a month-end series and each 31 March", () => {
    const at = (date: string) => p.cla.monthEnd.find((m) => m.date === date)?.total;
    expect(p.cla.monthEnd[0]!.date).toBe("2020-04-30");
    expect(p.cla.monthEnd.at(-1)!.date).toBe("2022-03-31");
    expect(at("2020-04-30")).toBe(4); // D, F, G, H1
    expect(at("2021-04-30")).toBe(5); // A, D, F, G, H
    expect(at("2021-05-31")).toBe(6); // + C
    expect(at("2021-07-31")).toBe(6); // C home (01/07), I arrived (01/06)
    expect(at("2021-11-30")).toBe(7); // F left 05/11; C back 01/09; E from 01/10
    expect(p.cla.at31March).toEqual([
      { date: "2021-03-31", total: 5, uasc: 0 },
      { date: "2022-03-31", total: 7, uasc: 1 },
    ]);
  });

  it("counts children starting and ceasing in 2021/22, once each", () => {
    expect(p.starts).toBe(3); // C (first start 01/05/2021), E, I
    expect(p.flows.find((f) => f.year === 2021)!.startedByAgeBand).toEqual({
      "0-4": 0,
      "5-9": 0,
      "10-12": 0,
      "13-15": 2,
      "16+": 0,
      unknown: 1,
    });
    expect(p.ceased.total).toBe(2); // C (E4A), F (E5)
    expect(p.ceased.byReason).toMatchObject({ returned_home: 1, independent_living: 1, adoption: 0 });
    // 2020/21: D and H continue; F, G, H1 and D1 started before April 2020; A started 01/02/2021
    expect(p.flows.find((f) => f.year === 2020)).toMatchObject({ started: 1, ceased: 0 });
  });

  it("builds the episodes table", () => {
    const t = p.placementMix.episodes;
    expect(p.placementMix.bands).toEqual(["0-4", "5-9", "10-12", "13-15", "16+", "unknown"]);
    expect(t.inhouse_foster_other).toMatchObject({ "10-12": 1, total: 1 });
    expect(t.agency_foster_other).toMatchObject({ "10-12": 2, "13-15": 2, total: 4 });
    expect(t.childrens_home).toMatchObject({ "13-15": 2, "16+": 1, total: 3 });
    expect(t.inhouse_foster_long_term).toMatchObject({ "0-4": 2, total: 2 });
    expect(t.other).toMatchObject({ "0-4": 1, total: 1 });
    expect(t.connected_long_term).toMatchObject({ unknown: 1, total: 1 });
    expect(t.supported_accommodation).toMatchObject({ "13-15": 1, "16+": 1, total: 2 });
    expect(t.agency_foster_long_term).toMatchObject({ "5-9": 1, total: 1 });
    expect(t.fostering!.total).toBe(9);
    expect(t.other_total!.total).toBe(6);
    expect(t.total).toEqual({ "0-4": 3, "5-9": 1, "10-12": 3, "13-15": 5, "16+": 2, unknown: 1, total: 15 });
  });

  it("builds the weeks table, splitting days at birthdays", () => {
    const w = p.placementMix.weeks;
    expect(w.inhouse_foster_other).toMatchObject({ "10-12": 5.6 }); // 39 days
    expect(w.agency_foster_other).toMatchObject({ "10-12": 57.3, "13-15": 54.4, total: 111.7 }); // 401, 381 days
    expect(w.childrens_home).toMatchObject({ "13-15": 26, "16+": 21.9, total: 47.9 }); // 182, 153
    expect(w.inhouse_foster_long_term).toMatchObject({ "0-4": 50.9 }); // 356
    expect(w.other).toMatchObject({ "0-4": 1.3 }); // 9
    expect(w.connected_long_term).toMatchObject({ unknown: 26 }); // 182
    expect(w.supported_accommodation).toMatchObject({ "13-15": 8.7, "16+": 44, total: 52.7 }); // 61, 308
    expect(w.agency_foster_long_term).toMatchObject({ "5-9": 39.3, "10-12": 12.9, total: 52.1 }); // 275, 90
    expect(w.total!.total).toBe(348.1); // 2,437 child-days
  });

  it("gives fostering and provider shares", () => {
    expect(p.placementMix.fosteringShare.episodes.total).toEqual({ count: 9, of: 15, pct: 60 });
    expect(p.placementMix.fosteringShare.episodes["0-4"]).toEqual({ count: 2, of: 3, pct: 66.7 });
    expect(p.placementMix.providers.episodes).toEqual({
      connected: { count: 1, of: 9, pct: 11.1 },
      inHouse: { count: 3, of: 9, pct: 33.3 },
      agency: { count: 5, of: 9, pct: 55.6 },
    });
  });

  it("measures stability", () => {
    expect(p.stability.threePlus).toEqual({ count: 1, of: 7, pct: 14.3 }); // A only
    expect(p.stability.longTerm).toEqual({ count: 1, of: 2, pct: 50 }); // G yes, H no
  });

  it("measures distance and location from a postcode lookup", () => {
    // A 22.4 mi out, C 6.9 mi out, D and E 1.2 mi in, G 22.4 mi out, H no placement postcode, I UASC excluded
    expect(p.location.considered).toBe(6);
    expect(p.location.over20Miles).toEqual({ count: 2, of: 5, pct: 40 });
    expect(p.location.outside).toEqual({ count: 3, of: 5, pct: 60 });
    expect(p.location.outsideAndOver20Miles).toEqual({ count: 2, of: 5, pct: 40 });
    expect(p.location.source).toEqual({ plDistance: 0, lookup: 5, approximate: 0, unknown: 1 });
  });

  it("compares ethnicity with the population", () => {
    const row = (g: string) => p.ethnicity.find((r) => r.group === g)!;
    expect(row("White")).toEqual({
      group: "White",
      count: 2,
      share: 0.333,
      populationShare: 0.6,
      ratio: 0.56,
    });
    expect(row("Black")).toMatchObject({ count: 2, ratio: 3.33 });
    expect(row("Not known")).toMatchObject({ count: 1, share: null, ratio: null });
  });

  it("reports outcomes and care leavers", () => {
    expect(p.outcomes.returnedHome).toEqual({ count: 1, of: 2, pct: 50 });
    expect(p.outcomes.careLeavers).toEqual({
      cohort: 3,
      inTouch: { count: 2, of: 3, pct: 66.7 },
      suitableAccommodation: { count: 1, of: 3, pct: 33.3 },
      educationEmploymentTraining: { count: 1, of: 3, pct: 33.3 },
      withFormerFosterCarers: { count: 0, of: 3, pct: 0 },
    });
  });

  it("gives the rate per 10,000 from the mid-year population before 31 March", () => {
    expect(p.ratePer10k).toMatchObject({ cla: 7, population: 72_000, populationYear: 2021, value: 1 });
    expect(p.ratePer10k!.series[0]).toMatchObject({ date: "2021-03-31", cla: 5, rate: 0.7 });
    expect(p.ratePer10k!.note).toBeUndefined();
  });

  it("reports data quality: the child with no Header row is kept", () => {
    expect(p.dataQuality).toMatchObject({ childrenWithoutHeader: 1, childrenWithoutDob: 1 });
  });

  it("takes any date for the stock and any bands", () => {
    const q = buildProfile(history, { at: d(2021, 6, 15), bands: ageBands([0, 10, 16]) });
    expect(q.at).toBe("2021-06-15");
    expect(q.year).toBe(2020);
    expect(q.cla.total).toBe(7); // A, C (home on 01/07), D (back from T3 on 10/06), F, G, H, I
    // A turns 13 that very day; I is 15 until 01/08/2021
    expect(q.cla.byAgeBand).toEqual({ "0-9": 2, "10-15": 4, "16+": 1 });
  });
});

describe("cross-checks between the measures", () => {
  it("weeks summed over types equals child-days in care ÷ 7, counted day by day from the stock", () => {
    const children = history.children.map((child) => ({ child, episodes: careEpisodes(child) }));
    let childDays = 0;
    for (let day = yearStart(2021); day < yearStart(2022); day++)
      childDays += stockOn(children, day, DEFAULT_BANDS).total;
    expect(childDays).toBe(2437);
    expect(p.placementMix.weeks.total!.total).toBeCloseTo(childDays / 7, 1);
    const typeSum = Object.entries(p.placementMix.weeks)
      .filter(([k]) => !["fostering", "other_total", "total"].includes(k))
      .reduce((s, [, row]) => s + row.total!, 0);
    expect(typeSum).toBeCloseTo(childDays / 7, 0);
  });

  it("the episodes table counts every care episode open in the year", () => {
    let open = 0;
    for (const c of history.children) {
      for (const e of careEpisodes(c)) {
        if (e.DECOM < yearStart(2022) && (e.DEC === null || e.DEC > yearStart(2021))) open += 1;
      }
    }
    expect(p.placementMix.episodes.total!.total).toBe(open);
    expect(formatISO(yearStart(2021))).toBe("2021-04-01");
  });
});

describe("comparators", () => {
  it("shows other areas' figures for the year of the date beside the council's own", async () => {
    const { readComparators } = await import("../inputs/comparators.js");
    const comparators = readComparators(
      "comparators.csv",
      [
        "area,year,measure,value",
        "England,2022,cla_rate_per_10k,70",
        "London,2022,cla_rate_per_10k,47",
        "England,2021,cla_rate_per_10k,67",
        "England,2022,three_plus_placements_pct,9",
      ].join("\n"),
    );
    const q = buildProfile(history, { population, comparators });
    const rate = q.comparators.find((c) => c.measure === "cla_rate_per_10k")!;
    expect(rate).toEqual({
      measure: "cla_rate_per_10k",
      label: "Children looked after per 10,000 aged 0–17",
      value: 1,
      areas: { England: 70, London: 47 },
    });
    expect(q.comparators.find((c) => c.measure === "three_plus_placements_pct")).toMatchObject({
      value: 14.3,
      areas: { England: 9 },
    });
    expect(q.comparators.find((c) => c.measure === "cla_total")).toMatchObject({ value: 7, areas: {} });
  });
});
