/**
 * The forecast: fit the model on the history before the start date,
 * project the expected path and the Monte Carlo runs for the base and each
 * scenario, and summarise them. `forecast(history, population, options)`
 * is the entry point; see docs/forecasting.md.
 */
import { type Day, formatISO } from "../dates.js";
import type { Population } from "../inputs/population.js";
import type { History } from "../ssda903/history.js";
import { type CategoryConfig, DEFAULT_CATEGORY_CONFIG, EXIT_GROUPS } from "./categories.js";
import { EXITS } from "./exposure.js";
import { type TimeGrid, timeGrid } from "./grid.js";
import { type FitOptions, type FittedModel, fitModel } from "./model.js";
import { meanParams } from "./parameters.js";
import { pointSummary, type Summary, summarise } from "./percentiles.js";
import { PopulationCurve } from "./population-curve.js";
import { newBuffers, newWork, type PathBuffers, projectExpected, shapeOf } from "./project.js";
import { type RatesReport, ratesReport } from "./rates-report.js";
import {
  chunkCount,
  chunkPlan,
  type PreparedForecast,
  type RunBlock,
  simulateChunks,
  simulateRuns,
} from "./runs.js";
import { baseScenario, compileScenario, type Scenario } from "./scenario.js";
import { buildSegments, type Segments } from "./segments.js";
import { type TrendMethodOptions, trendMethod } from "./trend-method.js";

export { chunkCount, chunkPlan, type PreparedForecast, type RunBlock, simulateChunks, simulateRuns };

export type ForecastMethod = "markov" | "trend";

export interface ForecastOptions extends FitOptions {
  /** Start date (default: the last 31 March in the data). */
  start?: Day;
  /** Years ahead, 1 to 10 (default 5). */
  years?: number;
  /** Monte Carlo runs (default 1,000; 0 gives the expected path only). */
  runs?: number;
  seed?: number;
  method?: ForecastMethod;
  scenarios?: Scenario[];
  categories?: CategoryConfig;
  /** Draw the parameters afresh in each run (default true); false gives process noise only. */
  parameterUncertainty?: boolean;
  trendMethod?: TrendMethodOptions;
}

export interface SeriesPoint {
  date: string;
  total: Summary;
  byCategory: Record<string, Summary>;
  byAgeBand: Record<string, Summary>;
}

export interface YearPoint {
  /** Financial year, e.g. "2025/26". */
  year: string;
  total: Summary;
  byCategory: Record<string, Summary>;
  byAgeBand: Record<string, Summary>;
}

/** Child-days per run by financial year and category: values[(run·years + y)·categories + c]. */
export interface RunDays {
  years: string[];
  categories: string[];
  runs: number;
  values: Float64Array;
}

export interface Projection {
  /** "base" or the scenario's name. */
  name: string;
  series: SeriesPoint[];
  /** New placements started by financial year (entries, moves to new carers in another category, and moves within a category). */
  placementsNeeded: YearPoint[];
  /** Child-days by financial year and category (mean and percentiles). */
  childDays: Array<{ year: string; total: Summary; byCategory: Record<string, Summary> }>;
  /** Entries and exits by financial year (expected path). */
  flows: Array<{ year: string; entries: number; uascEntries: number; exits: Record<string, number> }>;
  runDays: RunDays;
  /** Child-days of the expected path (runs = 1). */
  expectedDays: RunDays;
}

export interface ForecastResult extends Projection {
  start: string;
  method: ForecastMethod;
  runs: number;
  seed: number;
  years: number;
  reference: { from: string; to: string };
  categories: string[];
  ageBands: string[];
  /** The scenarios, each projected with the same random numbers as the base. */
  scenarios: Projection[];
  rates: RatesReport | null;
  notes: string[];
}

/** Forecast from a rebuilt 903 history and a population file. */
export function forecast(
  history: History,
  population: Population,
  options: ForecastOptions = {},
): ForecastResult {
  const seg = buildSegments(history, options.categories ?? DEFAULT_CATEGORY_CONFIG);
  return forecastSegments(seg, new PopulationCurve(population), options);
}

export function checkForecastOptions(o: ForecastOptions): void {
  const years = o.years ?? 5;
  if (!Number.isInteger(years) || years < 1 || years > 10)
    throw new RangeError("years must be a whole number from 1 to 10");
  const runs = o.runs ?? 1000;
  if (!Number.isInteger(runs) || runs < 0 || runs > 100000)
    throw new RangeError("runs must be a whole number from 0 to 100,000");
  if (o.seed !== undefined && !Number.isInteger(o.seed)) throw new RangeError("seed must be a whole number");
}

/** Fits the model and lays out the projection; the runs are then made by `simulateRuns`. */
export function prepareForecast(
  seg: Segments,
  pop: PopulationCurve,
  o: ForecastOptions = {},
): PreparedForecast {
  checkForecastOptions(o);
  const years = o.years ?? 5;
  const method = o.method ?? "markov";
  const start = o.start ?? seg.dataEnd;
  if (!Number.isFinite(start)) throw new RangeError("the data hold no episodes");
  if (start > seg.dataEnd) {
    throw new RangeError(
      `the start ${formatISO(start)} is after the end of the data (${formatISO(seg.dataEnd)})`,
    );
  }
  const model = fitModel(seg, pop, start, o);
  const grid = timeGrid(start, years, pop, model.groups);
  const scenarios =
    method === "markov"
      ? [
          baseScenario(grid, model.G, model.NB, model.C, model.D),
          ...(o.scenarios ?? []).map((s) =>
            compileScenario(s, grid, model.categories, model.groups, model.NB, model.D),
          ),
        ]
      : [];
  return {
    start,
    years,
    runs: method === "markov" ? (o.runs ?? 1000) : 0,
    seed: o.seed ?? 1,
    method,
    uncertainty: o.parameterUncertainty ?? true,
    model,
    grid,
    scenarios,
  };
}

/** Joins blocks of runs (in any order) covering runs 0..runs−1. */
function joinBlocks(
  blocks: readonly RunBlock[],
  runs: number,
  sizes: { series: number; placements: number; days: number },
): RunStore {
  const store: RunStore = {
    series: new Float64Array(runs * sizes.series),
    placements: new Float64Array(runs * sizes.placements),
    days: new Float64Array(runs * sizes.days),
  };
  let covered = 0;
  for (const b of blocks) {
    store.series.set(b.series, b.from * sizes.series);
    store.placements.set(b.placements, b.from * sizes.placements);
    store.days.set(b.days, b.from * sizes.days);
    covered += b.to - b.from;
  }
  if (covered !== runs) throw new RangeError(`the run blocks cover ${covered} runs, not ${runs}`);
  return store;
}

/** The expected path of the base and each scenario (it can be worked out while other threads make the runs). */
export function expectedPaths(prep: PreparedForecast): PathBuffers[] {
  const { model, grid } = prep;
  const shape = shapeOf(model, grid);
  const work = newWork(model);
  const mean = meanParams(model, grid);
  return prep.scenarios.map((sc) => {
    const expected = newBuffers(shape);
    projectExpected(model, grid, mean, sc, work, expected);
    return expected;
  });
}

/**
 * The forecast from a prepared model and its runs: `blocks[s]` holds the
 * blocks of runs of scenario s (base first). `seg` and `pop` are needed by
 * the trend method only; `expected` may be given if already worked out.
 */
export function assembleForecast(
  prep: PreparedForecast,
  blocks: readonly (readonly RunBlock[])[],
  seg?: Segments,
  pop?: PopulationCurve,
  o: ForecastOptions = {},
  expected?: PathBuffers[],
): ForecastResult {
  const { model, grid } = prep;
  const head = {
    start: formatISO(prep.start),
    method: prep.method,
    runs: prep.runs,
    seed: prep.seed,
    years: prep.years,
    reference: { from: formatISO(model.window.from), to: formatISO(model.window.to - 1) },
    categories: [...model.categories],
    ageBands: [...model.bands.labels],
  };
  if (prep.method === "trend") {
    if (!seg || !pop) throw new RangeError("the trend method needs the segments and the population");
    const base = trendProjection(seg, pop, model, grid, o.trendMethod);
    return {
      ...head,
      ...base,
      scenarios: [],
      rates: null,
      notes: [...model.notes, "the trend method gives no interval"],
    };
  }
  const shape = shapeOf(model, grid);
  const sizes = {
    series: (shape.K + 1) * shape.W,
    placements: shape.NFY * (shape.C + shape.B),
    days: shape.NFY * shape.C,
  };
  const paths = expected ?? expectedPaths(prep);
  const projections = prep.scenarios.map((sc, i) => {
    const store = joinBlocks(blocks[i] ?? [], prep.runs, sizes);
    return summariseProjection(model, grid, sc.name, prep.runs, paths[i]!, store);
  });
  return {
    ...head,
    ...projections[0]!,
    scenarios: projections.slice(1),
    rates: ratesReport(model),
    notes: model.notes,
  };
}

/** Forecast from segments already built (the backtest reuses them for every origin). */
export function forecastSegments(
  seg: Segments,
  pop: PopulationCurve,
  o: ForecastOptions = {},
): ForecastResult {
  const prep = prepareForecast(seg, pop, o);
  const blocks = prep.scenarios.map((_, i) => [simulateRuns(prep, i, 0, prep.runs)]);
  return assembleForecast(prep, blocks, seg, pop, o);
}

/** Monte Carlo results of one scenario, all runs. */
interface RunStore {
  series: Float64Array;
  placements: Float64Array;
  days: Float64Array;
}

function summariseProjection(
  model: FittedModel,
  grid: TimeGrid,
  name: string,
  runs: number,
  expected: PathBuffers,
  store: RunStore,
): Projection {
  const { C } = model;
  const B = model.bands.lower.length;
  const W = 1 + C + B;
  const K = grid.K;
  const NFY = grid.years.length;
  const cats = model.categories;
  const bands = model.bands.labels;
  const tmp = new Float64Array(runs);
  const sum = (get: (r: number) => number, exp: number): Summary => {
    if (runs === 0) return pointSummary(exp);
    for (let r = 0; r < runs; r++) tmp[r] = get(r);
    return summarise(tmp, exp);
  };
  // Most summaries are of one figure of each run: a plain strided read, not a call per run.
  const column = (arr: Float64Array, stride: number, offset: number, exp: number): Summary => {
    if (runs === 0) return pointSummary(exp);
    for (let r = 0; r < runs; r++) tmp[r] = arr[r * stride + offset]!;
    return summarise(tmp, exp);
  };
  const dates = [grid.start, ...grid.ends];
  const series: SeriesPoint[] = dates.map((d, k) => {
    const at = (j: number) => column(store.series, (K + 1) * W, k * W + j, expected.series[k * W + j]!);
    return {
      date: formatISO(d),
      total: at(0),
      byCategory: Object.fromEntries(cats.map((c, i) => [c, at(1 + i)])),
      byAgeBand: Object.fromEntries(bands.map((b, i) => [b, at(1 + C + i)])),
    };
  });
  const P = C + B;
  const placementsNeeded: YearPoint[] = grid.labels.map((label, y) => {
    const at = (j: number) => column(store.placements, NFY * P, y * P + j, expected.placements[y * P + j]!);
    const total = (arr: Float64Array, base: number) => {
      let s = 0;
      for (let c = 0; c < C; c++) s += arr[base + c]!;
      return s;
    };
    return {
      year: label,
      total: sum((r) => total(store.placements, (r * NFY + y) * P), total(expected.placements, y * P)),
      byCategory: Object.fromEntries(cats.map((c, i) => [c, at(i)])),
      byAgeBand: Object.fromEntries(bands.map((b, i) => [b, at(C + i)])),
    };
  });
  const childDays = grid.labels.map((label, y) => {
    let expTotal = 0;
    for (let c = 0; c < C; c++) expTotal += expected.days[y * C + c]!;
    return {
      year: label,
      total: sum((r) => {
        let s = 0;
        for (let c = 0; c < C; c++) s += store.days[(r * NFY + y) * C + c]!;
        return s;
      }, expTotal),
      byCategory: Object.fromEntries(
        cats.map((c, i) => [c, column(store.days, NFY * C, y * C + i, expected.days[y * C + i]!)]),
      ),
    };
  });
  const X1 = EXITS + 1;
  const flows = grid.labels.map((label, y) => ({
    year: label,
    entries: expected.entries[y * 2]!,
    uascEntries: expected.entries[y * 2 + 1]!,
    exits: Object.fromEntries([
      ...EXIT_GROUPS.map((g, x) => [g, expected.exits[y * X1 + x]!] as const),
      ["turned_18", expected.exits[y * X1 + EXITS]!] as const,
    ]),
  }));
  return {
    name,
    series,
    placementsNeeded,
    childDays,
    flows,
    runDays: { years: [...grid.labels], categories: [...cats], runs, values: store.days },
    expectedDays: { years: [...grid.labels], categories: [...cats], runs: 1, values: expected.days.slice() },
  };
}

function trendProjection(
  seg: Segments,
  pop: PopulationCurve,
  model: FittedModel,
  grid: TimeGrid,
  o: TrendMethodOptions | undefined,
): Projection {
  const dates = [grid.start, ...grid.ends];
  const path = trendMethod(seg, pop, grid.start, dates, model.bands, o);
  const { C } = model;
  const W = path.W;
  const cats = model.categories;
  const series: SeriesPoint[] = dates.map((d, k) => ({
    date: formatISO(d),
    total: pointSummary(path.values[k * W]!),
    byCategory: Object.fromEntries(cats.map((c, i) => [c, pointSummary(path.values[k * W + 1 + i]!)])),
    byAgeBand: Object.fromEntries(
      model.bands.labels.map((b, i) => [b, pointSummary(path.values[k * W + 1 + C + i]!)]),
    ),
  }));
  const NFY = grid.years.length;
  const days = new Float64Array(NFY * C);
  for (let k = 0; k < grid.K; k++) {
    for (let c = 0; c < C; c++) {
      days[grid.fy[k]! * C + c]! +=
        ((path.values[k * W + 1 + c]! + path.values[(k + 1) * W + 1 + c]!) / 2) * grid.days[k]!;
    }
  }
  const childDays = grid.labels.map((label, y) => {
    let t = 0;
    for (let c = 0; c < C; c++) t += days[y * C + c]!;
    return {
      year: label,
      total: pointSummary(t),
      byCategory: Object.fromEntries(cats.map((c, i) => [c, pointSummary(days[y * C + i]!)])),
    };
  });
  return {
    name: "base",
    series,
    placementsNeeded: [],
    childDays,
    flows: [],
    runDays: { years: [...grid.labels], categories: [...cats], runs: 0, values: new Float64Array(0) },
    expectedDays: { years: [...grid.labels], categories: [...cats], runs: 1, values: days },
  };
}
