import { ageOn, birthday, type Day } from "../dates.js";
import { type AgeBands, bandIndex, DEFAULT_BANDS } from "../profile/bands.js";
import { careEpisodes, endOf } from "../profile/care.js";
import type { History, HistoryEpisode } from "../ssda903/history.js";
import {
  type CostCategory,
  costCategory,
  isLongTermFoster,
  type Provider,
  providerOf,
} from "./categories.js";
import { type FinancialYear, fyStart } from "./financial-years.js";

/** Days of care in one financial year for one combination of placement attributes. */
export interface ChildDaysRow {
  year: FinancialYear;
  category: CostCategory;
  /** Provider type, or undefined when PLACE_PROVIDER does not say (PR0, blank). */
  provider: Provider | undefined;
  /** PLACE_PROVIDER as recorded. */
  placeProvider: string;
  /** U1 or U4: a long-term foster placement. */
  longTerm: boolean;
  /** Age band on each day (episodes split at birthdays); "unknown" with no date of birth. */
  band: string;
  days: number;
}

/**
 * Child-days of care by financial year, cost category, provider, long-term
 * fostering and age band, from the rebuilt history. An episode is open on
 * [DECOM, DEC) and short breaks (V3/V4) are left out (profile/care.ts); a
 * stay counts in each year by the days that fall in it, so a placement over
 * 1 April counts in both years. Temporary placements count as the placement
 * before them (see `resolved`).
 */
export function childDays(
  history: History,
  years: readonly FinancialYear[],
  bands: AgeBands = DEFAULT_BANDS,
): ChildDaysRow[] {
  const rows = new Map<string, ChildDaysRow>();
  const add = (
    year: FinancialYear,
    category: CostCategory,
    placeProvider: string,
    longTerm: boolean,
    band: string,
    days: number,
  ) => {
    if (days <= 0) return;
    const key = `${year}|${category}|${placeProvider}|${longTerm}|${band}`;
    const row = rows.get(key);
    if (row) row.days += days;
    else
      rows.set(key, {
        year,
        category,
        provider: providerOf(category, placeProvider),
        placeProvider,
        longTerm,
        band,
        days,
      });
  };
  const sorted = [...years].sort((a, b) => a - b);
  for (const child of history.children) {
    for (const { e, category, placeProvider, longTerm } of resolved(careEpisodes(child))) {
      for (const year of sorted) {
        const from = Math.max(e.DECOM, fyStart(year));
        const to = Math.min(endOf(e), fyStart(year + 1));
        if (to <= from) continue;
        if (child.dob === null) {
          add(year, category, placeProvider, longTerm, "unknown", to - from);
          continue;
        }
        for (const [band, days] of splitByBand(bands, child.dob, from, to))
          add(year, category, placeProvider, longTerm, band, days);
      }
    }
  }
  return [...rows.values()];
}

/**
 * Each episode with the placement it counts as. A temporary placement
 * (T0–T4) counts as the placement before it in the same period of care (the
 * next one when the period starts with it; "other" when the period has no
 * other placement), as the forecast counts it. A period of care is a run of
 * episodes each starting the day the one before ended.
 */
function resolved(
  episodes: readonly HistoryEpisode[],
): Array<{ e: HistoryEpisode; category: CostCategory; placeProvider: string; longTerm: boolean }> {
  const out: Array<{ e: HistoryEpisode; category: CostCategory; placeProvider: string; longTerm: boolean }> =
    [];
  let period: HistoryEpisode[] = [];
  const flush = () => {
    const own = period.map((e) => costCategory(e.PLACE, e.PLACE_PROVIDER));
    let last = own.findIndex((c) => c !== undefined);
    period.forEach((e, i) => {
      if (own[i] !== undefined) last = i;
      const from = last >= 0 ? period[last]! : undefined;
      out.push({
        e,
        category: (last >= 0 ? own[last] : undefined) ?? "other",
        placeProvider: from ? from.PLACE_PROVIDER : e.PLACE_PROVIDER,
        longTerm: from ? isLongTermFoster(from.PLACE) : false,
      });
    });
    period = [];
  };
  for (const e of episodes) {
    const prev = period[period.length - 1];
    if (prev && endOf(prev) !== e.DECOM) flush();
    period.push(e);
  }
  flush();
  return out;
}

/** The days [from, to) by the age band the child is in, splitting at birthdays. */
function splitByBand(bands: AgeBands, dob: Day, from: Day, to: Day): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let day = from;
  while (day < to) {
    const age = ageOn(dob, day);
    const b = bandIndex(bands, age);
    const nextLower = bands.lower[b + 1];
    const until = nextLower === undefined ? to : Math.min(to, birthday(dob, Math.max(nextLower, age + 1)));
    out.push([bands.labels[b]!, until - day]);
    day = until;
  }
  return out;
}

/** Sums the rows that pass `keep`, grouped by `key`. */
export function sumDays<K extends string | number>(
  rows: readonly ChildDaysRow[],
  key: (r: ChildDaysRow) => K,
  keep: (r: ChildDaysRow) => boolean = () => true,
): Map<K, number> {
  const out = new Map<K, number>();
  for (const r of rows) {
    if (!keep(r)) continue;
    const k = key(r);
    out.set(k, (out.get(k) ?? 0) + r.days);
  }
  return out;
}
