import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BacktestResult } from "../../core/forecast/backtest.js";
import type { ForecastResult, Projection } from "../../core/forecast/forecast.js";
import { packageRoot } from "../../reports/profile-html.js";
import type { DatasetRepository } from "../data/datasets.js";
import type { ForecastMeta, ForecastRepository } from "../data/forecasts.js";
import type { ForecastKind } from "../db/schema.js";
import { type Actor, type AuditService, SYSTEM_ACTOR } from "./audit.js";
import { type JobInput, JobProblem, preparedCache, runJob } from "./forecast-jobs.js";
import { type BacktestParams, type ForecastParams, type JobParams, paramsHash } from "./forecast-params.js";
import type { ThreadReply, ThreadRequest } from "./forecast-thread.js";
import { gunzipJson } from "./history-codec.js";
import { LruCache } from "./lru.js";

/** Child-days as stored (forecastJson turns the typed arrays into arrays). */
export interface RunDaysJson {
  years: string[];
  categories: string[];
  runs: number;
  values: number[];
}

export interface StoredProjection extends Omit<Projection, "runDays" | "expectedDays"> {
  runDays: RunDaysJson;
  expectedDays: RunDaysJson;
}

/** A forecast as stored: the engine's result with its arrays as JSON. */
export interface StoredForecast
  extends Omit<ForecastResult, "runDays" | "expectedDays" | "scenarios">,
    StoredProjection {
  scenarios: StoredProjection[];
}

export interface ForecastSettings {
  /** Threads the Monte Carlo runs are shared among. */
  threads: number;
  /** Runs of the default forecast (the one made for each new version). */
  defaultRuns: number;
  /** Runs per origin of the backtest. */
  backtestRuns: number;
  /** How long a page asked for a forecast still being made waits for it before showing "being made". */
  pageWaitMs: number;
  /** Run jobs in this thread (always so when the forecast thread's script is not compiled, as under the tests). */
  inline?: boolean;
}

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = {
  threads: Math.max(1, Math.min(8, availableParallelism())),
  defaultRuns: 1000,
  backtestRuns: 500,
  pageWaitMs: 5_000,
};

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }
).version;

/**
 * Bump when the stored result's form changes. With the package version it
 * names the engine a result was made by: a stored result is reused only by
 * the same engine.
 */
const RESULT_FORMAT = 1;
export const ENGINE_VERSION = `${PACKAGE_VERSION}/${RESULT_FORMAT}`;

const THREAD_SCRIPT = new URL("./forecast-thread.js", import.meta.url);

/** The long-lived forecast thread, started when first needed and again if it ever stops. */
class JobThread {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }
  >();

  run(input: JobInput): Promise<Uint8Array> {
    const w = this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, input } satisfies ThreadRequest);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(THREAD_SCRIPT);
    w.on("message", (m: ThreadReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else {
        const e = m.problem ? new JobProblem(m.message) : new Error(m.message);
        if (m.stack) e.stack = m.stack;
        p.reject(e);
      }
    });
    const fail = (e: Error) => {
      if (this.worker === w) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    w.on("error", fail);
    w.on("exit", (code) => fail(new Error(`the forecast thread stopped (exit code ${code})`)));
    this.worker = w;
    return w;
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}

export interface JobLog {
  error(o: object, msg: string): void;
}

/**
 * Forecasts and backtests of dataset versions, run as jobs off the request
 * thread: asking for one stores a queued row (or finds the stored one with
 * the same version, parameters and engine), the jobs run one at a time in
 * the forecast thread, and the result (gzip JSON) is stored in the row, so
 * it reopens exactly. Pages poll the row's status.
 */
export class ForecastService {
  private readonly queue: string[] = [];
  private pumping: Promise<void> | null = null;
  private stopped = false;
  private readonly thread = new JobThread();
  private readonly cache = preparedCache();
  private readonly results = new LruCache<string, Promise<unknown>>(8);
  /** Who waits for each job to end (pages holding their answer until the forecast is ready). */
  private readonly waiting = new Map<string, Set<() => void>>();
  /** The backtests among the queued jobs. */
  private readonly backtests = new Set<string>();
  /** The job being run, if any. */
  private current: string | undefined;
  readonly settings: ForecastSettings;

  constructor(
    private readonly repo: ForecastRepository,
    private readonly datasets: DatasetRepository,
    private readonly audit: AuditService,
    settings: Partial<ForecastSettings> = {},
    private log: JobLog = { error: (o, msg) => console.error(msg, o) },
  ) {
    this.settings = { ...DEFAULT_FORECAST_SETTINGS, ...settings };
    if (!existsSync(fileURLToPath(THREAD_SCRIPT)) || !THREAD_SCRIPT.pathname.endsWith(".js"))
      this.settings.inline = true;
  }

  /** Reports unexpected job failures to this log (the app's, once it is built). */
  setLog(log: JobLog): void {
    this.log = log;
  }

  /** The parameters of the forecast made for each version, and the form's starting values. */
  defaultParams(): ForecastParams {
    return {
      method: "markov",
      years: 5,
      runs: this.settings.defaultRuns,
      seed: 1,
      referenceYears: 3,
      uasc: null,
      scenarios: [],
    };
  }

  backtestParams(): BacktestParams {
    return { horizonYears: 3, runs: this.settings.backtestRuns, seed: 1, referenceYears: 3 };
  }

  /**
   * Asks for a forecast or backtest of a version: the stored one with the same
   * parameters when there is one (a failed one is run again), else a new job.
   */
  async request(
    actor: Actor,
    councilId: string,
    versionId: string,
    kind: ForecastKind,
    params: JobParams,
  ): Promise<ForecastMeta> {
    const { meta, created } = await this.repo.findOrCreate({
      councilId,
      versionId,
      kind,
      params: params as unknown as Record<string, unknown>,
      hash: paramsHash(kind, params),
      engine: ENGINE_VERSION,
      createdBy: actor.userId,
    });
    let queued = created;
    if (!created && meta.status === "failed" && (await this.repo.requeue(meta.id))) queued = true;
    if (queued) this.enqueue(meta.id, kind);
    await this.audit.record(actor, kind === "forecast" ? "forecast.run" : "forecast.backtest", {
      councilId,
      versionId,
      detail: { forecast: meta.id, reused: !queued, params },
    });
    return queued ? ((await this.repo.get(councilId, meta.id)) ?? meta) : meta;
  }

  /** Makes the version's default forecast and its backtest when it has none yet (as the system). */
  async ensureDefaults(councilId: string, versionId: string): Promise<void> {
    if ((await this.repo.list(councilId, versionId, "forecast")).length === 0)
      await this.request(SYSTEM_ACTOR, councilId, versionId, "forecast", this.defaultParams());
    if ((await this.repo.list(councilId, versionId, "backtest")).length === 0)
      await this.request(SYSTEM_ACTOR, councilId, versionId, "backtest", this.backtestParams());
  }

  get(councilId: string, id: string): Promise<ForecastMeta | undefined> {
    return this.repo.get(councilId, id);
  }

  list(councilId: string, versionId: string, kind: ForecastKind = "forecast"): Promise<ForecastMeta[]> {
    return this.repo.list(councilId, versionId, kind);
  }

  private async stored<T>(councilId: string, id: string): Promise<T | undefined> {
    const key = `${councilId}/${id}`;
    let r = this.results.get(key);
    if (!r) {
      r = this.repo.result(councilId, id).then((bytes) => (bytes ? gunzipJson<T>(bytes) : undefined));
      this.results.set(key, r);
      r.then(
        (v) => v ?? this.results.delete(key),
        () => this.results.delete(key),
      );
    }
    return r as Promise<T | undefined>;
  }

  /** A done forecast's result; undefined for another council's, or one not done. */
  async result(councilId: string, id: string): Promise<StoredForecast | undefined> {
    const meta = await this.repo.get(councilId, id);
    if (meta?.kind !== "forecast" || meta.status !== "done") return undefined;
    return this.stored<StoredForecast>(councilId, id);
  }

  /** The version's backtest (the latest asked for), with its result once done. */
  async backtest(
    councilId: string,
    versionId: string,
  ): Promise<{ meta: ForecastMeta; result: BacktestResult | undefined } | undefined> {
    const [meta] = await this.repo.list(councilId, versionId, "backtest");
    if (!meta) return undefined;
    const result = meta.status === "done" ? await this.stored<BacktestResult>(councilId, meta.id) : undefined;
    return { meta, result };
  }

  /** The newest done forecast of the version by the model (the one the budget and gap use unless told). */
  async latestDone(councilId: string, versionId: string): Promise<ForecastMeta | undefined> {
    return (await this.repo.list(councilId, versionId, "forecast")).find(
      (f) => f.status === "done" && (f.params as { method?: string }).method === "markov",
    );
  }

  /**
   * Resolves when the job ends (done or failed), or after `ms`, whichever is
   * first; at once when it is neither queued nor running in this process.
   */
  async waitFor(id: string, ms: number): Promise<void> {
    if (ms <= 0 || this.stopped || (this.current !== id && !this.queue.includes(id))) return;
    let set = this.waiting.get(id);
    if (!set) {
      set = new Set();
      this.waiting.set(id, set);
    }
    const listeners = set;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(done);
        if (listeners.size === 0 && this.waiting.get(id) === listeners) this.waiting.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ms);
      listeners.add(done);
    });
  }

  private ended(id: string): void {
    const set = this.waiting.get(id);
    if (!set) return;
    this.waiting.delete(id);
    for (const done of set) done();
  }

  /** After a restart: runs again what was queued or running when the service stopped. */
  async resume(): Promise<void> {
    for (const id of await this.repo.unfinished()) if (await this.repo.requeue(id)) this.enqueue(id);
  }

  /** Resolves when no job is queued or running. */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  /** Stops taking jobs and waits for the one running (a job cut short is run again at the next start). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    this.backtests.clear();
    for (const id of [...this.waiting.keys()]) this.ended(id);
    const running = this.pumping;
    await this.thread.stop();
    if (running) await running.catch(() => undefined);
  }

  /** Queues a job; a forecast goes ahead of backtests still waiting (someone is waiting for it). */
  private enqueue(id: string, kind?: ForecastKind): void {
    if (this.stopped || this.queue.includes(id)) return;
    if (kind === "backtest") this.backtests.add(id);
    const before = kind === "forecast" ? this.queue.findIndex((q) => this.backtests.has(q)) : -1;
    if (before >= 0) this.queue.splice(before, 0, id);
    else this.queue.push(id);
    this.kick();
  }

  private kick(): void {
    if (this.pumping || this.stopped) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      // A job queued while the loop was finishing.
      if (this.queue.length > 0) this.kick();
    });
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const id = this.queue.shift()!;
      this.backtests.delete(id);
      this.current = id;
      // Let the request that queued the job be answered first.
      await new Promise((r) => setImmediate(r));
      try {
        await this.runOne(id);
      } catch (e) {
        if (!this.stopped) this.log.error({ err: e, forecast: id }, "forecast job failed");
      } finally {
        this.current = undefined;
        this.ended(id);
      }
    }
  }

  /** What the forecast thread needs for a job on a version. */
  private async jobInput(
    councilId: string,
    versionId: string,
    kind: ForecastKind,
    params: JobParams,
  ): Promise<JobInput> {
    const history = await this.datasets.blob(councilId, versionId, "history");
    if (!history) throw new JobProblem("The dataset version is no longer there.");
    const [population] = await this.datasets.contents(councilId, versionId, ["population"]);
    if (!population)
      throw new JobProblem(
        "This version of the data has no population file. Upload one (year,age,population, with projections for the years ahead) with the returns to make a forecast.",
      );
    return {
      kind,
      cacheKey: `${councilId}/${versionId}`,
      history,
      population: { name: population.name, text: new TextDecoder("utf-8").decode(population.content) },
      params,
      threads: this.settings.threads,
    };
  }

  /**
   * Readies the forecast thread for a version, so that the first forecast
   * someone asks for after a start is as quick as the ones after it: the
   * thread reads the version's history into its cache, starts its workers
   * and runs a small forecast (a few runs, a year ahead; not stored) so the
   * simulation is compiled. Does nothing when jobs run in this thread (the
   * tests) or the version cannot be forecast; never fails.
   */
  async warm(councilId: string, versionId: string): Promise<void> {
    if (this.settings.inline || this.stopped) return;
    try {
      const params: ForecastParams = { ...this.defaultParams(), years: 1, runs: 4 * this.settings.threads };
      await this.thread.run(await this.jobInput(councilId, versionId, "forecast", params));
    } catch {
      // A version that cannot be forecast says so when someone asks; warming it is not needed.
    }
  }

  private async runOne(id: string): Promise<void> {
    if (!(await this.repo.claim(id))) return;
    const meta = await this.repo.byId(id);
    if (!meta) return;
    try {
      const input = await this.jobInput(
        meta.councilId,
        meta.versionId,
        meta.kind,
        meta.params as unknown as JobParams,
      );
      const result = this.settings.inline ? await runJob(input, this.cache) : await this.thread.run(input);
      if (this.stopped) return;
      await this.repo.finish(id, result);
    } catch (e) {
      if (this.stopped) return;
      if (e instanceof JobProblem) await this.repo.fail(id, e.message);
      else {
        await this.repo.fail(id, "The forecast could not be made because of a problem in the service.");
        throw e;
      }
    }
  }
}
