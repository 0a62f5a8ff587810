import { type Day, dayFromYMD, ymdFromDay } from "../dates.js";

/**
 * A collection year is named by the calendar year it starts in: 2019 is the
 * 2019/20 return, covering 1 April 2019 to 31 March 2020.
 */
export type CollectionYear = number;

export const FIRST_SUPPORTED_YEAR = 2015;
export const LAST_SUPPORTED_YEAR = 2025;

export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR;
}

/** 1 April of the year: the first day of the collection. */
export function yearStart(year: CollectionYear): Day {
  return dayFromYMD(year, 4, 1);
}

/** 31 March of the following year: the last day of the collection. */
export function yearEnd(year: CollectionYear): Day {
  return dayFromYMD(year + 1, 3, 31);
}

/** The collection year a day falls in. */
export function collectionYearOf(day: Day): CollectionYear {
  const { y, m } = ymdFromDay(day);
  return m >= 4 ? y : y - 1;
}

/** "2019/20" */
export function yearLabel(year: CollectionYear): string {
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

// Forms recognised in a file or folder name, most specific first. The year
// must stand on its own: not inside a longer run of digits.
const PAIR = /(?<!\d)(20\d{2})[-_/ ]?(?:20)?(\d{2})(?!\d)/g;
const BARE = /(?<!\d)(20\d{2})(?!\d)/g;

/**
 * Reads the collection year from one path segment (a file or folder name):
 * "2019-20", "2019_20", "201920", "2019-2020" and a bare "2019" all mean the
 * 2019/20 collection. A pair whose second half is not the next year is not a
 * collection year ("2019-23" is not read as 2019). Returns undefined when the
 * name holds no year, or more than one different year.
 */
export function yearFromName(name: string): CollectionYear | undefined {
  const found = new Set<number>();
  const consumed: Array<[number, number]> = [];
  for (const m of name.matchAll(PAIR)) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    if ((first + 1) % 100 === second) {
      found.add(first);
      consumed.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    }
  }
  for (const m of name.matchAll(BARE)) {
    const at = m.index ?? 0;
    if (consumed.some(([s, e]) => at >= s && at < e)) continue;
    found.add(Number(m[1]));
  }
  if (found.size !== 1) return undefined;
  return [...found][0];
}

/**
 * The collection year of a file from its path: the file name first, then the
 * folders from the nearest outwards.
 */
export function yearFromPath(path: string): CollectionYear | undefined {
  const parts = path.split(/[\\/]/).filter((p) => p !== "");
  for (let i = parts.length - 1; i >= 0; i--) {
    const name = i === parts.length - 1 ? parts[i]!.replace(/\.[^.]*$/, "") : parts[i]!;
    const y = yearFromName(name);
    if (y !== undefined) return y;
  }
  return undefined;
}
