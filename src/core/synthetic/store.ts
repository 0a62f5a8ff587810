/**
 * The simulated truth, held compactly: one row per child and one per
 * episode in growable typed arrays (a national council has millions of
 * episodes; objects per episode would cost ten times the memory).
 */
import type { Day } from "../dates.js";

function grow<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  let size = a.length * 2;
  while (size < n) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** No date (e.g. a child who never became a mother). */
export const NO_DAY = -0x7fffffff;

/** UPN kinds: a UPN from age 5 (UN1 before); UASC with UN4 in the year they arrive then a UPN; UASC with UN4 throughout. */
export const UPN_USUAL = 0;
export const UPN_UASC_LATER = 1;
export const UPN_UASC_NEVER = 2;

export class ChildStore {
  n = 0;
  dob = new Int32Array(1024);
  /** 1 male, 2 female, 3 not known (written only from 2024/25). */
  sex = new Uint8Array(1024);
  ethnic = new Uint8Array(1024);
  uasc = new Uint8Array(1024);
  shortBreak = new Uint8Array(1024);
  upnKind = new Uint8Array(1024);
  /** Collection year of the child's first entry (for UASC UPNs). */
  firstYear = new Int32Array(1024);
  /** Date the child's own first child was born, or NO_DAY. */
  mcDob = new Int32Array(1024);
  firstEp = new Int32Array(1024);
  nEp = new Int32Array(1024);
  /** Care leaver: 1 when the child qualifies for OC3 after the final exit. */
  leaver = new Uint8Array(1024);
  /** Day of the child's final exit from care. */
  finalExit = new Int32Array(1024);
  /** REC code index of the final exit when simulated in detail, else 0. */
  finalRec = new Uint8Array(1024);
  /** Date UASC status ceased (18th birthday, or the age assessment), for UASC children. */
  duc = new Int32Array(1024);

  add(): number {
    const i = this.n++;
    if (i >= this.dob.length) {
      const n = i + 1;
      this.dob = grow(this.dob, n);
      this.sex = grow(this.sex, n);
      this.ethnic = grow(this.ethnic, n);
      this.uasc = grow(this.uasc, n);
      this.shortBreak = grow(this.shortBreak, n);
      this.upnKind = grow(this.upnKind, n);
      this.firstYear = grow(this.firstYear, n);
      this.mcDob = grow(this.mcDob, n);
      this.firstEp = grow(this.firstEp, n);
      this.nEp = grow(this.nEp, n);
      this.leaver = grow(this.leaver, n);
      this.finalExit = grow(this.finalExit, n);
      this.finalRec = grow(this.finalRec, n);
      this.duc = grow(this.duc, n);
    }
    this.mcDob[i] = NO_DAY;
    this.duc[i] = NO_DAY;
    return i;
  }
}

export class EpisodeStore {
  n = 0;
  child = new Int32Array(4096);
  start = new Int32Array(4096);
  /** The day the episode ended (may be after the last written year: then it is written as open). */
  end = new Int32Array(4096);
  rne = new Uint8Array(4096);
  ls = new Uint8Array(4096);
  cin = new Uint8Array(4096);
  place = new Uint8Array(4096);
  provider = new Uint8Array(4096);
  rec = new Uint8Array(4096);
  reason = new Uint8Array(4096);
  homePost = new Int32Array(4096);
  /** -1 for no postcode. */
  plPost = new Int32Array(4096);
  urn = new Int32Array(4096);

  push(
    child: number,
    start: Day,
    end: Day,
    rne: number,
    ls: number,
    cin: number,
    place: number,
    provider: number,
    rec: number,
    reason: number,
    homePost: number,
    plPost: number,
    urn: number,
  ): void {
    const i = this.n++;
    if (i >= this.child.length) {
      const n = i + 1;
      this.child = grow(this.child, n);
      this.start = grow(this.start, n);
      this.end = grow(this.end, n);
      this.rne = grow(this.rne, n);
      this.ls = grow(this.ls, n);
      this.cin = grow(this.cin, n);
      this.place = grow(this.place, n);
      this.provider = grow(this.provider, n);
      this.rec = grow(this.rec, n);
      this.reason = grow(this.reason, n);
      this.homePost = grow(this.homePost, n);
      this.plPost = grow(this.plPost, n);
      this.urn = grow(this.urn, n);
    }
    this.child[i] = child;
    this.start[i] = start;
    this.end[i] = end;
    this.rne[i] = rne;
    this.ls[i] = ls;
    this.cin[i] = cin;
    this.place[i] = place;
    this.provider[i] = provider;
    this.rec[i] = rec;
    this.reason[i] = reason;
    this.homePost[i] = homePost;
    this.plPost[i] = plPost;
    this.urn[i] = urn;
  }
}
