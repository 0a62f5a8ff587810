import { createHmac } from "node:crypto";
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { ACTUAL_COST_COLUMNS } from "../core/finance/actual-costs.js";
import { COST_TABLE_COLUMNS } from "../core/finance/cost-table.js";
import { emptyReturn, type Minimise, type ReadOptions, readFile903 } from "../core/ssda903/read.js";
import type { Issue, Return903 } from "../core/ssda903/types.js";
import { REGISTER_COLUMNS } from "../core/supply/register-csv.js";
import { UserError } from "./errors.js";

/** Header rows of the other inputs that may sit in a folder beside the 903 files. */
const OTHER_INPUTS: Array<{ columns: string[]; what: string }> = [
  { columns: ["year", "age", "population"], what: "a population file" },
  { columns: ["area", "year", "measure", "value"], what: "a comparators file" },
  { columns: ["postcode", "easting", "northing", "la"], what: "a postcode lookup" },
  { columns: ["group", "share"], what: "an ethnicity file" },
  // The supply register and cost inputs (docs/costs-supply-gap.md).
  ...Object.values(REGISTER_COLUMNS).map((columns) => ({
    columns: [...columns],
    what: "a supply register file",
  })),
  { columns: [...COST_TABLE_COLUMNS], what: "a cost table" },
  { columns: [...ACTUAL_COST_COLUMNS], what: "an actual costs file" },
  { columns: ["year", "rate"], what: "an inflation file" },
  { columns: ["year", "rate", "category"], what: "an inflation file" },
];

function firstLine(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(512);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return (
      buf
        .subarray(0, n)
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)[0] ?? ""
    );
  } finally {
    closeSync(fd);
  }
}

/** Which other input a file found in a folder is, if it is one. */
function otherInput(path: string): string | undefined {
  let cols: string[];
  try {
    cols = firstLine(path)
      .split(",")
      .map((c) => c.trim().toLowerCase());
  } catch {
    return undefined;
  }
  return OTHER_INPUTS.find(
    (o) => o.columns.length === cols.length && o.columns.every((c) => cols.includes(c)),
  )?.what;
}

export interface ExpandedPaths {
  files: string[];
  /** Files met in folders that are other inputs (population, comparators...), not 903 tables. */
  skipped: Array<{ path: string; what: string }>;
}

/**
 * Expands the paths given on the command line: files as they are, folders to
 * every .csv file inside (recursively, in name order). In folders, the
 * project's other inputs (a population file beside the returns, say) are
 * passed over and listed; named directly, every file is read as a 903 table.
 */
export function expandPaths(paths: readonly string[]): ExpandedPaths {
  if (paths.length === 0) throw new UserError("give at least one 903 file or folder");
  const files: string[] = [];
  const skipped: ExpandedPaths["skipped"] = [];
  const walk = (p: string, inFolder: boolean) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`${p}: no such file or folder`);
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const child = join(p, name);
        if (statSync(child).isDirectory() || name.toLowerCase().endsWith(".csv")) walk(child, true);
      }
      return;
    }
    const what = inFolder ? otherInput(p) : undefined;
    if (what) skipped.push({ path: p, what });
    else files.push(p);
  };
  for (const p of paths) walk(p, false);
  if (files.length === 0) throw new UserError(`no 903 .csv files found in ${paths.join(", ")}`);
  return { files, skipped };
}

/** The environment variable holding the key for pseudonymous child ids. */
export const ID_KEY_ENV = "SUFFICIENCY_ID_KEY";

/**
 * Replaces each child id by a keyed hash (HMAC-SHA256, first 16 hex
 * characters): the same child gets the same pseudonym in every file and year,
 * and nobody without the key can recover or test an id.
 */
export function pseudonymiser(key: string | undefined): (id: string) => string {
  if (!key || key.length < 16) {
    throw new UserError(
      `--pseudonymise needs a key of at least 16 characters in the ${ID_KEY_ENV} environment variable`,
    );
  }
  const cache = new Map<string, string>();
  return (id) => {
    let p = cache.get(id);
    if (p === undefined) {
      p = createHmac("sha256", key).update(id).digest("hex").slice(0, 16);
      cache.set(id, p);
    }
    return p;
  };
}

export interface MinimiseFlags {
  "dob-month"?: boolean;
  "postcode-sector"?: boolean;
  pseudonymise?: boolean;
}

export function minimiseFrom(flags: MinimiseFlags): Minimise {
  return {
    dobToMonth: flags["dob-month"] === true,
    postcodeToSector: flags["postcode-sector"] === true,
    childId: flags.pseudonymise ? pseudonymiser(process.env[ID_KEY_ENV]) : undefined,
  };
}

/** Reads every file, one at a time, into one return. */
export function readInputs(
  paths: readonly string[],
  options: ReadOptions,
): { data: Return903; issues: Issue[]; skipped: ExpandedPaths["skipped"] } {
  const { files, skipped } = expandPaths(paths);
  for (const { path, what } of skipped)
    process.stderr.write(`note: ${path} is ${what}, not a 903 table; not read as one\n`);
  return { ...readFilesInto(files, options), skipped };
}

/** Reads the given files (no folders), one at a time, into one return. */
export function readFilesInto(
  files: readonly string[],
  options: ReadOptions,
): { data: Return903; issues: Issue[] } {
  const data = emptyReturn();
  const issues: Issue[] = [];
  for (const path of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      issues.push({
        rule: "READ-FILE",
        severity: "error",
        message: `cannot open the file (${(e as NodeJS.ErrnoException).code ?? "error"})`,
        file: path,
        fields: [],
        fatal: true,
      });
      continue;
    }
    readFile903({ path, bytes }, data, issues, options);
  }
  return { data, issues };
}
