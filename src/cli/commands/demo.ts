import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildProfile } from "../../core/profile/profile.js";
import { rebuildHistory } from "../../core/ssda903/history.js";
import { defaultRegistry } from "../../core/ssda903/validation/rules/index.js";
import { validate } from "../../core/ssda903/validation/validate.js";
import { SYNTHETIC_LA } from "../../core/synthetic/index.js";
import { EXIT } from "../errors.js";
import { readInputs } from "../input.js";
import { loadPopulation, loadPostcodes } from "../inputs-extra.js";
import { intOption } from "../output.js";
import { profileSummaryText } from "../profile-summary.js";
import { writeCouncil } from "./generate.js";

export const demoHelp = `sufficiency demo [--children-in-care 1500] [--years 8] [--seed 7] [--keep DIR]
  Generates a synthetic council, validates its returns, rebuilds the history and prints a
  profile summary, with no web service. --keep writes the generated files to DIR and keeps them.`;

export function demoCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      "children-in-care": { type: "string" },
      years: { type: "string" },
      seed: { type: "string" },
      keep: { type: "string" },
    },
  });
  const childrenInCare = intOption("children-in-care", values["children-in-care"], 1500, 1, 200_000);
  const years = intOption("years", values.years, 8, 1, 11);
  const seed = intOption("seed", values.seed, 7, 0, 2 ** 31 - 1);
  const to = 2024;
  const from = to - years + 1;
  const dir = values.keep ?? mkdtempSync(join(tmpdir(), "sufficiency-demo-"));
  const out = (s = "") => process.stdout.write(`${s}\n`);
  try {
    const t0 = performance.now();
    writeCouncil({ out: dir, from, to, childrenInCare, seed });
    const t1 = performance.now();
    const { data, issues } = readInputs([dir], {});
    const result = validate(data, defaultRegistry, issues);
    const history = rebuildHistory(data);
    const profile = buildProfile(history, {
      population: loadPopulation(join(dir, "population.csv")),
      postcodes: loadPostcodes(join(dir, "postcodes.csv")),
      councilLa: SYNTHETIC_LA,
    });
    const t2 = performance.now();
    out("Sufficiency Planner demo: a synthetic council (no real children)");
    out(
      `Generated ${data.files.length} 903 files for ${from}/${String((from + 1) % 100).padStart(2, "0")} to ${to}/${String((to + 1) % 100).padStart(2, "0")} in ${((t1 - t0) / 1000).toFixed(1)} s${values.keep ? ` (kept in ${dir})` : ""}.`,
    );
    out(
      `Validation: ${result.summary.errors} errors, ${result.summary.queries} queries over ${data.tables.episodes.length.toLocaleString("en-GB")} episode rows; ${history.fixes.length} fixes while rebuilding the history. Read, validated, rebuilt and profiled in ${((t2 - t1) / 1000).toFixed(1)} s.`,
    );
    out();
    process.stdout.write(profileSummaryText(profile));
    out();
    out(
      "Next: 'npx sufficiency --help' for the commands; 'npx sufficiency demo --keep demo' keeps the files to try them on.",
    );
    return EXIT.ok;
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}
