import { type Day, formatISO, monthEnds } from "../dates.js";
import type { ChildRecord, HistoryEpisode } from "../ssda903/history.js";
import { type AgeBands, bandIndex } from "./bands.js";
import { ageOf, endOf, episodeOn, isUascOn } from "./care.js";
import { type PlacementType, placementType } from "./placement-types.js";

/** A child with only the episodes that count as care (short breaks removed). */
export interface CaredChild {
  child: ChildRecord;
  episodes: HistoryEpisode[];
}

export type Counts = Record<string, number>;

/** Children looked after on a day, with the breakdowns a profile quotes. */
export interface StockOnDay {
  date: string;
  total: number;
  byAgeBand: Counts;
  /** Single years of age 0–17, then "18+", and "unknown" when the date of birth is missing. */
  byAge: Counts;
  bySex: Counts;
  byEthnicity: Counts;
  byLegalStatus: Counts;
  byCategoryOfNeed: Counts;
  byPlacementType: Counts;
  uasc: { uasc: number; other: number };
}

function bump(c: Counts, key: string): void {
  c[key] = (c[key] ?? 0) + 1;
}

export function ageKey(age: number | undefined): string {
  if (age === undefined) return "unknown";
  return age >= 18 ? "18+" : String(Math.max(0, age));
}

export function bandKey(bands: AgeBands, age: number | undefined): string {
  return age === undefined ? "unknown" : bands.labels[bandIndex(bands, age)]!;
}

/** Children looked after on `day`: an episode with DECOM ≤ day and (DEC blank or DEC > day). */
export function stockOn(children: readonly CaredChild[], day: Day, bands: AgeBands): StockOnDay {
  const s: StockOnDay = {
    date: formatISO(day),
    total: 0,
    byAgeBand: Object.fromEntries(bands.labels.map((l) => [l, 0])),
    byAge: {},
    bySex: {},
    byEthnicity: {},
    byLegalStatus: {},
    byCategoryOfNeed: {},
    byPlacementType: {},
    uasc: { uasc: 0, other: 0 },
  };
  for (const { child, episodes } of children) {
    const e = episodeOn(episodes, day);
    if (!e) continue;
    s.total += 1;
    const age = ageOf(child, day);
    bump(s.byAgeBand, bandKey(bands, age));
    bump(s.byAge, ageKey(age));
    bump(s.bySex, child.sex || "unknown");
    bump(s.byEthnicity, child.ethnic || "unknown");
    bump(s.byLegalStatus, e.LS || "unknown");
    bump(s.byCategoryOfNeed, e.CIN || "unknown");
    bump(s.byPlacementType, placementType(e.PLACE, e.PLACE_PROVIDER) satisfies PlacementType);
    if (isUascOn(child, day)) s.uasc.uasc += 1;
    else s.uasc.other += 1;
  }
  return s;
}

export interface MonthEndPoint {
  date: string;
  total: number;
  uasc: number;
}

/**
 * Children looked after at each month end from `from` to `to`. Each
 * episode adds itself to the month ends it covers; a child is counted once
 * per month end even if the history had overlapping episodes.
 */
export function monthEndSeries(children: readonly CaredChild[], from: Day, to: Day): MonthEndPoint[] {
  const ends = monthEnds(from, to).filter((d) => d >= from && d <= to);
  const total = new Array<number>(ends.length).fill(0);
  const uasc = new Array<number>(ends.length).fill(0);
  for (const { child, episodes } of children) {
    let last = -1;
    for (const e of episodes) {
      const end = endOf(e);
      // first month end on or after DECOM
      let i = lowerBound(ends, e.DECOM);
      if (i <= last) i = last + 1;
      for (; i < ends.length && ends[i]! < end; i++) {
        total[i]! += 1;
        if (isUascOn(child, ends[i]!)) uasc[i]! += 1;
        last = i;
      }
    }
  }
  return ends.map((d, i) => ({ date: formatISO(d), total: total[i]!, uasc: uasc[i]! }));
}

/** First index whose value is ≥ x in an ascending array. */
export function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
