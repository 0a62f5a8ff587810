/**
 * Builds each collection year's 903 tables as CSV text from the simulated
 * truth. A year's Episodes file holds every episode open at any time in the
 * year (DECOM on or before 31 March and DEC on or after 1 April); an
 * episode still open on 31 March is written with DEC, REC and
 * REASON_PLACE_CHANGE blank, as the council would have sent it then.
 */
import { ageOn, birthday, type Day, dayFromYMD, formatUK, ymdFromDay } from "../dates.js";
import { Rng } from "../random/rng.js";
import { TABLES } from "../ssda903/tables.js";
import { yearEnd, yearStart } from "../ssda903/years.js";
import {
  CIN_CODES,
  E17,
  ETHNIC_CODES,
  isShortBreakLs,
  LS_CODES,
  PLACE_CODES,
  PROVIDER_CODES,
  REASON_CODES,
  REC_CODES,
  RNE_CODES,
} from "./codes.js";
import { postcodeText, urnText } from "./geography.js";
import type { Simulation } from "./simulate.js";
import { NO_DAY, UPN_UASC_LATER, UPN_UASC_NEVER } from "./store.js";

const EOL = "\r\n";

/** DD/MM/YYYY strings, cached by day. */
class DateText {
  private readonly base = dayFromYMD(1950, 1, 1);
  private readonly cache: string[] = [];
  get(day: Day): string {
    const i = day - this.base;
    let s = this.cache[i];
    if (s === undefined) {
      s = formatUK(day);
      this.cache[i] = s;
    }
    return s;
  }
}

/**
 * CSV text built as bytes: a national council's year of episodes is a
 * quarter of a million rows, and building them as one string per row keeps
 * the garbage collector busy for longer than the simulation takes. All the
 * text is ASCII.
 */
class TextBuilder {
  private buf: Uint8Array;
  private n = 0;
  constructor(size = 1 << 16) {
    this.buf = new Uint8Array(size);
  }
  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
  /** Writes a field (ASCII text) followed by a comma. */
  field(s: string): void {
    const len = s.length;
    this.room(len + 1);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) buf[n++] = s.charCodeAt(i);
    buf[n++] = 44;
    this.n = n;
  }
  /** Writes the last field of a row and the end of line. */
  last(s: string): void {
    this.field(s);
    this.buf[this.n - 1] = 13;
    this.room(1);
    this.buf[this.n++] = 10;
  }
  line(s: string): void {
    this.last(s);
  }
  text(): string {
    return new TextDecoder().decode(this.buf.subarray(0, this.n));
  }
}

const CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

/**
 * A well-formed UPN: a check letter, then a (fictional) LA number 888, a
 * 4-digit establishment, 2-digit year and 3-digit serial made from the
 * child's number. The check letter is DfE's: the sum of each of the 12
 * digits times its position (2 to 13), modulo 23.
 */
export function upnFor(child: number, dob: Day): string {
  const est = String(Math.floor(child / 1000) % 10000).padStart(4, "0");
  const yy = String((ymdFromDay(dob).y + 5) % 100).padStart(2, "0");
  const serial = String(child % 1000).padStart(3, "0");
  const body = `888${est}${yy}${serial}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  return `${CHECK_LETTERS[sum % 23]}${body}`;
}

export function childId(c: number): string {
  return String(100001 + c);
}

function sexText(sex: number, year: number): string {
  if (year >= 2024) return sex === 1 ? "M" : sex === 2 ? "F" : "U";
  return sex === 2 ? "2" : "1";
}

interface Oc3Values {
  inTouch: string;
  activ: string;
  accom: string;
}

const ACTIV_17: Array<[string, number]> = [
  ["F2", 60],
  ["P2", 5],
  ["F4", 3],
  ["F5", 4],
  ["P5", 2],
  ["G4", 4],
  ["G5", 18],
  ["G6", 4],
];
const ACTIV_18: Array<[string, number]> = [
  ["F2", 40],
  ["P2", 3],
  ["F4", 4],
  ["P4", 1],
  ["F5", 12],
  ["P5", 5],
  ["G4", 7],
  ["G5", 24],
  ["G6", 4],
];
const ACTIV_19: Array<[string, number]> = [
  ["F1", 8],
  ["P1", 1],
  ["F2", 18],
  ["P2", 3],
  ["F4", 4],
  ["P4", 1],
  ["F5", 22],
  ["P5", 8],
  ["G4", 9],
  ["G5", 20],
  ["G6", 6],
];
const ACCOM_17: Array<[string, number]> = [
  ["B1", 35],
  ["D1", 25],
  ["E1", 6],
  ["U1", 8],
  ["K1", 3],
  ["T1", 3],
  ["C1", 4],
  ["Y1", 3],
  ["D2", 2],
  ["S2", 1],
  ["V2", 1],
  ["B2", 2],
  ["X2", 1],
];
const ACCOM_18: Array<[string, number]> = [
  ["U1", 32],
  ["D1", 18],
  ["E1", 6],
  ["B1", 12],
  ["K1", 4],
  ["T1", 3],
  ["C1", 1],
  ["Y1", 3],
  ["Z1", 2],
  ["U2", 2],
  ["D2", 1],
  ["S2", 2],
  ["V2", 1],
  ["W2", 1],
  ["X2", 2],
];

function choose(rng: Rng, list: ReadonlyArray<[string, number]>): string {
  return list[rng.weighted(list.map((x) => x[1]))]![0];
}

/**
 * A care leaver's OC3 values at a birthday, drawn from a source keyed by
 * (seed, child, age) so they do not depend on the order of writing.
 * In touch with ACTIV and ACCOM coded; otherwise (not in touch, refused,
 * no longer needs services, returned home) ACTIV and ACCOM are 0.
 */
export function oc3Values(seed: number, child: number, age: number, stayingPut: boolean): Oc3Values {
  const rng = Rng.keyed(seed, child, age, 903);
  const inTouch =
    age === 17
      ? rng.pick(["YES", "NO", "REFU", "RHOM"], [85, 4, 3, 8])
      : rng.pick(["YES", "NO", "REFU", "NREQ", "RHOM"], [88, 4, 3, age >= 19 ? 3 : 0, 2]);
  if (inTouch !== "YES") return { inTouch, activ: "0", accom: "0" };
  const activ = choose(rng, age === 17 ? ACTIV_17 : age === 18 ? ACTIV_18 : ACTIV_19);
  const zChance = age === 18 ? 0.8 : age === 19 ? 0.5 : age === 20 ? 0.3 : 0;
  const accom = stayingPut && rng.chance(zChance) ? "Z1" : choose(rng, age === 17 ? ACCOM_17 : ACCOM_18);
  return { inTouch, activ, accom };
}

export interface YearCounts {
  year: number;
  /** Children looked after at 31 March (short breaks excluded). */
  inCareAt31March: number;
  uascAt31March: number;
  /** Children who started a period of care in the year (short breaks excluded). */
  started: number;
  /** Children whose care ended in the year (short breaks excluded). */
  ceased: number;
  shortBreakChildren: number;
  episodeRows: number;
  headerRows: number;
  uascRows: number;
  oc3Rows: number;
}

/** What the writer needs to know about a year. */
class YearView {
  readonly start: Day;
  readonly end: Day;
  constructor(
    readonly sim: Simulation,
    readonly year: number,
  ) {
    this.start = yearStart(year);
    this.end = yearEnd(year);
  }

  inYear(e: number): boolean {
    const ep = this.sim.episodes;
    return ep.start[e]! <= this.end && ep.end[e]! >= this.start;
  }

  /** The care-leaver birthday (17–21) that puts the child in this year's OC3, or -1. */
  oc3Age(c: number): number {
    const ch = this.sim.children;
    if (!ch.leaver[c]) return -1;
    const dob = ch.dob[c]!;
    // The birthday falling in the collection year: in the calendar year `year` for
    // a birthday from April, else in the next.
    const { y, m } = ymdFromDay(dob);
    const age = (m >= 4 ? this.year : this.year + 1) - y;
    if (age < 17 || age > 21) return -1;
    const exit = ch.finalExit[c]!;
    if (birthday(dob, age) < exit) return -1;
    // DfE: no OC3 for a 17- or 18-year-old who left care in the year after the 17th birthday.
    if (exit >= this.start && exit <= this.end && exit >= birthday(dob, 17)) return -1;
    return age;
  }

  /** True when the child may have an episode in the year (a quick test on the first start and last end). */
  mayHaveRows(c: number): boolean {
    const ch = this.sim.children;
    const n = ch.nEp[c]!;
    if (n === 0) return false;
    const first = ch.firstEp[c]!;
    const ep = this.sim.episodes;
    return ep.start[first]! <= this.end && ep.end[first + n - 1]! >= this.start;
  }
}

export function countYear(sim: Simulation, year: number): YearCounts {
  const v = new YearView(sim, year);
  const ch = sim.children;
  const ep = sim.episodes;
  const out: YearCounts = {
    year,
    inCareAt31March: 0,
    uascAt31March: 0,
    started: 0,
    ceased: 0,
    shortBreakChildren: 0,
    episodeRows: 0,
    headerRows: 0,
    uascRows: 0,
    oc3Rows: 0,
  };
  for (let c = 0; c < ch.n; c++) {
    if (!v.mayHaveRows(c) && !ch.leaver[c]) continue;
    const first = ch.firstEp[c]!;
    const last = v.mayHaveRows(c) ? first + ch.nEp[c]! : first;
    let rows = 0;
    let inCare = false;
    let started = false;
    let ceased = false;
    let sb = false;
    let looked = false;
    for (let e = first; e < last; e++) {
      if (!v.inYear(e)) continue;
      rows++;
      if (isShortBreakLs(ep.ls[e]!)) {
        sb = true;
        continue;
      }
      looked = true;
      if (ep.start[e]! <= v.end && ep.end[e]! > v.end) inCare = true;
      if (ep.rne[e] === 0 && ep.start[e]! >= v.start) started = true;
      if (ep.end[e]! <= v.end && ep.rec[e] !== 1) ceased = true;
    }
    const oc3 = v.oc3Age(c) >= 0;
    out.episodeRows += rows;
    if (rows > 0 || oc3) out.headerRows++;
    if (oc3) out.oc3Rows++;
    if (inCare) {
      out.inCareAt31March++;
      if (ch.uasc[c]) out.uascAt31March++;
    }
    if (started) out.started++;
    if (ceased) out.ceased++;
    if (sb) out.shortBreakChildren++;
    if (looked && ch.uasc[c] && ch.duc[c]! >= v.start) out.uascRows++;
  }
  return out;
}

export interface YearTexts {
  header: string;
  episodes: string;
  uasc: string;
  oc3: string;
}

function headerLine(table: "header" | "episodes" | "uasc" | "oc3"): string {
  return TABLES[table].columns.join(",");
}

/** The four tables of a collection year, as CSV text. */
export function buildYear(sim: Simulation, year: number, seed: number, dates: DateText): YearTexts {
  const v = new YearView(sim, year);
  const ch = sim.children;
  const ep = sim.episodes;
  const header = new TextBuilder();
  const episodes = new TextBuilder(1 << 20);
  const uasc = new TextBuilder();
  const oc3 = new TextBuilder();
  header.line(headerLine("header"));
  episodes.line(headerLine("episodes"));
  uasc.line(headerLine("uasc"));
  oc3.line(headerLine("oc3"));
  for (let c = 0; c < ch.n; c++) {
    const may = v.mayHaveRows(c);
    if (!may && !ch.leaver[c]) continue;
    const first = ch.firstEp[c]!;
    const last = may ? first + ch.nEp[c]! : first;
    const id = childId(c);
    let rows = 0;
    let looked = false;
    for (let e = first; e < last; e++) {
      if (!v.inYear(e)) continue;
      rows++;
      if (!isShortBreakLs(ep.ls[e]!)) looked = true;
      const open = ep.end[e]! > v.end;
      const place = ep.place[e]!;
      const pl = ep.plPost[e]!;
      episodes.field(id);
      episodes.field(dates.get(ep.start[e]!));
      episodes.field(RNE_CODES[ep.rne[e]!]!);
      episodes.field(LS_CODES[ep.ls[e]!]!);
      episodes.field(CIN_CODES[ep.cin[e]!]!);
      episodes.field(PLACE_CODES[place]!);
      episodes.field(PROVIDER_CODES[ep.provider[e]!]!);
      episodes.field(open ? "" : dates.get(ep.end[e]!));
      episodes.field(open ? "" : REC_CODES[ep.rec[e]!]!);
      episodes.field(open ? "" : REASON_CODES[ep.reason[e]!]!);
      episodes.field(postcodeText(ep.homePost[e]!));
      episodes.field(pl < 0 ? "" : postcodeText(pl));
      episodes.last(urnText(place, ep.urn[e]!));
    }
    const age = v.oc3Age(c);
    if (rows === 0 && age < 0) continue;
    const dob = dates.get(ch.dob[c]!);
    const sex = ch.sex[c]!;
    let mother = "";
    let mcDob = "";
    if (rows > 0 && sex === 2) {
      const m = ch.mcDob[c]!;
      if (m !== NO_DAY && m <= v.end) {
        mother = "1";
        mcDob = dates.get(m);
      } else mother = "0";
    }
    header.field(id);
    header.field(sexText(sex, year));
    header.field(dob);
    header.field(ETHNIC_CODES[ch.ethnic[c]!]!);
    header.field(upnText(sim, c, year, v.end));
    header.field(mother);
    header.last(mcDob);
    // DUC is given in the year UASC status ceases (blank while the child is still UASC).
    const duc = ch.duc[c]!;
    if (looked && ch.uasc[c] && duc >= v.start) {
      uasc.field(id);
      uasc.field(sexText(sex, year));
      uasc.field(dob);
      uasc.last(duc <= v.end ? dates.get(duc) : "");
    }
    if (age >= 0) {
      const o = oc3Values(seed, c, age, ch.finalRec[c] === E17);
      oc3.field(id);
      oc3.field(dob);
      oc3.field(o.inTouch);
      oc3.field(o.activ);
      oc3.last(o.accom);
    }
  }
  return { header: header.text(), episodes: episodes.text(), uasc: uasc.text(), oc3: oc3.text() };
}

function upnText(sim: Simulation, c: number, year: number, end: Day): string {
  const ch = sim.children;
  const kind = ch.upnKind[c]!;
  if (kind === UPN_UASC_NEVER) return "UN4";
  if (kind === UPN_UASC_LATER) return year <= ch.firstYear[c]! ? "UN4" : upnFor(c, ch.dob[c]!);
  return ageOn(ch.dob[c]!, end) < 5 ? "UN1" : upnFor(c, ch.dob[c]!);
}

/** population.csv: mid-year estimates and projections by single year of age. */
export function populationCsv(sim: Simulation, from: number, to: number): string {
  const lines = ["year,age,population"];
  for (let y = from; y <= to; y++) {
    for (let a = 0; a < 18; a++) lines.push(`${y},${a},${Math.round(sim.population(y, a))}`);
  }
  return lines.join(EOL) + EOL;
}

export { DateText };
