import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { childDays } from "../finance/child-days.js";
import { DEFAULT_BANDS } from "../profile/bands.js";
import { rebuildHistory } from "../ssda903/history.js";
import { buildReturn } from "../ssda903/test-support/build.js";
import { supplyAt, supplyByYear } from "./measures.js";
import { occupancy } from "./occupancy.js";
import { approvalsToReach, projectPipeline, recruitmentRates, steadyState } from "./pipeline.js";
import { recruitmentNeed, splitWhole } from "./recruitment.js";
import type { FosterHousehold, SupplyRegister } from "./register.js";

const d = (s: string) => {
  const [y, m, dd] = s.split("-").map(Number);
  return dayFromYMD(y!, m!, dd!);
};

function household(o: Partial<FosterHousehold> & { id: string; approved: number }): FosterHousehold {
  return {
    council: "T",
    kind: "mainstream",
    deregistered: null,
    deregistrationReason: "",
    places: 1,
    ageMin: 0,
    ageMax: 17,
    siblingCapacity: 1,
    term: "any",
    specialisms: [],
    area: "",
    ...o,
  };
}

/** A hand-made register; the workings are in the tests. */
const reg: SupplyRegister = {
  council: "T",
  households: [
    household({
      id: "H1",
      approved: d("2020-05-01"),
      places: 2,
      term: "long_term",
      ageMin: 11,
      siblingCapacity: 2,
      specialisms: ["respite"],
    }),
    household({
      id: "H2",
      approved: d("2021-06-01"),
      deregistered: d("2022-01-10"),
      deregistrationReason: "retired",
    }),
    household({ id: "H3", approved: d("2021-04-01"), places: 3, kind: "connected" }),
    household({ id: "H4", approved: d("2019-01-01"), deregistered: d("2021-04-01") }),
  ],
  homes: [
    {
      council: "T",
      id: "C1",
      name: "",
      urn: "",
      beds: 4,
      ofstedRating: "good",
      registered: d("2015-01-01"),
      closed: null,
    },
  ],
  blocks: [
    {
      council: "T",
      id: "B1",
      provider: "P",
      category: "agency_fostering",
      places: 5,
      weeklyPrice: 900,
      start: d("2021-01-01"),
      end: d("2023-01-01"),
    },
  ],
  frameworks: [
    {
      council: "T",
      id: "F1",
      name: "Alliance",
      kind: "dps",
      categories: ["agency_fostering"],
      start: d("2020-02-01"),
      end: null,
    },
  ],
};

describe("supply measures", () => {
  it("counts households and places on a day", () => {
    const s = supplyAt(reg, d("2021-07-01"), DEFAULT_BANDS);
    // H1 (2 places), H2 (1) mainstream; H3 (3) connected; H4 left on 1 April 2021
    expect(s.total).toEqual({ households: 3, places: 6 });
    expect(s.byKind.mainstream).toEqual({ households: 2, places: 3 });
    expect(s.byKind.connected).toEqual({ households: 1, places: 3 });
    expect(s.byTerm.long_term).toEqual({ households: 1, places: 2 });
    expect(s.bySpecialism.respite).toBe(1);
    expect(s.siblingGroups).toBe(1);
    // H1 takes 11–17: open to 10–12, 13–15 and 16+; H2 to every band
    expect(s.placesByAgeBand).toEqual({ "0-4": 1, "5-9": 1, "10-12": 3, "13-15": 3, "16+": 3 });
    expect(s.averagePlaces).toBe(1.5);
    expect(s.homes).toEqual({ homes: 1, beds: 4, byRating: expect.objectContaining({ good: 1 }) });
    expect(s.blocks).toEqual([{ category: "agency_fostering", contracts: 1, places: 5, weeklyPrice: 4500 }]);
    expect(s.frameworks).toEqual(["Alliance"]);
  });

  it("counts approvals, deregistrations and net gain per year against a target", () => {
    const [y] = supplyByYear(reg, [2021], 2);
    // On 1 April 2021 only H1 is approved (H4's deregistration that day ends it); H2 joins and leaves, H4 leaves.
    expect(y!.mainstream).toEqual({
      start: { households: 1, places: 2 },
      approvals: 1,
      deregistrations: 2,
      netGain: -1,
      end: { households: 1, places: 2 },
      deregistrationRate: 2,
      deregistrationReasons: { retired: 1, "not recorded": 1 },
    });
    expect(y!.connected.approvals).toBe(1);
    expect(y!.target).toEqual({ target: 2, approvals: 1, difference: -1, met: false });
  });

  it("measures occupancy as in-house child-days over place-days", () => {
    const { data } = buildReturn({
      2021: {
        header: ["1", "2", "3", "4"].map((c) => ({ CHILD: c, DOB: "01/01/2012" })),
        episodes: [
          { CHILD: "1", DECOM: "01/04/2021", PLACE: "U4", PLACE_PROVIDER: "PR1" },
          {
            CHILD: "2",
            DECOM: "01/10/2021",
            DEC: "01/01/2022",
            REC: "E4A",
            PLACE: "U5",
            PLACE_PROVIDER: "PR1",
          },
          { CHILD: "3", DECOM: "01/04/2021", PLACE: "U4", PLACE_PROVIDER: "PR4" },
          { CHILD: "4", DECOM: "01/04/2021", PLACE: "U4", PLACE_PROVIDER: "PR2" },
        ],
      },
    });
    const rows = childDays(rebuildHistory(data), [2021]);
    const o = occupancy(reg, rows, [2021]);
    // Child-days with own carers (PR1): 365 + 92 (October to December) = 457.
    // Place-days: H1 2 × 365 + H2 1 × 223 (1 June 2021 to 10 January 2022) = 953.
    expect(o.fostering).toEqual([{ year: "2021/22", childWeeks: 65.3, placeWeeks: 136.1, occupancy: 0.48 }]);
    expect(o.homes[0]!.occupancy).toBe(0);
    expect(o.connected[0]!.placeWeeks).toBe(156.4); // 3 places × 365 days
  });
});

describe("the recruitment pipeline", () => {
  it("projects households as H(t+1) = H(t) + A − d·H(t)", () => {
    const p = projectPipeline(100, 11, 0.09, [2025, 2026, 2027], 1.5);
    expect(p.map((y) => y.end)).toEqual([102, 103.82, 105.4762].map((x) => expect.closeTo(x, 9)));
    expect(p[1]!.deregistrations).toBeCloseTo(9.18, 9);
    expect(p[2]!.places).toBeCloseTo(105.4762 * 1.5, 9);
    expect(steadyState(11, 0.09)).toBeCloseTo(122.22, 2);
    expect(steadyState(11, 0)).toBeNull();
  });

  it("finds the approvals a year that reach a number of households", () => {
    // (130 − 0.91³ × 100) × 0.09 ÷ (1 − 0.91³)
    const a = approvalsToReach(100, 130, 0.09, 3);
    expect(a).toBeCloseTo(((130 - 0.753571 * 100) * 0.09) / (1 - 0.753571), 3);
    expect(projectPipeline(100, a, 0.09, [1, 2, 3], 1)[2]!.end).toBeCloseTo(130, 9);
    expect(approvalsToReach(100, 130, 0, 3)).toBe(10);
  });

  it("takes recent rates from the register, deregistrations pooled over households exposed", () => {
    const r = recruitmentRates(reg, [2020, 2021]);
    // 2020/21: 1 April 2020 H4 only; H1 approved; no leavers. 2021/22: H1 at the start; H2 approved; 2 leave.
    expect(r).toEqual({
      years: ["2020/21", "2021/22"],
      approvals: 1,
      deregistrations: 1,
      deregistrationRate: 2 / 2,
    });
  });
});

describe("recruitment needed", () => {
  it("works out households and places for an in-house share, split by term and age", () => {
    const need = recruitmentNeed({
      demandDays: 365 * 100, // 100 children fostered on an average day
      daysInYear: 365,
      share: 0.8,
      occupancy: 0.8,
      placesPerHousehold: 1.6,
      households: 50,
      places: 80,
      longTermShare: 0.4,
      ageShares: { young: 0.5, middle: 0.3, older: 0.2 },
    });
    // 80 children in-house ÷ 0.8 occupancy = 100 places ÷ 1.6 = 62.5 households; 12.5 more → 13
    expect(need.children).toBe(80);
    expect(need.placesNeeded).toBeCloseTo(100, 9);
    expect(need.householdsNeeded).toBeCloseTo(62.5, 9);
    expect(need.additionalHouseholds).toBe(13);
    expect(need.additionalPlaces).toBe(20);
    // 13 × 0.4 = 5.2 long-term, 7.8 short-term → 5 and 8
    expect([need.longTerm, need.shortTerm]).toEqual([5, 8]);
    // 6.5, 3.9, 2.6 → 6, 4, 3
    expect(need.byAgeBand).toEqual({ young: 6, middle: 4, older: 3 });
    expect(() => recruitmentNeed({ ...baseNeed, occupancy: 0 })).toThrow(/occupancy/);
  });

  it("splits a whole number into parts that add up to it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const parts = splitWhole(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          if (sum === 0) return parts.every((p) => p === 0);
          return (
            parts.reduce((a, b) => a + b, 0) === total &&
            parts.every((p, i) => Math.abs(p - (weights[i]! / sum) * total) < 1 + 1e-9)
          );
        },
      ),
    );
  });
});

const baseNeed = {
  demandDays: 365,
  daysInYear: 365,
  share: 0.5,
  occupancy: 0.9,
  placesPerHousehold: 1,
  households: 0,
  places: 0,
  longTermShare: 0.5,
  ageShares: {},
};
