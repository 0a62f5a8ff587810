import { ageOn, birthday, type Day } from "../dates.js";
import { type CollectionYear, yearStart } from "../ssda903/years.js";
import { type AgeBands, bandIndex } from "./bands.js";
import { endOf } from "./care.js";
import {
  FOSTERING_TYPES,
  OTHER_TYPES,
  PLACEMENT_TYPES,
  type PlacementType,
  placementType,
} from "./placement-types.js";
import type { CaredChild } from "./stock.js";

/** A table of placement type (rows, with roll-ups) by age band (columns, with a total). */
export type MixTable = Record<string, Record<string, number>>;

export interface PlacementMix {
  year: CollectionYear;
  bands: readonly string[];
  /** Episodes open at any time in the year, by type and age on the later of DECOM and 1 April. */
  episodes: MixTable;
  /** Weeks of placement in the year (days inside the year ÷ 7, split at birthdays), one decimal place. */
  weeks: MixTable;
  /** Children whose age is unknown are counted in the "unknown" column. */
}

const ROLLUPS: Record<string, readonly PlacementType[]> = {
  fostering: FOSTERING_TYPES,
  other_total: OTHER_TYPES,
  total: PLACEMENT_TYPES,
};

function emptyTable(columns: readonly string[]): MixTable {
  const t: MixTable = {};
  for (const row of [...PLACEMENT_TYPES, ...Object.keys(ROLLUPS)]) {
    t[row] = Object.fromEntries([...columns, "total"].map((c) => [c, 0]));
  }
  return t;
}

/** Fills roll-up rows and the total column. */
function finish(t: MixTable, columns: readonly string[], round: (x: number) => number): MixTable {
  for (const type of PLACEMENT_TYPES) {
    const row = t[type]!;
    row.total = columns.reduce((s, c) => s + row[c]!, 0);
  }
  for (const [name, types] of Object.entries(ROLLUPS)) {
    const row = t[name]!;
    for (const c of [...columns, "total"]) row[c] = types.reduce((s, ty) => s + t[ty]![c]!, 0);
  }
  for (const row of Object.values(t)) for (const c of Object.keys(row)) row[c] = round(row[c]!);
  return t;
}

export function placementMix(
  children: readonly CaredChild[],
  year: CollectionYear,
  bands: AgeBands,
): PlacementMix {
  const start = yearStart(year);
  const next = yearStart(year + 1);
  const hasUnknown = children.some((c) => c.child.dob === null);
  const columns = hasUnknown ? [...bands.labels, "unknown"] : [...bands.labels];
  const episodes = emptyTable(columns);
  const days = emptyTable(columns);
  for (const { child, episodes: eps } of children) {
    for (const e of eps) {
      const from = Math.max(e.DECOM, start);
      const to = Math.min(endOf(e), next);
      if (to <= from) continue;
      const type = placementType(e.PLACE, e.PLACE_PROVIDER);
      if (child.dob === null) {
        episodes[type]!.unknown! += 1;
        days[type]!.unknown! += to - from;
        continue;
      }
      episodes[type]![bands.labels[bandIndex(bands, ageOn(child.dob, from))]!]! += 1;
      addDaysByBand(days[type]!, bands, child.dob, from, to);
    }
  }
  return {
    year,
    bands: columns,
    episodes: finish(episodes, columns, (x) => x),
    weeks: finish(days, columns, (x) => Math.round((x / 7) * 10) / 10),
  };
}

/** Adds the days [from, to) to the bands the child's age falls in, splitting at birthdays. */
function addDaysByBand(row: Record<string, number>, bands: AgeBands, dob: Day, from: Day, to: Day): void {
  let day = from;
  let age = ageOn(dob, day);
  while (day < to) {
    const b = bandIndex(bands, age);
    const nextBound = bands.lower[b + 1];
    const until = nextBound === undefined ? to : Math.min(to, birthday(dob, Math.max(nextBound, age + 1)));
    row[bands.labels[b]!]! += until - day;
    day = until;
    age = ageOn(dob, day);
  }
}

export interface Share {
  count: number;
  of: number;
  pct: number | null;
}

export function share(count: number, of: number): Share {
  return { count, of, pct: of === 0 ? null : Math.round((count / of) * 1000) / 10 };
}

/** Fostering as a share of all placements, per age band and overall, from one of the two tables. */
export function fosteringShare(t: MixTable, columns: readonly string[]): Record<string, Share> {
  return Object.fromEntries([...columns, "total"].map((c) => [c, share(t.fostering![c]!, t.total![c]!)]));
}

/** Connected-person, in-house and agency shares of fostering. */
export function fosteringProviders(t: MixTable): { connected: Share; inHouse: Share; agency: Share } {
  const f = t.fostering!.total!;
  const sum = (types: PlacementType[]) => types.reduce((s, ty) => s + t[ty]!.total!, 0);
  return {
    connected: share(sum(["connected_long_term", "connected_other"]), f),
    inHouse: share(sum(["inhouse_foster_long_term", "inhouse_foster_other"]), f),
    agency: share(sum(["agency_foster_long_term", "agency_foster_other"]), f),
  };
}
