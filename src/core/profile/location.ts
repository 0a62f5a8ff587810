import { milesBetween, type PostcodeLookup } from "../inputs/postcodes.js";
import { type CollectionYear, yearEnd } from "../ssda903/years.js";
import { episodeOn, isUascOn } from "./care.js";
import { type Share, share } from "./placement-mix.js";
import type { CaredChild } from "./stock.js";

export interface LocationMeasures {
  year: CollectionYear;
  /** Children looked after at 31 March, UASC excluded (they have no home postcode to measure from). */
  considered: number;
  /** Placed more than 20 miles from home, of those with a known distance. */
  over20Miles: Share;
  /** Placed outside the council's area, of those with a known placement area. */
  outside: Share;
  /** Outside the area and more than 20 miles from home, of those with both known. */
  outsideAndOver20Miles: Share;
  /** Where distances came from. */
  source: { plDistance: number; lookup: number; approximate: number; unknown: number };
  note?: string;
}

/**
 * Distance from home and placement location for children looked after at
 * 31 March. Uses DfE's PL_DISTANCE and PL_LOCATION when the file has them,
 * else a postcode lookup; `councilLa` is the council's LA code for inside /
 * outside when PL_LOCATION is absent.
 */
export function location(
  children: readonly CaredChild[],
  year: CollectionYear,
  lookup?: PostcodeLookup,
  councilLa?: string,
): LocationMeasures {
  const day = yearEnd(year);
  let considered = 0;
  let withDistance = 0;
  let over = 0;
  let withArea = 0;
  let outside = 0;
  let withBoth = 0;
  let both = 0;
  const source = { plDistance: 0, lookup: 0, approximate: 0, unknown: 0 };
  for (const { child, episodes } of children) {
    const e = episodeOn(episodes, day);
    if (!e || isUascOn(child, day)) continue;
    considered += 1;
    let miles: number | undefined;
    if (e.PL_DISTANCE !== null && Number.isFinite(e.PL_DISTANCE)) {
      miles = e.PL_DISTANCE;
      source.plDistance += 1;
    } else if (lookup) {
      const home = lookup.find(e.HOME_POST);
      const placed = lookup.find(e.PL_POST);
      if (home && placed) {
        miles = milesBetween(home, placed);
        if (home.approximate || placed.approximate) source.approximate += 1;
        else source.lookup += 1;
      }
    }
    if (miles === undefined) source.unknown += 1;
    let isOutside: boolean | undefined;
    if (e.PL_LOCATION === "IN" || e.PL_LOCATION === "OUT") isOutside = e.PL_LOCATION === "OUT";
    else if (lookup && councilLa) {
      const placed = lookup.find(e.PL_POST);
      if (placed?.la) isOutside = placed.la !== councilLa;
    }
    if (miles !== undefined) {
      withDistance += 1;
      if (miles > 20) over += 1;
    }
    if (isOutside !== undefined) {
      withArea += 1;
      if (isOutside) outside += 1;
    }
    if (miles !== undefined && isOutside !== undefined) {
      withBoth += 1;
      if (miles > 20 && isOutside) both += 1;
    }
  }
  const m: LocationMeasures = {
    year,
    considered,
    over20Miles: share(over, withDistance),
    outside: share(outside, withArea),
    outsideAndOver20Miles: share(both, withBoth),
    source,
  };
  if (source.approximate > 0)
    m.note = `${source.approximate} distances are approximate (measured between postcode sector centroids)`;
  return m;
}

/** The council's LA code guessed as the most common LA of home postcodes, when not given. */
export function likelyCouncilLa(children: readonly CaredChild[], lookup: PostcodeLookup): string | undefined {
  const counts = new Map<string, number>();
  for (const { episodes } of children) {
    for (const e of episodes) {
      const la = lookup.find(e.HOME_POST)?.la;
      if (la) counts.set(la, (counts.get(la) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
