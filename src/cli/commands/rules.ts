import { parseArgs } from "node:util";
import { ruleCatalogue, rulesMarkdown } from "../../core/ssda903/validation/catalogue.js";
import { defaultRegistry } from "../../core/ssda903/validation/rules/index.js";
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, yearLabel } from "../../core/ssda903/years.js";
import { EXIT } from "../errors.js";
import { oneOf, writeOutput } from "../output.js";

export const rulesHelp = `sufficiency rules [--format text|json|markdown] [--out FILE]
  Lists every validation rule: id (DfE's number, or SPnnn for the project's own), severity,
  the collection years it applies to, the tables and fields it reads, and what it checks.`;

export function rulesCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { format: { type: "string" }, out: { type: "string" } },
  });
  const format = oneOf("format", values.format, ["text", "json", "markdown"] as const, "text");
  if (format === "markdown") {
    writeOutput(rulesMarkdown(defaultRegistry, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR), values.out);
  } else if (format === "json") {
    writeOutput(`${JSON.stringify(ruleCatalogue(defaultRegistry), null, 2)}\n`, values.out);
  } else {
    const lines = ruleCatalogue(defaultRegistry).map(
      (e) =>
        `${e.id.padEnd(6)} ${e.severity.padEnd(5)} ${yearLabel(e.from)}–${yearLabel(e.to)}  ${e.tables.join(",")}: ${e.message}`,
    );
    writeOutput(`${lines.join("\n")}\n`, values.out);
  }
  return EXIT.ok;
}
