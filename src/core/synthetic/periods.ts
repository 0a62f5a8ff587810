/**
 * Phase B of the simulation: turns one period of care (from life.ts) into
 * 903 episodes. It lays down the legal statuses (when orders are made), the
 * placements (natural moves, long-term matches, a final placement the
 * outcome needs: adopters, parents, connected carers), the 2025/26 recoding
 * of semi-independent placements, and short temporary placements; then cuts
 * the period into episodes wherever the legal status or placement changes,
 * with the RNE that says what changed.
 */
import { type Day, dayFromYMD } from "../dates.js";
import type { Rng } from "../random/rng.js";
import { yearStart } from "../ssda903/years.js";
import {
  A3,
  A4,
  A5,
  A6,
  C1,
  C2,
  E1,
  E3,
  E4A,
  E4B,
  E5,
  E6,
  E7,
  E8,
  E9,
  E11,
  E12,
  E13,
  E14,
  E15,
  E16,
  E17,
  E41,
  E45,
  E46,
  E47,
  E48,
  H5,
  isConnectedPlace,
  isFosterPlace,
  isSupportedPlace,
  isTemporaryPlace,
  J1,
  K1,
  K2,
  K3,
  L1,
  L2,
  neverUrn,
  P1,
  P2,
  P3,
  PR_NONE,
  PR0,
  PR1,
  PR2,
  PR3,
  PR4,
  R1,
  R2,
  R3,
  R5,
  RNE_B,
  RNE_L,
  RNE_P,
  RNE_S,
  RNE_T,
  RNE_U,
  RS_CARPL,
  RS_CUSTOD,
  RS_NONE,
  RS_PLACE,
  S1,
  T0,
  T1,
  T2,
  T3,
  T4,
  U1,
  U3,
  U4,
  U5,
  U6,
  V2,
  X1,
} from "./codes.js";
import { type Provider, type ProviderPools, postcodeFrom, URN_NONE } from "./geography.js";
import {
  type Birthdays,
  days,
  PATH_ADOPT,
  PATH_ADOPT_CONSENT,
  PATH_CAO,
  PATH_LONG,
  PATH_REMAND,
  PATH_SGO,
  PATH_UASC,
  type Period,
  X_ABROAD,
  X_ADOPT,
  X_AGE_ASSESSED,
  X_AGE18,
  X_CAO,
  X_CUSTODY,
  X_INDEP,
  X_OTHER,
  X_REMAND_END,
  X_RETURN,
  X_SGO,
  X_SGO_FOSTER,
  X_TRANSFER,
} from "./life.js";
import {
  C1_TO_C2,
  CH_CONNECTED,
  CH_FFA,
  CH_FOSTER,
  CH_K1,
  CH_K2,
  CH_P1,
  CH_P2,
  CH_P3,
  CH_R1,
  CH_R2,
  CH_R3,
  CH_R5,
  CH_S1,
  CH_SUPPORTED,
  CHOICES,
  EMERGENCY_DURATION,
  EMERGENCY_FIRST,
  LONG_FOSTER_DURATION,
  LONG_TERM_MATCH,
  LONG_TERM_MATCH_AFTER,
  PLACE_WEIGHTS,
  placeBand,
  REASON_WEIGHTS_FOSTER,
  REASON_WEIGHTS_OTHER,
  SHORT_FOSTER_DURATION,
  START_L1,
  START_L2,
  STAYING_PUT,
  TEMP_RATE_FOSTER,
  TEMP_RATE_OTHER,
  UASC_PLACE_WEIGHTS,
  V2_TO_C1,
} from "./params.js";
import type { EpisodeStore } from "./store.js";

const Y2023 = yearStart(2023);
const Y2024 = yearStart(2024);
const Y2025 = yearStart(2025);
/** The last day H5 and P2 may be in use (31 March 2025). */
const LAST_OLD_DAY = Y2025 - 1;
/** Semi-independent accommodation had to be registered with Ofsted from 28 October 2023. */
const REGISTERED_FROM = dayFromYMD(2023, 10, 28);
const RS_CLOSE = 2;

/** Placement durations (median days, log-sd) by PLACE index; fostering handled apart. */
const DURATION: Partial<Record<number, readonly [number, number]>> = {
  [K1]: [100, 0.6],
  [K2]: [330, 0.9],
  [K3]: [280, 0.8],
  [H5]: [280, 0.8],
  [P1]: [300, 0.8],
  [P2]: [200, 0.8],
  [P3]: [150, 0.5],
  [R1]: [300, 0.7],
  [R2]: [10, 0.6],
  [R3]: [84, 0.35],
  [R5]: [100, 0.6],
  [S1]: [500, 0.6],
};

/** Ring weights (inside, near, far) for placement postcodes. */
const RING_IN_HOUSE = [70, 25, 5];
const RING_AGENCY = [40, 40, 20];
const RING_CONNECTED = [60, 30, 10];
const RING_NEW_FAMILY = [30, 40, 30];

export interface Context {
  rng: Rng;
  pools: ProviderPools;
  inHouseShare: number;
  store: EpisodeStore;
  /** Episodes starting after this day are not kept. */
  horizon: Day;
}

/** One placement: a carer (or home) and where it is, over [start, end). */
interface Seg {
  start: Day;
  end: Day;
  place: number;
  provider: number;
  carer: number;
  post: number;
  urn: number;
  /** REASON_PLACE_CHANGE when this placement ends in a move. */
  reason: number;
  emergency: boolean;
  /** The URN as written (see urnOf), fixed once the placements are laid. */
  urnCode: number;
}

let carerSeq = 0;

function seg(start: Day, end: Day, place: number, provider: number, post: number, urn: number): Seg {
  carerSeq += 1;
  return {
    start,
    end,
    place,
    provider,
    carer: carerSeq,
    post,
    urn,
    reason: RS_NONE,
    emergency: false,
    urnCode: 0,
  };
}

function sameCarer(s: Seg, start: Day, end: Day, place: number): Seg {
  return { ...s, start, end, place, reason: RS_NONE, emergency: false };
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[rng.int(list.length)]!;
}

/**
 * Two placements of the same kind at the same postcode: written out they
 * could not be told apart (two providers may share a postcode, and H5
 * placements carried no URN before 2023/24).
 */
function sameProvider(a: Seg, b: Seg): boolean {
  if (a.post !== b.post) return false;
  return a.place === b.place || (isSupportedPlace(a.place) && isSupportedPlace(b.place));
}

function isCareOrder(ls: number): boolean {
  return ls === C1 || ls === C2;
}

/**
 * Builds and stores the episodes of one period. Returns the REC of the
 * period's last episode.
 */
export class PeriodBuilder {
  private readonly c: Context;
  private child = 0;
  private b!: Birthdays;
  private p!: Period;
  private uasc = false;
  private home = 0;
  private cin = 0;
  private lsDay: Day[] = [];
  private lsCode: number[] = [];
  private segs: Seg[] = [];
  private readonly weights = new Array<number>(CHOICES).fill(0);

  constructor(context: Context) {
    this.c = context;
  }

  build(child: number, b: Birthdays, p: Period, uasc: boolean, home: number, cin: number): number {
    this.child = child;
    this.b = b;
    this.p = p;
    this.uasc = uasc;
    this.home = home;
    this.cin = cin;
    this.buildLegalStatus();
    this.segs = [];
    const rec = this.buildPlacements();
    this.recodeSemiIndependent();
    for (const s of this.segs) s.urnCode = this.urnOf(s);
    this.addTemporaryPlacements();
    this.emit(rec);
    return rec;
  }

  // -------------------------------------------------------------------------
  // Legal status
  // -------------------------------------------------------------------------

  private addLs(day: Day, ls: number): void {
    const last = this.lsDay.length - 1;
    if (day <= this.lsDay[last]! || day >= this.p.exit) return;
    if (ls === this.lsCode[last]) return;
    this.lsDay.push(day);
    this.lsCode.push(ls);
  }

  lsAt(day: Day): number {
    let ls = this.lsCode[0]!;
    for (let i = 1; i < this.lsDay.length && this.lsDay[i]! <= day; i++) ls = this.lsCode[i]!;
    return ls;
  }

  private buildLegalStatus(): void {
    const { rng } = this.c;
    const p = this.p;
    const age = (p.start - this.b.dob) / 365.25;
    this.lsDay = [p.start];
    this.lsCode = [V2];
    if (p.path === PATH_UASC || p.path === PATH_ADOPT_CONSENT) return;
    if (p.path === PATH_REMAND) {
      this.lsCode[0] = J1;
      this.addLs(p.k1, V2);
      return;
    }
    // An emergency start: police protection (up to 72 hours) or an EPO (up to 8 days).
    let t = p.start;
    const u = rng.uniform();
    if (u < START_L1 + START_L2) {
      this.lsCode[0] = u < START_L1 ? L1 : L2;
      t = p.start + (u < START_L1 ? rng.between(1, 3) : rng.between(2, 8));
    }
    let main: number;
    switch (p.path) {
      case PATH_ADOPT:
        main = rng.chance(0.85) ? C1 : V2;
        break;
      case PATH_SGO:
      case PATH_CAO:
        main = rng.chance(0.7) ? C1 : V2;
        break;
      case PATH_LONG:
        main = rng.chance(age < 10 ? 0.85 : 0.65) ? C1 : V2;
        break;
      default:
        main = rng.chance(0.4) ? C1 : V2;
    }
    if (t === p.start) this.lsCode[0] = main;
    else this.addLs(t, main);
    // Care proceedings after a period under section 20.
    let c1At: Day = main === C1 ? t : Number.POSITIVE_INFINITY;
    if (main === V2) {
      const proceed =
        p.path === PATH_ADOPT ||
        ((p.path === PATH_SGO || p.path === PATH_CAO) && rng.chance(0.5)) ||
        (p.path === PATH_LONG && rng.chance(age < 12 ? 0.6 : 0.35));
      if (proceed) {
        let at = t + days(rng, V2_TO_C1, 7);
        if (p.path === PATH_ADOPT) at = Math.min(at, p.k1 - 30);
        if (at > t) {
          this.addLs(at, C1);
          c1At = at;
        }
      }
    }
    if (p.path === PATH_ADOPT) {
      // The placement order is often made at the final hearing with the care order.
      if (Number.isFinite(c1At) && rng.chance(0.35)) {
        const c2 = p.k1 - days(rng, [60, 0.5], 14);
        if (c2 > c1At + 60) this.addLs(c2, C2);
      }
      this.addLs(p.k1, E1);
      return;
    }
    if (!Number.isFinite(c1At)) return;
    const c2 = c1At + days(rng, C1_TO_C2, 60);
    // SGOs and CAOs are often made at the end of proceedings instead of a care order.
    const toC2 = p.path === PATH_SGO || p.path === PATH_CAO ? rng.chance(0.5) : true;
    if (toC2 && c2 < p.exit - 14) this.addLs(c2, C2);
  }

  // -------------------------------------------------------------------------
  // Placements
  // -------------------------------------------------------------------------

  /** A foster or adoption provider: the council's own service, another council's, or an agency. */
  private fosterProvider(place: number): Provider {
    const { rng, pools } = this.c;
    if (place === U6 || place === U4) {
      const inHouse = this.uasc ? this.c.inHouseShare * 0.6 : this.c.inHouseShare;
      if (rng.chance(inHouse)) return rng.chance(0.03) ? pick(rng, pools.otherFostering) : pools.ownFostering;
      return pick(rng, pools.ifa);
    }
    if (place <= U3) return rng.chance(0.95) ? pools.ownFostering : pick(rng, pools.otherFostering);
    // Fostering for adoption (U5): the council's carers or an agency's.
    return rng.chance(0.8) ? pools.ownFostering : pick(rng, pools.ifa);
  }

  private ringFor(place: number, provider: number): readonly number[] {
    if (place <= U3) return RING_CONNECTED;
    if (provider === PR1 || provider === PR2) return RING_IN_HOUSE;
    return RING_AGENCY;
  }

  private fromPool(pool: readonly Provider[], start: Day, place: number): Seg {
    const h = pick(this.c.rng, pool);
    return seg(start, start, place, h.provider, h.post, h.urn);
  }

  /**
   * A new placement of a choice made at `t`, not with the same provider at
   * the same place as its neighbours (by default the current placement):
   * that would be no move at all.
   */
  private make(
    choice: number,
    t: Day,
    avoid: ReadonlyArray<Seg | undefined> = [this.segs[this.segs.length - 1]],
  ): Seg {
    let s = this.makeOnce(choice, t);
    for (let k = 0; k < 8 && avoid.some((a) => a !== undefined && sameProvider(a, s)); k++) {
      s = this.makeOnce(choice, t);
    }
    return s;
  }

  private makeOnce(choice: number, t: Day): Seg {
    const { rng, pools } = this.c;
    switch (choice) {
      case CH_FOSTER:
      case CH_CONNECTED:
      case CH_FFA: {
        const place = choice === CH_FOSTER ? U6 : choice === CH_CONNECTED ? U3 : U5;
        const f = this.fosterProvider(place);
        return seg(t, t, place, f.provider, postcodeFrom(rng, this.ringFor(place, f.provider)), f.urn);
      }
      case CH_K2:
        return this.fromPool(pools.k2, t, K2);
      case CH_K1:
        return this.fromPool(pools.k1, t, K1);
      case CH_R1:
        return this.fromPool(pools.r1, t, R1);
      case CH_R3:
        return this.fromPool(pools.r3, t, R3);
      case CH_S1:
        return this.fromPool(pools.s1, t, S1);
      case CH_SUPPORTED: {
        // Registered supported accommodation (K3) from 2024/25; semi-independent (H5) before.
        const place = t >= Y2024 && (t >= Y2025 - 60 || rng.chance(0.85)) ? K3 : H5;
        return this.fromPool(pools.supported, t, place);
      }
      case CH_P2:
        if (t >= Y2024) return this.makeOnce(CH_SUPPORTED, t);
        return this.fromPool(pools.supported, t, P2);
      case CH_P1:
        return seg(t, t, P1, PR0, this.home, 0);
      case CH_R2:
        return seg(t, t, R2, PR3, postcodeFrom(rng, [50, 50, 0]), 0);
      case CH_R5:
        return seg(t, t, R5, PR3, postcodeFrom(rng, [0, 30, 70]), 0);
      default:
        return seg(t, t, P3, PR4, postcodeFrom(rng, [30, 40, 30]), 0);
    }
  }

  /** The natural choice of placement at `t`. */
  private choose(t: Day, first: boolean): number {
    const { rng } = this.c;
    const b = this.b;
    const age = Math.floor((t - b.dob) / 365.25);
    const w = this.weights;
    const table = this.uasc
      ? UASC_PLACE_WEIGHTS[age >= 16 ? 1 : 0]!
      : PLACE_WEIGHTS[placeBand(Math.min(age, 17))]!;
    for (let i = 0; i < CHOICES; i++) w[i] = table[i]!;
    const path = this.p.path;
    if (!first) {
      w[CH_R2] = 0;
      w[CH_R3] = 0;
    }
    if (t < b.b16) {
      w[CH_SUPPORTED] = 0;
      w[CH_P2] = 0;
      w[CH_P3] = 0;
    }
    if (t < b.b15) w[CH_R5] = 0;
    if (t < b.b10) w[CH_K1] = 0;
    if (t < b.b10 - 730) w[CH_S1] = 0;
    const last = this.segs[this.segs.length - 1];
    if (
      this.uasc ||
      path === PATH_ADOPT ||
      path === PATH_ADOPT_CONSENT ||
      !isCareOrder(this.lsAt(t)) ||
      last?.place === P1
    ) {
      w[CH_P1] = 0;
    }
    if (path === PATH_ADOPT || path === PATH_ADOPT_CONSENT) {
      for (let i = 0; i < CHOICES; i++) {
        if (i !== CH_FOSTER && i !== CH_CONNECTED && i !== CH_R2 && i !== CH_R3) w[i] = 0;
      }
      w[CH_CONNECTED] = 8;
      if (age < 1 && path === PATH_ADOPT) w[CH_FFA] = 20;
    } else if (path === PATH_SGO) {
      w[CH_CONNECTED] = w[CH_CONNECTED]! * 2.5;
    }
    let total = 0;
    for (let i = 0; i < CHOICES; i++) total += w[i]!;
    if (total <= 0) return CH_FOSTER;
    return rng.weighted(w);
  }

  /** The reason the placement `prev` ended when the child moved to `next`. */
  private reason(prev: Seg, next: Seg): number {
    if (prev.carer === next.carer) return next.place === A3 || next.place === A5 ? RS_CARPL : RS_PLACE;
    if (prev.place === R5 || next.place === R5) return RS_CUSTOD;
    if (prev.emergency) return RS_CARPL;
    const weights = isFosterPlace(prev.place) ? REASON_WEIGHTS_FOSTER : REASON_WEIGHTS_OTHER;
    return 1 + this.c.rng.weighted(weights);
  }

  private push(s: Seg): void {
    const prev = this.segs[this.segs.length - 1];
    if (prev) {
      prev.end = s.start;
      prev.reason = this.reason(prev, s);
    }
    this.segs.push(s);
  }

  /** Natural placements over [a, b): moves at random, long-term matches for long stays. */
  private natural(a: Day, b: Day, first: boolean): void {
    const { rng } = this.c;
    const longStay = this.p.path === PATH_LONG || this.p.path === PATH_UASC || this.p.path === PATH_REMAND;
    let t = a;
    let isFirst = first;
    while (t < b) {
      let s: Seg;
      let dur: number;
      if (isFirst && this.p.path !== PATH_UASC && rng.chance(EMERGENCY_FIRST)) {
        s = this.make(rng.chance(0.7) ? CH_FOSTER : CH_CONNECTED, t);
        if (s.place === U6 && rng.chance(0.8)) s.provider = PR1;
        s.emergency = true;
        dur = days(rng, EMERGENCY_DURATION);
      } else {
        s = this.make(this.choose(t, isFirst), t);
        if (s.place === U6 || s.place === U3 || s.place === U5) {
          const age = (t - this.b.dob) / 365.25;
          if (longStay && age < 15.5 && s.place !== U5 && rng.chance(LONG_TERM_MATCH)) {
            // Matched as long-term with the same carers after a while.
            const after = days(rng, LONG_TERM_MATCH_AFTER, 60);
            if (t + after < b - 30) {
              s.end = t + after;
              this.push(s);
              const lt = sameCarer(s, t + after, t + after, s.place === U3 ? U1 : U4);
              this.push(lt);
              const end = Math.min(t + after + days(rng, LONG_FOSTER_DURATION, 30), b);
              t = b - end < 7 ? b : end;
              lt.end = t;
              isFirst = false;
              continue;
            }
          }
          dur = days(rng, SHORT_FOSTER_DURATION);
        } else {
          dur = days(rng, DURATION[s.place] ?? SHORT_FOSTER_DURATION);
        }
      }
      let end = Math.min(t + dur, b);
      if (b - end < 7) end = b;
      s.end = end;
      this.push(s);
      t = end;
      isFirst = false;
    }
  }

  /** Makes [from, exit) a placement of `place` (extending the current one if it is already of that kind). */
  private final(from: Day, kind: "connected" | "foster" | "p1", sameAllowed = true): void {
    const last = this.segs[this.segs.length - 1];
    const matches =
      last &&
      sameAllowed &&
      ((kind === "connected" && isConnectedPlace(last.place)) ||
        (kind === "foster" && (last.place === U4 || last.place === U6)) ||
        (kind === "p1" && last.place === P1));
    if (last && matches) {
      last.end = this.p.exit;
      return;
    }
    const s =
      kind === "connected"
        ? this.make(CH_CONNECTED, from)
        : kind === "foster"
          ? this.make(CH_FOSTER, from)
          : this.make(CH_P1, from);
    s.end = this.p.exit;
    this.push(s);
  }

  /** Lays the placements of the period and returns its REC. */
  private buildPlacements(): number {
    const { rng } = this.c;
    const p = this.p;
    const tailStart = (median: number, min: number) => {
      const at = p.exit - days(rng, [median, 0.5], min);
      return at <= p.start + 14 ? p.start : at;
    };
    switch (p.group) {
      case X_ADOPT: {
        this.natural(p.start, p.k2, true);
        const last = this.segs[this.segs.length - 1]!;
        const consent = p.path === PATH_ADOPT_CONSENT;
        const withCarer = last.place === U5 || (isFosterPlace(last.place) && rng.chance(0.15));
        let a: Seg;
        if (withCarer) {
          a = sameCarer(last, p.k2, p.exit, consent ? A3 : A5);
        } else {
          const { pools } = this.c;
          const agency = rng.pick(
            [pools.ownAdoption, pick(rng, pools.otherAdoption), pick(rng, pools.vaa)],
            [50, 25, 25],
          );
          a = seg(
            p.k2,
            p.exit,
            consent ? A4 : A6,
            agency.provider,
            postcodeFrom(rng, RING_NEW_FAMILY),
            agency.urn,
          );
        }
        this.push(a);
        return consent || rng.chance(0.4) ? E11 : E12;
      }
      case X_SGO: {
        const code = rng.pick([E45, E47, E46, E48], [50, 30, 10, 10]);
        if (code === E45 || code === E46) {
          const from = tailStart(300, 30);
          if (from > p.start) this.natural(p.start, from, true);
          this.final(from, code === E45 ? "connected" : "foster");
        } else {
          this.natural(p.start, p.exit, true);
        }
        return code;
      }
      case X_SGO_FOSTER: {
        const from = tailStart(700, 60);
        if (from > p.start) this.natural(p.start, from, true);
        const before = this.segs[this.segs.length - 1];
        this.final(from, before && isConnectedPlace(before.place) ? "connected" : "foster");
        const last = this.segs[this.segs.length - 1]!;
        if (last.place === U6) {
          // Carers taking an SGO have usually been the long-term carers.
          const lt = Math.max(last.start + 1, p.exit - days(rng, [400, 0.4], 30));
          if (lt < p.exit - 1) {
            last.end = lt;
            this.push(sameCarer(last, lt, p.exit, U4));
          }
        }
        return isConnectedPlace(this.segs[this.segs.length - 1]!.place) ? E45 : E46;
      }
      case X_CAO: {
        const from = tailStart(200, 30);
        if (from > p.start) this.natural(p.start, from, true);
        this.final(from, isCareOrder(this.lsAt(from)) && rng.chance(0.5) ? "p1" : "connected");
        return E41;
      }
      case X_RETURN: {
        let from = p.exit;
        if (rng.chance(0.4)) {
          const at = p.exit - days(rng, [120, 0.6], 14);
          if (at >= p.start + 14 && isCareOrder(this.lsAt(at))) from = at;
        }
        this.remandStart();
        this.natural(this.placedUntil(), from, this.segs.length === 0);
        if (from < p.exit) this.final(from, "p1");
        const last = this.segs[this.segs.length - 1]!;
        if (last.place === P1) return rng.chance(0.9) ? E4A : E13;
        return rng.pick([E4A, E4B, E13], [60, 20, 20]);
      }
      default:
        this.remandStart();
        this.natural(this.placedUntil(), p.exit, this.segs.length === 0);
        return this.exitCode();
    }
  }

  /** For a remand period, the remand placement (and whether the child stays on in it). */
  private remandStart(): void {
    const p = this.p;
    if (p.path !== PATH_REMAND) return;
    const { rng, pools } = this.c;
    const older = p.start >= this.b.b15;
    const choice = older
      ? rng.pick([CH_R5, CH_K2, CH_FOSTER], [30, 35, 35])
      : rng.pick([CH_K1, CH_K2, CH_FOSTER], [15, 45, 40]);
    const s = choice === CH_K1 ? this.fromPool(pools.k1, p.start, K1) : this.make(choice, p.start);
    if (s.place === U6) s.provider = PR4;
    const stays = p.exit > p.k1 && s.place !== R5 && s.place !== K1 && rng.chance(0.5);
    s.end = stays ? Math.min(p.exit, p.k1 + days(rng, SHORT_FOSTER_DURATION)) : p.k1;
    if (p.exit - s.end < 7) s.end = p.exit;
    this.push(s);
  }

  private placedUntil(): Day {
    const last = this.segs[this.segs.length - 1];
    return last ? last.end : this.p.start;
  }

  private exitCode(): number {
    const { rng } = this.c;
    const last = this.segs[this.segs.length - 1]!;
    const place = last.place;
    switch (this.p.group) {
      case X_AGE18:
        if (isFosterPlace(place)) {
          if (rng.chance(this.uasc ? 0.15 : STAYING_PUT)) return E17;
          return rng.pick([E8, E5, E6, E13], [50, 35, 10, 5]);
        }
        if (isSupportedPlace(place)) return rng.pick([E5, E6, E8], [55, 15, 30]);
        if (place === K2 || place === K1 || place === R1 || place === S1) {
          return rng.pick([E5, E8, E7, E6], [35, 50, 10, 5]);
        }
        if (place === P1) return rng.pick([E8, E13, E4A], [50, 25, 25]);
        return E8;
      case X_INDEP:
        if (isSupportedPlace(place)) return rng.chance(0.7) ? E5 : E6;
        return rng.pick([E5, E6, E8], [60, 20, 20]);
      case X_TRANSFER:
        return E3;
      case X_ABROAD:
        return E16;
      case X_REMAND_END:
        return E14;
      case X_CUSTODY:
        return E9;
      case X_AGE_ASSESSED:
        return E15;
      case X_OTHER:
        return E8;
      default:
        return E8;
    }
  }

  // -------------------------------------------------------------------------
  // Year-specific recoding and temporary placements
  // -------------------------------------------------------------------------

  /**
   * Year-specific changes to semi-independent placements. Unregistered
   * semi-independent accommodation (H5) had to register with Ofsted by 28
   * October 2023: a placement that began before 2023/24 and would run past
   * that date ends then (the provider closed) and the young person moves to
   * a registered provider. H5 and P2 are not valid from 2025/26: a placement
   * open at the end of 2024/25 continues with the same provider as K3
   * (supported accommodation) from 31 March 2025, a change of placement
   * status only, so that no H5 or P2 episode reaches the 2025/26 return.
   */
  private recodeSemiIndependent(): void {
    const segs = this.segs;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]!;
      if (s.place === H5 && s.start < Y2023 && s.end > REGISTERED_FROM) {
        const next = this.make(CH_SUPPORTED, REGISTERED_FROM, [s, segs[i + 1]]);
        next.end = s.end;
        next.reason = s.reason;
        s.end = REGISTERED_FROM;
        s.reason = RS_CLOSE;
        segs.splice(i + 1, 0, next);
        continue;
      }
      if ((s.place === H5 || s.place === P2) && s.start < LAST_OLD_DAY && s.end > LAST_OLD_DAY) {
        const next = sameCarer(s, LAST_OLD_DAY, s.end, K3);
        next.reason = s.reason;
        s.end = LAST_OLD_DAY;
        s.reason = RS_PLACE;
        segs.splice(i + 1, 0, next);
        i++;
      }
    }
  }

  /**
   * The URN written for a placement (0 blank, URN_NONE for XXXXXXX): none
   * for placements DfE does not register; for H5 begun before 2023/24 (no
   * URN was expected then) XXXXXXX if it is still open in 2023/24, when a
   * URN is required; P2 likewise.
   */
  private urnOf(s: Seg): number {
    if (neverUrn(s.place)) return 0;
    if (s.place === H5 && s.start < Y2023) return s.end >= Y2023 ? URN_NONE : 0;
    if (s.place === P2) return s.end >= Y2023 ? URN_NONE : 0;
    return s.urn || URN_NONE;
  }

  /** True when a legal status change falls in [a, b]. */
  private lsChangeIn(a: Day, b: Day): boolean {
    for (let i = 1; i < this.lsDay.length; i++) {
      const d = this.lsDay[i]!;
      if (d >= a && d <= b) return true;
    }
    return false;
  }

  /**
   * Short temporary placements (T0–T4) inside longer ones: the child moves
   * for a few days and comes back to the same placement.
   */
  private addTemporaryPlacements(): void {
    const { rng } = this.c;
    const out: Seg[] = [];
    for (const s of this.segs) {
      const len = s.end - s.start;
      const foster = s.place === U1 || s.place === U3 || s.place === U4 || s.place === U6;
      const host =
        foster || s.place === K2 || s.place === K3 || s.place === H5 || s.place === P2 || s.place === S1;
      if (!host || len < 40) {
        out.push(s);
        continue;
      }
      const n = Math.min(2, rng.poisson(((foster ? TEMP_RATE_FOSTER : TEMP_RATE_OTHER) * len) / 365.25));
      let cur = s;
      let from = s.start + 10;
      for (let k = 0; k < n; k++) {
        const place = foster
          ? rng.pick([T3, T1, T2, T4, T0], [60, 10, 15, 10, 5])
          : rng.pick([T1, T2, T4, T0], [35, 25, 25, 15]);
        const d =
          place === T3
            ? rng.between(3, 14)
            : place === T1
              ? rng.between(2, 20)
              : place === T2
                ? rng.between(3, 12)
                : place === T4
                  ? rng.between(1, 7)
                  : rng.between(2, 10);
        const room = s.end - 10 - d - from;
        if (room <= 0) break;
        const t = from + rng.int(room);
        if (this.lsChangeIn(t, t + d)) continue;
        const ring = place === T2 ? [0, 20, 80] : place === T3 ? [60, 35, 5] : [55, 40, 5];
        const temp = seg(t, t + d, place, PR_NONE, postcodeFrom(rng, ring), 0);
        const back = sameCarer(cur, t + d, cur.end, cur.place);
        back.reason = cur.reason;
        cur.end = t;
        cur.reason = RS_NONE;
        out.push(cur, temp);
        cur = back;
        from = t + d + 5;
      }
      out.push(cur);
    }
    this.segs = out;
  }

  // -------------------------------------------------------------------------
  // Episodes
  // -------------------------------------------------------------------------

  private emit(exitRec: number): void {
    const p = this.p;
    const segs = this.segs;
    const lsDay = this.lsDay;
    const lsCode = this.lsCode;
    let si = 0;
    let li = 0;
    let day = p.start;
    let prevSeg = -1;
    let prevLs = -1;
    // Pending episode, written when the next boundary is known.
    let pStart = 0;
    let pRne = 0;
    let pLs = 0;
    let pSeg = -1;
    let pending = false;
    while (day < p.exit) {
      while (si + 1 < segs.length && segs[si + 1]!.start <= day) si++;
      while (li + 1 < lsDay.length && lsDay[li + 1]! <= day) li++;
      const s = segs[si]!;
      const ls = lsCode[li]!;
      let rne: number;
      if (prevSeg < 0) rne = RNE_S;
      else {
        const placeChanged = si !== prevSeg;
        const lsChanged = ls !== prevLs;
        const same = placeChanged && segs[prevSeg]!.carer === s.carer;
        if (!placeChanged) rne = RNE_L;
        else if (!lsChanged) rne = same ? RNE_T : RNE_P;
        else rne = same ? RNE_U : RNE_B;
      }
      if (pending) {
        const ps = segs[pSeg]!;
        const reason =
          rne !== RNE_L && !isTemporaryPlace(ps.place) && !isTemporaryPlace(s.place)
            ? ps.reason || RS_CARPL
            : RS_NONE;
        this.write(pStart, day, pRne, pLs, ps, X1, reason);
      }
      pending = true;
      pStart = day;
      pRne = rne;
      pLs = ls;
      pSeg = si;
      prevSeg = si;
      prevLs = ls;
      const nextSeg = si + 1 < segs.length ? segs[si + 1]!.start : p.exit;
      const nextLs = li + 1 < lsDay.length ? lsDay[li + 1]! : p.exit;
      day = Math.min(nextSeg, nextLs, p.exit);
    }
    if (pending) this.write(pStart, p.exit, pRne, pLs, segs[pSeg]!, exitRec, RS_NONE);
  }

  private write(start: Day, end: Day, rne: number, ls: number, s: Seg, rec: number, reason: number): void {
    if (start > this.c.horizon) return;
    this.c.store.push(
      this.child,
      start,
      end,
      rne,
      ls,
      this.cin,
      s.place,
      s.provider,
      rec,
      reason,
      this.home,
      s.post,
      s.urnCode,
    );
  }
}
