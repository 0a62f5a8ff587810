import { parseArgs } from "node:util";
import { dayFromYMD, parseDateStrict, ymdFromDay } from "../../core/dates.js";
import { type FinancialYear, financialYearOf, fyStart } from "../../core/finance/financial-years.js";
import { DEFAULT_BANDS, parseBands } from "../../core/profile/bands.js";
import { supplyReport } from "../../core/supply/supply-report.js";
import { supplyTables } from "../../reports/plan-tables.js";
import { EXIT, UserError } from "../errors.js";
import { intOption } from "../output.js";
import { formatOption, type LoadedHistory, loadHistory, loadRegister, writeReport } from "./plan-shared.js";
import { minimiseOptions } from "./shared-options.js";

export const supplyHelp = `sufficiency supply --register DIR [PATH...] [--history PATH]... [--at DATE] [--target 20]
                   [--years 5] [--format json|csv|xlsx|text] [--out FILE]
  In-house supply from the council's register: fostering households and places on a day (by
  kind, term, age range and specialism), children's homes, block contracts and frameworks;
  approvals, deregistrations and net gain per financial year against a recruitment target;
  occupancy of in-house places when 903 files are given (definitions in docs/costs-supply-gap.md).
  --register DIR   folder with households.csv, homes.csv, block-contracts.csv, frameworks.csv
                   (or a 'supply' folder inside it, as 'sufficiency generate' writes)
  PATH, --history  903 files or folders, for occupancy
  --at DATE        the day of the counts (default: the last 31 March of the 903 data, else the
                   last 31 March before today)
  --target N       mainstream approvals a year the council aims for (Bromley: 20)
  --years N        financial years shown up to --at (default 5; all the 903 years when given)`;

export async function supplyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      register: { type: "string" },
      history: { type: "string", multiple: true },
      at: { type: "string" },
      target: { type: "string" },
      years: { type: "string" },
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
  const council = values.council ?? "council";
  const register = loadRegister(values.register, council);
  let bands = DEFAULT_BANDS;
  let at: number | undefined;
  try {
    if (values.bands) bands = parseBands(values.bands);
    if (values.at) at = parseDateStrict(values.at);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const paths = [...positionals, ...(values.history ?? [])];
  const history: LoadedHistory | undefined = paths.length
    ? loadHistory(paths, "supply", bands, values)
    : undefined;
  if (at === undefined) {
    if (history) at = history.history.dataEnd;
    else {
      const today = new Date();
      const t = dayFromYMD(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());
      at = fyStart(financialYearOf(t)) - 1;
    }
  }
  const target = values.target === undefined ? undefined : intOption("target", values.target, 0, 0, 10_000);
  // Complete financial years ending on or before the day.
  const lastYear = financialYearOf(at + 1) - 1;
  let years: FinancialYear[];
  if (history && values.years === undefined) years = history.years.filter((y) => y <= lastYear);
  else {
    const n = intOption("years", values.years, 5, 1, 30);
    years = Array.from({ length: n }, (_, i) => lastYear - n + 1 + i);
  }
  const report = supplyReport({
    register,
    at,
    years,
    bands,
    ...(target !== undefined ? { target } : {}),
    ...(history ? { history: history.rows } : {}),
  });
  const { y, m, d } = ymdFromDay(at);
  await writeReport(report, () => supplyTables(report), format, values.out, {
    title: "In-house supply",
    council: values.council,
    facts: [
      ["Register", values.register],
      ["Counts on", `${d}/${m}/${y}`],
      ["Recruitment target", target === undefined ? "none given" : `${target} approvals a year`],
      ["903 history", history ? `${history.years.length} collection years` : "none given (no occupancy)"],
    ],
  });
  return EXIT.ok;
}
