import { addMonths, ageOn, type Day } from "../dates.js";
import { ADOPTION_PLACE, TEMPORARY_PLACE } from "../ssda903/codes.js";
import type { HistoryEpisode } from "../ssda903/history.js";
import { type CollectionYear, yearEnd, yearStart } from "../ssda903/years.js";
import { endOf, episodeOn } from "./care.js";
import { type Share, share } from "./placement-mix.js";
import type { CaredChild } from "./stock.js";

/**
 * Which episodes start a new placement (our definition; DfE's varies by
 * year, see docs/indicators.md): the first episode, a new period of care
 * (RNE S), and a change of carer (RNE P or B). A change of legal status only
 * (L) or of placement with the same carer (T, U) continues the placement.
 * Temporary placements (T0–T4) are not placements, and returning from one to
 * the placement before it does not start a new one.
 */
export function placementSegments(episodes: readonly HistoryEpisode[]): number[] {
  const seg: number[] = [];
  let current = -1;
  let beforeTemporary: HistoryEpisode | undefined;
  for (let i = 0; i < episodes.length; i++) {
    const e = episodes[i]!;
    const prev = episodes[i - 1];
    let starts: boolean;
    if (i === 0 || e.RNE === "S") starts = true;
    else if (TEMPORARY_PLACE.has(e.PLACE)) starts = false;
    else if (prev && TEMPORARY_PLACE.has(prev.PLACE) && beforeTemporary && samePlacement(e, beforeTemporary))
      starts = false;
    else starts = e.RNE === "P" || e.RNE === "B";
    if (starts || current < 0) current += 1;
    seg.push(current);
    if (!TEMPORARY_PLACE.has(e.PLACE)) beforeTemporary = e;
  }
  return seg;
}

function samePlacement(a: HistoryEpisode, b: HistoryEpisode): boolean {
  return (
    a.PLACE === b.PLACE && a.PLACE_PROVIDER === b.PLACE_PROVIDER && a.URN === b.URN && a.PL_POST === b.PL_POST
  );
}

/** Number of placements a child had during [from, to] (inclusive days). */
export function placementsDuring(episodes: readonly HistoryEpisode[], from: Day, to: Day): number {
  const seg = placementSegments(episodes);
  const seen = new Set<number>();
  episodes.forEach((e, i) => {
    // A temporary episode carries the segment of the placement it interrupts.
    if (e.DECOM <= to && endOf(e) > from) seen.add(seg[i]!);
  });
  return seen.size;
}

export interface StabilityMeasures {
  year: CollectionYear;
  /** % of children looked after at 31 March who had three or more placements during the year. */
  threePlus: Share;
  /**
   * % of children under 16 at 31 March, looked after continuously for at least
   * 2.5 years, who had been in the same placement for at least 2 years (or are
   * placed for adoption and, with the placement before it, for 2 years).
   */
  longTerm: Share;
}

export function stability(children: readonly CaredChild[], year: CollectionYear): StabilityMeasures {
  const start = yearStart(year);
  const end = yearEnd(year);
  const careSince = addMonths(end, -30);
  const placedSince = addMonths(end, -24);
  let inCare = 0;
  let threePlus = 0;
  let ltDenominator = 0;
  let ltNumerator = 0;
  for (const { child, episodes } of children) {
    const current = episodeOn(episodes, end);
    if (!current) continue;
    inCare += 1;
    if (placementsDuring(episodes, start, end) >= 3) threePlus += 1;

    if (child.dob === null || ageOn(child.dob, end) >= 16) continue;
    const i = episodes.indexOf(current);
    let periodStart = i;
    while (periodStart > 0 && endOf(episodes[periodStart - 1]!) === episodes[periodStart]!.DECOM)
      periodStart--;
    if (episodes[periodStart]!.DECOM > careSince) continue;
    ltDenominator += 1;
    const seg = placementSegments(episodes);
    let first = i;
    while (first > periodStart && seg[first - 1] === seg[i]) first--;
    let placementStart = episodes[first]!.DECOM;
    if (ADOPTION_PLACE.has(current.PLACE) && first > periodStart) {
      // Placed for adoption: the adoptive placement counts with the placement before it.
      let before = first - 1;
      while (before > periodStart && seg[before - 1] === seg[first - 1]) before--;
      placementStart = episodes[before]!.DECOM;
    }
    if (placementStart <= placedSince) ltNumerator += 1;
  }
  return { year, threePlus: share(threePlus, inCare), longTerm: share(ltNumerator, ltDenominator) };
}
