/**
 * A worker thread of the forecast pool (forecast-pool.ts): waits for jobs,
 * each some of the Monte Carlo runs of a prepared forecast, and sends the
 * runs back. Each run has its own random stream, so the split does not
 * change the result. Started before the forecast is fitted, so that loading
 * this module overlaps the fit.
 */
import { parentPort } from "node:worker_threads";
import { type PreparedForecast, type RunBlock, simulateRuns } from "../../core/forecast/forecast.js";

export interface WorkerJob {
  id: number;
  prep: PreparedForecast;
  jobs: Array<{ scenario: number; from: number; to: number }>;
}

export interface WorkerReply {
  id: number;
  blocks: Array<RunBlock & { scenario: number }>;
}

parentPort?.on("message", (job: WorkerJob) => {
  const blocks = job.jobs.map((j) => ({
    scenario: j.scenario,
    ...simulateRuns(job.prep, j.scenario, j.from, j.to),
  }));
  parentPort?.postMessage(
    { id: job.id, blocks } satisfies WorkerReply,
    blocks.flatMap((b) => [
      b.series.buffer as ArrayBuffer,
      b.placements.buffer as ArrayBuffer,
      b.days.buffer as ArrayBuffer,
    ]),
  );
});
