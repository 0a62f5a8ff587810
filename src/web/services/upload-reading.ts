import { createHash } from "node:crypto";
import { readComparators } from "../../core/inputs/comparators.js";
import { InputFileError } from "../../core/inputs/csv-table.js";
import { readPopulation } from "../../core/inputs/population.js";
import { readPostcodes } from "../../core/inputs/postcodes.js";
import { readEthnicityShares } from "../../core/profile/ethnicity.js";
import { emptyReturn, readFile903 } from "../../core/ssda903/read.js";
import { TABLES } from "../../core/ssda903/tables.js";
import type { Issue, Return903 } from "../../core/ssda903/types.js";
import type { StoredFile } from "../data/datasets.js";
import type { FileKind } from "../db/schema.js";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A reason an upload was refused, naming the file where there is one. */
export interface UploadProblem {
  file?: string;
  message: string;
}

type OtherKind = Exclude<FileKind, "903">;

/** The small input files that may come with the returns, known by their header row. */
const OTHER_INPUTS: Array<{ kind: OtherKind; columns: string[]; what: string }> = [
  { kind: "population", columns: ["year", "age", "population"], what: "population" },
  { kind: "comparators", columns: ["area", "year", "measure", "value"], what: "comparators" },
  { kind: "postcodes", columns: ["postcode", "easting", "northing", "la"], what: "postcode lookup" },
  { kind: "ethnicity", columns: ["group", "share"], what: "ethnicity" },
];

const READERS: Record<OtherKind, (file: string, text: string) => unknown> = {
  population: readPopulation,
  comparators: readComparators,
  postcodes: readPostcodes,
  ethnicity: readEthnicityShares,
};

function headerColumns(bytes: Uint8Array): string[] {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, "");
  return (head.split(/\r?\n/)[0] ?? "").split(",").map((c) => c.trim().toLowerCase());
}

function otherKind(bytes: Uint8Array): (typeof OTHER_INPUTS)[number] | undefined {
  const cols = headerColumns(bytes);
  return OTHER_INPUTS.find(
    (o) => o.columns.length === cols.length && o.columns.every((c) => cols.includes(c)),
  );
}

/** The file's own name, without any folder a browser or a crafted request put in front of it. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean.slice(0, 200) || "unnamed.csv";
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface ReadUpload {
  data: Return903;
  /** Row-level problems met while reading (not fatal), for the validation report. */
  readIssues: Issue[];
  files: StoredFile[];
  texts: Partial<Record<OtherKind, string>>;
}

/**
 * Reads an upload: each file is a 903 table (recognised by its columns, its
 * year from its name) or one of the small input files. Returns every problem
 * that stops the upload (a file that is not CSV or cannot be read, two
 * files of one kind, no Episodes file), or what was read.
 */
export function readUpload(
  files: readonly UploadedFile[],
): { ok: true; read: ReadUpload } | { ok: false; problems: UploadProblem[] } {
  const problems: UploadProblem[] = [];
  if (files.length === 0) return { ok: false, problems: [{ message: "Select at least one file" }] };
  const data = emptyReturn();
  const issues: Issue[] = [];
  const stored: StoredFile[] = [];
  const texts: ReadUpload["texts"] = {};
  const seen = new Set<string>();
  for (const f of files) {
    const name = safeName(f.name);
    if (seen.has(name.toLowerCase())) {
      problems.push({ file: name, message: `${name} was selected twice` });
      continue;
    }
    seen.add(name.toLowerCase());
    if (!/\.csv$/i.test(name)) {
      problems.push({ file: name, message: `${name} must be a CSV file` });
      continue;
    }
    if (f.bytes.byteLength === 0) {
      problems.push({ file: name, message: `${name} is empty` });
      continue;
    }
    const other = otherKind(f.bytes);
    if (other) {
      if (texts[other.kind] !== undefined) {
        problems.push({ file: name, message: `Select only one ${other.what} file` });
        continue;
      }
      const text = new TextDecoder("utf-8").decode(f.bytes);
      try {
        READERS[other.kind](name, text);
      } catch (e) {
        if (!(e instanceof InputFileError)) throw e;
        problems.push({ file: name, message: `${name} is not a valid ${other.what} file: ${e.message}` });
        continue;
      }
      texts[other.kind] = text;
      stored.push({
        name,
        kind: other.kind,
        table: null,
        year: null,
        rows: null,
        sha256: sha256(f.bytes),
        content: f.bytes,
      });
      continue;
    }
    const before = issues.length;
    const file = readFile903({ path: name, bytes: f.bytes }, data, issues);
    if (!file) {
      const fatal = issues.slice(before).find((i) => i.fatal);
      issues.length = before;
      // The reader's own advice for this one names a command-line option; say what to do here instead.
      const reason = /cannot tell the collection year/.test(fatal?.message ?? "")
        ? "its name does not say which collection year it is for; rename it like 2019-episodes.csv (for 2019/20)"
        : (fatal?.message ?? "unknown problem");
      problems.push({ file: name, message: `${name} cannot be read: ${reason}` });
      continue;
    }
    stored.push({
      name,
      kind: "903",
      table: file.table,
      year: file.year,
      rows: file.rows,
      sha256: sha256(f.bytes),
      content: f.bytes,
    });
  }
  if (problems.length === 0 && !data.files.some((f) => f.table === "episodes")) {
    problems.push({
      message: `Include at least one ${TABLES.episodes.name} file (named like 2024-episodes.csv)`,
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, read: { data, readIssues: issues, files: stored, texts } };
}
