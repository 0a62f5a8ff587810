/**
 * Format rules: dates that are not real dates, codes outside the year's list.
 */
import { CODED_FIELDS, type Code, codesFor } from "../../codes.js";
import { TABLES, type TableKey } from "../../tables.js";
import type { AnyRow } from "../../types.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";

/** A date field that is present but not a real DD/MM/YYYY date. */
export function invalidDateRule(
  id: string,
  dfe: boolean,
  table: TableKey,
  field: string,
  what: string,
): Rule {
  return rule({
    id,
    dfe,
    severity: "error",
    message: `${what} is not a valid date (DD/MM/YYYY)`,
    tables: [table],
    fields: [field],
    check(ctx, flag) {
      for (const row of ctx.t[table] as AnyRow[]) {
        const v = (row as unknown as Record<string, unknown>)[field];
        if (typeof v === "number" && Number.isNaN(v)) flag(row, [field], `'${row.raw?.[field] ?? ""}'`);
      }
    },
  });
}

/**
 * A coded field whose value is not in the collection year's list. Blank is
 * left to the rules about required fields, which know when blank is allowed.
 */
export function invalidCodeRule(
  id: string,
  dfe: boolean,
  table: TableKey,
  field: string,
  what: string,
): Rule {
  const list: Code[] | undefined = CODED_FIELDS[table]?.[field];
  if (!list) throw new Error(`${TABLES[table].name}.${field} has no code list`);
  return rule({
    id,
    dfe,
    severity: "error",
    message: `${what} is not a valid code for the collection year`,
    tables: [table],
    fields: [field],
    check(ctx, flag) {
      const valid = codesFor(list, ctx.year);
      for (const row of ctx.t[table] as AnyRow[]) {
        const v = (row as unknown as Record<string, string>)[field]!;
        if (v !== "" && !valid.has(v)) flag(row, [field], `'${v}'`);
      }
    },
  });
}

export const formatRules: Rule[] = [
  invalidCodeRule("101", true, "header", "SEX", "Sex (SEX)"),
  invalidDateRule("102", true, "header", "DOB", "Date of birth (DOB)"),
  invalidCodeRule("103", true, "header", "ETHNIC", "Ethnicity (ETHNIC)"),
  invalidDateRule("141", true, "episodes", "DECOM", "Date episode began (DECOM)"),
  invalidDateRule("147", true, "episodes", "DEC", "Date episode ceased (DEC)"),
];

/** Code lists change by year through codes.ts, so these rules need no overlays. */
export const formatOverlays: YearOverlay[] = [];
