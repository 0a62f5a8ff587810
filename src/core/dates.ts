/**
 * Calendar dates as whole days since 1970-01-01 (a "Day").
 *
 * Why integers and not Date objects: the history of a national return has
 * over a million episodes and every measure compares dates; integer days
 * compare and subtract exactly, cost nothing to store, and have no time zone
 * or daylight-saving traps. The conversion uses the proleptic Gregorian
 * days-from-civil algorithm (H. Hinnant, "chrono-compatible low-level date
 * algorithms"), written here from its published description.
 */
export type Day = number;

export interface YMD {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

/** Days since 1970-01-01 for a Gregorian date (no validation). */
export function dayFromYMD(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The Gregorian date of a Day. */
export function ymdFromDay(day: Day): YMD {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A Day for a valid date, else undefined (e.g. 31/02/2020). */
export function validDay(y: number, m: number, d: number): Day | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return dayFromYMD(y, m, d);
}

// DD/MM/YYYY (also D/M/YYYY and '-' or '.' separators), optional time part
// as left by spreadsheet exports ("01/04/2019 00:00").
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
// ISO YYYY-MM-DD, optional time part.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a date as found in 903 extracts: DD/MM/YYYY (DfE's format) or ISO.
 * Returns null for a blank value and NaN for a value that is not a real date,
 * so callers can tell "missing" from "unreadable".
 */
export function parseDate(text: string): Day | null {
  const s = text.trim();
  if (s === "") return null;
  let m = UK_DATE.exec(s);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1])) ?? Number.NaN;
  m = ISO_DATE.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ?? Number.NaN;
  return Number.NaN;
}

/** Like parseDate, but throws on anything that is not a date (for options typed by a person). */
export function parseDateStrict(text: string): Day {
  const d = parseDate(text);
  if (d === null || Number.isNaN(d))
    throw new RangeError(`'${text}' is not a date (use YYYY-MM-DD or DD/MM/YYYY)`);
  return d;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO 8601 form, e.g. 2022-03-31. */
export function formatISO(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The form used in sentences and headings, e.g. 31 March 2022. */
export function formatLong(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** The 903's own form, DD/MM/YYYY. */
export function formatUK(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/**
 * Age in whole years on a date. A child born on 29 February has a birthday on
 * 1 March in non-leap years (the convention of English law for age 18).
 */
export function ageOn(dob: Day, on: Day): number {
  const b = ymdFromDay(dob);
  const t = ymdFromDay(on);
  let age = t.y - b.y;
  if (t.m < b.m || (t.m === b.m && t.d < b.d)) age -= 1;
  return age;
}

/** The day a child born on `dob` turns `years` old. */
export function birthday(dob: Day, years: number): Day {
  const b = ymdFromDay(dob);
  const y = b.y + years;
  if (b.m === 2 && b.d === 29 && !isLeapYear(y)) return dayFromYMD(y, 3, 1);
  return dayFromYMD(y, b.m, b.d);
}

/** The last day of the month containing `day`. */
export function monthEnd(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYMD(y, m, daysInMonth(y, m));
}

/** Month ends from the month of `from` to the month of `to`, inclusive. */
export function monthEnds(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  let { y, m } = ymdFromDay(from);
  const end = ymdFromDay(to);
  while (y < end.y || (y === end.y && m <= end.m)) {
    out.push(dayFromYMD(y, m, daysInMonth(y, m)));
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Adds calendar months, clamping the day to the month's length. */
export function addMonths(day: Day, months: number): Day {
  const { y, m, d } = ymdFromDay(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayFromYMD(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
