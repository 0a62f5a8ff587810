import type { EpisodeRow } from "../types.js";

/**
 * The council's own LA code as its extract shows it: the PL_LA most often
 * given with PL_LOCATION IN in a year. The only fact a rule needs from every
 * child at once, so threads that each hold some of the children count their
 * own (`countInPlacements`), add the counts up (`addCounts`) and agree on
 * the answer (`mostCommon`) before validating.
 */
export function countInPlacements(episodes: readonly EpisodeRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of episodes) {
    if (e.PL_LOCATION === "IN" && e.PL_LA !== "") counts.set(e.PL_LA, (counts.get(e.PL_LA) ?? 0) + 1);
  }
  return counts;
}

export function addCounts(into: Map<string, number>, more: ReadonlyMap<string, number>): void {
  for (const [k, n] of more) into.set(k, (into.get(k) ?? 0) + n);
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
