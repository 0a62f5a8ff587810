import { parseArgs } from "node:util";
import { rebuildHistory } from "../../core/ssda903/history.js";
import { fixesCsv, fixesText, historyCsv } from "../../core/ssda903/history-export.js";
import { EXIT, UserError } from "../errors.js";
import { minimiseFrom, readInputs } from "../input.js";
import { intOption, oneOf, writeOutput } from "../output.js";
import { minimiseOptions, yearOption } from "./shared-options.js";

export const episodesHelp = `sufficiency episodes PATH... --out FILE.csv [--fixes FILE.csv] [--year YEAR]
  Rebuilds each child's history across all the years given and writes it, one row per episode,
  with the source file and row and the fixes applied. Child-level data goes only to the file named.`;

export const fixesHelp = `sufficiency fixes PATH... [--format text|csv] [--out FILE] [--all]
  Lists the fixes made while rebuilding the history (which rule changed which source row).`;

function load(argv: string[], extra: Record<string, { type: "string" | "boolean" }>) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...extra, ...yearOption, ...minimiseOptions },
  });
  const year =
    values.year === undefined ? undefined : intOption("year", values.year as string, 0, 2000, 2100);
  const { data, issues } = readInputs(positionals, { year, minimise: minimiseFrom(values) });
  return { values: values as Record<string, string | boolean | undefined>, data, issues };
}

export function episodesCommand(argv: string[]): number {
  const { values, data, issues } = load(argv, { out: { type: "string" }, fixes: { type: "string" } });
  if (typeof values.out !== "string") throw new UserError("give --out FILE.csv for the rebuilt episodes");
  const history = rebuildHistory(data);
  writeOutput(historyCsv(history, data.files), values.out);
  if (typeof values.fixes === "string") writeOutput(fixesCsv(history), values.fixes);
  const episodes = history.children.reduce((n, c) => n + c.episodes.length, 0);
  process.stderr.write(
    `${episodes.toLocaleString("en-GB")} episodes of ${history.children.length.toLocaleString("en-GB")} children written to ${values.out}; ${history.fixes.length} fixes.\n`,
  );
  return reportUnreadable(issues);
}

export function fixesCommand(argv: string[]): number {
  const { values, data, issues } = load(argv, {
    format: { type: "string" },
    out: { type: "string" },
    all: { type: "boolean" },
  });
  const format = oneOf("format", values.format as string | undefined, ["text", "csv"] as const, "text");
  const history = rebuildHistory(data);
  writeOutput(
    format === "csv" ? fixesCsv(history) : fixesText(history, values.all ? Number.MAX_SAFE_INTEGER : 10),
    values.out as string | undefined,
  );
  return reportUnreadable(issues);
}

/** Files that could not be read are said on standard error, and make the exit code 2. */
function reportUnreadable(issues: readonly { fatal?: boolean; file?: string; message: string }[]): number {
  const fatal = issues.filter((i) => i.fatal);
  for (const i of fatal) process.stderr.write(`sufficiency: ${i.file}: ${i.message}\n`);
  return fatal.length ? EXIT.unreadable : EXIT.ok;
}
