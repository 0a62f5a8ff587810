/**
 * A worker thread of the forecast pool (forecast-pool.ts): waits for jobs,
 * each a prepared forecast whose runs are cut into chunks, claims chunks
 * from a counter it shares with the other threads until none is left, and
 * sends its runs back. Each run has its own random stream, so who runs
 * which chunk does not change the result. Started before the forecast is
 * fitted, so that loading this module overlaps the fit.
 */
import { parentPort } from "node:worker_threads";
import { type PreparedForecast, type RunBlock, simulateChunks } from "../../core/forecast/runs.js";

export interface WorkerJob {
  id: number;
  prep: PreparedForecast;
  /** Where the chunks of a scenario's runs start and end (chunkPlan). */
  plan: number[];
  /** One Int32: the next chunk to claim. */
  counter: SharedArrayBuffer;
}

export interface WorkerReply {
  id: number;
  blocks: Array<RunBlock & { scenario: number }>;
}

parentPort?.on("message", (job: WorkerJob) => {
  const next = new Int32Array(job.counter);
  const blocks = simulateChunks(job.prep, job.plan, () => Atomics.add(next, 0, 1));
  parentPort?.postMessage(
    { id: job.id, blocks } satisfies WorkerReply,
    blocks.flatMap((b) => [
      b.series.buffer as ArrayBuffer,
      b.placements.buffer as ArrayBuffer,
      b.days.buffer as ArrayBuffer,
    ]),
  );
});
