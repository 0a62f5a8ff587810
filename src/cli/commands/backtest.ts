import { parseArgs } from "node:util";
import { type BacktestOptions, backtestSegments } from "../../core/forecast/backtest.js";
import { backtestTables } from "../../core/forecast/tables.js";
import { EXIT, UserError } from "../errors.js";
import { intOption, oneOf, writeOutput } from "../output.js";
import { loadForecastInputs, parseUascPerYear, tablesCsv } from "./forecast-shared.js";
import { minimiseOptions } from "./shared-options.js";

export const backtestHelp = `sufficiency backtest PATH... --population FILE [--horizon-years 3] [--runs 500] [--seed 1]
                     [--reference-years 3] [--min-history-years 3] [--quarterly] [--format json|csv] [--out FILE]
  Tests the forecast on the council's own past: for every 31 March (and, with --quarterly, every
  quarter end) with enough history before it, fits on the history up to that date only, forecasts,
  and compares with what happened. Reports the error of the median by years ahead, and how often
  the 50% and 90% intervals held the actual number, for the model and the trend method.
  --horizon-years N     years ahead checked, 1-10 (default 3)
  --runs N              Monte Carlo runs per origin (default 500)
  --min-history-years   years of data needed before an origin (default: the reference years)`;

export async function backtestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      population: { type: "string" },
      "horizon-years": { type: "string" },
      runs: { type: "string" },
      seed: { type: "string" },
      "reference-years": { type: "string" },
      "min-history-years": { type: "string" },
      "uasc-per-year": { type: "string" },
      quarterly: { type: "boolean" },
      format: { type: "string" },
      out: { type: "string" },
      "data-year": { type: "string" },
      ...minimiseOptions,
    },
  });
  const format = oneOf("format", values.format, ["json", "csv"] as const, "json");
  const referenceYears = intOption("reference-years", values["reference-years"], 3, 1, 10);
  const options: BacktestOptions = {
    horizonYears: intOption("horizon-years", values["horizon-years"], 3, 1, 10),
    runs: intOption("runs", values.runs, 500, 0, 100_000),
    seed: intOption("seed", values.seed, 1, 0, 2 ** 31 - 1),
    referenceYears,
    minHistoryYears: intOption("min-history-years", values["min-history-years"], referenceYears, 1, 20),
    quarterly: values.quarterly === true,
    uascPerYear: parseUascPerYear(values["uasc-per-year"]),
  };
  const dataYear =
    values["data-year"] === undefined
      ? undefined
      : intOption("data-year", values["data-year"], 0, 2000, 2100);
  const { seg, pop } = loadForecastInputs("backtest", positionals, values.population, dataYear, values);
  let result: ReturnType<typeof backtestSegments>;
  try {
    result = backtestSegments(seg, pop, options);
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(e.message);
    throw e;
  }
  if (result.origins.length === 0) {
    throw new UserError(
      `no 31 March has ${options.minHistoryYears} years of data before it and a year after: give more years of returns`,
    );
  }
  if (format === "json") writeOutput(`${JSON.stringify(result, null, 1)}\n`, values.out);
  else writeOutput(tablesCsv(backtestTables(result)), values.out);
  if (values.out && values.out !== "-") process.stderr.write(`backtest written to ${values.out}\n`);
  return EXIT.ok;
}
