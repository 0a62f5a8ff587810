import Papa from "papaparse";
import { type Day, dayFromYMD, parseDate, ymdFromDay } from "../dates.js";
import { decodeText } from "../text/decode.js";
import { matchTable, normaliseColumn, TABLES, type TableKey, type TableSpec } from "./tables.js";
import type { AnyRow, Issue, Return903, SourceFile } from "./types.js";
import { emptyTables } from "./types.js";
import { type CollectionYear, isSupportedYear, yearFromPath, yearLabel } from "./years.js";

/**
 * Options that reduce what is kept of each child on the way in
 * (see docs/data-protection.md).
 */
export interface Minimise {
  /** Keep only the month and year of dates of birth (stored as the 1st of the month). */
  dobToMonth?: boolean;
  /** Keep only the postcode sector ("AB1 2XY" becomes "AB1 2"). */
  postcodeToSector?: boolean;
  /** Replace each CHILD id, e.g. with a keyed hash (the caller supplies it: the core does no cryptography). */
  childId?: (id: string) => string;
}

export interface ReadOptions {
  /** Collection year for every file, overriding names and folders. */
  year?: CollectionYear;
  minimise?: Minimise;
}

export interface InputFile {
  path: string;
  bytes: Uint8Array;
}

/** Fields that keep their letter case (identifiers); every other field is upper-cased. */
const CASE_KEPT = new Set(["CHILD", "SW_ID"]);
const POSTCODE_FIELDS = new Set(["HOME_POST", "PL_POST"]);
const NUMBER_FIELDS = new Set(["PL_DISTANCE"]);
const DOB_FIELDS = new Set(["DOB", "MC_DOB"]);

/** Limits that keep a hostile file from exhausting memory or flooding the report. */
const MAX_FIELD_LENGTH = 1000;
const MAX_ROW_ISSUES_PER_FILE = 1000;

export function emptyReturn(): Return903 {
  return { files: [], tables: emptyTables() };
}

/** "AB1 2XY" → "AB1 2"; anything not shaped like a full postcode is left as it is. */
export function postcodeSector(postcode: string): string {
  const compact = postcode.replace(/\s+/g, "");
  if (compact.length < 5 || compact.length > 7) return postcode;
  return `${compact.slice(0, -3)} ${compact.charAt(compact.length - 3)}`;
}

function normalisePostcode(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, " ");
}

function firstOfMonth(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYMD(y, m, 1);
}

type FieldKind = "date" | "number" | "postcode" | "id" | "code";

function fieldKinds(spec: TableSpec): Map<string, FieldKind> {
  const kinds = new Map<string, FieldKind>();
  for (const col of [...spec.columns, ...spec.optional]) {
    let kind: FieldKind = "code";
    if (spec.dates.includes(col)) kind = "date";
    else if (NUMBER_FIELDS.has(col)) kind = "number";
    else if (POSTCODE_FIELDS.has(col)) kind = "postcode";
    else if (CASE_KEPT.has(col)) kind = "id";
    kinds.set(col, kind);
  }
  return kinds;
}

function delimiterOf(firstLine: string): string {
  const counts = [",", ";", "\t", "|"].map((d) => [d, firstLine.split(d).length - 1] as const);
  const comma = counts[0]![1];
  if (comma > 0) return ",";
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ",";
}

function describe(delim: string): string {
  return delim === "\t" ? "tab" : `'${delim}'`;
}

/**
 * Reads one 903 CSV file into `into`, appending problems to `issues`.
 * Never throws: a file that cannot be read at all gives one fatal issue and
 * adds nothing; a row that cannot be read gives an issue naming file, row and
 * column, and that row is left out (and said to be left out).
 * Returns the file's description, or undefined if nothing was read.
 */
export function readFile903(
  input: InputFile,
  into: Return903,
  issues: Issue[],
  options: ReadOptions = {},
): SourceFile | undefined {
  const fail = (rule: string, message: string): undefined => {
    issues.push({ rule, severity: "error", message, file: input.path, fields: [], fatal: true });
    return undefined;
  };

  const year = options.year ?? yearFromPath(input.path);
  if (year === undefined) {
    return fail(
      "READ-YEAR",
      "cannot tell the collection year from the file name or its folder; name it like 2019-episodes.csv or 2019-20/episodes.csv, or give --year",
    );
  }
  if (!isSupportedYear(year)) {
    return fail("READ-YEAR", `collection year ${yearLabel(year)} is not supported (2015/16 to 2025/26)`);
  }

  const decoded = decodeText(input.bytes);
  if (!decoded.ok) return fail("READ-TEXT", decoded.reason);
  const { text, encoding } = decoded.value;
  const firstLineEnd = text.search(/\r?\n|\r/);
  const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  if (firstLine.trim() === "")
    return fail("READ-EMPTY", "the file is empty or its first row (the column names) is blank");
  const delimiter = delimiterOf(firstLine);

  let spec: TableSpec | undefined;
  let colIndex: Map<string, number> | undefined;
  let kinds: Map<string, FieldKind> | undefined;
  let width = 0;
  let rowNumber = 0;
  let rowsRead = 0;
  let rowIssues = 0;
  let failed: Issue | undefined;
  const rows: AnyRow[] = [];
  const fileIndex = into.files.length;
  const minimise = options.minimise ?? {};

  const rowIssue = (column: string | undefined, message: string, child?: string) => {
    rowIssues += 1;
    if (rowIssues > MAX_ROW_ISSUES_PER_FILE) return;
    issues.push({
      rule: "READ-ROW",
      severity: "error",
      message:
        rowIssues === MAX_ROW_ISSUES_PER_FILE
          ? `${message} (further unreadable rows in this file are not listed)`
          : message,
      file: input.path,
      row: rowNumber,
      child,
      fields: column ? [column] : [],
      year,
    });
  };

  const onHeader = (fields: string[]) => {
    const match = matchTable(fields);
    if (!match.ok) {
      let message: string;
      if (delimiter !== ",") {
        message = `the columns are separated by ${describe(delimiter)}, not commas, and do not match any 903 table`;
      } else if (match.nearest) {
        const parts = [];
        if (match.missing.length) parts.push(`missing ${match.missing.join(", ")}`);
        if (match.extra.length) parts.push(`unexpected ${match.extra.join(", ")}`);
        message = `the columns match no 903 table (nearest is ${match.nearest.name}: ${parts.join("; ")})`;
      } else {
        message = `the columns match no 903 table (first row: ${fields.slice(0, 6).join(", ").slice(0, 120)})`;
      }
      failed = { rule: "READ-TABLE", severity: "error", message, file: input.path, fields: [], fatal: true };
      return;
    }
    if (match.table.from !== undefined && year < match.table.from) {
      failed = {
        rule: "READ-TABLE",
        severity: "error",
        message: `${match.table.name} is collected only from ${yearLabel(match.table.from)}, but this file is for ${yearLabel(year)}`,
        file: input.path,
        fields: [],
        fatal: true,
      };
      return;
    }
    spec = match.table;
    kinds = fieldKinds(spec);
    colIndex = new Map();
    fields.forEach((f, i) => {
      const name = normaliseColumn(f);
      if (name !== "" && !colIndex!.has(name)) colIndex!.set(name, i);
    });
    width = fields.length;
  };

  const onRow = (fields: string[], errors: Papa.ParseError[]) => {
    if (fields.every((f) => f.trim() === "")) return; // blank row: carries no data
    const childAt = colIndex!.get("CHILD");
    const rawChild = childAt === undefined ? undefined : fields[childAt]?.trim().slice(0, 40);
    const quoteError = errors.find((e) => e.type === "Quotes");
    if (quoteError) {
      rowIssue(undefined, `row not read: a quoted field is not closed (${quoteError.message})`, rawChild);
      return;
    }
    if (fields.length !== width) {
      const extraFilled = fields.length > width && fields.slice(width).some((f) => f.trim() !== "");
      if (fields.length < width || extraFilled) {
        rowIssue(
          undefined,
          `row not read: it has ${fields.length} fields but the header has ${width}`,
          rawChild,
        );
        return;
      }
    }
    const row: Record<string, unknown> = { year, src: { file: fileIndex, row: rowNumber } };
    let raw: Record<string, string> | undefined;
    for (const [col, kind] of kinds!) {
      const at = colIndex!.get(col);
      let text = at === undefined ? "" : (fields[at] ?? "");
      if (text.length > MAX_FIELD_LENGTH) {
        rowIssue(col, `row not read: ${col} is ${text.length} characters long`, rawChild);
        return;
      }
      switch (kind) {
        case "date": {
          let d = parseDate(text);
          if (d !== null && Number.isNaN(d)) {
            raw ??= {};
            raw[col] = text.trim();
          } else if (d !== null && minimise.dobToMonth && DOB_FIELDS.has(col)) {
            d = firstOfMonth(d);
          }
          row[col] = d;
          break;
        }
        case "number": {
          text = text.trim();
          const n = text === "" ? null : Number(text);
          if (n !== null && !Number.isFinite(n)) {
            raw ??= {};
            raw[col] = text;
            row[col] = Number.NaN;
          } else row[col] = n;
          break;
        }
        case "postcode": {
          const pc = normalisePostcode(text);
          row[col] = minimise.postcodeToSector ? postcodeSector(pc) : pc;
          break;
        }
        case "id":
          text = text.trim();
          row[col] = col === "CHILD" && minimise.childId && text !== "" ? minimise.childId(text) : text;
          break;
        default:
          row[col] = text.trim().toUpperCase();
      }
    }
    if (raw) row.raw = raw;
    rows.push(row as unknown as AnyRow);
    rowsRead += 1;
  };

  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      rowNumber += 1;
      if (rowNumber === 1) {
        onHeader(result.data);
        if (failed) parser.abort();
        return;
      }
      onRow(result.data, result.errors);
    },
  });

  if (failed) {
    issues.push(failed);
    return undefined;
  }
  if (!spec) return fail("READ-EMPTY", "the file has no rows");

  const twin = into.files.find((f) => f.table === spec!.key && f.year === year);
  if (twin) {
    return fail(
      "READ-TWICE",
      `a ${spec.name} file for ${yearLabel(year)} was already given (${twin.path}); give one file per table per year`,
    );
  }
  const target = into.tables[spec.key as TableKey] as AnyRow[];
  for (const r of rows) target.push(r);
  const file: SourceFile = { path: input.path, table: spec.key, year, rows: rowsRead, encoding, delimiter };
  into.files.push(file);
  return file;
}

/** Reads several files; see readFile903. */
export function readFiles903(
  inputs: Iterable<InputFile>,
  options: ReadOptions = {},
): { data: Return903; issues: Issue[] } {
  const data = emptyReturn();
  const issues: Issue[] = [];
  for (const input of inputs) readFile903(input, data, issues, options);
  return { data, issues };
}

export { TABLES };
