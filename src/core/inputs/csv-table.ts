import Papa from "papaparse";
import { z } from "zod";

/**
 * A problem in a small input file (population, comparators, postcodes...),
 * naming the file, row, field and rule broken. Thrown as one error holding
 * every problem found, so the person fixing the file sees them all at once.
 */
export interface InputProblem {
  file: string;
  row?: number;
  field?: string;
  rule: string;
}

export class InputFileError extends Error {
  constructor(readonly problems: InputProblem[]) {
    const first = problems[0]!;
    const where = [first.file, first.row !== undefined ? `row ${first.row}` : "", first.field ?? ""]
      .filter(Boolean)
      .join(", ");
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : "";
    super(`${where}: ${first.rule}${more}`);
    this.name = "InputFileError";
  }
}

const MAX_PROBLEMS = 50;

/**
 * Reads a CSV file with a header row into objects checked by a zod schema.
 * Column names are matched without regard to case or surrounding spaces;
 * `aliases` maps other accepted names (e.g. ONS's "pcds") to ours.
 */
export function readCsvTable<S extends z.ZodObject>(
  file: string,
  text: string,
  schema: S,
  aliases: Record<string, string> = {},
): Array<z.infer<S>> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => {
      const name = h.trim().toLowerCase();
      return aliases[name] ?? name;
    },
  });
  const problems: InputProblem[] = [];
  const required = Object.keys(schema.shape);
  const columns = parsed.meta.fields ?? [];
  const missing = required.filter(
    (c) => !columns.includes(c) && !schema.shape[c]!.safeParse(undefined).success,
  );
  if (missing.length)
    throw new InputFileError([{ file, row: 1, rule: `missing column(s) ${missing.join(", ")}` }]);
  for (const e of parsed.errors) {
    problems.push({ file, row: (e.row ?? 0) + 2, rule: e.message });
  }
  const rows: Array<z.infer<S>> = [];
  parsed.data.forEach((raw, i) => {
    const r = schema.safeParse(raw);
    if (r.success) rows.push(r.data);
    else {
      for (const issue of r.error.issues) {
        if (problems.length >= MAX_PROBLEMS) return;
        problems.push({ file, row: i + 2, field: String(issue.path[0] ?? ""), rule: issue.message });
      }
    }
  });
  if (problems.length) throw new InputFileError(problems);
  return rows;
}

/**
 * A number read from a CSV field: blank is refused ("must not be blank"),
 * text that is not a number is refused ("must be a number").
 */
export function numberField() {
  return z
    .string({ error: "must not be blank" })
    .trim()
    .min(1, "must not be blank")
    .transform((s) => Number(s))
    .pipe(z.number({ error: "must be a number" }).finite("must be a number"));
}

/** A whole number read from a CSV field, within bounds. */
export function intField(min: number, max: number, what = "a whole number") {
  return numberField().pipe(
    z
      .number()
      .int(`must be ${what}`)
      .min(min, `must be ${what} from ${min} to ${max}`)
      .max(max, `must be ${what} from ${min} to ${max}`),
  );
}
