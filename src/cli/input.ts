import { createHmac } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { emptyReturn, type Minimise, type ReadOptions, readFile903 } from "../core/ssda903/read.js";
import type { Issue, Return903 } from "../core/ssda903/types.js";
import { UserError } from "./errors.js";

/** Expands the paths given on the command line: files as they are, folders to every .csv file inside (recursively, in name order). */
export function expandPaths(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new UserError("give at least one 903 file or folder");
  const out: string[] = [];
  const walk = (p: string) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`${p}: no such file or folder`);
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const child = join(p, name);
        if (statSync(child).isDirectory() || name.toLowerCase().endsWith(".csv")) walk(child);
      }
    } else out.push(p);
  };
  for (const p of paths) walk(p);
  if (out.length === 0) throw new UserError(`no .csv files found in ${paths.join(", ")}`);
  return out;
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
): { data: Return903; issues: Issue[] } {
  const data = emptyReturn();
  const issues: Issue[] = [];
  for (const path of expandPaths(paths)) {
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
