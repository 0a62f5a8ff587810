/**
 * A worker thread for `sufficiency forecast`: makes some of the Monte Carlo
 * runs of a prepared forecast and sends them back. Each run has its own
 * random stream, so the split does not change the result.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type PreparedForecast, type RunBlock, simulateRuns } from "../../core/forecast/forecast.js";

export interface WorkerJob {
  prep: PreparedForecast;
  jobs: Array<{ scenario: number; from: number; to: number }>;
}

const { prep, jobs } = workerData as WorkerJob;
const blocks: Array<RunBlock & { scenario: number }> = jobs.map((j) => ({
  scenario: j.scenario,
  ...simulateRuns(prep, j.scenario, j.from, j.to),
}));
parentPort?.postMessage(
  blocks,
  blocks.flatMap((b) => [
    b.series.buffer as ArrayBuffer,
    b.placements.buffer as ArrayBuffer,
    b.days.buffer as ArrayBuffer,
  ]),
);
