import type { TableKey } from "../tables.js";
import type { AnyRow, Severity } from "../types.js";
import type { YearContext } from "./context.js";

/**
 * Reports a row that breaks a rule. `fields` overrides the rule's own list
 * when only some of them are at fault; `detail` adds the values that broke
 * it ("DECOM 01/05/2019 is before DOB 03/06/2019"), so the message can be
 * acted on without opening the file.
 */
export type Flag = (row: AnyRow, fields?: readonly string[], detail?: string) => void;

/**
 * One validation rule. `id` is DfE's rule number where one exists (`dfe`
 * true), else an internal id starting "SP". A rule runs for a collection year
 * only when every table in `tables` was supplied for that year (and, when
 * `previousYear` is set, the year before's files named in `previousTables`,
 * Episodes by default); otherwise it is reported as not run, never silently
 * skipped.
 */
export interface Rule {
  id: string;
  dfe: boolean;
  severity: Severity;
  /** What is wrong, in words a data officer understands. */
  message: string;
  tables: readonly TableKey[];
  fields: readonly string[];
  previousYear?: boolean;
  /** Tables of the previous year the rule reads (default Episodes when `previousYear` is set). */
  previousTables?: readonly TableKey[];
  /**
   * The check reads this table a row at a time, in order,
   * carrying nothing from one row to the next but caches of pure functions,
   * and shares nothing with other rules (no `ctx.shared`): it may then be run
   * on slices of the table, together with the other such rules of the table,
   * so each slice is read from memory once for all of them (validate.ts).
   */
  rowwise?: TableKey;
  check(ctx: YearContext, flag: Flag): void;
}

/** A helper to declare a rule with its metadata beside its check. */
export function rule(def: Rule): Rule {
  return def;
}
