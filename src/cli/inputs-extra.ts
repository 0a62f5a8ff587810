import { readFileSync } from "node:fs";
import { type Comparator, readComparators } from "../core/inputs/comparators.js";
import { InputFileError } from "../core/inputs/csv-table.js";
import { type Population, readPopulation } from "../core/inputs/population.js";
import { type PostcodeLookup, readPostcodes } from "../core/inputs/postcodes.js";
import { readEthnicityShares } from "../core/profile/ethnicity.js";
import { UserError } from "./errors.js";

/** Reads a small input file through a core reader, turning its problems into one line naming file, row and field. */
export function readWith<T>(path: string, read: (file: string, text: string) => T): T {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UserError(`${path}: cannot open the file (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return read(path, text);
  } catch (e) {
    if (e instanceof InputFileError) throw new UserError(e.message);
    throw e;
  }
}

export const loadPopulation = (p: string): Population => readWith(p, readPopulation);
export const loadComparators = (p: string): Comparator[] => readWith(p, readComparators);
export const loadPostcodes = (p: string): PostcodeLookup => readWith(p, readPostcodes);
export const loadEthnicity = (p: string): Record<string, number> => readWith(p, readEthnicityShares);
