/**
 * Simulates a council's children in care from the start of the burn-in to
 * the end of the last written year, into a compact store (store.ts).
 *
 * Each year, new children enter at each age at the year's entry rate per
 * 10,000 of that age's population, UASC arrive at their own rate, and some
 * children begin short breaks. A child's whole care history is planned when
 * the child first enters (life.ts); the periods that reach the written
 * years are then laid out as episodes (periods.ts).
 *
 * Random streams are split by purpose (population, entry counts, children's
 * lives, short breaks), and every stream is consumed year by year from the
 * start of the burn-in, so the files of a year do not depend on how many
 * later years are generated: the same seed and first year give the same
 * 2019 files whether the last year is 2020 or 2024.
 */
import { birthday, type Day, dayFromYMD, isLeapYear, ymdFromDay } from "../dates.js";
import { cumulative, Rng } from "../random/rng.js";
import { collectionYearOf, yearEnd, yearStart } from "../ssda903/years.js";
import { E13, E15, K2, N2, N8, PR1, U6, V3, V4 } from "./codes.js";
import { postcodeIn, providerPools } from "./geography.js";
import {
  type Birthdays,
  isCareLeaver,
  PATH_REMAND,
  PATH_SHORT,
  PATH_UASC,
  type Period,
  planLife,
} from "./life.js";
import {
  BIRTHS_NOISE,
  BIRTHS_TREND,
  CIN_LONG,
  CIN_REMAND,
  CIN_SHORT,
  ETHNIC_WEIGHTS,
  MALE_SHARE,
  MIGRATION_PER_YEAR_OF_AGE,
  MOTHER_RATE_PER_YEAR,
  SEX_UNKNOWN_SHARE,
  SHORT_BREAK_MAX_DAYS,
  SHORT_BREAK_NIGHTS,
  SHORT_BREAK_V4,
  SHORT_BREAK_YEARS,
  UASC_AGE_WEIGHTS,
  UASC_ETHNIC_WEIGHTS,
  UASC_MALE,
} from "./params.js";
import { PeriodBuilder } from "./periods.js";
import { ChildStore, EpisodeStore, NO_DAY, UPN_UASC_LATER, UPN_UASC_NEVER, UPN_USUAL } from "./store.js";

export interface SimulationSettings {
  from: number;
  to: number;
  seed: number;
  burnInYears: number;
  /** 0–17 population in the year `from` (mid-year estimate). */
  population: number;
  /** First-entry rates per 10,000 by single year of age 0–17. */
  entryRates: readonly number[];
  uascPerYear: number;
  /** Children receiving short breaks at any one time. */
  shortBreakChildren: number;
  inHouseFosterShare: number;
  /** Used to size the pools of homes and schools. */
  childrenInCare: number;
}

export interface Simulation {
  children: ChildStore;
  episodes: EpisodeStore;
  /** Population by year (from `from` − burn-in − 17 to `to` + 10) and single year of age. */
  population: (year: number, age: number) => number;
  firstYear: number;
  horizon: Day;
}

const YEAR = 365.25;

export function birthdaysOf(dob: Day): Birthdays {
  // The same as dates.birthday, with the date of birth split once.
  const { y, m, d } = ymdFromDay(dob);
  const at = (n: number) =>
    m === 2 && d === 29 && !isLeapYear(y + n) ? dayFromYMD(y + n, 3, 1) : dayFromYMD(y + n, m, d);
  return { dob, b10: at(10), b14: at(14), b15: at(15), b16: at(16), b17: at(17), b18: at(18), b21: at(21) };
}

/** A date of birth that makes the child exactly `age` on `day`, placed by `frac` in [0, 1) within that year of age. */
export function dobForAge(day: Day, age: number, frac: number): Day {
  const lo = birthday(day, -(age + 1)) + 1;
  const hi = birthday(day, -age);
  return lo + Math.min(hi - lo, Math.floor(frac * (hi - lo + 1)));
}

/** Age at entry in days for an entrant aged 0: many babies come into care in their first week. */
function babyAgeDays(rng: Rng): number {
  return rng.chance(0.4) ? rng.int(8) : 8 + rng.int(357);
}

/**
 * Births by year (relative), from the earliest cohort needed to the last
 * projected year: a gently falling trend with a little noise, drawn year
 * by year so that earlier years do not depend on the last year.
 */
export function populationModel(
  rng: Rng,
  firstCohort: number,
  lastYear: number,
  from: number,
  total: number,
): (year: number, age: number) => number {
  const births = new Map<number, number>();
  let b = 1;
  for (let y = firstCohort; y <= lastYear; y++) {
    births.set(y, b);
    b *= 1 + BIRTHS_TREND + BIRTHS_NOISE * rng.normal();
  }
  const raw = (year: number, age: number) =>
    (births.get(year - age) ?? births.get(firstCohort)!) * (1 + MIGRATION_PER_YEAR_OF_AGE * age);
  let sum = 0;
  for (let a = 0; a < 18; a++) sum += raw(from, a);
  const scale = total / sum;
  return (year, age) => raw(year, age) * scale;
}

/** The share of the 0–17 population at each age in the year `from` under the population model (before scaling). */
export function populationShape(seed: number, from: number, burnIn: number): number[] {
  const pop = populationModel(new Rng(seed).fork(), from - burnIn - 17, from, from, 1);
  return Array.from({ length: 18 }, (_, a) => pop(from, a));
}

/** Streams, in a fixed order. */
function streams(seed: number) {
  const master = new Rng(seed);
  return {
    population: master.fork(),
    entries: master.fork(),
    lives: master.fork(),
    shortBreaks: master.fork(),
    pools: master.fork(),
  };
}

function cinFor(rng: Rng, p: Period, cumShort: Float64Array, cumLong: Float64Array, cumRemand: Float64Array) {
  if (p.path === PATH_UASC) return N8;
  if (p.path === PATH_REMAND) return rng.fromCumulative(cumRemand);
  return rng.fromCumulative(p.path === PATH_SHORT ? cumShort : cumLong);
}

export function simulate(s: SimulationSettings): Simulation {
  const rng = streams(s.seed);
  const firstYear = s.from - s.burnInYears;
  const writtenStart = yearStart(s.from);
  const horizon = yearEnd(s.to);
  const population = populationModel(rng.population, firstYear - 17, s.to + 10, s.from, s.population);
  const children = new ChildStore();
  const episodes = new EpisodeStore();
  const pools = providerPools(rng.pools, s.childrenInCare);
  const life = rng.lives;
  const builder = new PeriodBuilder({
    rng: life,
    pools,
    inHouseShare: s.inHouseFosterShare,
    store: episodes,
    horizon,
  });
  const cumEthnic = cumulative(ETHNIC_WEIGHTS);
  const cumUascEthnic = cumulative(UASC_ETHNIC_WEIGHTS);
  const cumShort = cumulative(CIN_SHORT);
  const cumLong = cumulative(CIN_LONG);
  const cumRemand = cumulative(CIN_REMAND);
  const cumUascAge = cumulative(UASC_AGE_WEIGHTS);

  const addChild = (start: Day, age: number, uasc: boolean) => {
    const ageDays = age === 0 ? babyAgeDays(life) : -1;
    let dob = ageDays >= 0 ? start - ageDays : dobForAge(start, age, life.uniform());
    let b = birthdaysOf(dob);
    if (b.b18 <= start + 1) {
      dob += 3;
      b = birthdaysOf(dob);
    }
    const male = life.chance(uasc ? UASC_MALE : MALE_SHARE);
    const unknownSex = !uasc && start >= yearStart(2024) && life.chance(SEX_UNKNOWN_SHARE);
    const ethnic = life.fromCumulative(uasc ? cumUascEthnic : cumEthnic);
    const upnKind = uasc ? (life.chance(0.7) ? UPN_UASC_LATER : UPN_UASC_NEVER) : UPN_USUAL;
    const periods = planLife(life, b, start, uasc);
    const last = periods[periods.length - 1]!;
    const leaver = isCareLeaver(b, periods);
    let keep = false;
    for (const p of periods) if (p.exit >= writtenStart) keep = true;
    if (leaver && b.b21 >= writtenStart) keep = true;
    if (!keep) return;

    const c = children.add();
    children.dob[c] = dob;
    children.sex[c] = unknownSex ? 3 : male ? 1 : 2;
    children.ethnic[c] = ethnic;
    children.uasc[c] = uasc ? 1 : 0;
    children.upnKind[c] = upnKind;
    children.firstYear[c] = collectionYearOf(start);
    children.leaver[c] = leaver ? 1 : 0;
    children.finalExit[c] = last.exit;
    children.firstEp[c] = episodes.n;

    let home = life.chance(0.93) ? postcodeIn(life, 0) : postcodeIn(life, 1);
    let finalRec = 0;
    for (const p of periods) {
      if (p !== periods[0] && !life.chance(0.7)) home = postcodeIn(life, 0);
      if (p.exit < writtenStart) continue;
      const cin = cinFor(life, p, cumShort, cumLong, cumRemand);
      finalRec = builder.build(c, b, p, uasc, home, cin);
      // A girl in care from 15 may become a mother.
      if (!male && children.mcDob[c] === NO_DAY) {
        const a = Math.max(p.start, b.b15);
        const e = Math.min(p.exit, b.b18);
        if (e > a && life.chance(1 - Math.exp((-MOTHER_RATE_PER_YEAR * (e - a)) / YEAR))) {
          children.mcDob[c] = a + life.int(e - a);
        }
      }
    }
    children.finalRec[c] = last.exit >= writtenStart ? finalRec : 0;
    if (uasc) children.duc[c] = last.exit >= writtenStart && finalRec === E15 ? last.exit : b.b18;
    children.nEp[c] = episodes.n - children.firstEp[c]!;
  };

  const sbRng = rng.shortBreaks;
  const sbPerYear = s.shortBreakChildren / ((SHORT_BREAK_YEARS[0] + SHORT_BREAK_YEARS[1]) / 2);
  const cumNights = cumulative(SHORT_BREAK_NIGHTS);
  const sbUnits = pools.k2.filter((h) => h.provider === PR1);
  const sbUnit = sbUnits.length > 0 ? sbUnits : pools.k2;

  const addShortBreakChild = (start: Day) => {
    const age = sbRng.between(4, 14);
    const dob = dobForAge(start, age, sbRng.uniform());
    const b18 = birthday(dob, 18);
    const male = sbRng.chance(0.65);
    const unknownSex = start >= yearStart(2024) && sbRng.chance(SEX_UNKNOWN_SHARE);
    const ethnic = sbRng.fromCumulative(cumEthnic);
    const years = SHORT_BREAK_YEARS[0] + sbRng.uniform() * (SHORT_BREAK_YEARS[1] - SHORT_BREAK_YEARS[0]);
    const end = Math.min(start + Math.round(years * YEAR), b18 - 30);
    const v4 = sbRng.chance(SHORT_BREAK_V4);
    const home = postcodeIn(sbRng, 0);
    const inUnit = sbRng.chance(0.55);
    const unit = sbUnit[sbRng.int(sbUnit.length)]!;
    const place = inUnit ? K2 : U6;
    const post = inUnit ? unit.post : postcodeIn(sbRng, 0);
    const urn = inUnit ? unit.urn : pools.ownFostering.urn;
    const interval = sbRng.between(12, 35);
    // The breaks, drawn in full (so the stream does not depend on the years written).
    const starts: number[] = [];
    const ends: number[] = [];
    if (v4) {
      let t = start;
      while (t < end) {
        const e = Math.min(t + sbRng.between(180, 365), end);
        if (e > t) {
          starts.push(t);
          ends.push(e);
        }
        t = e + sbRng.between(7, 60);
      }
    } else {
      let t = start + sbRng.int(interval);
      let window = 0;
      let head = 0;
      while (t < end) {
        const nights = 1 + sbRng.fromCumulative(cumNights);
        while (head < starts.length && starts[head]! <= t - 365) {
          window -= ends[head]! - starts[head]! + 1;
          head++;
        }
        if (window + nights + 1 <= SHORT_BREAK_MAX_DAYS) {
          starts.push(t);
          ends.push(t + nights);
          window += nights + 1;
        }
        t += Math.max(nights + 2, interval + sbRng.between(-3, 3));
      }
    }
    if (end < writtenStart || starts.length === 0) return;
    const c = children.add();
    children.dob[c] = dob;
    children.sex[c] = unknownSex ? 3 : male ? 1 : 2;
    children.ethnic[c] = ethnic;
    children.shortBreak[c] = 1;
    children.upnKind[c] = UPN_USUAL;
    children.firstYear[c] = collectionYearOf(start);
    children.finalExit[c] = ends[ends.length - 1]!;
    children.firstEp[c] = episodes.n;
    for (let i = 0; i < starts.length; i++) {
      if (ends[i]! < writtenStart || starts[i]! > horizon) continue;
      episodes.push(c, starts[i]!, ends[i]!, 0, v4 ? V4 : V3, N2, place, PR1, E13, 0, home, post, urn);
    }
    children.nEp[c] = episodes.n - children.firstEp[c]!;
  };

  const entries = rng.entries;
  const dayList: number[] = [];
  for (let year = firstYear; year <= s.to; year++) {
    const y0 = yearStart(year);
    const len = yearEnd(year) - y0 + 1;
    const effect = Math.exp(0.03 * entries.normal());
    const uascEffect = Math.exp(0.2 * entries.normal() - 0.02);
    // Entrants of the year as (day, age, uasc), then in date order.
    dayList.length = 0;
    for (let a = 0; a < 18; a++) {
      const n = entries.poisson(((s.entryRates[a] ?? 0) * population(year, a) * effect) / 10000);
      for (let k = 0; k < n; k++) dayList.push((y0 + entries.int(len)) * 64 + a);
    }
    const nu = entries.poisson(s.uascPerYear * uascEffect);
    for (let k = 0; k < nu; k++) {
      dayList.push((y0 + entries.int(len)) * 64 + 32 + 14 + entries.fromCumulative(cumUascAge));
    }
    dayList.sort((x, y) => x - y);
    for (const code of dayList) {
      const day = Math.floor(code / 64);
      const rest = code % 64;
      if (rest >= 32) addChild(day, rest - 32, true);
      else addChild(day, rest, false);
    }
    if (year >= s.from - SHORT_BREAK_YEARS[1]) {
      const n = sbRng.poisson(sbPerYear);
      const starts: number[] = [];
      for (let k = 0; k < n; k++) starts.push(y0 + sbRng.int(len));
      starts.sort((x, y) => x - y);
      for (const d of starts) addShortBreakChild(d);
    }
  }

  return { children, episodes, population, firstYear, horizon };
}

// ---------------------------------------------------------------------------
// Calibration
// ---------------------------------------------------------------------------

let pilotCache: { byAge: number[]; uasc: number } | undefined;

/**
 * Expected years in care (all periods, re-entries included) of a child
 * entering at each age, and of a UASC, from a fixed-seed pilot of the life
 * model. Multiplied by entries per year, it gives the steady-state number in
 * care at any date.
 */
export function yearsInCarePerEntrant(): { byAge: number[]; uasc: number } {
  if (pilotCache) return pilotCache;
  const rng = new Rng(20240331);
  const N = 3000;
  const base = yearStart(2010);
  const byAge: number[] = [];
  const total = (start: Day, age: number, uasc: boolean) => {
    const dob = age === 0 ? start - babyAgeDays(rng) : dobForAge(start, age, rng.uniform());
    const periods = planLife(rng, birthdaysOf(dob), start, uasc);
    let d = 0;
    for (const p of periods) d += p.exit - p.start;
    return d / YEAR;
  };
  for (let a = 0; a < 18; a++) {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += total(base + rng.int(365), a, false);
    byAge.push(sum / N);
  }
  const uascAges = cumulative(UASC_AGE_WEIGHTS);
  let sum = 0;
  for (let i = 0; i < N; i++) sum += total(base + rng.int(365), 14 + rng.fromCumulative(uascAges), true);
  pilotCache = { byAge, uasc: sum / N };
  return pilotCache;
}
