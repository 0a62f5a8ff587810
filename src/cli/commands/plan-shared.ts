/**
 * What the costs, supply and gap commands share: reading the cost inputs, a
 * forecast, the supply register and the 903 history, and writing tables.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type ActualCost, readActualCostsCsv } from "../../core/finance/actual-costs.js";
import { type ChildDaysRow, childDays } from "../../core/finance/child-days.js";
import {
  type CostTable,
  defaultCostTable,
  overlayCosts,
  readCostTableCsv,
} from "../../core/finance/cost-table.js";
import type { FinancialYear } from "../../core/finance/financial-years.js";
import { type ForecastFile, readForecastJson } from "../../core/finance/forecast-json.js";
import {
  type InflationPath,
  inflationPath,
  parseRateList,
  readInflationCsv,
} from "../../core/finance/inflation.js";
import { forecast } from "../../core/forecast/forecast.js";
import { InputFileError } from "../../core/inputs/csv-table.js";
import type { AgeBands } from "../../core/profile/bands.js";
import type { History } from "../../core/ssda903/history.js";
import { rebuildHistory } from "../../core/ssda903/history.js";
import type { SupplyRegister } from "../../core/supply/register.js";
import { REGISTER_FILES, type RegisterKind, readRegister } from "../../core/supply/register-csv.js";
import { planCsv, planText, planXlsx } from "../../reports/plan-export.js";
import type { PlanTable } from "../../reports/plan-tables.js";
import { UserError } from "../errors.js";
import { minimiseFrom, readInputs } from "../input.js";
import { loadPopulation, readWith } from "../inputs-extra.js";
import { intOption, oneOf, writeOutput } from "../output.js";

export const PLAN_FORMATS = ["json", "csv", "xlsx", "text"] as const;
export type PlanOutputFormat = (typeof PLAN_FORMATS)[number];

/** The cost table: the defaults, with a council's table (--cost-table) laid over them. */
export function loadCostTable(path: string | undefined): CostTable {
  const base = defaultCostTable();
  return path ? overlayCosts(base, readWith(path, readCostTableCsv)) : base;
}

/**
 * The inflation path from --inflation: a list of yearly rates in percent
 * ("7,9,4", from `firstYear`) or a CSV file `year,rate[,category]`.
 */
export function loadInflation(value: string | undefined, firstYear: FinancialYear): InflationPath {
  if (value === undefined) return inflationPath();
  if (/^[\s\d.,%-]+$/.test(value) && !existsSync(value)) {
    try {
      return inflationPath(parseRateList(value, firstYear));
    } catch (e) {
      throw new UserError(`--inflation: ${(e as Error).message}`);
    }
  }
  return readWith(value, readInflationCsv);
}

export function loadActualCosts(path: string): ActualCost[] {
  return readWith(path, readActualCostsCsv);
}

export function loadForecast(path: string): ForecastFile {
  return readWith(path, readForecastJson);
}

export const forecastOptions = {
  forecast: { type: "string" },
  population: { type: "string" },
  runs: { type: "string" },
  seed: { type: "string" },
  "forecast-years": { type: "string" },
} as const;

/**
 * The forecast to cost: read from --forecast FILE, or run here from the 903
 * history and --population FILE (src/core/forecast, its defaults: the
 * Markov model from the last 31 March, --runs Monte Carlo runs).
 */
export function getForecast(
  values: { forecast?: string; population?: string; runs?: string; seed?: string; "forecast-years"?: string },
  history: LoadedHistory | undefined,
): ForecastFile | undefined {
  if (values.forecast) {
    if (values.population) throw new UserError("give --forecast FILE or --population FILE, not both");
    return loadForecast(values.forecast);
  }
  if (!values.population) return undefined;
  if (!history)
    throw new UserError("--population runs a forecast from the 903 history: give the 903 files too");
  const population = loadPopulation(values.population);
  let result: ReturnType<typeof forecast>;
  try {
    result = forecast(history.history, population, {
      runs: intOption("runs", values.runs, 1000, 0, 100_000),
      seed: intOption("seed", values.seed, 1, 0, 2 ** 31 - 1),
      years: intOption("forecast-years", values["forecast-years"], 5, 1, 10),
    });
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(e.message);
    throw e;
  }
  for (const n of result.notes) process.stderr.write(`note: forecast: ${n}\n`);
  return {
    ...(result.runs > 0 ? { runDays: result.runDays } : {}),
    expectedDays: result.expectedDays,
    placementsNeeded: result.placementsNeeded,
    scenarios: result.scenarios.map((s) => ({
      name: s.name,
      days: { ...(result.runs > 0 ? { runDays: s.runDays } : {}), expectedDays: s.expectedDays },
    })),
  };
}

/**
 * The register from a folder holding households.csv, homes.csv,
 * block-contracts.csv and frameworks.csv (or a `supply` folder inside it, as
 * `sufficiency generate` writes). Missing files are empty lists.
 */
export function loadRegister(dir: string, council: string): SupplyRegister {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(dir);
  } catch {
    throw new UserError(`${dir}: no such folder`);
  }
  if (!st.isDirectory()) throw new UserError(`--register must be a folder (${dir} is a file)`);
  const inner = join(dir, "supply");
  const base =
    !existsSync(join(dir, REGISTER_FILES.households)) && existsSync(join(inner, REGISTER_FILES.households))
      ? inner
      : dir;
  const files: Partial<Record<RegisterKind, { file: string; text: string }>> = {};
  for (const [kind, name] of Object.entries(REGISTER_FILES) as Array<[RegisterKind, string]>) {
    const path = join(base, name);
    if (existsSync(path)) files[kind] = { file: path, text: readFileSync(path, "utf8") };
  }
  if (!files.households)
    throw new UserError(`${base}: no ${REGISTER_FILES.households} (the fostering households)`);
  try {
    return readRegister(council, files);
  } catch (e) {
    if (e instanceof InputFileError) throw new UserError(e.message);
    throw e;
  }
}

export interface LoadedHistory {
  history: History;
  years: FinancialYear[];
  rows: ChildDaysRow[];
}

/** Reads 903 files and rebuilds the history; child-days by financial year for every year with an Episodes file. */
export function loadHistory(
  paths: readonly string[],
  command: string,
  bands: AgeBands,
  flags: Parameters<typeof minimiseFrom>[0] = {},
): LoadedHistory {
  const { data, issues } = readInputs(paths, { minimise: minimiseFrom(flags) });
  const fatal = issues.filter((i) => i.fatal);
  if (fatal.length) {
    for (const i of fatal) process.stderr.write(`sufficiency ${command}: ${i.file}: ${i.message}\n`);
    throw new UserError("some files could not be read (run 'sufficiency validate' for details)");
  }
  const history = rebuildHistory(data);
  const years = [...history.years];
  return { history, years, rows: childDays(history, years, bands) };
}

export function formatOption(value: string | undefined, out: string | undefined): PlanOutputFormat {
  const format = oneOf("format", value, PLAN_FORMATS, "json");
  if (format === "xlsx" && (out === undefined || out === "-"))
    throw new UserError("give --out FILE for xlsx output");
  return format;
}

/** A number option within bounds. */
export function numberOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max)
    throw new UserError(`--${name} must be a number from ${min} to ${max} (got '${value}')`);
  return n;
}

/** Writes a report in the format asked for. */
export async function writeReport(
  report: unknown,
  tables: () => PlanTable[],
  format: PlanOutputFormat,
  out: string | undefined,
  meta: { title: string; council?: string; facts: Array<[string, string]> },
  text?: () => string,
): Promise<void> {
  if (format === "json") writeOutput(`${JSON.stringify(report, null, 2)}\n`, out);
  else if (format === "csv") writeOutput(planCsv(tables()), out);
  else if (format === "xlsx")
    writeOutput(await planXlsx(tables(), { ...meta, generatedAt: new Date().toISOString() }), out);
  else writeOutput(text ? text() : planText(tables()), out);
  if (out && out !== "-") process.stderr.write(`${meta.title.toLowerCase()} written to ${out}\n`);
}
