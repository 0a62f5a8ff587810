import Papa from "papaparse";
import { decodeText, looksBinary } from "../text/decode.js";
import { eachLine, firstLineOf, isPlainCsv } from "./read-fast.js";
import {
  ascii,
  type ChildShare,
  type Minimise,
  newReadCaches,
  postcodeSector,
  type ReadCaches,
  RowBuilder,
} from "./read-rows.js";
import { matchTable, normaliseColumn, TABLES, type TableKey, type TableSpec } from "./tables.js";
import type { AnyRow, Issue, Return903, SourceFile } from "./types.js";
import { emptyTables } from "./types.js";
import { type CollectionYear, isSupportedYear, yearFromPath, yearLabel } from "./years.js";

export { type ChildShare, type Minimise, postcodeSector };

export interface ReadOptions {
  /** Collection year for every file, overriding names and folders. */
  year?: CollectionYear;
  minimise?: Minimise;
  /** Keep only one share of the children (see ChildShare). */
  share?: ChildShare;
}

export interface InputFile {
  path: string;
  bytes: Uint8Array;
}

const caches = new WeakMap<Return903, ReadCaches>();

/** The read caches of a return (they live as long as the return does). */
function cachesOf(data: Return903): ReadCaches {
  let c = caches.get(data);
  if (!c) {
    c = newReadCaches();
    caches.set(data, c);
  }
  return c;
}

export function emptyReturn(): Return903 {
  return { files: [], tables: emptyTables() };
}

function delimiterOf(firstLine: string): string {
  const counts = [",", ";", "\t", "|"].map((d) => [d, firstLine.split(d).length - 1] as const);
  if (counts[0]![1] > 0) return ",";
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ",";
}

function describe(delim: string): string {
  return delim === "\t" ? "tab" : `'${delim}'`;
}

type HeaderResult =
  | { ok: true; spec: TableSpec; colIndex: Map<string, number> }
  | { ok: false; message: string };

/** Recognises the table from the header row, or says why it cannot. */
function readHeader(fields: string[], delimiter: string, year: CollectionYear): HeaderResult {
  const match = matchTable(fields);
  if (!match.ok) {
    if (delimiter !== ",") {
      return {
        ok: false,
        message: `the columns are separated by ${describe(delimiter)}, not commas, and do not match any 903 table`,
      };
    }
    if (match.nearest) {
      const parts = [];
      if (match.missing.length) parts.push(`missing ${match.missing.join(", ")}`);
      if (match.extra.length) parts.push(`unexpected ${match.extra.join(", ")}`);
      return {
        ok: false,
        message: `the columns match no 903 table (nearest is ${match.nearest.name}: ${parts.join("; ")})`,
      };
    }
    return {
      ok: false,
      message: `the columns match no 903 table (first row: ${fields.slice(0, 6).join(", ").slice(0, 120)})`,
    };
  }
  if (match.table.from !== undefined && year < match.table.from) {
    return {
      ok: false,
      message: `${match.table.name} is collected only from ${yearLabel(match.table.from)}, but this file is for ${yearLabel(year)}`,
    };
  }
  const colIndex = new Map<string, number>();
  fields.forEach((f, i) => {
    const name = normaliseColumn(f);
    if (name !== "" && !colIndex.has(name)) colIndex.set(name, i);
  });
  return { ok: true, spec: match.table, colIndex };
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
  const ctx = {
    path: input.path,
    year,
    fileIndex: into.files.length,
    minimise: options.minimise ?? {},
    share: options.share,
    issues,
    caches: cachesOf(into),
  };
  const bytes = input.bytes;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;

  let builder: RowBuilder;
  let encoding: string;
  let delimiter: string;
  if (!looksBinary(bytes.subarray(bom)) && isPlainCsv(bytes, bom)) {
    // The common case, read straight from the bytes (read-fast.ts).
    const head = firstLineOf(bytes, bom);
    const headerText = ascii(bytes, head.start, head.end);
    if (headerText.trim() === "")
      return fail("READ-EMPTY", "the file is empty or its first row (the column names) is blank");
    delimiter = delimiterOf(headerText);
    if (delimiter !== ",") return readWithPapa();
    const header = readHeader(headerText.split(","), delimiter, year);
    if (!header.ok) return fail("READ-TABLE", header.message);
    builder = new RowBuilder(header.spec, headerText.split(",").length, header.colIndex, ctx);
    eachLine(
      bytes,
      bom,
      (starts, ends, count, line) => builder.fromBytes(bytes, starts, ends, count, line),
      builder.lineFilter(),
    );
    encoding = bom ? "utf-8-bom" : "utf-8";
  } else {
    return readWithPapa();
  }
  return finish(builder, encoding, delimiter);

  function readWithPapa(): SourceFile | undefined {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return fail("READ-TEXT", decoded.reason);
    const { text } = decoded.value;
    const firstLineEnd = text.search(/\r?\n|\r/);
    const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
    if (firstLine.trim() === "")
      return fail("READ-EMPTY", "the file is empty or its first row (the column names) is blank");
    const delim = delimiterOf(firstLine);
    let rowNumber = 0;
    let b: RowBuilder | undefined;
    let failed: string | undefined;
    Papa.parse<string[]>(text, {
      delimiter: delim,
      skipEmptyLines: false,
      step: (result, parser) => {
        rowNumber += 1;
        if (rowNumber === 1) {
          const header = readHeader(result.data, delim, year!);
          if (header.ok) b = new RowBuilder(header.spec, result.data.length, header.colIndex, ctx);
          else {
            failed = header.message;
            parser.abort();
          }
          return;
        }
        const quote = result.errors.find((e) => e.type === "Quotes");
        b!.fromStrings(result.data, rowNumber, quote?.message);
      },
    });
    if (failed) return fail("READ-TABLE", failed);
    if (!b) return fail("READ-EMPTY", "the file has no rows");
    return finish(b, decoded.value.encoding, delim);
  }

  function finish(b: RowBuilder, enc: string, delim: string): SourceFile | undefined {
    const spec = b.spec;
    const twin = into.files.find((f) => f.table === spec.key && f.year === year);
    if (twin) {
      return fail(
        "READ-TWICE",
        `a ${spec.name} file for ${yearLabel(year!)} was already given (${twin.path}); give one file per table per year`,
      );
    }
    const target = into.tables[spec.key as TableKey] as AnyRow[];
    for (const r of b.rows) target.push(r);
    const file: SourceFile = {
      path: input.path,
      table: spec.key,
      year: year!,
      rows: b.rowsRead,
      encoding: enc,
      delimiter: delim,
    };
    into.files.push(file);
    return file;
  }
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
