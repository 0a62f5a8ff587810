import { daysInFinancialYear } from "./financial-years.js";
import { type RunDays, runCount, runDaysYears } from "./run-days.js";

/** A change to where children are placed, applied to forecast days before costing. */
export interface PlacementShift {
  /** Category the placements leave (e.g. agency_fostering, childrens_home). */
  from: string;
  /** Category they move to (e.g. inhouse_fostering). */
  to: string;
  /** Placements moved, each a child for the whole year; a list gives one number per year (the last goes on). */
  placements: number | readonly number[];
}

/**
 * Moves `placements` children's worth of days (placements × days in the
 * year) from one category to another in every run and year, never more than
 * the category holds in that run and year. Returns new days; the input is
 * not changed.
 */
export function shiftPlacements(d: RunDays, shift: PlacementShift): RunDays {
  const from = d.categories.indexOf(shift.from);
  const to = d.categories.indexOf(shift.to);
  if (from < 0) throw new RangeError(`the forecast has no category '${shift.from}'`);
  if (to < 0) throw new RangeError(`the forecast has no category '${shift.to}'`);
  const years = runDaysYears(d);
  const Y = years.length;
  const C = d.categories.length;
  const out = Float64Array.from(d.values as ArrayLike<number>);
  const runs = runCount(d);
  const k = (y: number) => {
    const p = shift.placements;
    if (typeof p === "number") return p;
    return p.length === 0 ? 0 : (p[Math.min(y, p.length - 1)] ?? 0);
  };
  for (let r = 0; r < runs; r++) {
    for (let y = 0; y < Y; y++) {
      const base = (r * Y + y) * C;
      const moved = Math.max(0, Math.min(k(y) * daysInFinancialYear(years[y]!), out[base + from]!));
      out[base + from]! -= moved;
      out[base + to]! += moved;
    }
  }
  return { years: d.years, categories: d.categories, values: out };
}

/**
 * Moves agency fostering days to in-house fostering until in-house holds
 * `share` of the two together (or agency is empty), in every run and year:
 * the placements a recruitment drive reaching that share would bring home.
 */
export function reachInHouseShare(
  d: RunDays,
  share: number,
  inHouse = "inhouse_fostering",
  agency = "agency_fostering",
): RunDays {
  const i = d.categories.indexOf(inHouse);
  const a = d.categories.indexOf(agency);
  if (i < 0 || a < 0) throw new RangeError(`the forecast needs categories '${inHouse}' and '${agency}'`);
  const C = d.categories.length;
  const out = Float64Array.from(d.values as ArrayLike<number>);
  for (let base = 0; base < out.length; base += C) {
    const total = out[base + i]! + out[base + a]!;
    const moved = Math.max(0, Math.min(out[base + a]!, share * total - out[base + i]!));
    out[base + i]! += moved;
    out[base + a]! -= moved;
  }
  return { years: d.years, categories: d.categories, values: out };
}
