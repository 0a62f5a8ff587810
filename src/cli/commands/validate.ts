import { parseArgs } from "node:util";
import { reportCsv, reportText, toReport } from "../../core/ssda903/validation/report.js";
import { checkFiles } from "../check-return.js";
import { EXIT } from "../errors.js";
import { expandPaths } from "../input.js";
import { intOption, oneOf, writeOutput } from "../output.js";
import { minimiseOptions, yearOption } from "./shared-options.js";

export const validateHelp = `sufficiency validate PATH... [--format text|json|csv] [--out FILE] [--year YEAR] [--all]
  Checks 903 files (or folders of them) against DfE's rules for each collection year, and
  rebuilds each child's history across the years, saying what the rebuild had to fix.
  Exit code 0: no errors (queries allowed); 1: errors; 2: a file could not be read.
  --all        list every issue in the text report (default: 10 per rule)
  --year YEAR  collection year of every file (start year, e.g. 2019 for 2019/20)
  --dob-month, --postcode-sector, --pseudonymise   minimise data on the way in (see docs/data-protection.md)`;

export async function validateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      out: { type: "string" },
      all: { type: "boolean" },
      ...yearOption,
      ...minimiseOptions,
    },
  });
  const format = oneOf("format", values.format, ["text", "json", "csv"] as const, "text");
  const year = values.year === undefined ? undefined : intOption("year", values.year, 0, 2000, 2100);
  const { files: paths, skipped } = expandPaths(positionals);
  for (const s of skipped)
    process.stderr.write(`note: ${s.path} is ${s.what}, not a 903 table; not read as one\n`);
  const { files, result, readIssues: issues, rebuild } = await checkFiles(paths, { year, minimise: values });
  const report = toReport(files, result, rebuild);
  if (format === "json") writeOutput(`${JSON.stringify(report, null, 2)}\n`, values.out);
  else if (format === "csv") writeOutput(reportCsv(report), values.out);
  else writeOutput(reportText(report, values.all ? Number.MAX_SAFE_INTEGER : 10), values.out);
  if (issues.some((i) => i.fatal)) return EXIT.unreadable;
  return result.summary.errors > 0 ? EXIT.dataErrors : EXIT.ok;
}
