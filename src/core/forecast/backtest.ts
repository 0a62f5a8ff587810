/**
 * Backtesting: for every origin (each 31 March, optionally each quarter end)
 * with enough history before it, fit on the history up to the origin only,
 * forecast ahead, and compare with what happened: the error of the median
 * by horizon, and how often the 50% and 90% intervals held the actual
 * number. Both methods side by side.
 *
 * "History up to the origin only": the estimates use exposure and events
 * before the day after the origin, the stock on the origin day and entries
 * up to it; nothing later. (The rebuilt history itself may carry
 * corrections that later returns made to earlier episodes.)
 */
import { addMonths, type Day, dayFromYMD, formatISO, monthEnd, ymdFromDay } from "../dates.js";
import type { Population } from "../inputs/population.js";
import type { History } from "../ssda903/history.js";
import { REPORT_BANDS } from "./ages.js";
import { DEFAULT_CATEGORY_CONFIG } from "./categories.js";
import { STRATA, stockOnDays } from "./exposure.js";
import { type ForecastMethod, type ForecastOptions, forecastSegments, type SeriesPoint } from "./forecast.js";
import { percentileSorted, pointSummary } from "./percentiles.js";
import { PopulationCurve } from "./population-curve.js";
import { buildSegments, type Segments } from "./segments.js";
import { trendMethod } from "./trend-method.js";

export interface BacktestOptions extends Omit<ForecastOptions, "start" | "years" | "method" | "scenarios"> {
  /** Longest horizon checked, in years (default 3). */
  horizonYears?: number;
  /** Years of data needed before an origin (default: the reference years, 3). */
  minHistoryYears?: number;
  /** Quarter ends as well as 31 March (default false). */
  quarterly?: boolean;
  /** Monte Carlo runs per origin (default 500). */
  runs?: number;
  methods?: ForecastMethod[];
}

export interface Comparison {
  actual: number;
  /** The method's median (its single value for the trend method) and interval. */
  p50: number;
  p5: number;
  p25: number;
  p75: number;
  p95: number;
  /** (median − actual) ÷ actual × 100. */
  pctError: number;
  in50: boolean | null;
  in90: boolean | null;
}

export interface OriginResult {
  origin: string;
  method: ForecastMethod;
  horizons: Array<{ years: number; date: string; total: Comparison; byCategory: Record<string, Comparison> }>;
}

export interface HorizonAccuracy {
  years: number;
  /** Origins compared at this horizon. */
  n: number;
  medianAbsPctError: number;
  meanAbsPctError: number;
  /** Mean signed % error: positive = forecasts too high. */
  meanPctError: number;
  /** Share of actual values inside the 50% and 90% intervals (null for a method with no interval). */
  coverage50: number | null;
  coverage90: number | null;
  byCategory: Record<
    string,
    { medianAbsPctError: number; coverage50: number | null; coverage90: number | null }
  >;
}

export interface BacktestResult {
  origins: OriginResult[];
  byHorizon: Record<ForecastMethod, HorizonAccuracy[]>;
  settings: {
    horizonYears: number;
    minHistoryYears: number;
    referenceYears: number;
    runs: number;
    seed: number;
  };
}

/** Origins: each 31 March (and quarter end) with enough history before and at least a year after. */
export function backtestOrigins(seg: Segments, minYears: number, quarterly: boolean): Day[] {
  const out: Day[] = [];
  const first = addMonths(seg.dataStart - 1, 12 * minYears);
  const last = addMonths(seg.dataEnd, -12);
  const { y } = ymdFromDay(first);
  for (let yy = y - 1; yy <= ymdFromDay(last).y + 1; yy++) {
    const ends = quarterly
      ? [3, 6, 9, 12].map((m) => monthEnd(dayFromYMD(yy, m, 1)))
      : [dayFromYMD(yy, 3, 31)];
    for (const d of ends) if (d >= first && d <= last) out.push(d);
  }
  return out;
}

function compare(
  actual: number,
  s: { p5: number; p25: number; p50: number; p75: number; p95: number },
  interval: boolean,
): Comparison {
  return {
    actual,
    p50: s.p50,
    p5: s.p5,
    p25: s.p25,
    p75: s.p75,
    p95: s.p95,
    pctError: actual > 0 ? ((s.p50 - actual) / actual) * 100 : Number.NaN,
    in50: interval ? actual >= s.p25 && actual <= s.p75 : null,
    in90: interval ? actual >= s.p5 && actual <= s.p95 : null,
  };
}

export function backtest(
  history: History,
  population: Population,
  options: BacktestOptions = {},
): BacktestResult {
  const seg = buildSegments(history, options.categories ?? DEFAULT_CATEGORY_CONFIG);
  return backtestSegments(seg, new PopulationCurve(population), options);
}

export function backtestSegments(
  seg: Segments,
  pop: PopulationCurve,
  o: BacktestOptions = {},
): BacktestResult {
  const H = o.horizonYears ?? 3;
  if (!Number.isInteger(H) || H < 1 || H > 10)
    throw new RangeError("the horizon must be a whole number of years from 1 to 10");
  const ref = o.referenceYears ?? 3;
  const minYears = o.minHistoryYears ?? ref;
  const runs = o.runs ?? 500;
  const seed = o.seed ?? 1;
  const methods = o.methods ?? ["markov", "trend"];
  const C = seg.categories.length;
  const origins = backtestOrigins(seg, minYears, o.quarterly ?? false);
  // Actual stock at every date compared.
  const targets = [
    ...new Set(origins.flatMap((d) => Array.from({ length: H }, (_, h) => addMonths(d, 12 * (h + 1))))),
  ]
    .filter((d) => d <= seg.dataEnd)
    .sort((a, b) => a - b);
  const stock = stockOnDays(seg, targets, REPORT_BANDS);
  const B = stock.B;
  const actualOf = (day: Day) => {
    const j = targets.indexOf(day);
    const byCat = new Float64Array(C);
    for (let u = 0; u < STRATA; u++)
      for (let b = 0; b < B; b++)
        for (let c = 0; c < C; c++) byCat[c]! += stock.counts[((j * STRATA + u) * B + b) * C + c]!;
    for (let c = 0; c < C; c++) byCat[c]! += stock.unknownAge[j * C + c]!;
    return byCat;
  };
  const results: OriginResult[] = [];
  for (const origin of origins) {
    for (const method of methods) {
      const dates: Day[] = [];
      for (let h = 1; h <= H; h++)
        if (addMonths(origin, 12 * h) <= seg.dataEnd) dates.push(addMonths(origin, 12 * h));
      const points =
        method === "markov"
          ? markovPoints(seg, pop, o, origin, H, runs, seed)
          : trendPoints(seg, pop, o, origin, dates);
      const horizons: OriginResult["horizons"] = [];
      for (let h = 1; h <= H; h++) {
        const date = addMonths(origin, 12 * h);
        if (date > seg.dataEnd) break;
        const point = points.get(formatISO(date));
        if (!point) continue;
        const actual = actualOf(date);
        let total = 0;
        for (let c = 0; c < C; c++) total += actual[c]!;
        const interval = method === "markov" && runs > 0;
        horizons.push({
          years: h,
          date: formatISO(date),
          total: compare(total, point.total, interval),
          byCategory: Object.fromEntries(
            seg.categories.map((c, i) => [c, compare(actual[i]!, point.byCategory[c]!, interval)]),
          ),
        });
      }
      results.push({ origin: formatISO(origin), method, horizons });
    }
  }
  const byHorizon = {} as Record<ForecastMethod, HorizonAccuracy[]>;
  for (const method of methods) {
    const list: HorizonAccuracy[] = [];
    for (let h = 1; h <= H; h++) {
      const rows = results
        .filter((r) => r.method === method)
        .flatMap((r) => r.horizons.filter((x) => x.years === h));
      if (rows.length === 0) continue;
      list.push({
        years: h,
        n: rows.length,
        ...accuracy(rows.map((r) => r.total)),
        byCategory: Object.fromEntries(
          seg.categories.map((c) => {
            const a = accuracy(rows.map((r) => r.byCategory[c]!));
            return [
              c,
              { medianAbsPctError: a.medianAbsPctError, coverage50: a.coverage50, coverage90: a.coverage90 },
            ];
          }),
        ),
      });
    }
    byHorizon[method] = list;
  }
  return {
    origins: results,
    byHorizon,
    settings: { horizonYears: H, minHistoryYears: minYears, referenceYears: ref, runs, seed },
  };
}

type Point = Pick<SeriesPoint, "total" | "byCategory">;

function markovPoints(
  seg: Segments,
  pop: PopulationCurve,
  o: BacktestOptions,
  origin: Day,
  H: number,
  runs: number,
  seed: number,
): Map<string, Point> {
  const f = forecastSegments(seg, pop, {
    ...o,
    start: origin,
    years: H,
    runs,
    seed,
    method: "markov",
    scenarios: [],
  });
  return new Map(f.series.map((p) => [p.date, p]));
}

/** The trend method's values at the dates (no model fit needed). */
function trendPoints(
  seg: Segments,
  pop: PopulationCurve,
  o: BacktestOptions,
  origin: Day,
  dates: Day[],
): Map<string, Point> {
  const path = trendMethod(seg, pop, origin, dates, REPORT_BANDS, o.trendMethod);
  return new Map(
    dates.map((d, k) => [
      formatISO(d),
      {
        total: pointSummary(path.values[k * path.W]!),
        byCategory: Object.fromEntries(
          seg.categories.map((c, i) => [c, pointSummary(path.values[k * path.W + 1 + i]!)]),
        ),
      },
    ]),
  );
}

function accuracy(rows: Comparison[]) {
  const errs = rows.map((r) => r.pctError).filter((x) => Number.isFinite(x));
  const abs = Float64Array.from(errs.map(Math.abs)).sort();
  const share = (key: "in50" | "in90") => {
    const v = rows.map((r) => r[key]).filter((x): x is boolean => x !== null);
    return v.length ? v.filter(Boolean).length / v.length : null;
  };
  return {
    medianAbsPctError: abs.length ? percentileSorted(abs, 50) : Number.NaN,
    meanAbsPctError: abs.length ? abs.reduce((a, b) => a + b, 0) / abs.length : Number.NaN,
    meanPctError: errs.length ? errs.reduce((a, b) => a + b, 0) / errs.length : Number.NaN,
    coverage50: share("in50"),
    coverage90: share("in90"),
  };
}
