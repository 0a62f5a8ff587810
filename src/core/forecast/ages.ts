/**
 * Ages in the forecast. Rates are estimated for age groups (default 0,
 * 1–4, 5–9, 10–12, 13–15, 16, 17: the ages at which placements and exits
 * change most); the projection follows each child's age in whole months,
 * so children move up a group, and leave care at 18, in the month of
 * their birthday. Results are reported by the profile's age bands (0–4,
 * 5–9, 10–12, 13–15, 16+).
 */

import { daysInMonth, ymdFromDay } from "../dates.js";
import { type AgeBands, ageBands, bandIndex } from "../profile/bands.js";

/** Months of age projected: 0 to 215; a child reaching 216 months (18 years) leaves care. */
export const MONTHS = 216;

export const DEFAULT_AGE_GROUPS: AgeBands = ageBands([0, 1, 5, 10, 13, 16, 17]);
export const REPORT_BANDS: AgeBands = ageBands([0, 5, 10, 13, 16]);

/** Checks estimation groups: lower bounds from 0, whole years under 18. */
export function checkAgeGroups(groups: AgeBands): void {
  if (groups.lower.some((l) => l > 17)) throw new RangeError("age groups must start below 18");
}

/** Completed months of age on a day (a birthday on the 31st completes in a shorter month on its last day). */
export function monthsOld(dob: number, day: number): number {
  const b = ymdFromDay(dob);
  const t = ymdFromDay(day);
  let m = (t.y - b.y) * 12 + (t.m - b.m);
  if (t.d < Math.min(b.d, daysInMonth(t.y, t.m))) m -= 1;
  return m;
}

/** The group (or band) of each month of age 0..215. */
export function groupOfMonth(groups: AgeBands): Int8Array {
  const out = new Int8Array(MONTHS);
  for (let m = 0; m < MONTHS; m++) out[m] = bandIndex(groups, Math.floor(m / 12));
  return out;
}

/** First and last month of age (inclusive) of each group. */
export function groupMonthRanges(groups: AgeBands): Array<[number, number]> {
  return groups.lower.map((lo, i) => {
    const next = groups.lower[i + 1] ?? 18;
    return [lo * 12, Math.min(next, 18) * 12 - 1];
  });
}
