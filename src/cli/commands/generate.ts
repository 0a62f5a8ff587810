import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateRegister } from "../../core/supply/generate.js";
import { REGISTER_FILES, type RegisterKind, registerFiles } from "../../core/supply/register-csv.js";
import { generateCouncil, SYNTHETIC_LA, SYNTHETIC_SECTORS } from "../../core/synthetic/index.js";
import { EXIT, UserError } from "../errors.js";
import { intOption, writeOutput } from "../output.js";

export const generateHelp = `sufficiency generate --out DIR [--from 2015] [--to 2024] [--children-in-care 1500] [--seed 7]
  Simulates a made-up council's children in care and writes its 903 returns as the council
  would send them (one file per table per collection year: header, episodes, uasc, oc3),
  plus population.csv (year,age,population, with projections), postcodes.csv (a lookup
  of the invented postcode sectors) and a made-up supply register in supply/ (fostering
  households, children's homes, block contracts, frameworks). The same options always give
  the same files.
  --from, --to          first and last collection year written (2015 = 2015/16)
  --children-in-care    about how many are looked after at each 31 March
  --seed                random seed`;

/** A postcode lookup for the generated council: one row per invented sector, at its centroid. */
export function syntheticPostcodesCsv(): string {
  const rows = SYNTHETIC_SECTORS.map((s) => `${s.sector},${s.easting},${s.northing},${s.la}`);
  return `postcode,easting,northing,la\r\n${rows.join("\r\n")}\r\n`;
}

export interface GenerateSettings {
  out: string;
  from: number;
  to: number;
  childrenInCare: number;
  seed: number;
}

/** Writes a generated council to a folder; returns what was written. */
export function writeCouncil(s: GenerateSettings): {
  files: number;
  bytes: number;
  summary: ReturnType<typeof generateCouncil>["summary"];
} {
  let council: ReturnType<typeof generateCouncil>;
  try {
    council = generateCouncil({ from: s.from, to: s.to, childrenInCare: s.childrenInCare, seed: s.seed });
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(e.message);
    throw e;
  }
  let files = 0;
  let bytes = 0;
  for (const f of council.files()) {
    writeOutput(f.text, join(s.out, f.name));
    files += 1;
    bytes += f.text.length;
  }
  const lookup = syntheticPostcodesCsv();
  writeOutput(lookup, join(s.out, "postcodes.csv"));
  // A made-up supply register to go with the returns (docs/costs-supply-gap.md).
  const register = generateRegister({
    council: SYNTHETIC_LA,
    childrenInCare: s.childrenInCare,
    to: s.to,
    seed: s.seed,
  });
  let extra = 0;
  for (const [kind, text] of Object.entries(registerFiles(register)) as Array<[RegisterKind, string]>) {
    writeOutput(text, join(s.out, "supply", REGISTER_FILES[kind]));
    files += 1;
    extra += text.length;
  }
  return { files: files + 1, bytes: bytes + lookup.length + extra, summary: council.summary };
}

export function generateCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "children-in-care": { type: "string" },
      seed: { type: "string" },
    },
  });
  if (positionals.length) throw new UserError(`unexpected argument '${positionals[0]}'`);
  if (!values.out) throw new UserError("give --out DIR for the generated files");
  const from = intOption("from", values.from, 2015, 2015, 2025);
  const to = intOption("to", values.to, 2024, 2015, 2025);
  const childrenInCare = intOption("children-in-care", values["children-in-care"], 1500, 1, 200_000);
  const seed = intOption("seed", values.seed, 7, 0, 2 ** 31 - 1);
  const { files, summary } = writeCouncil({ out: values.out, from, to, childrenInCare, seed });
  const episodes = summary.byYear.reduce((n, y) => n + y.episodeRows, 0);
  process.stdout.write(
    `Wrote ${files} files to ${values.out}: collection years ${from}/${String((from + 1) % 100).padStart(2, "0")} to ${to}/${String((to + 1) % 100).padStart(2, "0")}, ` +
      `${episodes.toLocaleString("en-GB")} episode rows, about ${summary.expectedInCare.toLocaleString("en-GB")} children looked after at any time.\n`,
  );
  return EXIT.ok;
}
