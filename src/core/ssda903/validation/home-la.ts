import type { EpisodeRow } from "../types.js";

/**
 * The council's own LA code as its extract shows it: the PL_LA most often
 * given with PL_LOCATION IN in a year. The only fact a rule needs from every
 * child at once, so threads that each hold some of the children count their
 * own (`countInPlacementsByYear`), add the counts up (`addCounts`) and agree on
 * the answer (`mostCommon`) before validating.
 */
/** Per collection year, IN placements by LA code. */
export type YearCounts = Map<number, Map<string, number>>;

/** Each year's counts of IN placements by LA code, from episodes of any years. */
export function countInPlacementsByYear(episodes: readonly EpisodeRow[]): YearCounts {
  const byYear: YearCounts = new Map();
  for (const e of episodes) {
    if (e.PL_LOCATION !== "IN" || e.PL_LA === "") continue;
    let counts = byYear.get(e.year);
    if (!counts) {
      counts = new Map();
      byYear.set(e.year, counts);
    }
    counts.set(e.PL_LA, (counts.get(e.PL_LA) ?? 0) + 1);
  }
  return byYear;
}

/** Adds another thread's counts into `into`, year by year. */
export function addCounts(into: YearCounts, more: YearCounts): void {
  for (const [year, counts] of more) {
    const sum = into.get(year) ?? new Map<string, number>();
    into.set(year, sum);
    for (const [k, n] of counts) sum.set(k, (sum.get(k) ?? 0) + n);
  }
}

/** The most common code (the first in code order on a tie, so the order of counting cannot matter); undefined when none. */
export function mostCommon(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [code, n] of counts) {
    if (n > most || (n === most && best !== undefined && code < best)) {
      best = code;
      most = n;
    }
  }
  return best;
}
