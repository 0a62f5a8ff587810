/**
 * Phase A of the simulation: a child's periods of care at the level of
 * dates and outcomes (when each period starts and ends, and how). It is
 * cheap, so it runs for every child from the start of the burn-in and for
 * the calibration pilot; phase B (periods.ts) adds legal statuses and
 * placements only for periods that reach the written years.
 */
import type { Day } from "../dates.js";
import type { Rng } from "../random/rng.js";
import {
  ABROAD_SHARE,
  ADOPT_CONSENT_TO_PLACED,
  ADOPT_ORDER_TO_PLACED,
  ADOPT_PLACED_TO_ADOPTED,
  ADOPT_TO_ORDER,
  ADOPTION_BY_CONSENT,
  CAO_DURATION,
  LONG_EARLY_INDEPENDENCE,
  LONG_RETURN_HOME_MEAN_YEARS,
  LONG_SGO_BY_FOSTER_CARERS,
  PATH_WEIGHTS_BY_AGE,
  pathBand,
  REENTRY_AFTER_CAO,
  REENTRY_AFTER_REMAND,
  REENTRY_AFTER_RETURN,
  REENTRY_AFTER_SGO,
  REENTRY_GAP,
  REMAND_DURATION,
  REMAND_SHARE_12_PLUS,
  SGO_DURATION,
  SHORT_USUAL,
  SHORT_VERY_SHORT,
  SHORT_VERY_SHORT_SHARE,
  TRANSFER_SHARE,
  UASC_AGE_ASSESSED,
  UASC_MISSING,
  UASC_TRANSFER,
} from "./params.js";

/** How the period goes. */
export const PATH_SHORT = 0;
export const PATH_ADOPT = 1;
export const PATH_SGO = 2;
export const PATH_CAO = 3;
export const PATH_LONG = 4;
export const PATH_ADOPT_CONSENT = 5;
export const PATH_REMAND = 6;
export const PATH_UASC = 7;

/** How the period ends (phase B turns the group into a REC code). */
export const X_RETURN = 0;
export const X_ADOPT = 1;
export const X_SGO = 2;
export const X_CAO = 3;
export const X_AGE18 = 4;
export const X_INDEP = 5;
export const X_TRANSFER = 6;
export const X_ABROAD = 7;
export const X_REMAND_END = 8;
export const X_CUSTODY = 9;
export const X_AGE_ASSESSED = 10;
export const X_OTHER = 11;
export const X_SGO_FOSTER = 12;

export interface Period {
  start: Day;
  exit: Day;
  path: number;
  group: number;
  /** Placement order (adoption), or end of remand. */
  k1: Day;
  /** Placement with adopters. */
  k2: Day;
}

/** Key birthdays of a child. */
export interface Birthdays {
  dob: Day;
  b10: Day;
  b14: Day;
  b15: Day;
  b16: Day;
  b17: Day;
  b18: Day;
  b21: Day;
}

const YEAR = 365.25;

/** Log-normal number of days, at least `min`. */
export function days(rng: Rng, p: readonly [number, number], min = 1): number {
  return Math.max(min, Math.round(rng.logNormal(p[0], p[1])));
}

function planPeriod(rng: Rng, b: Birthdays, start: Day, uasc: boolean, reentry: boolean): Period {
  const t18 = b.b18;
  const age = Math.floor((start - b.dob) / YEAR);
  const p: Period = { start, exit: t18, path: PATH_LONG, group: X_AGE18, k1: 0, k2: 0 };

  if (uasc) {
    p.path = PATH_UASC;
    const u = rng.uniform();
    if (u < UASC_TRANSFER) {
      p.exit = start + days(rng, [20, 0.6]);
      p.group = X_TRANSFER;
    } else if (u < UASC_TRANSFER + UASC_AGE_ASSESSED) {
      p.exit = start + days(rng, [60, 0.6]);
      p.group = X_AGE_ASSESSED;
    } else if (u < UASC_TRANSFER + UASC_AGE_ASSESSED + UASC_MISSING) {
      p.exit = start + days(rng, [120, 1.0]);
      p.group = X_OTHER;
    }
    if (p.exit >= t18) {
      p.exit = t18;
      p.group = X_AGE18;
    }
    return p;
  }

  if (age >= 12 && rng.chance(REMAND_SHARE_12_PLUS)) {
    p.path = PATH_REMAND;
    const remandEnd = Math.min(start + days(rng, REMAND_DURATION, 2), t18);
    p.k1 = remandEnd;
    const u = rng.uniform();
    if (u < 0.55 || remandEnd >= t18 - 14) {
      p.exit = remandEnd;
      p.group = remandEnd >= t18 ? X_AGE18 : X_REMAND_END;
    } else if (u < 0.75) {
      p.exit = remandEnd;
      p.group = X_CUSTODY;
    } else {
      // Remand ends but the child stays in care (section 20).
      p.exit = remandEnd + days(rng, SHORT_USUAL, 14);
      p.group = X_RETURN;
    }
    if (p.exit >= t18) {
      p.exit = t18;
      p.group = X_AGE18;
    }
    return p;
  }

  const w = PATH_WEIGHTS_BY_AGE[pathBand(Math.min(age, 17))]!;
  const weights = reentry ? [w[0]! * 0.8, w[1]!, w[2]!, w[3]!, w[4]! * 1.3] : w;
  const path = rng.weighted(weights);
  p.path = path;
  switch (path) {
    case PATH_SHORT:
      p.exit =
        start + (rng.chance(SHORT_VERY_SHORT_SHARE) ? days(rng, SHORT_VERY_SHORT) : days(rng, SHORT_USUAL));
      p.group = X_RETURN;
      break;
    case PATH_ADOPT:
      if (age < 1 && rng.chance(ADOPTION_BY_CONSENT)) {
        p.path = PATH_ADOPT_CONSENT;
        p.k2 = start + days(rng, ADOPT_CONSENT_TO_PLACED, 30);
      } else {
        p.k1 = start + days(rng, ADOPT_TO_ORDER, 90);
        p.k2 = p.k1 + days(rng, ADOPT_ORDER_TO_PLACED, 14);
      }
      p.exit = p.k2 + days(rng, ADOPT_PLACED_TO_ADOPTED, 70);
      p.group = X_ADOPT;
      break;
    case PATH_SGO:
      p.exit = start + days(rng, SGO_DURATION, 60);
      p.group = X_SGO;
      break;
    case PATH_CAO:
      p.exit = start + days(rng, CAO_DURATION, 60);
      p.group = X_CAO;
      break;
    default: {
      // Long stay: to 18 unless the child goes home, the foster carers take
      // an SGO, or the young person moves to independent living at 17.
      if (age < 16) {
        const back = Math.round(rng.exponential(LONG_RETURN_HOME_MEAN_YEARS * YEAR));
        if (start + back < t18 - 30) {
          p.exit = start + Math.max(1, back);
          p.group = X_RETURN;
        }
      }
      if (age < 12 && rng.chance(LONG_SGO_BY_FOSTER_CARERS)) {
        const at = start + Math.round((2 + rng.uniform() * 4) * YEAR);
        if (at < p.exit - 30) {
          p.exit = at;
          p.group = X_SGO_FOSTER;
        }
      }
      if (p.group === X_AGE18 && rng.chance(LONG_EARLY_INDEPENDENCE) && start < b.b17) {
        p.exit = b.b17 + rng.int(330);
        p.group = X_INDEP;
      }
    }
  }

  if (p.exit >= t18) {
    p.exit = t18;
    p.group = X_AGE18;
  }
  if (p.path !== PATH_ADOPT && p.path !== PATH_ADOPT_CONSENT) {
    const u = rng.uniform();
    if (u < TRANSFER_SHARE + ABROAD_SHARE && p.exit - start > 2) {
      p.exit = start + 1 + rng.int(p.exit - start - 1);
      p.group = u < TRANSFER_SHARE ? X_TRANSFER : X_ABROAD;
    }
  }
  if (p.exit <= start) p.exit = start + 1;
  return p;
}

function reentryChance(group: number): number {
  switch (group) {
    case X_RETURN:
      return REENTRY_AFTER_RETURN;
    case X_CAO:
      return REENTRY_AFTER_CAO;
    case X_SGO:
    case X_SGO_FOSTER:
      return REENTRY_AFTER_SGO;
    case X_REMAND_END:
    case X_CUSTODY:
      return REENTRY_AFTER_REMAND;
    default:
      return 0;
  }
}

/** All the periods of care of one child, from the first entry on `start`. */
export function planLife(rng: Rng, b: Birthdays, start: Day, uasc: boolean): Period[] {
  const out: Period[] = [];
  let s = start;
  let reentry = false;
  for (let n = 0; n < 6; n++) {
    const p = planPeriod(rng, b, s, uasc, reentry);
    out.push(p);
    const chance = uasc ? 0 : reentryChance(p.group);
    if (chance === 0 || !rng.chance(chance)) break;
    const next = p.exit + days(rng, REENTRY_GAP, 14);
    if (next >= b.b18 - 60) break;
    s = next;
    reentry = true;
  }
  return out;
}

/** Groups after which a young person is not a care leaver (adopted, SGO, CAO, another council, abroad, an adult). */
export function leavesAsCareLeaver(group: number): boolean {
  return !(
    group === X_ADOPT ||
    group === X_SGO ||
    group === X_SGO_FOSTER ||
    group === X_CAO ||
    group === X_TRANSFER ||
    group === X_ABROAD ||
    group === X_AGE_ASSESSED
  );
}

/**
 * Whether the child is a care leaver for OC3 after the final period:
 * looked after for at least 13 weeks after the 14th birthday, including
 * some time after the 16th (DfE's "former relevant" definition).
 */
export function isCareLeaver(b: Birthdays, periods: readonly Period[]): boolean {
  let after14 = 0;
  let after16 = false;
  for (const p of periods) {
    const s14 = Math.max(p.start, b.b14);
    const e = Math.min(p.exit, b.b18);
    if (e > s14) after14 += e - s14;
    if (e > Math.max(p.start, b.b16)) after16 = true;
  }
  const last = periods[periods.length - 1]!;
  return after14 >= 91 && after16 && leavesAsCareLeaver(last.group);
}
