import type { Day } from "../dates.js";
import { collectionYearOf, yearLabel, yearStart } from "../ssda903/years.js";

/**
 * Financial years run from 1 April to 31 March, like collection years, and
 * are named the same way: 2025 is 2025/26. A year's days are [1 April,
 * next 1 April), so 365 or 366 days.
 */
export type FinancialYear = number;

export const fyLabel = (y: FinancialYear): string => yearLabel(y);
export const fyStart = (y: FinancialYear): Day => yearStart(y);

/** Days in the financial year (366 when it holds 29 February). */
export function daysInFinancialYear(y: FinancialYear): number {
  return yearStart(y + 1) - yearStart(y);
}

/**
 * Reads a financial year written "2025/26", "2025-26", "2025/2026" or
 * "2025". Returns undefined when the text is not one.
 */
export function parseFinancialYear(text: string): FinancialYear | undefined {
  const s = text.trim();
  const m = /^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (y < 1990 || y > 2100) return undefined;
  if (m[2] !== undefined) {
    const second = Number(m[2]);
    const ok = m[2].length === 2 ? second === (y + 1) % 100 : second === y + 1;
    if (!ok) return undefined;
  }
  return y;
}

/**
 * Splits the days [from, to) by financial year: the days of a stay that
 * fall in each year, in year order. An empty list when to ≤ from.
 */
export function splitByFinancialYear(from: Day, to: Day): Array<{ year: FinancialYear; days: number }> {
  const out: Array<{ year: FinancialYear; days: number }> = [];
  if (!(to > from)) return out;
  let year = financialYearOf(from);
  let day = from;
  while (day < to) {
    const next = yearStart(year + 1);
    const until = Math.min(to, next);
    out.push({ year, days: until - day });
    day = until;
    year += 1;
  }
  return out;
}

/** The financial year a day falls in. */
export const financialYearOf = (day: Day): FinancialYear => collectionYearOf(day);
