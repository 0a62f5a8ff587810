// Measures `sufficiency validate` as the command runs it: on two worker threads for a large
// return (src/cli/validate-parallel.ts). Run by bench/run.mjs in a fresh process.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { validateFiles } from "../dist/cli/validate-parallel.js";

const dir = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => /^\d{4}-.*\.csv$/.test(f))
  .sort()
  .map((f) => join(dir, f));
const t0 = performance.now();
const { files: read, result } = await validateFiles(files, { minimise: {} });
const secs = (performance.now() - t0) / 1000;
const rows = read.reduce((n, f) => n + f.rows, 0);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(
  `  validate as the command does it (threads): ${secs.toFixed(2)} s, ${Math.round(rows / secs).toLocaleString("en-GB")} rows/s, ${result.summary.errors} errors, peak memory ${Math.round(peak / 1e6).toLocaleString("en-GB")} MB`,
);
