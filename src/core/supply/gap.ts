import { type Day, formatISO } from "../dates.js";
import {
  type Budget,
  type BudgetComparison,
  type Costing,
  compareBudgets,
  projectBudget,
} from "../finance/budget.js";
import { daysInFinancialYear, type FinancialYear, fyStart } from "../finance/financial-years.js";
import type { PlacementsNeeded } from "../finance/forecast-json.js";
import { roundSpread, type Spread, spread } from "../finance/percentiles.js";
import {
  type ForecastDays,
  meanOverRuns,
  type RunDays,
  runCount,
  runDaysYears,
} from "../finance/run-days.js";
import { reachInHouseShare, shiftPlacements } from "../finance/scenarios.js";
import type { FosteringProfile } from "./fostering-profile.js";
import { householdsOn } from "./measures.js";
import {
  approvalsToReach,
  type PipelineYear,
  projectPipeline,
  type RecruitmentRates,
  recruitmentRates,
  steadyState,
} from "./pipeline.js";
import { ceilWhole, recruitmentNeed } from "./recruitment.js";
import { daysCurrent, type SupplyRegister } from "./register.js";
import { f, type SummarySentence, sentenceBuilder } from "./summary-text.js";

/** Ofsted, Fostering in England 2023–24: 16% of 70,465 approved places vacant, so 84% occupied. */
export const DEFAULT_OCCUPANCY = 0.84;
/** Ofsted, Fostering in England 2023–24: 70,465 places in 42,615 households. */
export const ENGLAND_PLACES_PER_HOUSEHOLD = 70465 / 42615;

export interface GapSettings {
  /** Share of fostering demand (in-house + agency) to meet in-house, 0–1. */
  inHouseShare: number;
  /** Share of places filled on an average day, 0–1. */
  occupancy: number;
  /** Mainstream approvals a year the council aims for (Bromley: 20); undefined for none. */
  target?: number;
  /** The year the share is to be met by ("2027/28"); default the forecast's last year. */
  targetYear?: string;
  /** Complete financial years of the register that recent rates are averaged over. */
  rateYears: number;
  /** Scenario: placements moved from agency to in-house fostering (0: none). */
  moveFromAgency: number;
  /** Scenario: children stepped down from children's homes to in-house fostering (0: none). */
  stepDown: number;
}

export const DEFAULT_GAP_SETTINGS: GapSettings = {
  inHouseShare: 0.8,
  occupancy: DEFAULT_OCCUPANCY,
  rateYears: 3,
  moveFromAgency: 0,
  stepDown: 0,
};

export const GAP_GROUPS = {
  fostering: ["inhouse_fostering", "agency_fostering"],
  childrens_home: ["childrens_home"],
  supported_accommodation: ["supported_accommodation"],
  secure: ["secure"],
} as const;
export type GapGroup = keyof typeof GAP_GROUPS;

/** Demand and capacity in children placed on an average day (child-days ÷ days in the year). */
export interface GapLine {
  group: GapGroup;
  demand: { expected: number; childWeeks: number; runs: Spread | null };
  /** Children the council's own carers or homes can take at the stated occupancy. */
  inHouse: number;
  /** Children the block contracts of this group take at the stated occupancy. */
  block: number;
  /** Demand beyond in-house and block capacity: met by agency or spot purchase. */
  shortfall: { expected: number; runs: Spread | null };
  /** New placements the forecast starts in the year in this group (expected, else mean); null when not given. */
  newPlacements: number | null;
}

export interface GapYear {
  year: string;
  daysInYear: number;
  lines: GapLine[];
}

export interface PipelineSide {
  /** Households at the end of the target year (the expected number, rounded down). */
  households: number;
  places: number;
  /** Share of fostering demand in the target year their places meet at the occupancy (at most 1). */
  share: number;
  /** Households still needed then (0 when enough). */
  shortBy: number;
  reached: boolean;
}

export interface Gap {
  council: string;
  settings: GapSettings & { targetYear: string };
  /** Mainstream fostering households on the day before the forecast starts. */
  now: {
    date: string;
    households: number;
    places: number;
    placesPerHousehold: number;
    placesPerHouseholdSource: string;
  };
  rates: RecruitmentRates & { netGain: number };
  fosteringProfile: FosteringProfile;
  years: GapYear[];
  recruitment: {
    year: string;
    /** Children to place in-house on an average day. */
    children: number;
    placesNeeded: number;
    householdsNeeded: number;
    additionalHouseholds: number;
    additionalPlaces: number;
    longTerm: number;
    shortTerm: number;
    byAgeBand: Record<string, number>;
    /** Households needed over the forecast runs (the demand's uncertainty). */
    householdsNeededRuns: Spread | null;
    /** Approvals a year that would reach the households needed by the end of the year, at the recent deregistration rate. */
    approvalsNeeded: number;
    current: PipelineSide;
    target: PipelineSide | null;
  };
  pipeline: {
    current: PipelineYear[];
    target: PipelineYear[] | null;
    steadyState: { current: number | null; target: number | null };
  };
  budget: Budget | null;
  scenarios: Array<{ id: string; name: string; comparison: BudgetComparison }>;
  summary: SummarySentence[];
  notes: string[];
}

export interface GapInput {
  forecast: ForecastDays & { placementsNeeded?: PlacementsNeeded };
  register: SupplyRegister;
  costing?: Costing;
  fostering: FosteringProfile;
  settings: GapSettings;
}

const tenth = (x: number) => Math.round(x * 10) / 10;

function groupDays(d: RunDays, run: number, y: number, group: GapGroup): number {
  const C = d.categories.length;
  const base = (run * d.years.length + y) * C;
  let s = 0;
  for (const cat of GAP_GROUPS[group]) {
    const c = d.categories.indexOf(cat);
    if (c >= 0) s += d.values[base + c]!;
  }
  return s;
}

function blockChildren(reg: SupplyRegister, group: GapGroup, year: FinancialYear, occupancy: number): number {
  const from = fyStart(year);
  const to = fyStart(year + 1);
  const cats = GAP_GROUPS[group] as readonly string[];
  const placeDays = reg.blocks
    .filter((b) => cats.includes(b.category))
    .reduce((s, b) => s + b.places * daysCurrent(b.start, b.end, from, to), 0);
  return (placeDays / (to - from)) * occupancy;
}

function homeChildren(reg: SupplyRegister, year: FinancialYear, occupancy: number): number {
  const from = fyStart(year);
  const to = fyStart(year + 1);
  const bedDays = reg.homes.reduce((s, h) => s + h.beds * daysCurrent(h.registered, h.closed, from, to), 0);
  return (bedDays / (to - from)) * occupancy;
}

/**
 * The sufficiency gap (docs/costs-supply-gap.md): for each forecast year,
 * demand against in-house and block capacity at the stated occupancy, the
 * shortfall left to agencies and spot purchase; the recruitment needed for
 * in-house fostering to meet the chosen share of fostering demand by the
 * target year; the recruitment pipeline at recent rates and at the target;
 * the budget and the cost of closing the gap as scenarios; and a summary.
 */
export function sufficiencyGap(input: GapInput): Gap {
  const { forecast, register: reg, settings } = input;
  const shape = forecast.expectedDays ?? forecast.runDays;
  if (!shape) throw new RangeError("no forecast days: the gap needs a forecast");
  const expected = forecast.expectedDays ?? meanOverRuns(forecast.runDays!);
  const runs = forecast.runDays;
  const nRuns = runs ? runCount(runs) : 0;
  const years = runDaysYears(shape);
  if (years.length === 0) throw new RangeError("the forecast has no years");
  const notes: string[] = [];
  if (!forecast.expectedDays)
    notes.push("The forecast gave no expected path: the mean over its runs is used.");
  const targetYear = settings.targetYear ?? shape.years[shape.years.length - 1]!;
  const ti = shape.years.indexOf(targetYear);
  if (ti < 0)
    throw new RangeError(
      `the target year ${targetYear} is not a year of the forecast (${shape.years.join(", ")})`,
    );

  // Supply now: the day before the forecast's first year.
  const nowDay: Day = fyStart(years[0]!) - 1;
  const main = householdsOn(reg, nowDay, "mainstream");
  const households = main.length;
  const places = main.reduce((s, h) => s + h.places, 0);
  const ownAverage = households > 0 ? places / households : undefined;
  const placesPerHousehold = ownAverage ?? ENGLAND_PLACES_PER_HOUSEHOLD;
  if (ownAverage === undefined)
    notes.push(
      "The register has no mainstream households on the day before the forecast: England's places per household are used.",
    );

  const rateYears: FinancialYear[] = [];
  for (let y = years[0]! - settings.rateYears; y < years[0]!; y++) rateYears.push(y);
  const rates = recruitmentRates(reg, rateYears);
  const current = projectPipeline(
    households,
    rates.approvals,
    rates.deregistrationRate,
    years,
    placesPerHousehold,
  );
  const target =
    settings.target === undefined
      ? null
      : projectPipeline(households, settings.target, rates.deregistrationRate, years, placesPerHousehold);

  const gapYears: GapYear[] = years.map((fy, y) => {
    const daysInYear = daysInFinancialYear(fy);
    const expY = expected.years.indexOf(shape.years[y]!);
    const runY = runs ? runs.years.indexOf(shape.years[y]!) : -1;
    const lines = (Object.keys(GAP_GROUPS) as GapGroup[]).map((group): GapLine => {
      const demandDays = expY >= 0 ? groupDays(expected, 0, expY, group) : 0;
      const pipe = current[y]!;
      const inHouse =
        group === "fostering"
          ? ((pipe.start + pipe.end) / 2) * placesPerHousehold * settings.occupancy
          : group === "childrens_home"
            ? homeChildren(reg, fy, settings.occupancy)
            : 0;
      const block = blockChildren(reg, group, fy, settings.occupancy);
      const capacity = inHouse + block;
      let demandRuns: Spread | null = null;
      let shortRuns: Spread | null = null;
      if (runs && runY >= 0 && nRuns > 0) {
        const demand = new Float64Array(nRuns);
        const short = new Float64Array(nRuns);
        for (let r = 0; r < nRuns; r++) {
          demand[r] = groupDays(runs, r, runY, group) / daysInYear;
          short[r] = Math.max(0, demand[r]! - capacity);
        }
        demandRuns = roundSpread(spread(demand), tenth);
        shortRuns = roundSpread(spread(short), tenth);
      }
      const demand = demandDays / daysInYear;
      const needed = forecast.placementsNeeded?.find((p) => p.year === shape.years[y]);
      let newPlacements: number | null = null;
      if (needed) {
        newPlacements = 0;
        for (const cat of GAP_GROUPS[group]) {
          const s = needed.byCategory[cat];
          if (s) newPlacements += s.expected ?? s.mean;
        }
        newPlacements = tenth(newPlacements);
      }
      return {
        group,
        demand: { expected: tenth(demand), childWeeks: tenth(demandDays / 7), runs: demandRuns },
        inHouse: tenth(inHouse),
        block: tenth(block),
        shortfall: { expected: tenth(Math.max(0, demand - capacity)), runs: shortRuns },
        newPlacements,
      };
    });
    return { year: shape.years[y]!, daysInYear, lines };
  });

  // Recruitment needed by the target year.
  const tYear = years[ti]!;
  const tDays = daysInFinancialYear(tYear);
  const expT = expected.years.indexOf(targetYear);
  const fosteringDays = expT >= 0 ? groupDays(expected, 0, expT, "fostering") : 0;
  const need = recruitmentNeed({
    demandDays: fosteringDays,
    daysInYear: tDays,
    share: settings.inHouseShare,
    occupancy: settings.occupancy,
    placesPerHousehold,
    households,
    places,
    longTermShare: input.fostering.longTermShare,
    ageShares: input.fostering.ageShares,
  });
  let householdsNeededRuns: Spread | null = null;
  if (runs && nRuns > 0) {
    const ry = runs.years.indexOf(targetYear);
    const sample = new Float64Array(nRuns);
    for (let r = 0; r < nRuns; r++)
      sample[r] =
        (settings.inHouseShare * groupDays(runs, r, ry, "fostering")) /
        tDays /
        settings.occupancy /
        placesPerHousehold;
    householdsNeededRuns = roundSpread(spread(sample), tenth);
  }
  const householdsNeeded = ceilWhole(need.householdsNeeded);
  const demandChildren = fosteringDays / tDays;
  const side = (p: PipelineYear[]): PipelineSide => {
    const end = p[ti]!;
    const capacity = end.end * placesPerHousehold * settings.occupancy;
    // Whole households: the expected number rounded down, so households + shortBy = households needed.
    const whole = Math.floor(end.end + 1e-9);
    return {
      households: whole,
      places: tenth(end.places),
      share: demandChildren > 0 ? Math.round(Math.min(1, capacity / demandChildren) * 1000) / 1000 : 1,
      shortBy: Math.max(0, householdsNeeded - whole),
      reached: whole >= householdsNeeded,
    };
  };
  const recruitment: Gap["recruitment"] = {
    year: targetYear,
    children: tenth(need.children),
    placesNeeded: ceilWhole(need.placesNeeded),
    householdsNeeded,
    additionalHouseholds: need.additionalHouseholds,
    additionalPlaces: need.additionalPlaces,
    longTerm: need.longTerm,
    shortTerm: need.shortTerm,
    byAgeBand: need.byAgeBand,
    householdsNeededRuns,
    approvalsNeeded: tenth(
      Math.max(0, approvalsToReach(households, need.householdsNeeded, rates.deregistrationRate, ti + 1)),
    ),
    current: side(current),
    target: target ? side(target) : null,
  };

  // The budget and the cost of closing the gap.
  let budget: Budget | null = null;
  const scenarios: Gap["scenarios"] = [];
  if (input.costing) {
    budget = projectBudget(forecast, input.costing);
    const apply = (fn: (d: RunDays) => RunDays): ForecastDays => ({
      ...(forecast.runDays ? { runDays: fn(forecast.runDays) } : {}),
      ...(forecast.expectedDays ? { expectedDays: fn(forecast.expectedDays) } : {}),
    });
    const has = (c: string) => shape.categories.includes(c);
    if (has("inhouse_fostering") && has("agency_fostering")) {
      scenarios.push({
        id: "in_house_share",
        name: `Meet ${Math.round(settings.inHouseShare * 100)}% of fostering demand in-house`,
        comparison: compareBudgets(
          "in_house_share",
          forecast,
          apply((d) => reachInHouseShare(d, settings.inHouseShare)),
          input.costing,
        ),
      });
      if (settings.moveFromAgency > 0)
        scenarios.push({
          id: "move_from_agency",
          name: `Move ${settings.moveFromAgency} placements from agency to in-house fostering`,
          comparison: compareBudgets(
            "move_from_agency",
            forecast,
            apply((d) =>
              shiftPlacements(d, {
                from: "agency_fostering",
                to: "inhouse_fostering",
                placements: settings.moveFromAgency,
              }),
            ),
            input.costing,
          ),
        });
    }
    if (settings.stepDown > 0 && has("childrens_home") && has("inhouse_fostering"))
      scenarios.push({
        id: "step_down",
        name: `Step ${settings.stepDown} children down from children's homes to in-house fostering`,
        comparison: compareBudgets(
          "step_down",
          forecast,
          apply((d) =>
            shiftPlacements(d, {
              from: "childrens_home",
              to: "inhouse_fostering",
              placements: settings.stepDown,
            }),
          ),
          input.costing,
        ),
      });
  }

  const gap: Gap = {
    council: reg.council,
    settings: { ...settings, targetYear },
    now: {
      date: formatISO(nowDay),
      households,
      places,
      placesPerHousehold: Math.round(placesPerHousehold * 100) / 100,
      placesPerHouseholdSource:
        ownAverage === undefined
          ? "England (Ofsted, Fostering in England 2023–24)"
          : "the council's register",
    },
    rates: {
      ...rates,
      approvals: tenth(rates.approvals),
      deregistrations: tenth(rates.deregistrations),
      deregistrationRate: Math.round(rates.deregistrationRate * 1000) / 1000,
      netGain: tenth(rates.approvals - rates.deregistrations),
    },
    fosteringProfile: input.fostering,
    years: gapYears,
    recruitment,
    pipeline: {
      current: current.map(roundPipeline),
      target: target ? target.map(roundPipeline) : null,
      steadyState: {
        current: nullableTenth(steadyState(rates.approvals, rates.deregistrationRate)),
        target:
          settings.target === undefined
            ? null
            : nullableTenth(steadyState(settings.target, rates.deregistrationRate)),
      },
    },
    budget,
    scenarios,
    summary: [],
    notes: [...notes, ...(budget?.notes ?? [])],
  };
  gap.summary = gapSummary(gap);
  return gap;
}

const nullableTenth = (x: number | null) => (x === null ? null : tenth(x));

function roundPipeline(p: PipelineYear): PipelineYear {
  return {
    year: p.year,
    start: tenth(p.start),
    approvals: tenth(p.approvals),
    deregistrations: tenth(p.deregistrations),
    end: tenth(p.end),
    places: tenth(p.places),
  };
}

/** The plain-language summary: every number is read from a field of the gap. */
export function gapSummary(gap: Gap): SummarySentence[] {
  const s = sentenceBuilder(gap);
  const out: SummarySentence[] = [];
  const r = gap.recruitment;
  if (r.additionalHouseholds > 0)
    out.push(
      s`To meet ${f("settings.inHouseShare", "pct")} of fostering demand in-house by ${f("recruitment.year", "text")} needs ${f("recruitment.additionalHouseholds")} more fostering households (${f("recruitment.longTerm")} long-term, ${f("recruitment.shortTerm")} short-term) than the ${f("now.households")} approved on ${f("now.date", "date")}: ${f("recruitment.householdsNeeded")} households with ${f("recruitment.placesNeeded")} places, for ${f("recruitment.children", "decimal")} children on an average day at ${f("settings.occupancy", "pct")} occupancy.`,
    );
  else
    out.push(
      s`The ${f("now.households")} fostering households approved on ${f("now.date", "date")} are enough to meet ${f("settings.inHouseShare", "pct")} of fostering demand in-house in ${f("recruitment.year", "text")}, which needs ${f("recruitment.householdsNeeded")} households at ${f("settings.occupancy", "pct")} occupancy.`,
    );
  if (gap.rates.years.length > 0) {
    const last = gap.rates.years.length - 1;
    const tail = r.current.reached
      ? s`, enough for the need.`
      : s`, ${f("recruitment.current.shortBy")} short of the need.`;
    const net =
      gap.rates.netGain >= 0
        ? s`, a net gain of ${f("rates.netGain", "decimal")} a year,`
        : s`, a net loss of ${f("rates.netGain", "decimalAbs")} a year,`;
    const lead = s`At the recent ${f("rates.approvals", "decimal")} approvals and ${f("rates.deregistrations", "decimal")} deregistrations a year (${f("rates.years.0", "text")} to ${f(`rates.years.${last}`, "text")})`;
    const rest = s` the council would have ${f("recruitment.current.households")} households by the end of ${f("recruitment.year", "text")}`;
    const head = { text: lead.text + net.text + rest.text, refs: [...lead.refs, ...net.refs, ...rest.refs] };
    out.push({ text: head.text + tail.text, refs: [...head.refs, ...tail.refs] });
  }
  if (r.target) {
    const head = s`A target of ${f("settings.target")} approvals a year would give ${f("recruitment.target.households")} households by the end of ${f("recruitment.year", "text")}, meeting ${f("recruitment.target.share", "pct")} of fostering demand in-house`;
    const tail = r.target.reached
      ? s`.`
      : s`; reaching the need by then takes about ${f("recruitment.approvalsNeeded", "count")} approvals a year.`;
    out.push({ text: head.text + tail.text, refs: [...head.refs, ...tail.refs] });
  }
  const first = gap.years[0];
  if (first) {
    const i = first.lines.findIndex((l) => l.group === "fostering");
    const line = `years.0.lines.${i}`;
    const head = s`In ${f("years.0.year", "text")} about ${f(`${line}.shortfall.expected`, "count")} fostering placements on an average day would fall to agencies beyond the in-house capacity of ${f(`${line}.inHouse`, "count")} children`;
    const tail =
      first.lines[i]!.block > 0
        ? s` and block places for ${f(`${line}.block`, "count")}.`
        : s` (no fostering block places).`;
    out.push({ text: head.text + tail.text, refs: [...head.refs, ...tail.refs] });
  }
  const b = gap.budget;
  if (b && b.years.length > 0) {
    const last = b.years.length - 1;
    const y0 = b.years[0]!;
    if (y0.expected && y0.runs && b.runsAgree) {
      out.push(
        s`The forecast placement budget for ${f("budget.years.0.year", "text")} is ${f("budget.years.0.expected.total", "money")} (90% interval ${f("budget.years.0.runs.p5", "money")} to ${f("budget.years.0.runs.p95", "money")}), and ${f(`budget.years.${last}.expected.total`, "money")} in ${f(`budget.years.${last}.year`, "text")} at the inflation assumed.`,
      );
    } else if (y0.expected) {
      out.push(
        s`The forecast placement budget for ${f("budget.years.0.year", "text")} is ${f("budget.years.0.expected.total", "money")}, and ${f(`budget.years.${last}.expected.total`, "money")} in ${f(`budget.years.${last}.year`, "text")} at the inflation assumed.`,
      );
    }
  }
  gap.scenarios.forEach((sc, i) => {
    const last = sc.comparison.years.length - 1;
    const y = sc.comparison.years[last];
    if (!y?.expected) return;
    const lead = `scenarios.${i}.comparison.years.${last}`;
    const verb = y.expected.saving >= 0 ? "save" : "add";
    const body = s`${f(`${lead}.expected.saving`, "moneyAbs")} in ${f(`${lead}.year`, "text")}`;
    const tail =
      y.saving && y.saving.p95 - y.saving.p5 >= 1 && b?.runsAgree
        ? s` (90% interval ${f(`${lead}.saving.p5`, "money")} to ${f(`${lead}.saving.p95`, "money")}).`
        : s`.`;
    out.push({
      text: `${sc.name}: this would ${verb} ${body.text}${tail.text}`,
      refs: [...body.refs, ...tail.refs],
    });
  });
  return out;
}
