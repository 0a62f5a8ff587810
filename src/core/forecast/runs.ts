/**
 * The Monte Carlo runs of a prepared forecast, as a thread makes them: on
 * its own (`simulateRuns`) or sharing the chunks of runs with other threads
 * (`simulateChunks`). Kept apart from the fitting and the summaries so that
 * a worker thread loads only what the runs need.
 */

import type { Day } from "../dates.js";
import { Rng } from "../random/rng.js";
import type { ForecastMethod } from "./forecast.js";
import type { TimeGrid } from "./grid.js";
import type { FittedModel } from "./model.js";
import { drawParams, meanParams, type RunParams } from "./parameters.js";
import { newBuffers, type PathBuffers, shapeOf } from "./project.js";
import type { CompiledScenario } from "./scenario.js";
import { newSimWork, simulateRun } from "./simulate.js";

/** Everything a Monte Carlo run needs (structured-cloneable, so runs can be shared among workers). */
export interface PreparedForecast {
  start: Day;
  years: number;
  runs: number;
  seed: number;
  method: ForecastMethod;
  uncertainty: boolean;
  model: FittedModel;
  grid: TimeGrid;
  /** The base (index 0) and each scenario. */
  scenarios: CompiledScenario[];
}

/** The results of some Monte Carlo runs of one scenario: runs [from, to). */
export interface RunBlock {
  from: number;
  to: number;
  /** Per run: the series (start and month ends × [total, categories, bands]), placements and child-days by year. */
  series: Float64Array;
  placements: Float64Array;
  days: Float64Array;
}

/**
 * Monte Carlo runs [from, to) of one scenario. Run r draws from its own
 * random stream (keyed by the seed and r), so any split of the runs gives
 * the same results.
 */
export function simulateRuns(prep: PreparedForecast, scenario: number, from: number, to: number): RunBlock {
  return runsWith(prep, scenario, from, to, runWork(prep));
}

/** The working arrays of a run, set up once and reused by each run that follows. */
interface RunWork {
  shape: ReturnType<typeof shapeOf>;
  buf: PathBuffers;
  sim: ReturnType<typeof newSimWork>;
  mean: RunParams;
  params: RunParams | undefined;
}

function runWork(prep: PreparedForecast): RunWork {
  const shape = shapeOf(prep.model, prep.grid);
  return {
    shape,
    buf: newBuffers(shape),
    sim: newSimWork(prep.model, prep.grid),
    mean: meanParams(prep.model, prep.grid),
    params: undefined,
  };
}

function runsWith(
  prep: PreparedForecast,
  scenario: number,
  from: number,
  to: number,
  work: RunWork,
): RunBlock {
  const { model, grid } = prep;
  const { K, NFY, C, B, W } = work.shape;
  const n = Math.max(0, to - from);
  const block: RunBlock = {
    from,
    to,
    series: new Float64Array(n * (K + 1) * W),
    placements: new Float64Array(n * NFY * (C + B)),
    days: new Float64Array(n * NFY * C),
  };
  const sc = prep.scenarios[scenario]!;
  const buf = work.buf;
  for (let r = from; r < to; r++) {
    const rng = Rng.keyed(prep.seed, 0x6f72, r);
    work.params = prep.uncertainty ? drawParams(model, grid, rng, work.params) : work.mean;
    simulateRun(model, grid, work.params, sc, work.sim, rng, buf);
    const i = r - from;
    block.series.set(buf.series, i * (K + 1) * W);
    block.placements.set(buf.placements, i * NFY * (C + B));
    block.days.set(buf.days, i * NFY * C);
  }
  return block;
}

/**
 * Where to cut a scenario's runs when `threads` threads share them: each chunk a quarter of a
 * thread's share of the runs still left, at least 4, so the chunks shrink towards the end and the
 * threads finish close together (guided self-scheduling). Run boundaries from 0 to `runs`.
 */
export function chunkPlan(runs: number, threads: number): number[] {
  const plan = [0];
  for (let from = 0; from < runs; ) {
    from = Math.min(runs, from + Math.max(4, Math.ceil((runs - from) / (4 * threads))));
    plan.push(from);
  }
  return plan;
}

/** How many chunks the runs of every scenario make under a plan (see `simulateChunks`). */
export function chunkCount(prep: PreparedForecast, plan: readonly number[]): number {
  return (plan.length - 1) * prep.scenarios.length;
}

/**
 * Runs the chunks that `claim` hands out until it returns one past the last: chunk j is
 * scenario ⌊j / per⌋'s runs [plan[k], plan[k + 1]) with k = j mod per, `per` chunks a scenario.
 * Threads sharing one counter share the runs without any of them waiting on another; as each
 * run has its own random stream, who runs which chunk cannot change a figure.
 */
export function simulateChunks(
  prep: PreparedForecast,
  plan: readonly number[],
  claim: () => number,
): Array<RunBlock & { scenario: number }> {
  const per = plan.length - 1;
  const total = chunkCount(prep, plan);
  const blocks: Array<RunBlock & { scenario: number }> = [];
  let work: RunWork | undefined;
  for (let j = claim(); j < total; j = claim()) {
    const scenario = Math.floor(j / per);
    const k = j % per;
    work ??= runWork(prep);
    blocks.push({ scenario, ...runsWith(prep, scenario, plan[k]!, plan[k + 1]!, work) });
  }
  return blocks;
}
