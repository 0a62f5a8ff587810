// Measures the forecast on one folder of returns: read + rebuild (for reference), then the
// forecast itself: fit, 1,000-run five-year Monte Carlo (on 2 threads, as the CLI runs it, and
// on 1), and the summaries. Run by bench/run.mjs in a fresh process; prints the figures.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ForecastPool } from "../dist/cli/commands/forecast-pool.js";
import { runAll } from "../dist/cli/commands/forecast-shared.js";
import { assembleForecast, prepareForecast } from "../dist/core/forecast/forecast.js";
import { PopulationCurve } from "../dist/core/forecast/population-curve.js";
import { buildSegments } from "../dist/core/forecast/segments.js";
import { readPopulation } from "../dist/core/inputs/population.js";
import { rebuildHistory } from "../dist/core/ssda903/history.js";
import { emptyReturn, readFile903 } from "../dist/core/ssda903/read.js";

const dir = process.argv[2];
const runs = Number(process.argv[3] ?? 1000);
const single = process.argv[4] !== "no-single";
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b) => `${Math.round(b / 1e6).toLocaleString("en-GB")} MB`;

const files = readdirSync(dir)
  .filter((f) => /^\d{4}-.*\.csv$/.test(f))
  .sort();
const t0 = performance.now();
const data = emptyReturn();
for (const f of files) readFile903({ path: join(dir, f), bytes: readFileSync(join(dir, f)) }, data, []);
const history = rebuildHistory(data);
const pop = new PopulationCurve(
  readPopulation("population.csv", readFileSync(join(dir, "population.csv"), "utf8")),
);
const t1 = performance.now();
// As the command does: the worker starts before the fit, so loading it overlaps the fit.
const pool = new ForecastPool(Number(process.env.POOL ?? 2));
const seg = buildSegments(history);
const options = { years: 5, runs, seed: 1 };
const prep = prepareForecast(seg, pop, options);
const t2 = performance.now();
const { blocks, expected } = await runAll(prep, 2, pool);
await pool.close();
const t3 = performance.now();
const result = assembleForecast(prep, blocks, seg, pop, options, expected);
const t4 = performance.now();
const last = result.series[result.series.length - 1];
console.log(
  `  forecast: ${history.children.length.toLocaleString("en-GB")} children, ${result.series[0].total.mean.toLocaleString("en-GB")} in care on ${result.start}`,
);
console.log(`  read + rebuild (not part of the forecast) ${secs(t1 - t0)}`);
console.log(`  fit (segments, rates, entries)  ${secs(t2 - t1)}`);
console.log(`  Monte Carlo, ${runs} runs × 5 years, and the expected path, 2 threads  ${secs(t3 - t2)}`);
console.log(`  summaries                       ${secs(t4 - t3)}`);
console.log(
  `  fit + Monte Carlo + summaries:  ${secs(t4 - t1)} (${last.date}: median ${Math.round(last.total.p50)}, 90% ${Math.round(last.total.p5)}–${Math.round(last.total.p95)})`,
);
if (single) {
  const t5 = performance.now();
  await runAll(prep, 1);
  console.log(`  Monte Carlo on 1 thread          ${secs(performance.now() - t5)}`);
}
console.log(`  peak memory ${mb(process.resourceUsage().maxRSS * 1024)}`);
