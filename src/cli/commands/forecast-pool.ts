/**
 * Worker threads for the Monte Carlo runs. A pool is started before the
 * forecast is fitted (loading the worker's modules then overlaps the fit)
 * and may serve several forecasts (the web service keeps one); `close`
 * stops its threads. Workers exist only in the compiled code (the worker
 * script must be JavaScript); without them the pool has no threads and the
 * caller runs everything itself.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PreparedForecast, RunBlock } from "../../core/forecast/forecast.js";
import type { WorkerJob, WorkerReply } from "./forecast-worker.js";

const WORKER = new URL("./forecast-worker.js", import.meta.url);

type Blocks = WorkerReply["blocks"];

interface Pending {
  resolve: (b: Blocks) => void;
  reject: (e: Error) => void;
}

class PoolWorker {
  readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private failed: Error | undefined;

  constructor() {
    this.worker = new Worker(WORKER);
    // An idle pool does not keep the process alive.
    this.worker.unref();
    this.worker.on("message", (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      p?.resolve(reply.blocks);
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => this.fail(new Error(`a forecast worker stopped with code ${code}`)));
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  run(job: WorkerJob): Promise<Blocks> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(job);
    });
  }
}

export class ForecastPool {
  private readonly workers: PoolWorker[];
  private nextId = 1;

  /** A pool of `threads − 1` workers (this thread is the other). */
  constructor(threads: number) {
    const usable = existsSync(fileURLToPath(WORKER)) && WORKER.pathname.endsWith(".js");
    this.workers = usable ? Array.from({ length: Math.max(0, threads - 1) }, () => new PoolWorker()) : [];
  }

  /** Worker threads (not counting the caller's). */
  get size(): number {
    return this.workers.length;
  }

  /** Worker i claims chunks of runs (cut by `plan`) from the shared counter until none is left. */
  run(
    i: number,
    prep: PreparedForecast,
    plan: number[],
    counter: SharedArrayBuffer,
  ): Promise<Array<RunBlock & { scenario: number }>> {
    return this.workers[i]!.run({ id: this.nextId++, prep, plan, counter });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
