/**
 * One forecast or backtest job, from the stored history and population to
 * the result as gzip JSON. It runs in the forecast thread
 * (forecast-thread.ts) when the service is compiled, or in the service's
 * own thread under the tests; the Monte Carlo runs are shared among
 * threads as the command line shares them (src/cli/commands/forecast-shared.ts).
 */
import { gzipSync } from "node:zlib";
import type { ForecastPool } from "../../cli/commands/forecast-pool.js";
import { runAll } from "../../cli/commands/forecast-shared.js";
import { backtestSegments } from "../../core/forecast/backtest.js";
import { DEFAULT_CATEGORY_CONFIG } from "../../core/forecast/categories.js";
import { assembleForecast, prepareForecast } from "../../core/forecast/forecast.js";
import { PopulationCurve } from "../../core/forecast/population-curve.js";
import { buildSegments, type Segments } from "../../core/forecast/segments.js";
import { forecastJson } from "../../core/forecast/tables.js";
import { InputFileError } from "../../core/inputs/csv-table.js";
import { readPopulation } from "../../core/inputs/population.js";
import type { ForecastKind } from "../db/schema.js";
import {
  type BacktestParams,
  backtestOptions,
  type ForecastParams,
  forecastOptions,
  type JobParams,
} from "./forecast-params.js";
import { decodeHistory } from "./history-codec.js";
import { LruCache } from "./lru.js";

export interface JobInput {
  kind: ForecastKind;
  /** Identifies the history and population (council and version), for the cache of prepared inputs. */
  cacheKey: string;
  /** The stored history (gzip JSON, history-codec.ts). */
  history: Uint8Array;
  population: { name: string; text: string };
  params: JobParams;
  /** Threads the Monte Carlo runs are shared among (this one included). */
  threads: number;
}

/** A problem with the data or the parameters, to show to the person who asked. */
export class JobProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobProblem";
  }
}

interface Prepared {
  seg: Segments;
  pop: PopulationCurve;
}

/** Segments and population of the versions forecast most recently (rebuilding them takes a while). */
export type PreparedCache = LruCache<string, Promise<Prepared>>;

export function preparedCache(): PreparedCache {
  return new LruCache(2);
}

async function prepared(input: JobInput, cache: PreparedCache): Promise<Prepared> {
  let p = cache.get(input.cacheKey);
  if (!p) {
    p = (async () => {
      const history = await decodeHistory(input.history);
      const pop = new PopulationCurve(readPopulation(input.population.name, input.population.text));
      return { seg: buildSegments(history, DEFAULT_CATEGORY_CONFIG), pop };
    })();
    cache.set(input.cacheKey, p);
    p.catch(() => cache.delete(input.cacheKey));
  }
  return p;
}

function problem(e: unknown): never {
  if (e instanceof RangeError || e instanceof InputFileError) throw new JobProblem(e.message);
  throw e;
}

/** Runs a job (its Monte Carlo runs shared with the pool's workers, when given); the result is the forecast (forecastJson) or backtest as gzip JSON. */
export async function runJob(
  input: JobInput,
  cache: PreparedCache,
  pool?: ForecastPool,
): Promise<Uint8Array> {
  let inputs: Prepared;
  try {
    inputs = await prepared(input, cache);
  } catch (e) {
    problem(e);
  }
  const { seg, pop } = inputs;
  if (seg.n === 0) throw new JobProblem("The data hold no episodes of care to forecast from.");
  let value: unknown;
  try {
    if (input.kind === "backtest") {
      value = backtestSegments(seg, pop, backtestOptions(input.params as BacktestParams));
    } else {
      const options = forecastOptions(input.params as ForecastParams);
      const prep = prepareForecast(seg, pop, options);
      const { blocks, expected } = await runAll(prep, input.threads, pool);
      value = forecastJson(assembleForecast(prep, blocks, seg, pop, options, expected));
    }
  } catch (e) {
    problem(e);
  }
  return new Uint8Array(gzipSync(JSON.stringify(value)));
}
