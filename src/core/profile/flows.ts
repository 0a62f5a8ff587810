import { ageOn, type Day } from "../dates.js";
import { type CollectionYear, yearEnd, yearStart } from "../ssda903/years.js";
import type { AgeBands } from "./bands.js";
import { endOf } from "./care.js";
import { bandKey, type CaredChild, type Counts } from "./stock.js";

/** Reason groups for children ceasing to be looked after (see docs/indicators.md). */
export const CEASE_GROUPS: Record<string, readonly string[]> = {
  returned_home: ["E4A", "E4B", "E13"],
  adoption: ["E11", "E12"],
  special_guardianship: ["E45", "E46", "E47", "E48"],
  child_arrangements_order: ["E41"],
  independent_living: ["E5", "E6"],
  staying_put: ["E17"],
  custody: ["E9"],
  transferred: ["E3", "E7"],
  other: ["E2", "E8", "E14", "E15", "E16"],
};
export const CEASE_GROUP_KEYS = [...Object.keys(CEASE_GROUPS), "not_recorded"] as const;

const GROUP_OF = new Map<string, string>();
for (const [g, codes] of Object.entries(CEASE_GROUPS)) for (const c of codes) GROUP_OF.set(c, g);

/** The reason group of a REC code; blank or unknown codes are "not_recorded". */
export function ceaseGroup(rec: string): string {
  return GROUP_OF.get(rec) ?? "not_recorded";
}

export interface YearFlows {
  year: CollectionYear;
  /** Children who started to be looked after (an RNE S episode starting in the year); counted once each. */
  started: number;
  startedByAgeBand: Counts;
  /** Children who ceased to be looked after (an episode ending in the year with REC other than X1), counted once, by their last cessation. */
  ceased: number;
  ceasedByReason: Counts;
  ceasedByCode: Counts;
}

function inYear(day: Day, start: Day, end: Day): boolean {
  return day >= start && day <= end;
}

/** Starts and cessations in a collection year. */
export function flowsInYear(
  children: readonly CaredChild[],
  year: CollectionYear,
  bands: AgeBands,
): YearFlows {
  const start = yearStart(year);
  const end = yearEnd(year);
  const f: YearFlows = {
    year,
    started: 0,
    startedByAgeBand: Object.fromEntries(bands.labels.map((l) => [l, 0])),
    ceased: 0,
    ceasedByReason: Object.fromEntries(CEASE_GROUP_KEYS.map((k) => [k, 0])),
    ceasedByCode: {},
  };
  for (const { child, episodes } of children) {
    let firstStart: Day | undefined;
    let lastCease: string | undefined;
    for (const e of episodes) {
      if (e.RNE === "S" && inYear(e.DECOM, start, end) && firstStart === undefined) firstStart = e.DECOM;
      const dec = endOf(e);
      if (Number.isFinite(dec) && inYear(dec, start, end) && e.REC !== "X1") lastCease = e.REC;
    }
    if (firstStart !== undefined) {
      f.started += 1;
      const key = bandKey(bands, child.dob === null ? undefined : ageOn(child.dob, firstStart));
      f.startedByAgeBand[key] = (f.startedByAgeBand[key] ?? 0) + 1;
    }
    if (lastCease !== undefined) {
      f.ceased += 1;
      const g = ceaseGroup(lastCease);
      f.ceasedByReason[g] = (f.ceasedByReason[g] ?? 0) + 1;
      const code = lastCease || "blank";
      f.ceasedByCode[code] = (f.ceasedByCode[code] ?? 0) + 1;
    }
  }
  return f;
}

/** Change from `years` years before the last year to the last year, per age band: count then and now, and the % change. */
export function entrantsChange(
  flows: readonly YearFlows[],
  years = 5,
): Array<{
  band: string;
  from: number;
  to: number;
  fromYear: number;
  toYear: number;
  pctChange: number | null;
}> {
  if (flows.length === 0) return [];
  const last = flows[flows.length - 1]!;
  const first = flows.find((f) => f.year === last.year - years) ?? flows[0]!;
  return Object.keys(last.startedByAgeBand).map((band) => {
    const a = first.startedByAgeBand[band] ?? 0;
    const b = last.startedByAgeBand[band] ?? 0;
    return {
      band,
      from: a,
      to: b,
      fromYear: first.year,
      toYear: last.year,
      pctChange: a === 0 ? null : round1(((b - a) / a) * 100),
    };
  });
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
