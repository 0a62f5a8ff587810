/**
 * One Monte Carlo run of the projection (the expected path is in
 * project.ts; the two follow the same model and their agreement is
 * tested).
 *
 * Children are held as counts by stratum, birth cohort (month) and
 * category: those in care for at least the last time-in-care bound (DM
 * months) in one array, and each of the last DM months' entrants in an
 * array of its own, so that neither growing older nor longer in care costs
 * anything: a cohort's month of age and time in care follow from the step
 * number. Every child of a stratum, age group, time-in-care band and
 * category has the same chance of leaving that state in a month, so the
 * children who leave are found by geometric skipping over the group (the
 * gaps between leavers are geometric), and each leaver's path to the end of
 * the month is simulated in continuous time (where to, then when, and
 * whether it moves again); so is each entrant's, from an arrival time drawn
 * evenly over the month. Moves within a category are Poisson. The cost
 * grows with the number of groups and of children who move or arrive, not
 * with the number in care.
 */
import type { Rng } from "../random/rng.js";
import { MONTHS } from "./ages.js";
import { EXITS, STRATA } from "./exposure.js";
import type { TimeGrid } from "./grid.js";
import type { FittedModel } from "./model.js";
import type { RunParams } from "./parameters.js";
import { addDays, clear, entryMean, groupMonths, type PathBuffers, uascMean } from "./project.js";
import type { CompiledScenario } from "./scenario.js";
import { type StepTable, StepTableCache } from "./step-tables.js";

export interface SimWork {
  /** Birth-cohort rows per stratum: a child of month of age m is in row m + off, off = K − steps done. */
  R: number;
  /** Arrays of children: index 0 = in care DM months or more; 1 + slot = a recent entry cohort. Each (u·C + c)·R + row. */
  A: Float64Array[];
  /** Children per array, stratum, age group and category: index (u·G + g)·C + c. */
  N: Float64Array[];
  /** Children per array and stratum, index a·2 + u. */
  T: Float64Array;
  /** Time-in-care band of each array this step. */
  bandOf: Int8Array;
  /** Children per time-in-care band, stratum, age group and category (the sum of N over the arrays in the band). */
  NBand: Float64Array;
  catTot: Float64Array;
  bandTot: Float64Array;
  cache: StepTableCache;
  m0: Int32Array;
  m1: Int32Array;
  /** The band of each age group, or -1 when a group spans several bands. */
  groupBand: Int8Array;
  /** Every age group lies in one band. */
  nested: boolean;
  /** Months of age after which the band changes. */
  bandEdges: Int32Array;
  catCum: Float64Array;
  monthCum: Float64Array;
  tmpG: Float64Array;
  /** Expected moves within a category this step, index c·B + band. */
  selfAcc: Float64Array;
  /** Children changing category this step: array, row and new category of each. */
  arrivals: Int32Array;
  /** Entrants still in care at the end of this step: stratum, month of age, months in care then (0/1), category. */
  entrants: Int32Array;
  /** Cells of the start stock that hold children. */
  initial: Int32Array;
}

export function newSimWork(model: FittedModel, grid: TimeGrid): SimWork {
  const { C, G, GA, D } = model;
  const B = model.bands.lower.length;
  const DM = model.durations.DM;
  const R = MONTHS + grid.K;
  const { m0, m1 } = groupMonths(model);
  const groupBand = new Int8Array(G);
  for (let g = 0; g < G; g++) {
    const b = model.monthBand[m0[g]!]!;
    groupBand[g] = model.monthBand[m1[g]!] === b ? b : -1;
  }
  const edges: number[] = [];
  for (let m = 0; m + 1 < MONTHS; m++) if (model.monthBand[m + 1] !== model.monthBand[m]) edges.push(m);
  return {
    R,
    A: Array.from({ length: 1 + DM }, () => new Float64Array(STRATA * R * C)),
    N: Array.from({ length: 1 + DM }, () => new Float64Array(STRATA * G * C)),
    T: new Float64Array((1 + DM) * STRATA),
    bandOf: new Int8Array(1 + DM).fill(model.durations.NB - 1),
    NBand: new Float64Array(model.durations.NB * STRATA * G * C),
    catTot: new Float64Array(C),
    bandTot: new Float64Array(B),
    cache: new StepTableCache(STRATA * GA * C, C, D, model.rates.newShare),
    m0,
    m1,
    groupBand,
    nested: groupBand.every((b) => b >= 0),
    bandEdges: Int32Array.from(edges),
    catCum: new Float64Array(STRATA * G * C),
    monthCum: new Float64Array(STRATA * MONTHS),
    tmpG: new Float64Array(G),
    selfAcc: new Float64Array(C * B),
    arrivals: new Int32Array(3 * 256),
    entrants: new Int32Array(4 * 256),
    initial: Int32Array.from(
      model.initial.reduce<number[]>((list, x, i) => {
        if (x !== 0) list.push(i);
        return list;
      }, []),
    ),
  };
}

function cumulate(src: Float64Array, dst: Float64Array, at: number, n: number): void {
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += src[at + i]!;
    dst[at + i] = s;
  }
  if (s > 0) for (let i = 0; i < n; i++) dst[at + i] = dst[at + i]! / s;
  dst[at + n - 1] = 1;
}

/** Index in [at, at + n) of the first cumulative value above x, less `at`. */
function search(cum: Float64Array, at: number, n: number, x: number): number {
  let lo = at;
  let hi = at + n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < cum[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo - at;
}

function grow(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Array slot of an entry cohort (the step at whose start it has been in care 0 months). */
function slotOf(e: number, DM: number): number {
  return 1 + (((e % DM) + DM) % DM);
}

/**
 * A child's path through the rest of a step, in continuous time: starting
 * in category c of rate group ua with `rem` days left; when `leaving`, the
 * first move is known to happen within them. Counts placements, exits and
 * time for moves within a category. Returns the category at the end of the
 * step, or -1 if the child left care.
 */
function path(
  t: StepTable,
  model: FittedModel,
  rng: Rng,
  w: SimWork,
  out: PathBuffers,
  ua: number,
  c: number,
  rem: number,
  firstMove: number,
  band: number,
  fy: number,
): number {
  const { C, D } = model;
  const B = model.bands.lower.length;
  const pl = fy * (C + B);
  const newShare = model.rates.newShare;
  let cur = c;
  let pending = firstMove;
  for (;;) {
    const st = ua * C + cur;
    const Q = t.Q[st]!;
    const qSelf = t.rates[st * D + cur]!;
    if (Q === 0) {
      w.selfAcc[cur * B + band]! += rem * qSelf;
      return cur;
    }
    let k: number;
    let s: number;
    if (pending >= 0) {
      // A leaver whose first move (to another category) is known to fall within the step:
      // its time has the exponential distribution cut at the step's end.
      k = pending;
      pending = -1;
      const pIn = rem === t.days ? t.leave[st]! : 1 - Math.exp(-Q * rem);
      s = -Math.log(1 - rng.uniform32() * pIn) / Q;
    } else {
      s = rng.standardExponential() / Q;
      if (s >= rem) {
        w.selfAcc[cur * B + band]! += rem * qSelf;
        return cur;
      }
      k = search(t.cum, st * D, D, rng.uniform32());
    }
    w.selfAcc[cur * B + band]! += s * qSelf;
    if (k >= C) {
      out.exits[fy * (EXITS + 1) + k - C]! += 1;
      return -1;
    }
    const share = newShare[cur * C + k]!;
    if (share >= 1 || (share > 0 && rng.uniform32() < share)) {
      out.placements[pl + k]! += 1;
      out.placements[pl + C + band]! += 1;
    }
    cur = k;
    rem -= s;
    if (rem <= 0) return cur;
  }
}

function record(w: SimWork, series: Float64Array, k: number, C: number, B: number): void {
  const at = k * (1 + C + B);
  let total = 0;
  for (let c = 0; c < C; c++) {
    series[at + 1 + c] = w.catTot[c]!;
    total += w.catTot[c]!;
  }
  series[at] = total;
  if (w.nested) {
    // Each age group lies in one band: band totals are sums of the group totals.
    for (let b = 0; b < B; b++) series[at + 1 + C + b] = 0;
    const G = w.groupBand.length;
    const U = w.N[0]!.length;
    for (let i = 0; i < w.NBand.length; i++) {
      const x = w.NBand[i]!;
      if (x === 0) continue;
      const g = Math.floor((i % U) / C) % G;
      series[at + 1 + C + w.groupBand[g]!]! += x;
    }
  } else for (let b = 0; b < B; b++) series[at + 1 + C + b] = w.bandTot[b]!;
}

/** Sets each recent array's time-in-care band for step k, moving its children between the band totals. */
function setBands(w: SimWork, durBand: Int8Array, DM: number, k: number): void {
  const U = w.N[0]!.length;
  for (let a = 1; a < w.A.length; a++) {
    const nb = durBand[(((k - (a - 1)) % DM) + DM) % DM]!;
    const ob = w.bandOf[a]!;
    if (nb === ob) continue;
    const N = w.N[a]!;
    for (let i = 0; i < U; i++) {
      const x = N[i]!;
      if (x === 0) continue;
      w.NBand[ob * U + i]! -= x;
      w.NBand[nb * U + i]! += x;
    }
    w.bandOf[a] = nb;
  }
}

/** Adds x children of stratum u, month of age m, category c to array a at row offset off. */
function place(
  model: FittedModel,
  w: SimWork,
  a: number,
  u: number,
  m: number,
  c: number,
  x: number,
  off: number,
) {
  const C = model.C;
  w.A[a]![(u * C + c) * w.R + m + off]! += x;
  const unit = (u * model.G + model.monthGroup[m]!) * C + c;
  w.N[a]![unit]! += x;
  w.NBand[w.bandOf[a]! * w.N[0]!.length + unit]! += x;
  w.T[a * STRATA + u]! += x;
  w.catTot[c]! += x;
  w.bandTot[model.monthBand[m]!]! += x;
}

export function simulateRun(
  model: FittedModel,
  grid: TimeGrid,
  p: RunParams,
  sc: CompiledScenario,
  w: SimWork,
  rng: Rng,
  out: PathBuffers,
): void {
  const { C, G, GA, NB, D } = model;
  const B = model.bands.lower.length;
  const W = 1 + C + B;
  const X1 = EXITS + 1;
  const K = grid.K;
  const R = w.R;
  const DM = model.durations.DM;
  const DD = DM + 1;
  const durBand = model.durations.band;
  const monthBand = model.monthBand;
  const gp = model.entries.uasc.groupProbs;
  const arrays = w.A.length;
  clear(out);
  for (let a = 0; a < arrays; a++) {
    w.A[a]!.fill(0);
    w.N[a]!.fill(0);
  }
  w.T.fill(0);
  w.NBand.fill(0);
  if (DM > 0) setBands(w, durBand, DM, 0);
  w.catTot.fill(0);
  w.bandTot.fill(0);
  w.cache.reset();
  let off = K;
  for (let i = 0; i < w.initial.length; i++) {
    const cell = w.initial[i]!;
    const c = cell % C;
    const dm = Math.floor(cell / C) % DD;
    const um = Math.floor(cell / (C * DD));
    const u = um >= MONTHS ? 1 : 0;
    place(model, w, dm >= DM ? 0 : slotOf(-dm, DM), u, um - u * MONTHS, c, model.initial[cell]!, off);
  }
  for (let s = 0; s < STRATA * G; s++) cumulate(p.catProbs, w.catCum, s * C, C);
  for (let u = 0; u < STRATA; u++) {
    for (let g = 0; g < G; g++)
      cumulate(p.monthProbs, w.monthCum, u * MONTHS + w.m0[g]!, w.m1[g]! - w.m0[g]! + 1);
  }
  record(w, out.series, 0, C, B);

  for (let k = 0; k < K; k++) {
    const fy = grid.fy[k]!;
    const pl = fy * (C + B);
    const days = grid.dynDays[k]!;
    const t = w.cache.get(p.q, sc.phases, sc.phaseOfStep[k]!, days);
    w.selfAcc.fill(0);

    // Entrants: each arrives at an even random time in the month and may move or leave before its end.
    let nEnt = 0;
    for (let u = 0; u < STRATA; u++) {
      let counts: Float64Array | null = null;
      if (u === 1) {
        const nu = rng.poissonExact(uascMean(grid, p, sc, k));
        out.entries[fy * 2 + 1]! += nu;
        if (nu === 0) continue;
        rng.multinomial(nu, gp, w.tmpG);
        counts = w.tmpG;
      }
      for (let g = 0; g < G; g++) {
        let n: number;
        if (counts) n = counts[g]!;
        else {
          n = rng.poissonExact(entryMean(model, grid, p, sc, k, g));
          out.entries[fy * 2]! += n;
        }
        const catAt = (u * G + g) * C;
        const m0 = w.m0[g]!;
        const len = w.m1[g]! - m0 + 1;
        for (let i = 0; i < n; i++) {
          const c = search(w.catCum, catAt, C, rng.uniform32());
          const m = m0 + search(w.monthCum, u * MONTHS + m0, len, rng.uniform32());
          const band = monthBand[m]!;
          out.placements[pl + c]! += 1;
          out.placements[pl + C + band]! += 1;
          const rem = rng.uniform32() * days;
          // Most entrants stay where they arrived for the rest of the month.
          const st0 = (u * GA + g * NB) * C + c;
          const q0 = t.Q[st0]!;
          let d = c;
          if (q0 > 0 && rng.standardExponential() < q0 * rem) {
            // A move or exit before the month's end: follow the path from a first move drawn afresh.
            d = path(
              t,
              model,
              rng,
              w,
              out,
              u * GA + g * NB,
              c,
              rem,
              search(t.cum, st0 * D, D, rng.uniform32()),
              band,
              fy,
            );
            if (d < 0) continue;
          } else w.selfAcc[c * B + band]! += rem * t.rates[st0 * D + c]!;
          // A month older by the month end when the part of the month of age
          // left at arrival is less than the time to the month end.
          const aged = rng.uniform32() * days < rem ? 1 : 0;
          if (m + aged >= MONTHS) {
            out.exits[fy * X1 + EXITS]! += 1;
            continue;
          }
          w.entrants = grow(w.entrants, 4 * (nEnt + 1));
          w.entrants[4 * nEnt] = u;
          w.entrants[4 * nEnt + 1] = m + aged;
          w.entrants[4 * nEnt + 2] = rem >= days / 2 ? 1 : 0;
          w.entrants[4 * nEnt + 3] = d;
          nEnt++;
        }
      }
    }

    // Children in care at the start of the month. For each stratum, age
    // group, time-in-care band and category, the children who leave are
    // found by geometric skipping over the group (each child leaves with
    // probability 1 − e^(−QΔ), so the gaps between leavers are geometric).
    let nArr = 0;
    const U = STRATA * G * C;
    for (let u = 0; u < STRATA; u++) {
      for (let b = 0; b < NB; b++) {
        let any = false;
        for (let a = 0; a < arrays; a++) if (w.bandOf[a] === b && w.T[a * STRATA + u]! > 0) any = true;
        if (!any) continue;
        for (let g = 0; g < G; g++) {
          const r0 = w.m0[g]! + off;
          const r1 = w.m1[g]! + off;
          const gBand = w.groupBand[g]!;
          const ua = u * GA + g * NB + b;
          for (let c = 0; c < C; c++) {
            const col = (u * C + c) * R;
            const unit = (u * G + g) * C + c;
            const n = w.NBand[b * U + unit]!;
            if (n === 0) continue;
            const st = ua * C + c;
            const lam = t.Q[st]! * days;
            // Mean time before leaving, for a leaver, times the rate of moves within the category.
            const pLeave = t.leave[st]!;
            const selfIfExit =
              pLeave > 0 ? t.rates[st * D + c]! * (1 / t.Q[st]! - (days * (1 - pLeave)) / pLeave) : 0;
            const qSelf = t.rates[st * D + c]!;
            let left = 0;
            if (lam > 0) {
              let next = Math.floor(rng.standardExponential() / lam);
              let base = 0;
              for (let a = 0; a < arrays && next < n; a++) {
                if (w.bandOf[a] !== b) continue;
                const N = w.N[a]!;
                const nA = N[unit]!;
                if (nA === 0) continue;
                if (next >= base + nA) {
                  base += nA;
                  continue;
                }
                const A = w.A[a]!;
                for (let j = r0; j <= r1 && next < n; j++) {
                  const x = A[col + j]!;
                  if (x === 0) continue;
                  while (next < base + x) {
                    A[col + j]! -= 1;
                    N[unit]! -= 1;
                    w.NBand[b * U + unit]! -= 1;
                    w.T[a * STRATA + u]! -= 1;
                    left += 1;
                    const band = monthBand[j - off]!;
                    w.catTot[c]! -= 1;
                    w.bandTot[band]! -= 1;
                    // Where to first (it does not depend on when); leaving care needs no more.
                    const k0 = search(t.cum, st * D, D, rng.uniform32());
                    if (k0 >= C) {
                      w.selfAcc[c * B + band]! += selfIfExit;
                      out.exits[fy * X1 + k0 - C]! += 1;
                    } else {
                      const d = path(t, model, rng, w, out, ua, c, days, k0, band, fy);
                      if (d >= 0) {
                        w.arrivals = grow(w.arrivals, 3 * (nArr + 1));
                        w.arrivals[3 * nArr] = a;
                        w.arrivals[3 * nArr + 1] = u * R + j;
                        w.arrivals[3 * nArr + 2] = d;
                        nArr++;
                      }
                    }
                    next += 1 + Math.floor(rng.standardExponential() / lam);
                  }
                  base += x;
                }
              }
            }
            // Stayers spend the whole month in the category.
            if (qSelf > 0 && n > left) {
              if (gBand >= 0) w.selfAcc[c * B + gBand]! += (n - left) * days * qSelf;
              else {
                for (let a = 0; a < arrays; a++) {
                  if (w.bandOf[a] !== b) continue;
                  const A = w.A[a]!;
                  for (let j = r0; j <= r1; j++) {
                    const x = A[col + j]!;
                    if (x > 0) w.selfAcc[c * B + monthBand[j - off]!]! += x * days * qSelf;
                  }
                }
              }
            }
          }
        }
      }
    }
    // Children who changed category join it.
    for (let i = 0; i < nArr; i++) {
      const a = w.arrivals[3 * i]!;
      const j = w.arrivals[3 * i + 1]!;
      const d = w.arrivals[3 * i + 2]!;
      const u = j >= R ? 1 : 0;
      place(model, w, a, u, j - u * R - off, d, 1, off);
    }
    // Moves within a category: one Poisson draw per category and band.
    for (let c = 0; c < C; c++) {
      for (let b = 0; b < B; b++) {
        const x = rng.poissonExact(w.selfAcc[c * B + b]!);
        if (x === 0) continue;
        out.placements[pl + c]! += x;
        out.placements[pl + C + b]! += x;
      }
    }
    // Turning 18 this month; then everyone is a month older.
    for (let a = 0; a < arrays; a++) {
      const A = w.A[a]!;
      const N = w.N[a]!;
      for (let u = 0; u < STRATA; u++) {
        if (w.T[a * STRATA + u] === 0) continue;
        const j = MONTHS - 1 + off;
        for (let c = 0; c < C; c++) {
          const x = A[(u * C + c) * R + j]!;
          if (x === 0) continue;
          out.exits[fy * X1 + EXITS]! += x;
          A[(u * C + c) * R + j] = 0;
          w.T[a * STRATA + u]! -= x;
          N[(u * G + G - 1) * C + c]! -= x;
          w.NBand[w.bandOf[a]! * U + (u * G + G - 1) * C + c]! -= x;
          w.catTot[c]! -= x;
          w.bandTot[monthBand[MONTHS - 1]!]! -= x;
        }
        for (let g = 0; g + 1 < G; g++) {
          const jg = w.m1[g]! + off;
          for (let c = 0; c < C; c++) {
            const x = A[(u * C + c) * R + jg]!;
            if (x === 0) continue;
            N[(u * G + g) * C + c]! -= x;
            N[(u * G + g + 1) * C + c]! += x;
            w.NBand[w.bandOf[a]! * U + (u * G + g) * C + c]! -= x;
            w.NBand[w.bandOf[a]! * U + (u * G + g + 1) * C + c]! += x;
          }
        }
        // Band totals follow the groups when every group lies in one band (recorded from NBand).
        for (let e = 0; e < w.bandEdges.length && !w.nested; e++) {
          const mb = w.bandEdges[e]!;
          const jb = mb + off;
          let x = 0;
          for (let c = 0; c < C; c++) x += A[(u * C + c) * R + jb]!;
          if (x === 0) continue;
          w.bandTot[monthBand[mb]!]! -= x;
          w.bandTot[monthBand[mb + 1]!]! += x;
        }
      }
    }
    off -= 1;
    // The cohort reaching DM months in care joins the settled array.
    if (DM > 0) {
      const s = slotOf(k + 1 - DM, DM);
      const As = w.A[s]!;
      const Ns = w.N[s]!;
      const A0 = w.A[0]!;
      const N0 = w.N[0]!;
      for (let u = 0; u < STRATA; u++) {
        if (w.T[s * STRATA + u] === 0) continue;
        w.T[u]! += w.T[s * STRATA + u]!;
        w.T[s * STRATA + u] = 0;
        for (let g = 0; g < G; g++) {
          // Rows of the group after this step's ageing (off is already the next step's).
          const r0 = w.m0[g]! + off;
          const r1 = w.m1[g]! + off;
          for (let c = 0; c < C; c++) {
            if (Ns[(u * G + g) * C + c] === 0) continue;
            const col = (u * C + c) * R;
            for (let j = r0; j <= r1; j++) {
              const x = As[col + j]!;
              if (x === 0) continue;
              A0[col + j]! += x;
              As[col + j] = 0;
            }
          }
        }
      }
      const sb = w.bandOf[s]!;
      for (let i = 0; i < Ns.length; i++) {
        const x = Ns[i]!;
        if (x === 0) continue;
        N0[i]! += x;
        w.NBand[(NB - 1) * U + i]! += x;
        w.NBand[sb * U + i]! -= x;
        Ns[i] = 0;
      }
      setBands(w, durBand, DM, k + 1);
    }
    // Entrants still in care join their cohort.
    for (let i = 0; i < nEnt; i++) {
      const u = w.entrants[4 * i]!;
      const m = w.entrants[4 * i + 1]!;
      const dmNext = w.entrants[4 * i + 2]!;
      const d = w.entrants[4 * i + 3]!;
      const a = dmNext >= DM ? 0 : slotOf(k + 1 - dmNext, DM);
      place(model, w, a, u, m, d, 1, off);
    }
    record(w, out.series, k + 1, C, B);
    addDays(out.series, k, W, C, grid.days[k]!, out.days, fy);
  }
}
