/**
 * A worker thread for `sufficiency validate`: reads the files of some
 * collection years (and of the year before the first, for the rules that
 * compare with last year) and validates those years. See validate-parallel.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { defaultRegistry } from "../core/ssda903/validation/rules/index.js";
import { validate } from "../core/ssda903/validation/validate.js";
import { minimiseFrom, readFilesInto } from "./input.js";
import type { ValidateJob, ValidateJobResult } from "./validate-parallel.js";

const job = workerData as ValidateJob;
const { data, issues } = readFilesInto(job.files, { year: job.year, minimise: minimiseFrom(job.minimise) });
const own = new Set(job.years);
const ownFiles = new Set(job.ownFiles);
// Files of the year before are read for comparison only; their own problems are the other worker's to report.
const ownIssues = issues.filter((i) => i.file === undefined || ownFiles.has(i.file));
const result = validate(data, defaultRegistry, ownIssues, { years: own });
const reply: ValidateJobResult = {
  files: data.files.filter((f) => ownFiles.has(f.path)),
  issues: result.issues,
  skipped: result.skipped,
};
parentPort?.postMessage(reply);
