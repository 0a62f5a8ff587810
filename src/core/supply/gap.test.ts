import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { defaultCostTable } from "../finance/cost-table.js";
import { inflationPath } from "../finance/inflation.js";
import { defaultProviderMix } from "../finance/provider-mix.js";
import type { RunDays } from "../finance/run-days.js";
import { DEFAULT_GAP_SETTINGS, sufficiencyGap } from "./gap.js";
import type { FosterHousehold, SupplyRegister } from "./register.js";
import { formatFact, valueAt } from "./summary-text.js";

const h = (id: string, approved: number, deregistered: number | null = null): FosterHousehold => ({
  council: "T",
  id,
  kind: "mainstream",
  approved,
  deregistered,
  deregistrationReason: deregistered ? "retired" : "",
  places: 2,
  ageMin: 0,
  ageMax: 17,
  siblingCapacity: 2,
  term: "any",
  specialisms: [],
  area: "",
});

/**
 * 50 households approved in 2015; in each of 2022/23, 2023/24 and 2024/25 four are approved
 * (1 June) and two of the first 50 deregister (1 July). Households on 1 April: 50, 52, 54;
 * on 31 March 2025: 56 (112 places). Recent rates: 4 approvals a year, 6 ÷ 156 deregistrations
 * per household a year.
 */
function register(): SupplyRegister {
  const households: FosterHousehold[] = [];
  for (let i = 0; i < 50; i++) {
    const leaves = i < 6 ? dayFromYMD(2022 + Math.floor(i / 2), 7, 1) : null;
    households.push(h(`O${i}`, dayFromYMD(2015, 1, 1), leaves));
  }
  for (let y = 2022; y <= 2024; y++)
    for (let k = 0; k < 4; k++) households.push(h(`N${y}-${k}`, dayFromYMD(y, 6, 1)));
  return {
    council: "T",
    households,
    homes: [
      {
        council: "T",
        id: "C1",
        name: "",
        urn: "",
        beds: 4,
        ofstedRating: "good",
        registered: dayFromYMD(2010, 1, 1),
        closed: null,
      },
    ],
    blocks: [],
    frameworks: [],
  };
}

const categories = ["inhouse_fostering", "agency_fostering", "childrens_home"];
const perYear = (rows: number[][]) => rows.flat().map((children) => children * 365);
const expectedDays: RunDays = {
  years: ["2025/26", "2026/27"],
  categories,
  values: perYear([
    [60, 40, 10],
    [60, 80, 10],
  ]),
};
const runDays: RunDays = {
  years: ["2025/26", "2026/27"],
  categories,
  values: perYear([
    [60, 40, 10],
    [60, 80, 10],
    [60, 30, 8],
    [60, 70, 8],
    [60, 50, 12],
    [60, 90, 12],
  ]),
};

const settings = {
  ...DEFAULT_GAP_SETTINGS,
  inHouseShare: 0.8,
  occupancy: 0.8,
  target: 10,
  moveFromAgency: 5,
  stepDown: 2,
};
const costing = { table: defaultCostTable(), inflation: inflationPath(), mix: defaultProviderMix().mix };

describe("the sufficiency gap", () => {
  const gap = sufficiencyGap({
    forecast: { runDays, expectedDays },
    register: register(),
    costing,
    fostering: { longTermShare: 0.5, ageShares: { younger: 0.5, older: 0.5 }, source: "test" },
    settings,
  });
  const rate = 6 / 156;
  const end2025 = 56 + 4 - 56 * rate;
  const end2026 = end2025 + 4 - end2025 * rate;

  it("starts from the register on the day before the forecast and its recent rates", () => {
    expect(gap.now).toMatchObject({ date: "2025-03-31", households: 56, places: 112, placesPerHousehold: 2 });
    expect(gap.rates).toMatchObject({
      years: ["2022/23", "2023/24", "2024/25"],
      approvals: 4,
      deregistrations: 2,
      netGain: 2,
    });
    expect(gap.rates.deregistrationRate).toBeCloseTo(rate, 3);
    expect(gap.pipeline.current[1]!.end).toBeCloseTo(end2026, 1);
  });

  it("sets demand against in-house and block capacity at the occupancy", () => {
    const fostering = gap.years[0]!.lines.find((l) => l.group === "fostering")!;
    const capacity = ((56 + end2025) / 2) * 2 * 0.8;
    expect(fostering.demand.expected).toBe(100);
    expect(fostering.demand.childWeeks).toBeCloseTo((100 * 365) / 7, 1);
    expect(fostering.inHouse).toBeCloseTo(capacity, 1);
    expect(fostering.shortfall.expected).toBeCloseTo(100 - capacity, 1);
    // runs: demand 100, 90, 110 children
    expect(fostering.demand.runs!.p50).toBe(100);
    expect(fostering.shortfall.runs!.p50).toBeCloseTo(100 - capacity, 1);
    // shortfalls 100 − c, 0 (90 is below the capacity c ≈ 91.1) and 110 − c: p5 is a tenth of the way to 100 − c
    expect(90).toBeLessThan(capacity);
    expect(fostering.shortfall.runs!.p5).toBeCloseTo(0.1 * (100 - capacity), 1);
    const homes = gap.years[0]!.lines.find((l) => l.group === "childrens_home")!;
    expect(homes.inHouse).toBe(3.2); // 4 beds × 0.8
    expect(homes.shortfall.expected).toBe(6.8);
  });

  it("works out the recruitment needed by the target year, and what the pipeline and the target give", () => {
    const r = gap.recruitment;
    // 2026/27: 140 children fostered; 80% in-house = 112; ÷ 0.8 = 140 places; ÷ 2 = 70 households; 56 now → 14 more
    expect(r).toMatchObject({
      year: "2026/27",
      children: 112,
      placesNeeded: 140,
      householdsNeeded: 70,
      additionalHouseholds: 14,
      additionalPlaces: 28,
      longTerm: 7,
      shortTerm: 7,
      byAgeBand: { younger: 7, older: 7 },
    });
    expect(r.householdsNeededRuns!.p50).toBe(70); // runs need 70, 65, 75
    expect(r.current.households).toBe(Math.floor(end2026)); // 59.6 → 59 whole households
    expect(r.current.shortBy).toBe(70 - 59);
    expect(r.current.reached).toBe(false);
    const t2025 = 56 + 10 - 56 * rate;
    const t2026 = t2025 + 10 - t2025 * rate;
    expect(r.target!.households).toBe(Math.floor(t2026));
    expect(r.target!.reached).toBe(true);
    expect(r.target!.share).toBeCloseTo(Math.min(1, (t2026 * 2 * 0.8) / 140), 3);
    const keep = (1 - rate) ** 2;
    expect(r.approvalsNeeded).toBeCloseTo(((70 - keep * 56) * rate) / (1 - keep), 1);
  });

  it("costs the budget and each way of closing the gap", () => {
    expect(gap.budget!.years).toHaveLength(2);
    expect(gap.scenarios.map((s) => s.id)).toEqual(["in_house_share", "move_from_agency", "step_down"]);
    for (const s of gap.scenarios) {
      // in-house fostering costs less than agency fostering and children's homes at the defaults
      expect(s.comparison.years[0]!.expected!.saving).toBeGreaterThan(0);
      expect(s.comparison.years[0]!.saving!.p50).toBeGreaterThan(0);
    }
  });

  it("writes a summary whose every number is a field of the result", () => {
    expect(gap.summary.length).toBeGreaterThanOrEqual(6);
    for (const sentence of gap.summary) {
      expect(sentence.refs.length).toBeGreaterThan(0);
      for (const ref of sentence.refs) {
        expect(valueAt(gap, ref.path), ref.path).toBe(ref.value);
        expect(sentence.text).toContain(formatFact(ref.value, ref.format));
      }
    }
    expect(gap.summary[0]!.text).toBe(
      "To meet 80% of fostering demand in-house by 2026/27 needs 14 more fostering households (7 long-term, 7 short-term) than the 56 approved on 31 March 2025: 70 households with 140 places, for 112 children on an average day at 80% occupancy.",
    );
    expect(gap.summary[1]!.text).toBe(
      "At the recent 4 approvals and 2 deregistrations a year (2022/23 to 2024/25), a net gain of 2 a year, the council would have 59 households by the end of 2026/27, 11 short of the need.",
    );
    expect(gap.summary[2]!.text).toMatch(
      /^A target of 10 approvals a year would give 7\d households by the end of 2026\/27/,
    );
  });

  it("leaves the intervals out of the summary when the runs and the expected path disagree", () => {
    const low = { ...runDays, values: Array.from(runDays.values).map((v) => v * 0.3) };
    const g = sufficiencyGap({
      forecast: { runDays: low, expectedDays },
      register: register(),
      costing,
      fostering: { longTermShare: 0.5, ageShares: {}, source: "" },
      settings,
    });
    expect(g.budget!.runsAgree).toBe(false);
    const budgetSentence = g.summary.find((x) => x.text.startsWith("The forecast placement budget"))!;
    expect(budgetSentence.text).not.toContain("interval");
    expect(g.notes.join(" ")).toContain("disagree");
  });

  it("refuses a target year outside the forecast", () => {
    expect(() =>
      sufficiencyGap({
        forecast: { expectedDays },
        register: register(),
        fostering: { longTermShare: 0.5, ageShares: {}, source: "" },
        settings: { ...settings, targetYear: "2030/31" },
      }),
    ).toThrow(/not a year of the forecast/);
  });
});
