/**
 * The forecast thread: one long-lived worker thread that runs forecast and
 * backtest jobs one at a time, off the thread that answers requests. It
 * keeps the prepared inputs of the versions it forecast last, so a second
 * forecast of the same data starts at once, and a pool of Monte Carlo
 * workers, started when the first job arrives (so that starting them
 * overlaps reading its data) and kept for the jobs after.
 */
import { parentPort } from "node:worker_threads";
import { ForecastPool } from "../../cli/commands/forecast-pool.js";
import { type JobInput, JobProblem, preparedCache, runJob } from "./forecast-jobs.js";

export type ThreadRequest = { id: number; input: JobInput };
export type ThreadReply =
  | { id: number; ok: true; result: Uint8Array }
  | { id: number; ok: false; problem: boolean; message: string; stack?: string };

const cache = preparedCache();
const port = parentPort;
let pool: ForecastPool | undefined;

function poolFor(threads: number): ForecastPool | undefined {
  if (threads < 2) return undefined;
  if (pool && pool.size !== threads - 1) {
    void pool.close();
    pool = undefined;
  }
  pool ??= new ForecastPool(threads);
  return pool;
}

port?.on("message", (msg: ThreadRequest) => {
  runJob(msg.input, cache, poolFor(msg.input.threads)).then(
    (result) =>
      port.postMessage({ id: msg.id, ok: true, result } satisfies ThreadReply, [
        result.buffer as ArrayBuffer,
      ]),
    (e: Error) =>
      port.postMessage({
        id: msg.id,
        ok: false,
        problem: e instanceof JobProblem,
        message: e.message,
        ...(e.stack ? { stack: e.stack } : {}),
      } satisfies ThreadReply),
  );
});
