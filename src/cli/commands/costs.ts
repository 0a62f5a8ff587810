import { parseArgs } from "node:util";
import { costsReport } from "../../core/finance/costs-report.js";
import { runDaysYears } from "../../core/finance/run-days.js";
import { DEFAULT_BANDS, parseBands } from "../../core/profile/bands.js";
import { costsTables } from "../../reports/plan-tables.js";
import { EXIT, UserError } from "../errors.js";
import {
  forecastOptions,
  formatOption,
  getForecast,
  type LoadedHistory,
  loadActualCosts,
  loadCostTable,
  loadHistory,
  loadInflation,
  writeReport,
} from "./plan-shared.js";
import { minimiseOptions } from "./shared-options.js";

export const costsHelp = `sufficiency costs [PATH...] [--forecast FILE | --population FILE [--runs 1000] [--seed 1]]
                  [--cost-table FILE] [--actual-costs FILE]
                  [--inflation 7,9,4 | --inflation FILE] [--format json|csv|xlsx|text] [--out FILE]
  The placement budget by financial year for the forecast (expected path and the interval over
  its runs), each scenario's saving, and past spend rebuilt from the 903 history, at weekly unit
  costs with inflation (formulas and defaults in docs/costs-supply-gap.md).
  PATH...          903 files or folders: past spend, and how each category splits between providers
  --forecast       a forecast saved with 'sufficiency forecast --format json' (runDays, expectedDays)
  --cost-table     CSV category,provider,year,weekly_cost,source laid over the national defaults
  --actual-costs   CSV child,category,provider,start,end,weekly_cost: the council's own costs per
                   child-placement; summarised (averages, spread, the £10,000+ tail) and used in
                   place of the table for the categories they cover
  --inflation      yearly rates in percent from the forecast's first year (7,9,4: the last goes on),
                   or a CSV year,rate[,category]; default CPI for past years and 2% after
  --population     run the forecast here from the 903 files and this population file
                   (year,age,population), with --runs Monte Carlo runs (default 1000), --seed
                   and --forecast-years (default 5), instead of reading --forecast`;

export async function costsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...forecastOptions,
      "cost-table": { type: "string" },
      "actual-costs": { type: "string" },
      inflation: { type: "string" },
      bands: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      council: { type: "string" },
      ...minimiseOptions,
    },
  });
  const format = formatOption(values.format, values.out);
  if (positionals.length === 0 && !values.forecast)
    throw new UserError("give 903 files (for past spend) or --forecast FILE (for the budget), or both");
  let bands = DEFAULT_BANDS;
  try {
    if (values.bands) bands = parseBands(values.bands);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const history: LoadedHistory | undefined = positionals.length
    ? loadHistory(positionals, "costs", bands, values)
    : undefined;
  const forecast = getForecast(values, history);
  const shape = forecast?.runDays ?? forecast?.expectedDays;
  const firstYear = shape ? runDaysYears(shape)[0]! : (history?.years.at(-1) ?? 2024) + 1;
  const actualRows = values["actual-costs"] ? loadActualCosts(values["actual-costs"]) : undefined;
  const report = costsReport({
    table: loadCostTable(values["cost-table"]),
    inflation: loadInflation(values.inflation, firstYear),
    ...(history ? { history: { rows: history.rows, years: history.years } } : {}),
    ...(forecast ? { forecast, scenarios: forecast.scenarios } : {}),
    ...(actualRows
      ? {
          actual: {
            rows: actualRows,
            asOf: history ? history.history.dataEnd + 1 : latestDay(actualRows) + 1,
          },
        }
      : {}),
  });
  await writeReport(report, () => costsTables(report), format, values.out, {
    title: "Costs and budget",
    council: values.council,
    facts: [
      [
        "Forecast",
        values.forecast ??
          (values.population ? `run here from the 903 history and ${values.population}` : "none given"),
      ],
      ["903 history", history ? `${history.years.length} collection years` : "none given"],
      ["Cost table", values["cost-table"] ?? "national defaults (docs/costs-supply-gap.md)"],
      ["Actual costs", values["actual-costs"] ?? "none given"],
      ["Inflation", values.inflation ?? "CPI for past years, 2% a year after"],
    ],
  });
  return EXIT.ok;
}

function latestDay(rows: ReturnType<typeof loadActualCosts>): number {
  let d = Number.NEGATIVE_INFINITY;
  for (const r of rows) d = Math.max(d, r.start, r.end ?? r.start);
  return d;
}
