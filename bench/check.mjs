// Measures `sufficiency validate` as the command runs it: read + validate + rebuild, on two
// threads that each hold half of the children for a large return (src/cli/check-return.ts).
// Run by bench/run.mjs in a fresh process, so peak memory is this stage's alone.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkFiles } from "../dist/cli/check-return.js";

const dir = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => /^\d{4}-.*\.csv$/.test(f))
  .sort()
  .map((f) => join(dir, f));
const t0 = performance.now();
const { files: read, result, rebuild } = await checkFiles(files, { minimise: {} });
const secs = (performance.now() - t0) / 1000;
const rows = read.reduce((n, f) => n + f.rows, 0);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(
  `  read + validate + rebuild as \`sufficiency validate\` does it: ${secs.toFixed(2)} s, ${rows.toLocaleString("en-GB")} rows, ${Math.round(rows / secs).toLocaleString("en-GB")} rows/s, ${result.summary.errors} errors, ${rebuild.children.toLocaleString("en-GB")} children, ${rebuild.fixes} fixes, peak memory ${Math.round(peak / 1e6).toLocaleString("en-GB")} MB`,
);
