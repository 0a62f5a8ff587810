/**
 * Person-time and events in a window, by state: UASC or not (u), age group
 * (g) and placement category (c). Exposure is split exactly at the
 * birthdays that start a new age group and clipped to the window; an
 * event at the end of a segment belongs to the state of its last day.
 *
 * The window is the days [from, to). An event on day DEC (the first day
 * out of the state) counts when from < DEC < to, so nothing that happened
 * after the last day of the window is used: a child leaving on 1 April is
 * still in care on 31 March, and their leaving is in the next window.
 */

import { addMonths, ageOn, birthday } from "../dates.js";
import type { AgeBands } from "../profile/bands.js";
import { bandIndex } from "../profile/bands.js";
import { MONTHS, monthsOld } from "./ages.js";
import { EXIT_GROUPS } from "./categories.js";
import { type DurationBands, durationBandOn } from "./durations.js";
import { END_EXIT, END_SAME_MOVE, END_TRANSITION, type Segments } from "./segments.js";

export const STRATA = 2;
export const EXITS = EXIT_GROUPS.length;

/**
 * Counts in a window. A rate state is (u, g, b, c): stratum, age group,
 * time-in-care band and category, index st = (u·GA + g·NB + b)·C + c with
 * GA = G·NB. Destination k of a state in category c: k < C is category k
 * (k = c: a move within c); C + x is exit group x.
 */
export interface WindowCounts {
  from: number;
  to: number;
  C: number;
  G: number;
  NB: number;
  GA: number;
  /** Destinations per state: C + number of exit groups. */
  D: number;
  /** Child-days per state. */
  exposure: Float64Array;
  /** Events, index st·D + k. */
  events: Float64Array;
  /** Transitions to another category that were moves to new carers, index st·C + d. */
  newPlacements: Float64Array;
  /** Entries (periods of care starting), index (u·MONTHS + month of age)·C + c. */
  entries: Float64Array;
}

/** Counts exposure, events and entries of the segments in [from, to). */
export function countWindow(
  seg: Segments,
  groups: AgeBands,
  durations: DurationBands,
  from: number,
  to: number,
): WindowCounts {
  const C = seg.categories.length;
  const G = groups.lower.length;
  const NB = durations.NB;
  const GA = G * NB;
  const D = C + EXITS;
  const S = STRATA * GA * C;
  const exposure = new Float64Array(S);
  const events = new Float64Array(S * D);
  const newPlacements = new Float64Array(S * C);
  const entries = new Float64Array(STRATA * MONTHS * C);
  const bounds = groups.lower.map((_, i) => groups.lower[i + 1] ?? 18);
  const dBounds = durations.bounds;
  for (let i = 0; i < seg.n; i++) {
    const dob = seg.dob[i]!;
    if (Number.isNaN(dob)) continue;
    const s = seg.start[i]!;
    const e = seg.end[i]!;
    if (s >= to || e <= from) continue;
    const u = seg.uasc[i]!;
    const c = seg.cat[i]!;
    const ps = seg.periodStart[i]!;
    if (seg.entry[i] === 1 && s >= from) {
      const m = monthsOld(dob, s);
      if (m >= 0 && m < MONTHS) entries[(u * MONTHS + m) * C + c]! += 1;
    }
    // Exposure, split at the birthdays that start an age group and at the time-in-care bounds.
    let a = Math.max(s, from);
    const b = Math.min(e, to, seg.b18[i]!);
    if (a < b) {
      let g = bandIndex(groups, Math.max(0, ageOn(dob, a)));
      let nextAge = birthday(dob, bounds[g]!);
      let db = durationBandOn(durations, ps, a);
      let nextDur = db < dBounds.length ? addMonths(ps, dBounds[db]!) : Number.POSITIVE_INFINITY;
      while (a < b) {
        const next = Math.min(b, nextAge, nextDur);
        if (next > a) exposure[(u * GA + g * NB + db) * C + c]! += next - a;
        a = next;
        if (a >= nextAge && g + 1 < G) {
          g += 1;
          nextAge = birthday(dob, bounds[g]!);
        } else if (a >= nextAge) break;
        if (a >= nextDur) {
          db += 1;
          nextDur = db < dBounds.length ? addMonths(ps, dBounds[db]!) : Number.POSITIVE_INFINITY;
        }
      }
    }
    const kind = seg.endKind[i]!;
    if (e > from && e < to && (kind === END_TRANSITION || kind === END_SAME_MOVE || kind === END_EXIT)) {
      const age = ageOn(dob, e - 1);
      if (age < 0 || age >= 18) continue;
      const st = (u * GA + bandIndex(groups, age) * NB + durationBandOn(durations, ps, e - 1)) * C + c;
      const k = kind === END_SAME_MOVE ? c : kind === END_TRANSITION ? seg.dest[i]! : C + seg.dest[i]!;
      events[st * D + k]! += 1;
      if (kind === END_TRANSITION && seg.newPlacement[i] === 1) newPlacements[st * C + seg.dest[i]!]! += 1;
    }
  }
  return { from, to, C, G, NB, GA, D, exposure, events, newPlacements, entries };
}

/**
 * Children in care on each of the given days (ascending), by UASC, age
 * band and category: index ((day·2 + u)·B + band)·C + c. Children without
 * a date of birth are in band -1 and counted in `unknownAge` per day and
 * category.
 */
export function stockOnDays(
  seg: Segments,
  days: readonly number[],
  bands: AgeBands,
): { counts: Float64Array; unknownAge: Float64Array; B: number } {
  const C = seg.categories.length;
  const B = bands.lower.length;
  const counts = new Float64Array(days.length * STRATA * B * C);
  const unknownAge = new Float64Array(days.length * C);
  for (let i = 0; i < seg.n; i++) {
    const s = seg.start[i]!;
    const e = seg.end[i]!;
    let j = lowerBound(days, s);
    const c = seg.cat[i]!;
    const u = seg.uasc[i]!;
    const dob = seg.dob[i]!;
    for (; j < days.length && days[j]! < e; j++) {
      const d = days[j]!;
      if (Number.isNaN(dob)) {
        unknownAge[j * C + c]! += 1;
        continue;
      }
      const age = ageOn(dob, d);
      if (age >= 18 || age < 0) continue;
      counts[((j * STRATA + u) * B + bandIndex(bands, age)) * C + c]! += 1;
    }
  }
  return { counts, unknownAge, B };
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Months in care on a day, to the nearest month (as the projection counts
 * them at each month end: a child who arrived in the first half of a month
 * is a month in care at its end), capped at DM.
 */
export function monthsInCare(periodStart: number, day: number, DM: number): number {
  let m = Math.max(0, monthsOld(periodStart, day));
  const lo = addMonths(periodStart, m);
  const hi = addMonths(periodStart, m + 1);
  if (day - lo >= (hi - lo) / 2) m += 1;
  return Math.min(DM, m);
}

/** Cell i of a start stock (`stockByMonth`'s index): stratum u, month of age m, months in care dm and category c. */
export function startCell(i: number, C: number, DM: number): { u: number; m: number; dm: number; c: number } {
  const DD = DM + 1;
  const um = Math.floor(i / (C * DD));
  const u = um >= MONTHS ? 1 : 0;
  return { u, m: um - u * MONTHS, dm: Math.floor(i / C) % DD, c: i % C };
}

/**
 * The stock on one day by UASC, month of age, months in care (capped at
 * DM) and category, index ((u·MONTHS + m)·(DM + 1) + dm)·C + c, for the
 * projection's starting point. Children without a date of birth are given
 * the middle month of age of the children in their category (`imputed`
 * says how many).
 */
export function stockByMonth(
  seg: Segments,
  day: number,
  DM: number,
): { stock: Float64Array; imputed: number } {
  const C = seg.categories.length;
  const DD = DM + 1;
  const stock = new Float64Array(STRATA * MONTHS * DD * C);
  const byAge = new Float64Array(STRATA * MONTHS * C);
  const unknown: number[] = [];
  for (let i = 0; i < seg.n; i++) {
    if (seg.start[i]! > day || seg.end[i]! <= day) continue;
    const dob = seg.dob[i]!;
    if (Number.isNaN(dob)) {
      unknown.push(i);
      continue;
    }
    const m = monthsOld(dob, day);
    if (m < 0 || m >= MONTHS) continue;
    const u = seg.uasc[i]!;
    const dm = monthsInCare(seg.periodStart[i]!, day, DM);
    stock[((u * MONTHS + m) * DD + dm) * C + seg.cat[i]!]! += 1;
    byAge[(u * MONTHS + m) * C + seg.cat[i]!]! += 1;
  }
  for (const i of unknown) {
    const u = seg.uasc[i]!;
    const c = seg.cat[i]!;
    let total = 0;
    for (let m = 0; m < MONTHS; m++) total += byAge[(u * MONTHS + m) * C + c]!;
    let m = 0;
    let run = 0;
    for (; m < MONTHS - 1; m++) {
      run += byAge[(u * MONTHS + m) * C + c]!;
      if (run >= total / 2) break;
    }
    if (total === 0) m = 120;
    stock[((u * MONTHS + m) * DD + monthsInCare(seg.periodStart[i]!, day, DM)) * C + c]! += 1;
  }
  return { stock, imputed: unknown.length };
}
