/**
 * Entries to care: a rate per child-year of the population by age group
 * (reported per 10,000), times the population projection; the first
 * placement category and the month of age of entrants from the reference
 * window; UASC as a separate inflow (a number a year). Year-to-year
 * variation beyond Poisson (a common "year effect") is estimated from the
 * annual counts of every full year of history, and an optional log-linear
 * trend is fitted to them.
 */
import type { AgeBands } from "../profile/bands.js";
import { collectionYearOf, yearEnd, yearStart } from "../ssda903/years.js";
import { groupMonthRanges, groupOfMonth, MONTHS, monthsOld } from "./ages.js";
import { STRATA, type WindowCounts } from "./exposure.js";
import { DAYS_PER_YEAR, type PopulationCurve } from "./population-curve.js";
import type { Segments } from "./segments.js";

export interface AnnualEntries {
  /** Collection year label, e.g. "2019/20". */
  year: number;
  entries: number;
  /** Expected from the population and the average rate over these years (not UASC) or the average number (UASC). */
  expected: number;
}

export interface TrendFit {
  /** Log-linear slope b of the entry rate per year (rate × e^(b·years)), and its standard error (inflated for over-dispersion). */
  logSlope: number;
  logSe: number;
  /** The same as a relative change a year (0.02 = +2% a year), with a 90% interval. */
  perYear: number;
  perYear90: [number, number];
  /** Full years of history it was fitted to. */
  years: number;
  applied: boolean;
}

export interface EntryModel {
  G: number;
  C: number;
  /** Entries (not UASC) in the reference window and child-years of the population, by age group. */
  count: Float64Array;
  childYears: Float64Array;
  /** Posterior mean rate per child-year by age group. */
  rate: Float64Array;
  /** Variance of the common year effect (0 when the counts vary no more than Poisson). */
  sigma2: number;
  /** Shape of the gamma (mean 1) multiplier of the level, from the year effects averaged over the window; Infinity = none. */
  levelShape: number;
  /** Dirichlet weights of the first category, index (u·G + g)·C + c. */
  catWeights: Float64Array;
  /** Share of entrants by month of age within their group, index u·MONTHS + m. */
  monthProbs: Float64Array;
  trend: TrendFit;
  /** Middle day of the reference window: the date the rates describe. */
  refMid: number;
  annual: AnnualEntries[];
  uasc: {
    count: number;
    windowYears: number;
    /** Mean arrivals a year (posterior mean) and the gamma shape of its uncertainty (Infinity = fixed). */
    perYear: number;
    shape: number;
    sigma2: number;
    /** Share of UASC entrants by age group. */
    groupProbs: Float64Array;
    annual: AnnualEntries[];
    /** Where the arrivals come from: estimated from the window, a number given, or a range given. */
    source: "estimated" | "given";
    range?: [number, number];
  };
}

export interface EntryOptions {
  trend: boolean;
  /** UASC arrivals a year: a number, or a [low, high] range drawn uniformly per run. */
  uascPerYear?: number | [number, number];
}

/** Annual entries by collection year from the data start to the end of the window (full years only). */
function annualCounts(seg: Segments, groups: AgeBands, to: number) {
  const G = groups.lower.length;
  const monthGroup = groupOfMonth(groups);
  const first = collectionYearOf(seg.dataStart);
  const years: number[] = [];
  for (let y = first; yearEnd(y) < to; y++) years.push(y);
  const byGroup = new Float64Array(years.length * G);
  const uasc = new Float64Array(years.length);
  for (let i = 0; i < seg.n; i++) {
    if (seg.entry[i] !== 1) continue;
    const s = seg.start[i]!;
    const dob = seg.dob[i]!;
    if (s < seg.dataStart || s >= to || Number.isNaN(dob)) continue;
    const yi = collectionYearOf(s) - first;
    if (yi < 0 || yi >= years.length) continue;
    if (seg.uasc[i] === 1) {
      uasc[yi]! += 1;
      continue;
    }
    const m = monthsOld(dob, s);
    if (m < 0 || m >= MONTHS) continue;
    byGroup[yi * G + monthGroup[m]!]! += 1;
  }
  return { years, byGroup, uasc };
}

function groupChildYears(pop: PopulationCurve, groups: AgeBands, from: number, to: number): Float64Array {
  const G = groups.lower.length;
  const out = new Float64Array(G);
  groups.lower.forEach((lo, g) => {
    const hi = groups.lower[g + 1] ?? 18;
    for (let a = lo; a < hi; a++) out[g]! += pop.childYears(from, to, a);
  });
  return out;
}

/** Year-effect variance by the method of moments: Var(O) = μ + σ²μ². */
export function yearEffectVariance(
  observed: readonly number[],
  expected: readonly number[],
  params: number,
): number {
  const n = observed.length;
  if (n - params < 2) return 0;
  let ss = 0;
  let sm = 0;
  let sm2 = 0;
  for (let i = 0; i < n; i++) {
    const d = observed[i]! - expected[i]!;
    ss += d * d;
    sm += expected[i]!;
    sm2 += expected[i]! * expected[i]!;
  }
  if (!(sm2 > 0)) return 0;
  return Math.max(0, ((ss * n) / (n - params) - sm) / sm2);
}

/**
 * Log-linear Poisson trend: O_y ~ Poisson(E_y · exp(a + b·(y − ȳ))), by
 * Newton's method; the standard error of b is inflated by the Pearson
 * dispersion when that exceeds 1.
 */
export function fitTrend(
  observed: readonly number[],
  expected: readonly number[],
): { b: number; se: number } {
  const n = observed.length;
  if (n < 3) return { b: 0, se: Number.NaN };
  const mid = (n - 1) / 2;
  let a = 0;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let s0 = 0;
    let s1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let i = 0; i < n; i++) {
      const x = i - mid;
      const mu = expected[i]! * Math.exp(a + b * x);
      const r = observed[i]! - mu;
      s0 += r;
      s1 += r * x;
      h00 += mu;
      h01 += mu * x;
      h11 += mu * x * x;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0)) break;
    const da = (h11 * s0 - h01 * s1) / det;
    const db = (h00 * s1 - h01 * s0) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  let h00 = 0;
  let h01 = 0;
  let h11 = 0;
  let pearson = 0;
  for (let i = 0; i < n; i++) {
    const x = i - mid;
    const mu = expected[i]! * Math.exp(a + b * x);
    h00 += mu;
    h01 += mu * x;
    h11 += mu * x * x;
    pearson += (observed[i]! - mu) ** 2 / mu;
  }
  const phi = Math.max(1, pearson / (n - 2));
  const det = h00 * h11 - h01 * h01;
  return { b, se: det > 0 ? Math.sqrt((h00 / det) * phi) : Number.NaN };
}

export function estimateEntries(
  seg: Segments,
  w: WindowCounts,
  pop: PopulationCurve,
  groups: AgeBands,
  options: EntryOptions,
): EntryModel {
  const { C, from, to } = w;
  const G = groups.lower.length;
  const monthGroup = groupOfMonth(groups);
  const ranges = groupMonthRanges(groups);
  const windowYears = (to - from) / DAYS_PER_YEAR;

  // Counts in the window by stratum, group, category and month.
  const byGroupCat = new Float64Array(STRATA * G * C);
  const byMonth = new Float64Array(STRATA * MONTHS);
  for (let u = 0; u < STRATA; u++) {
    for (let m = 0; m < MONTHS; m++) {
      for (let c = 0; c < C; c++) {
        const x = w.entries[(u * MONTHS + m) * C + c]!;
        byGroupCat[(u * G + monthGroup[m]!) * C + c]! += x;
        byMonth[u * MONTHS + m]! += x;
      }
    }
  }
  const groupTotal = (u: number, g: number) => {
    let s = 0;
    for (let c = 0; c < C; c++) s += byGroupCat[(u * G + g) * C + c]!;
    return s;
  };

  const count = new Float64Array(G);
  for (let g = 0; g < G; g++) count[g] = groupTotal(0, g);
  const childYears = groupChildYears(pop, groups, from, to);
  const rate = new Float64Array(G);
  for (let g = 0; g < G; g++) rate[g] = childYears[g]! > 0 ? (count[g]! + 0.5) / childYears[g]! : 0;

  // First category: Dirichlet weights = counts + 2 × the stratum's all-ages shares.
  const catWeights = new Float64Array(STRATA * G * C);
  for (let u = 0; u < STRATA; u++) {
    const src = u === 1 && sumRange(byGroupCat, G * C, 2 * G * C) === 0 ? 0 : u;
    const all = new Float64Array(C);
    let tot = 0;
    for (let g = 0; g < G; g++) {
      for (let c = 0; c < C; c++) {
        all[c]! += byGroupCat[(src * G + g) * C + c]!;
        tot += byGroupCat[(src * G + g) * C + c]!;
      }
    }
    for (let g = 0; g < G; g++) {
      for (let c = 0; c < C; c++) {
        const prior = tot > 0 ? (2 * all[c]!) / tot : 2 / C;
        catWeights[(u * G + g) * C + c] = byGroupCat[(src * G + g) * C + c]! + prior;
      }
    }
  }

  // Month of age within the group: counts + 0.5.
  const monthProbs = new Float64Array(STRATA * MONTHS);
  for (let u = 0; u < STRATA; u++) {
    for (let g = 0; g < G; g++) {
      const [m0, m1] = ranges[g]!;
      let s = 0;
      for (let m = m0; m <= m1; m++) s += byMonth[u * MONTHS + m]! + 0.5;
      for (let m = m0; m <= m1; m++) monthProbs[u * MONTHS + m] = (byMonth[u * MONTHS + m]! + 0.5) / s;
    }
  }

  // Annual counts: year effects and trend.
  const annual = annualCounts(seg, groups, to);
  const nY = annual.years.length;
  const obs: number[] = [];
  const expd: number[] = [];
  if (nY > 0) {
    const py = annual.years.map((y) => groupChildYears(pop, groups, yearStart(y), yearEnd(y) + 1));
    const rbar = new Float64Array(G);
    for (let g = 0; g < G; g++) {
      let n = 0;
      let p = 0;
      for (let i = 0; i < nY; i++) {
        n += annual.byGroup[i * G + g]!;
        p += py[i]![g]!;
      }
      rbar[g] = p > 0 ? n / p : 0;
    }
    for (let i = 0; i < nY; i++) {
      let o = 0;
      let e = 0;
      for (let g = 0; g < G; g++) {
        o += annual.byGroup[i * G + g]!;
        e += rbar[g]! * py[i]![g]!;
      }
      obs.push(o);
      expd.push(e);
    }
  }
  const fitted = fitTrend(obs, expd);
  let sigma2: number;
  if (options.trend && Number.isFinite(fitted.se)) {
    const mid = (nY - 1) / 2;
    let k = 0;
    let s = 0;
    for (let i = 0; i < nY; i++) {
      k += obs[i]!;
      s += expd[i]! * Math.exp(fitted.b * (i - mid));
    }
    const trended = expd.map((e, i) => (e * Math.exp(fitted.b * (i - mid)) * k) / s);
    sigma2 = yearEffectVariance(obs, trended, 2);
  } else {
    sigma2 = yearEffectVariance(obs, expd, 1);
  }
  const levelShape = sigma2 > 0 ? windowYears / sigma2 : Number.POSITIVE_INFINITY;

  // UASC.
  let uCount = 0;
  const uGroups = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    uGroups[g] = groupTotal(1, g);
    uCount += uGroups[g]!;
  }
  const groupProbs = new Float64Array(G);
  if (uCount > 0) for (let g = 0; g < G; g++) groupProbs[g] = uGroups[g]! / uCount;
  else {
    // No UASC seen: arrivals, if any are given, are taken to be 16 or 17.
    groupProbs[G - 1] = 0.5;
    groupProbs[Math.max(0, G - 2)]! += 0.5;
  }
  const uObs = Array.from(annual.uasc);
  const uMean = uObs.length ? uObs.reduce((a, b) => a + b, 0) / uObs.length : 0;
  const uSigma2 = yearEffectVariance(
    uObs,
    uObs.map(() => uMean),
    1,
  );
  let perYear = uCount / windowYears;
  let shape = 1 / (1 / (uCount + 0.5) + uSigma2 / windowYears);
  let source: "estimated" | "given" = "estimated";
  let range: [number, number] | undefined;
  if (options.uascPerYear !== undefined) {
    source = "given";
    shape = Number.POSITIVE_INFINITY;
    if (Array.isArray(options.uascPerYear)) {
      range = [options.uascPerYear[0], options.uascPerYear[1]];
      perYear = (range[0] + range[1]) / 2;
    } else perYear = options.uascPerYear;
  } else if (uCount === 0) shape = Number.POSITIVE_INFINITY;

  return {
    G,
    C,
    count,
    childYears,
    rate,
    sigma2,
    levelShape,
    catWeights,
    monthProbs,
    trend: {
      logSlope: fitted.b,
      logSe: fitted.se,
      perYear: Math.exp(fitted.b) - 1,
      perYear90: [Math.exp(fitted.b - 1.645 * fitted.se) - 1, Math.exp(fitted.b + 1.645 * fitted.se) - 1],
      years: nY,
      applied: options.trend && Number.isFinite(fitted.se),
    },
    refMid: (from + to) / 2,
    annual: annual.years.map((y, i) => ({ year: y, entries: obs[i]!, expected: expd[i]! })),
    uasc: {
      count: uCount,
      windowYears,
      perYear,
      shape,
      sigma2: source === "given" ? 0 : uSigma2,
      groupProbs,
      annual: annual.years.map((y, i) => ({ year: y, entries: uObs[i]!, expected: uMean })),
      source,
      range,
    },
  };
}

function sumRange(a: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i]!;
  return s;
}
