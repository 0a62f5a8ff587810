import { ageOn, type Day } from "../dates.js";
import { isShortBreak } from "../ssda903/codes.js";
import type { ChildRecord, HistoryEpisode } from "../ssda903/history.js";

/**
 * Shared definitions of "in care" for every measure. Short breaks (LS V3, V4)
 * are left out, as DfE leaves them out of looked-after counts. An episode is
 * open on the days [DECOM, DEC); an open episode (no DEC) has no end.
 */
export function careEpisodes(child: ChildRecord): HistoryEpisode[] {
  return child.episodes.filter((e) => !isShortBreak(e.LS));
}

/** The day after the last day an episode is open, or Infinity while it is open. */
export function endOf(e: HistoryEpisode): number {
  return e.DEC === null || Number.isNaN(e.DEC) ? Number.POSITIVE_INFINITY : e.DEC;
}

export function isOpenOn(e: HistoryEpisode, day: Day): boolean {
  return e.DECOM <= day && endOf(e) > day;
}

/** The care episode open on a day, if any (episodes do not overlap once the history is rebuilt). */
export function episodeOn(episodes: readonly HistoryEpisode[], day: Day): HistoryEpisode | undefined {
  for (let i = episodes.length - 1; i >= 0; i--) {
    const e = episodes[i]!;
    if (e.DECOM <= day) return endOf(e) > day ? e : undefined;
  }
  return undefined;
}

/** UASC on a day: in the UASC table with DUC blank or after the day. */
export function isUascOn(child: ChildRecord, day: Day): boolean {
  const u = child.uasc;
  if (!u) return false;
  return u.DUC === null || Number.isNaN(u.DUC) || u.DUC > day;
}

/** Age in whole years on a day, or undefined when the date of birth is unknown. */
export function ageOf(child: ChildRecord, day: Day): number | undefined {
  return child.dob === null ? undefined : ageOn(child.dob, day);
}
