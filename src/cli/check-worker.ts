/**
 * A thread of `sufficiency validate` (check-return.ts): reads every file
 * keeping its share of the children, sends its counts of IN placements by
 * LA code, waits for the facts all threads agree, then validates and
 * rebuilds its children and sends its part of the result.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { YearFacts } from "../core/ssda903/validation/context.js";
import { countInPlacementsByYear } from "../core/ssda903/validation/home-la.js";
import { type CheckJob, checkPart, type WorkerMessage } from "./check-return.js";
import { minimiseFrom, readFilesInto } from "./input.js";

const job = workerData as CheckJob;
const post = (m: WorkerMessage) => parentPort?.postMessage(m);
try {
  const { data, issues } = readFilesInto(job.files, {
    year: job.year,
    minimise: minimiseFrom(job.minimise),
    share: job.share,
  });
  const counts = countInPlacementsByYear(data.tables.episodes);
  parentPort?.once("message", (facts: Map<number, YearFacts>) => {
    try {
      const { result, rebuild } = checkPart(data, issues, facts);
      post({
        kind: "done",
        part: { files: data.files, issues: result.issues, skipped: result.skipped, rebuild },
      });
    } catch (e) {
      post({ kind: "failed", message: (e as Error).message });
    }
  });
  post({ kind: "counts", counts });
} catch (e) {
  post({ kind: "failed", message: (e as Error).message });
}
