import { parseArgs } from "node:util";
import { parseDateStrict } from "../../core/dates.js";
import { parseBands } from "../../core/profile/bands.js";
import { buildProfile, type ProfileOptions } from "../../core/profile/profile.js";
import { rebuildHistory } from "../../core/ssda903/history.js";
import { defaultRegistry } from "../../core/ssda903/validation/rules/index.js";
import { validate } from "../../core/ssda903/validation/validate.js";
import { profileCsv } from "../../reports/profile-csv.js";
import { profileHtml } from "../../reports/profile-html.js";
import { profileXlsx } from "../../reports/profile-xlsx.js";
import { EXIT, UserError } from "../errors.js";
import { minimiseFrom, readInputs } from "../input.js";
import { loadComparators, loadEthnicity, loadPopulation, loadPostcodes } from "../inputs-extra.js";
import { intOption, oneOf, writeOutput } from "../output.js";
import { minimiseOptions } from "./shared-options.js";

export const profileHelp = `sufficiency profile PATH... [--at DATE] [--year YEAR] [--population FILE] [--comparators FILE]
                    [--postcodes FILE] [--la CODE] [--ethnicity FILE] [--bands 0,5,10,13,16]
                    [--format json|csv|xlsx|html] [--out FILE] [--council NAME]
  Computes the sufficiency profile: children looked after, flows, rates, placement mix,
  stability, location, ethnicity and outcomes (definitions in docs/indicators.md).
  --at DATE        date of the stock measures (default: the last 31 March in the data)
  --year YEAR      collection year of the year's measures (default: the year ending at --at)
  --population     CSV year,age,population (ages 0-17) for rates per 10,000
  --comparators    CSV area,year,measure,value of other areas' figures
  --postcodes      CSV postcode,easting,northing,la (ONS postcode directory subset) for distances
  --la CODE        the council's LA code, for inside / outside the area
  --ethnicity      CSV group,share of the 0-17 population by broad ethnic group
  --bands          lower bounds of the age bands`;

export async function profileCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      at: { type: "string" },
      year: { type: "string" },
      population: { type: "string" },
      comparators: { type: "string" },
      postcodes: { type: "string" },
      la: { type: "string" },
      ethnicity: { type: "string" },
      bands: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      council: { type: "string" },
      "data-year": { type: "string" },
      ...minimiseOptions,
    },
  });
  const format = oneOf("format", values.format, ["json", "csv", "xlsx", "html"] as const, "json");
  if ((format === "xlsx" || format === "html") && (values.out === undefined || values.out === "-")) {
    throw new UserError(`give --out FILE for ${format} output`);
  }
  const options: ProfileOptions = {};
  try {
    if (values.at) options.at = parseDateStrict(values.at);
    if (values.bands) options.bands = parseBands(values.bands);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  if (values.year !== undefined) options.year = intOption("year", values.year, 0, 2000, 2100);
  if (values.population) options.population = loadPopulation(values.population);
  if (values.comparators) options.comparators = loadComparators(values.comparators);
  if (values.postcodes) options.postcodes = loadPostcodes(values.postcodes);
  if (values.ethnicity) options.ethnicityShares = loadEthnicity(values.ethnicity);
  if (values.la) options.councilLa = values.la.trim().toUpperCase();

  const dataYear =
    values["data-year"] === undefined
      ? undefined
      : intOption("data-year", values["data-year"], 0, 2000, 2100);
  const { data, issues } = readInputs(positionals, { year: dataYear, minimise: minimiseFrom(values) });
  const fatal = issues.filter((i) => i.fatal);
  if (fatal.length) {
    for (const i of fatal) process.stderr.write(`sufficiency profile: ${i.file}: ${i.message}\n`);
    throw new UserError(
      "some files could not be read, so no profile was made (run 'sufficiency validate' for details)",
    );
  }
  const checked = validate(data, defaultRegistry, issues);
  if (checked.summary.errors + checked.summary.queries > 0) {
    process.stderr.write(
      `note: the data has ${checked.summary.errors} validation errors and ${checked.summary.queries} queries; run 'sufficiency validate' to see them.\n`,
    );
  }
  const history = rebuildHistory(data);
  let profile: ReturnType<typeof buildProfile>;
  try {
    profile = buildProfile(history, options);
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(e.message);
    throw e;
  }
  if (format === "json") writeOutput(`${JSON.stringify(profile, null, 2)}\n`, values.out);
  else if (format === "csv") writeOutput(profileCsv(profile), values.out);
  else if (format === "xlsx") writeOutput(await profileXlsx(profile), values.out);
  else
    writeOutput(
      profileHtml(profile, { council: values.council, generatedAt: new Date().toISOString() }),
      values.out,
    );
  if (values.out && values.out !== "-") process.stderr.write(`profile written to ${values.out}\n`);
  return EXIT.ok;
}
