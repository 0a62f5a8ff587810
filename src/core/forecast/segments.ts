/**
 * The rebuilt 903 history as spells in one placement category
 * ("segments"), in typed arrays, so that estimation windows, stocks at a
 * date and backtests at many origins read it without walking the episode
 * objects again.
 *
 * Rules (docs/forecasting.md):
 *  - short breaks (V3, V4) are not care;
 *  - a period of care is a run of episodes each starting the day the last
 *    ended (REC X1); it starts an "entry";
 *  - a segment is a run of episodes in one category with no move to a new
 *    carer: a change of legal status only (RNE L), or of placement with the
 *    same carer (T, U), continues the segment when the category stays the
 *    same; a move (RNE P or B) to the same category ends it with a
 *    same-category move; a change of category ends it with a transition,
 *    which is a new placement when it was a move (P, B) and not otherwise
 *    (foster carers adopting, say);
 *  - a temporary placement (T0–T4) counts as the placement before it; when
 *    the child goes back to that placement (same PLACE, provider, URN and
 *    postcode) nothing has changed, otherwise it is a move;
 *  - a period ends with an exit grouped by REC, except on or after the
 *    18th birthday, which is the certain exit at 18 (no rate), and while
 *    still open (censored).
 */
import { birthday } from "../dates.js";
import { isUascOn } from "../profile/care.js";
import { isShortBreak } from "../ssda903/codes.js";
import type { ChildRecord, History, HistoryEpisode } from "../ssda903/history.js";
import { yearStart } from "../ssda903/years.js";
import {
  type CategoryConfig,
  categoryIndexer,
  DEFAULT_CATEGORY_CONFIG,
  exitGroupIndex,
} from "./categories.js";

export const END_OPEN = 0;
export const END_TRANSITION = 1;
export const END_SAME_MOVE = 2;
export const END_EXIT = 3;
export const END_AGE_OUT = 4;

export interface Segments {
  n: number;
  categories: readonly string[];
  /** Date of birth (NaN when unknown) and 18th birthday (NaN when unknown). */
  dob: Float64Array;
  b18: Float64Array;
  start: Float64Array;
  /** First day of the period of care the segment belongs to. */
  periodStart: Float64Array;
  /** Day after the last day in the segment; Infinity while open. */
  end: Float64Array;
  cat: Int8Array;
  uasc: Uint8Array;
  /** 1 when the segment starts a period of care. */
  entry: Uint8Array;
  endKind: Uint8Array;
  /** Destination category (transition) or exit group (exit); -1 otherwise. */
  dest: Int8Array;
  /** 1 when the transition at the end was a move to new carers. */
  newPlacement: Uint8Array;
  /** Children with episodes but no date of birth (their segments have dob NaN). */
  childrenWithoutDob: number;
  /** First day covered by the returns (1 April of the first year). */
  dataStart: number;
  /** Last day covered by the returns (31 March of the last year). */
  dataEnd: number;
}

class Builder {
  n = 0;
  cap = 1024;
  dob = new Float64Array(this.cap);
  b18 = new Float64Array(this.cap);
  start = new Float64Array(this.cap);
  periodStart = new Float64Array(this.cap);
  end = new Float64Array(this.cap);
  cat = new Int8Array(this.cap);
  uasc = new Uint8Array(this.cap);
  entry = new Uint8Array(this.cap);
  endKind = new Uint8Array(this.cap);
  dest = new Int8Array(this.cap);
  newPlacement = new Uint8Array(this.cap);

  push(
    dob: number,
    b18: number,
    periodStart: number,
    start: number,
    end: number,
    cat: number,
    uasc: number,
    entry: number,
    endKind: number,
    dest: number,
    newPlacement: number,
  ): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.dob[i] = dob;
    this.b18[i] = b18;
    this.start[i] = start;
    this.periodStart[i] = periodStart;
    this.end[i] = end;
    this.cat[i] = cat;
    this.uasc[i] = uasc;
    this.entry[i] = entry;
    this.endKind[i] = endKind;
    this.dest[i] = dest;
    this.newPlacement[i] = newPlacement;
  }

  private grow(): void {
    this.cap *= 2;
    const g = <T extends Float64Array | Int8Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.cap);
      b.set(a);
      return b;
    };
    this.dob = g(this.dob);
    this.b18 = g(this.b18);
    this.start = g(this.start);
    this.periodStart = g(this.periodStart);
    this.end = g(this.end);
    this.cat = g(this.cat);
    this.uasc = g(this.uasc);
    this.entry = g(this.entry);
    this.endKind = g(this.endKind);
    this.dest = g(this.dest);
    this.newPlacement = g(this.newPlacement);
  }
}

/** RNE codes of a new episode with the same carer (legal status only, or placement type only). */
const SAME_CARER: ReadonlySet<string> = new Set(["L", "T", "U"]);

function endDay(e: HistoryEpisode): number {
  return e.DEC === null || Number.isNaN(e.DEC) ? Number.POSITIVE_INFINITY : e.DEC;
}

function placeKey(e: HistoryEpisode): string {
  return `${e.PLACE}|${e.PLACE_PROVIDER}|${e.URN}|${e.PL_POST}`;
}

/** Splits a child's care episodes (short breaks removed, in order) into periods of care. */
function periodsOf(episodes: readonly HistoryEpisode[]): HistoryEpisode[][] {
  const out: HistoryEpisode[][] = [];
  let cur: HistoryEpisode[] = [];
  for (const e of episodes) {
    const prev = cur[cur.length - 1];
    const continues = prev !== undefined && prev.REC === "X1" && endDay(prev) === e.DECOM && e.RNE !== "S";
    if (!continues && cur.length) {
      out.push(cur);
      cur = [];
    }
    cur.push(e);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Builds the segments of every child in a history. */
export function buildSegments(history: History, config: CategoryConfig = DEFAULT_CATEGORY_CONFIG): Segments {
  const indexer = categoryIndexer(config);
  const fallback = config.categories.indexOf(config.fallback);
  const b = new Builder();
  let withoutDob = 0;
  for (const child of history.children) {
    const care = child.episodes.filter((e) => !isShortBreak(e.LS));
    if (care.length === 0) continue;
    if (child.dob === null) withoutDob += 1;
    addChild(b, child, care, indexer, fallback);
  }
  const first = history.years[0];
  return {
    n: b.n,
    categories: config.categories,
    dob: b.dob.subarray(0, b.n),
    b18: b.b18.subarray(0, b.n),
    start: b.start.subarray(0, b.n),
    periodStart: b.periodStart.subarray(0, b.n),
    end: b.end.subarray(0, b.n),
    cat: b.cat.subarray(0, b.n),
    uasc: b.uasc.subarray(0, b.n),
    entry: b.entry.subarray(0, b.n),
    endKind: b.endKind.subarray(0, b.n),
    dest: b.dest.subarray(0, b.n),
    newPlacement: b.newPlacement.subarray(0, b.n),
    childrenWithoutDob: withoutDob,
    dataStart: first === undefined ? Number.NaN : yearStart(first),
    dataEnd: history.dataEnd,
  };
}

function addChild(
  b: Builder,
  child: ChildRecord,
  care: readonly HistoryEpisode[],
  indexer: (place: string, provider: string) => number,
  fallback: number,
): void {
  const dob = child.dob ?? Number.NaN;
  const b18 = child.dob === null ? Number.NaN : birthday(child.dob, 18);
  for (const period of periodsOf(care)) {
    const periodStart = period[0]!.DECOM;
    const uasc = isUascOn(child, periodStart) ? 1 : 0;
    let curStart = periodStart;
    let curCat = -1;
    let curKey = "";
    let afterTemp = false;
    let entry = 1;
    for (const e of period) {
      const cat = indexer(e.PLACE, e.PLACE_PROVIDER);
      if (cat < 0) {
        if (curCat >= 0) afterTemp = true;
        continue;
      }
      const key = placeKey(e);
      if (curCat < 0) {
        curCat = cat;
        curKey = key;
        continue;
      }
      const moved = afterTemp
        ? key !== curKey
        : e.RNE === "P" || e.RNE === "B" || (!SAME_CARER.has(e.RNE) && key !== curKey);
      afterTemp = false;
      if (cat === curCat && !moved) {
        curKey = key;
        continue;
      }
      const kind = cat === curCat ? END_SAME_MOVE : END_TRANSITION;
      const at = e.DECOM;
      if (!Number.isNaN(b18) && at >= b18) {
        // Moves after 18 are outside the model; end the segment at 18.
        b.push(dob, b18, periodStart, curStart, b18, curCat, uasc, entry, END_AGE_OUT, -1, 0);
        curCat = -2;
        break;
      }
      b.push(
        dob,
        b18,
        periodStart,
        curStart,
        at,
        curCat,
        uasc,
        entry,
        kind,
        kind === END_TRANSITION ? cat : -1,
        moved ? 1 : 0,
      );
      entry = 0;
      curStart = at;
      curCat = cat;
      curKey = key;
    }
    if (curCat === -2) continue;
    if (curCat < 0) curCat = fallback;
    const last = period[period.length - 1]!;
    const end = endDay(last);
    if (end === Number.POSITIVE_INFINITY) {
      b.push(dob, b18, periodStart, curStart, end, curCat, uasc, entry, END_OPEN, -1, 0);
    } else if (!Number.isNaN(b18) && end >= b18) {
      b.push(dob, b18, periodStart, curStart, b18, curCat, uasc, entry, END_AGE_OUT, -1, 0);
    } else {
      b.push(
        dob,
        b18,
        periodStart,
        curStart,
        end,
        curCat,
        uasc,
        entry,
        END_EXIT,
        exitGroupIndex(last.REC),
        0,
      );
    }
  }
}
