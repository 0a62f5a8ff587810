// Measures read + rebuild + validate, then the profile, on one folder of returns.
// Run by bench/run.mjs in a fresh process; prints one line per stage.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readPopulation } from "../dist/core/inputs/population.js";
import { buildProfile } from "../dist/core/profile/profile.js";
import { rebuildHistory } from "../dist/core/ssda903/history.js";
import { emptyReturn, readFile903 } from "../dist/core/ssda903/read.js";
import { defaultRegistry } from "../dist/core/ssda903/validation/rules/index.js";
import { validate } from "../dist/core/ssda903/validation/validate.js";

const dir = process.argv[2];
const mb = (b) => `${Math.round(b / 1e6).toLocaleString("en-GB")} MB`;
const peak = () => process.resourceUsage().maxRSS * 1024;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

const files = readdirSync(dir)
  .filter((f) => /^\d{4}-.*\.csv$/.test(f))
  .sort();
const t0 = performance.now();
const data = emptyReturn();
const issues = [];
for (const f of files) readFile903({ path: join(dir, f), bytes: readFileSync(join(dir, f)) }, data, issues);
const t1 = performance.now();
const rows = Object.values(data.tables).reduce((n, t) => n + t.length, 0);
const episodes = data.tables.episodes.length;
const history = rebuildHistory(data);
const t2 = performance.now();
const result = validate(data, defaultRegistry, issues);
const t3 = performance.now();
console.log(
  `  read     ${secs(t1 - t0)}  ${files.length} files, ${rows.toLocaleString("en-GB")} rows (${episodes.toLocaleString("en-GB")} episode rows), ${Math.round(rows / ((t1 - t0) / 1000)).toLocaleString("en-GB")} rows/s`,
);
console.log(
  `  rebuild  ${secs(t2 - t1)}  ${history.children.length.toLocaleString("en-GB")} children, ${history.fixes.length} fixes`,
);
console.log(
  `  validate ${secs(t3 - t2)}  ${defaultRegistry.ids().size} rules, ${result.summary.errors} errors, ${result.summary.queries} queries, ${Math.round(rows / ((t3 - t2) / 1000)).toLocaleString("en-GB")} rows/s`,
);
console.log(
  `  read + rebuild + validate: ${secs(t3 - t0)}, ${Math.round(rows / ((t3 - t0) / 1000)).toLocaleString("en-GB")} rows/s, peak memory ${mb(peak())}`,
);
const population = readPopulation("population.csv", readFileSync(join(dir, "population.csv"), "utf8"));
const t4 = performance.now();
const profile = buildProfile(history, { population });
const t5 = performance.now();
console.log(
  `  profile  ${secs(t5 - t4)}  (${profile.cla.total.toLocaleString("en-GB")} looked after at ${profile.at}; ${profile.cla.monthEnd.length} month ends)`,
);
console.log(`  peak memory of the whole run ${mb(peak())}`);
