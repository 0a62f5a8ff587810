import Papa from "papaparse";
import { formatUK } from "../dates.js";
import { FIX_DESCRIPTIONS, type History } from "./history.js";
import type { SourceFile } from "./types.js";

const date = (d: number | null) => (d === null || Number.isNaN(d) ? "" : formatUK(d));

/** The rebuilt history as CSV: one row per episode, in 903 column names, with its source row and the fixes applied. */
export function historyCsv(history: History, files: readonly SourceFile[]): string {
  const rows: unknown[][] = [];
  for (const c of history.children) {
    for (const e of c.episodes) {
      rows.push([
        e.CHILD,
        date(e.DECOM),
        e.RNE,
        e.LS,
        e.CIN,
        e.PLACE,
        e.PLACE_PROVIDER,
        date(e.DEC),
        e.REC,
        e.REASON_PLACE_CHANGE,
        e.HOME_POST,
        e.PL_POST,
        e.URN,
        files[e.file]?.path ?? "",
        e.row,
        e.year,
        (e.fixes ?? []).join(" "),
      ]);
    }
  }
  return Papa.unparse(
    {
      fields: [
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
        "SOURCE_FILE",
        "SOURCE_ROW",
        "SOURCE_YEAR",
        "FIXES",
      ],
      data: rows,
    },
    { newline: "\r\n" },
  );
}

/** The fixes made while rebuilding, as CSV. */
export function fixesCsv(history: History): string {
  return Papa.unparse(
    {
      fields: ["fix", "description", "child", "file", "row", "year", "detail"],
      data: history.fixes.map((f) => [
        f.rule,
        FIX_DESCRIPTIONS[f.rule],
        f.child,
        f.file,
        f.row,
        f.year,
        f.detail,
      ]),
    },
    { newline: "\r\n" },
  );
}

/** A readable summary of the fixes: count per rule, then up to `perRule` examples each. */
export function fixesText(history: History, perRule = 10): string {
  const out: string[] = [];
  const groups = new Map<string, History["fixes"]>();
  for (const f of history.fixes) {
    const g = groups.get(f.rule);
    if (g) g.push(f);
    else groups.set(f.rule, [f]);
  }
  out.push(`${history.fixes.length.toLocaleString("en-GB")} fixes while rebuilding the history.`);
  for (const [rule, list] of groups) {
    out.push("", `${rule} (${list.length}): ${FIX_DESCRIPTIONS[rule as keyof typeof FIX_DESCRIPTIONS]}`);
    for (const f of list.slice(0, perRule))
      out.push(`  ${f.file}, row ${f.row}, child ${f.child}: ${f.detail}`);
    if (list.length > perRule) out.push(`  … and ${list.length - perRule} more`);
  }
  if (history.withoutHeader.length) {
    out.push(
      "",
      `${history.withoutHeader.length} children have episodes but no Header row in any year (kept).`,
    );
  }
  return `${out.join("\n")}\n`;
}
