import Papa from "papaparse";
import type { Profile } from "../core/profile/profile.js";
import { type ProfileTable, profileTables } from "./profile-tables.js";

export {
  type Cell,
  type CellFormat,
  type ProfileTable,
  profileSections,
  profileTables,
} from "./profile-tables.js";

/** The long form of the tables: one line per cell, keyed by section, table, row and column. */
export function longRows(
  tables: readonly ProfileTable[],
): Array<[string, string, string, string, string | number]> {
  const out: Array<[string, string, string, string, string | number]> = [];
  for (const t of tables) {
    t.rows.forEach((row, r) => {
      for (let c = 1; c < row.length; c++) {
        const v = row[c];
        out.push([
          t.section,
          t.name,
          t.rowKeys[r]!,
          t.columnKeys[c]!,
          v === null || v === undefined ? "" : v,
        ]);
      }
    });
  }
  return out;
}

/**
 * Every table of the profile in one long CSV with the columns
 * section,table,row,column,value (e.g. placements,weeks,agency_foster_other,10-12,57.3),
 * ready to pivot. Percentages are 0–100; a blank value means not available.
 */
export function profileCsv(profile: Profile): string {
  return `${Papa.unparse(
    { fields: ["section", "table", "row", "column", "value"], data: longRows(profileTables(profile)) },
    { newline: "\r\n", escapeFormulae: true },
  )}\r\n`;
}
