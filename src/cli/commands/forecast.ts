import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatISO, parseDateStrict } from "../../core/dates.js";
import { assembleForecast, type ForecastOptions, prepareForecast } from "../../core/forecast/forecast.js";
import { parseScenarios, type Scenario } from "../../core/forecast/scenario.js";
import { forecastJson, forecastTables } from "../../core/forecast/tables.js";
import { EXIT, UserError } from "../errors.js";
import { intOption, oneOf, writeOutput } from "../output.js";
import { ForecastPool } from "./forecast-pool.js";
import {
  loadForecastInputs,
  parseUascPerYear,
  runAll,
  tablesCsv,
  tablesXlsx,
  threadCount,
} from "./forecast-shared.js";
import { minimiseOptions } from "./shared-options.js";

export const forecastHelp = `sufficiency forecast PATH... --population FILE [--start DATE] [--years 5] [--runs 1000] [--seed 1]
                     [--method markov|trend] [--reference-years 3] [--uasc-per-year 10-15] [--trend]
                     [--scenario FILE] [--growth 0.02] [--threads N] [--format json|csv|xlsx] [--out FILE]
  Forecasts the children in care by placement category and age band, month by month, with
  5/25/50/75/95% points from a Monte Carlo simulation, and the new placements needed a year
  (the model, its assumptions and how to read an interval: docs/forecasting.md).
  --population       CSV year,age,population (ages 0-17), with projections for the years ahead
  --start DATE       forecast from this date (default: the last 31 March in the data)
  --years N          years ahead, 1-10 (default 5)
  --runs N           Monte Carlo runs (default 1000; 0 = the expected path only)
  --seed N           random seed (the same seed gives the same forecast)
  --method           markov (the model, default) or trend (recent average × population growth)
  --reference-years  years of history the rates are estimated from (default 3)
  --uasc-per-year    UASC arriving a year: a number or a range (default: as in the reference years)
  --trend            apply the fitted trend in entry rates (it is always reported)
  --scenario FILE    JSON scenarios projected beside the base (docs/forecasting.md, "Scenarios")
  --growth X         trend method only: growth a year on top of the population's (0.02 = 2%)
  --threads N        threads for the simulation (default: every core)`;

function readScenarioFile(path: string): Scenario[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UserError(`${path}: cannot open the file (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${path}: not JSON (${(e as Error).message})`);
  }
  try {
    return parseScenarios(json);
  } catch (e) {
    throw new UserError(`${path}: ${(e as Error).message}`);
  }
}

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || value.trim() === "")
    throw new UserError(`--${name} must be a number (got '${value}')`);
  return n;
}

export async function forecastCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      population: { type: "string" },
      start: { type: "string" },
      years: { type: "string" },
      runs: { type: "string" },
      seed: { type: "string" },
      method: { type: "string" },
      "reference-years": { type: "string" },
      "uasc-per-year": { type: "string" },
      trend: { type: "boolean" },
      scenario: { type: "string" },
      growth: { type: "string" },
      threads: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      "data-year": { type: "string" },
      ...minimiseOptions,
    },
  });
  const format = oneOf("format", values.format, ["json", "csv", "xlsx"] as const, "json");
  if (format === "xlsx" && (values.out === undefined || values.out === "-")) {
    throw new UserError("give --out FILE for xlsx output");
  }
  const options: ForecastOptions = {
    years: intOption("years", values.years, 5, 1, 10),
    runs: intOption("runs", values.runs, 1000, 0, 100_000),
    seed: intOption("seed", values.seed, 1, 0, 2 ** 31 - 1),
    method: oneOf("method", values.method, ["markov", "trend"] as const, "markov"),
    referenceYears: intOption("reference-years", values["reference-years"], 3, 1, 10),
    uascPerYear: parseUascPerYear(values["uasc-per-year"]),
    trend: values.trend === true,
  };
  const growth = numberOption("growth", values.growth);
  if (growth !== undefined) options.trendMethod = { growth };
  if (values.start !== undefined) {
    try {
      options.start = parseDateStrict(values.start);
    } catch (e) {
      throw new UserError(`--start: ${(e as Error).message}`);
    }
  }
  if (values.scenario) options.scenarios = readScenarioFile(values.scenario);
  const threads = threadCount(
    values.threads === undefined ? undefined : intOption("threads", values.threads, 1, 1, 64),
  );
  const dataYear =
    values["data-year"] === undefined
      ? undefined
      : intOption("data-year", values["data-year"], 0, 2000, 2100);

  // The workers start now, so that they are ready when the forecast has been fitted.
  const pool = threads > 1 ? new ForecastPool(threads) : undefined;
  let result: ReturnType<typeof assembleForecast>;
  try {
    const { seg, pop } = loadForecastInputs("forecast", positionals, values.population, dataYear, values);
    const prep = prepareForecast(seg, pop, options);
    const { blocks, expected } = await runAll(prep, threads, pool);
    result = assembleForecast(prep, blocks, seg, pop, options, expected);
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(e.message);
    throw e;
  } finally {
    await pool?.close();
  }
  for (const n of result.notes) process.stderr.write(`note: ${n}\n`);
  if (format === "json") writeOutput(`${JSON.stringify(forecastJson(result), null, 1)}\n`, values.out);
  else if (format === "csv") writeOutput(tablesCsv(forecastTables(result)), values.out);
  else {
    const about = [
      `Forecast from ${result.start}, ${result.years} years ahead, method ${result.method}${result.method === "markov" ? `, ${result.runs} runs, seed ${result.seed}` : ""}.`,
      `Rates from the reference period ${result.reference.from} to ${result.reference.to}.`,
      "Numbers of children are at each month end; p5–p95 hold 90% of the simulated futures, p25–p75 half.",
      ...result.notes,
    ];
    writeOutput(
      await tablesXlsx(
        `Forecast from ${formatISO(parseDateStrict(result.start))}`,
        forecastTables(result),
        about,
      ),
      values.out,
    );
  }
  if (values.out && values.out !== "-") process.stderr.write(`forecast written to ${values.out}\n`);
  return EXIT.ok;
}
