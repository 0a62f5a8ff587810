import { parseArgs } from "node:util";
import { actualCostEntries, summariseActualCosts } from "../../core/finance/actual-costs.js";
import { overlayCosts } from "../../core/finance/cost-table.js";
import { fyLabel, parseFinancialYear } from "../../core/finance/financial-years.js";
import { defaultProviderMix, providerMixFromDays } from "../../core/finance/provider-mix.js";
import { runDaysYears } from "../../core/finance/run-days.js";
import { DEFAULT_BANDS, parseBands } from "../../core/profile/bands.js";
import { BROMLEY_FOSTERING_PROFILE, fosteringProfile } from "../../core/supply/fostering-profile.js";
import { DEFAULT_GAP_SETTINGS, type GapSettings, sufficiencyGap } from "../../core/supply/gap.js";
import { planText } from "../../reports/plan-export.js";
import { gapTables } from "../../reports/plan-tables.js";
import { EXIT, UserError } from "../errors.js";
import { intOption } from "../output.js";
import {
  forecastOptions,
  formatOption,
  getForecast,
  type LoadedHistory,
  loadActualCosts,
  loadCostTable,
  loadHistory,
  loadInflation,
  loadRegister,
  numberOption,
  writeReport,
} from "./plan-shared.js";
import { minimiseOptions } from "./shared-options.js";

export const gapHelp = `sufficiency gap [PATH...] --register DIR (--forecast FILE | --population FILE) [--in-house-share 0.8]
                [--occupancy 0.84]
                [--target 20] [--by 2027/28] [--move-agency 10] [--step-down 4] [--cost-table FILE]
                [--actual-costs FILE] [--inflation 7,9,4] [--format json|csv|xlsx|text] [--out FILE]
  The sufficiency gap: for each forecast year, demand against in-house and block capacity and the
  shortfall left to agencies; the fostering households needed to meet a share of fostering demand
  in-house (long-term / short-term, by age band); the recruitment pipeline at recent rates and at
  the target; the budget and the saving of each way of closing the gap; and a summary the strategy
  can quote (formulas in docs/costs-supply-gap.md).
  PATH...           903 files or folders: the long-term share and ages of fostering, the provider mix
  --register DIR    the supply register's folder (see 'sufficiency supply --help')
  --forecast        a forecast saved with 'sufficiency forecast --format json'
  --population      or run the forecast here from PATH and this population file (--runs 1000,
                    --seed 1, --forecast-years 5)
  --in-house-share  share of fostering demand (in-house + agency) to meet in-house (default 0.8)
  --occupancy       share of places filled on an average day (default 0.84: England, Ofsted 2023-24)
  --target N        mainstream approvals a year to test (Bromley: 20)
  --by YEAR         the year to meet the share by (default the forecast's last year)
  --rate-years N    complete years of the register that recent rates average over (default 3)
  --move-agency K   scenario: K placements moved from agency to in-house fostering
  --step-down K     scenario: K children stepped down from children's homes to in-house fostering
  --cost-table, --actual-costs, --inflation: as for 'sufficiency costs'`;

export async function gapCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      register: { type: "string" },
      ...forecastOptions,
      "in-house-share": { type: "string" },
      occupancy: { type: "string" },
      target: { type: "string" },
      by: { type: "string" },
      "rate-years": { type: "string" },
      "move-agency": { type: "string" },
      "step-down": { type: "string" },
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
  if (!values.register)
    throw new UserError("give --register DIR, the folder of the supply register's CSV files");
  if (!values.forecast && !values.population)
    throw new UserError(
      "give --forecast FILE (a forecast saved with 'sufficiency forecast --format json') or the 903 files and --population FILE to run one",
    );
  let bands = DEFAULT_BANDS;
  try {
    if (values.bands) bands = parseBands(values.bands);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const council = values.council ?? "council";
  const register = loadRegister(values.register, council);
  const history: LoadedHistory | undefined = positionals.length
    ? loadHistory(positionals, "gap", bands, values)
    : undefined;
  const forecast = getForecast(values, history)!;
  const shape = forecast.expectedDays ?? forecast.runDays!;
  const years = runDaysYears(shape);
  let targetYear: string | undefined;
  if (values.by !== undefined) {
    const y = parseFinancialYear(values.by);
    if (y === undefined)
      throw new UserError(`--by must be a financial year like 2027/28 (got '${values.by}')`);
    targetYear = fyLabel(y);
    if (!years.includes(y))
      throw new UserError(`--by ${targetYear} is not a year of the forecast (${shape.years.join(", ")})`);
  }
  const lastHistoryYear = history?.years.at(-1);
  const profile =
    (history && lastHistoryYear !== undefined
      ? fosteringProfile(history.rows, lastHistoryYear, bands)
      : undefined) ?? BROMLEY_FOSTERING_PROFILE;
  if (profile === BROMLEY_FOSTERING_PROFILE && values.bands)
    throw new UserError("--bands needs 903 files: without them the age split is Bromley's, in its own bands");
  const settings: GapSettings = {
    ...DEFAULT_GAP_SETTINGS,
    inHouseShare: numberOption(
      "in-house-share",
      values["in-house-share"],
      DEFAULT_GAP_SETTINGS.inHouseShare,
      0,
      1,
    ),
    occupancy: numberOption("occupancy", values.occupancy, DEFAULT_GAP_SETTINGS.occupancy, 0.01, 1),
    rateYears: intOption("rate-years", values["rate-years"], DEFAULT_GAP_SETTINGS.rateYears, 1, 20),
    moveFromAgency: numberOption("move-agency", values["move-agency"], 0, 0, 100_000),
    stepDown: numberOption("step-down", values["step-down"], 0, 0, 100_000),
    ...(values.target !== undefined ? { target: intOption("target", values.target, 0, 0, 10_000) } : {}),
    ...(targetYear ? { targetYear } : {}),
  };
  let table = loadCostTable(values["cost-table"]);
  if (values["actual-costs"]) {
    const rows = loadActualCosts(values["actual-costs"]);
    const asOf = history
      ? history.history.dataEnd + 1
      : Math.max(...rows.map((r) => Math.max(r.start, r.end ?? r.start))) + 1;
    table = overlayCosts(table, actualCostEntries(summariseActualCosts(rows, asOf)));
  }
  const mix =
    history && lastHistoryYear !== undefined
      ? providerMixFromDays(history.rows, lastHistoryYear).mix
      : defaultProviderMix().mix;
  const gap = sufficiencyGap({
    forecast,
    register,
    costing: { table, inflation: loadInflation(values.inflation, years[0]!), mix },
    fostering: profile,
    settings,
  });
  const tables = () => gapTables(gap);
  await writeReport(
    gap,
    tables,
    format,
    values.out,
    {
      title: "Sufficiency gap",
      council: values.council,
      facts: [
        ["Forecast", values.forecast ?? `run here from the 903 history and ${values.population}`],
        ["Register", values.register],
        ["Share of fostering demand to meet in-house", `${Math.round(settings.inHouseShare * 100)}%`],
        ["Occupancy", `${Math.round(settings.occupancy * 100)}%`],
        ["By", gap.settings.targetYear],
        ["Approvals target", settings.target === undefined ? "none given" : `${settings.target} a year`],
      ],
    },
    () => `${gap.summary.map((s) => s.text).join("\n\n")}\n\n${planText(tables().slice(1))}`,
  );
  return EXIT.ok;
}
