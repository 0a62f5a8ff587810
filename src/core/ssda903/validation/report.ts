import Papa from "papaparse";
import { FIX_DESCRIPTIONS, type FixRule } from "../history.js";
import type { Issue, SourceFile } from "../types.js";
import { yearLabel } from "../years.js";
import type { ValidationResult } from "./validate.js";

/**
 * The validation report in three forms: text for people, JSON and CSV for
 * machines. The JSON shape is part of the CLI's contract (see README).
 */
export interface ValidationReport {
  files: Array<{ path: string; table: string; year: number; rows: number }>;
  issues: Array<{
    rule: string;
    severity: Issue["severity"];
    message: string;
    file: string | null;
    row: number | null;
    child: string | null;
    fields: string[];
  }>;
  summary: ValidationResult["summary"] & { notRun: ValidationResult["skipped"] };
  /** What rebuilding the children's histories across the years did (when it was run). */
  rebuild?: {
    children: number;
    withoutHeader: number;
    fixes: number;
    fixesByRule: Partial<Record<FixRule, number>>;
  };
}

export function toReport(
  files: readonly SourceFile[],
  result: ValidationResult,
  rebuild?: ValidationReport["rebuild"],
): ValidationReport {
  return {
    files: files.map((f) => ({ path: f.path, table: f.table, year: f.year, rows: f.rows })),
    issues: result.issues.map((i) => ({
      rule: i.rule,
      severity: i.severity,
      message: i.message,
      file: i.file ?? null,
      row: i.row ?? null,
      child: i.child ?? null,
      fields: i.fields,
    })),
    summary: { ...result.summary, notRun: result.skipped },
    ...(rebuild ? { rebuild } : {}),
  };
}

export function reportCsv(report: ValidationReport): string {
  return Papa.unparse(
    {
      fields: ["rule", "severity", "message", "file", "row", "child", "fields"],
      data: report.issues.map((i) => [
        i.rule,
        i.severity,
        i.message,
        i.file ?? "",
        i.row ?? "",
        i.child ?? "",
        i.fields.join(" "),
      ]),
    },
    { newline: "\r\n" },
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/**
 * A readable report: files read, then issues grouped by rule (errors first),
 * at most `perRule` examples each, then rules not run.
 */
export function reportText(report: ValidationReport, perRule = 10): string {
  const out: string[] = [];
  out.push(`Files read: ${report.files.length}`);
  for (const f of report.files)
    out.push(`  ${f.path}: ${f.table}, ${yearLabel(f.year)}, ${plural(f.rows, "row")}`);
  const unreadable = report.issues.filter((i) => i.rule.startsWith("READ-") && i.row === null);
  if (unreadable.length) {
    out.push("", "Files not read:");
    for (const i of unreadable) out.push(`  ${i.file}: ${i.message}`);
  }
  const { errors, queries } = report.summary;
  out.push("", `${plural(errors, "error")}, ${plural(queries, "query", "queries")}.`);
  const r = report.rebuild;
  if (r) {
    out.push(
      "",
      `Histories rebuilt for ${plural(r.children, "child", "children")}${r.withoutHeader ? ` (${plural(r.withoutHeader, "child", "children")} with episodes but no Header row, kept)` : ""}: ${plural(r.fixes, "fix", "fixes")}${r.fixes ? " (list them with 'sufficiency fixes')" : ""}.`,
    );
    for (const [rule, n] of Object.entries(r.fixesByRule) as Array<[FixRule, number]>)
      out.push(`  ${n.toLocaleString("en-GB")} ${FIX_DESCRIPTIONS[rule]}`);
  }
  const groups = new Map<string, ValidationReport["issues"]>();
  for (const i of report.issues) {
    if (unreadable.includes(i)) continue;
    const g = groups.get(i.rule);
    if (g) g.push(i);
    else groups.set(i.rule, [i]);
  }
  const ordered = [...groups].sort(
    ([a, ga], [b, gb]) =>
      (ga[0]!.severity === "error" ? 0 : 1) - (gb[0]!.severity === "error" ? 0 : 1) ||
      gb.length - ga.length ||
      a.localeCompare(b),
  );
  for (const [rule, list] of ordered) {
    const s = report.summary.byRule[rule];
    out.push(
      "",
      `${list[0]!.severity.toUpperCase()} ${rule} (${list.length}): ${s?.message ?? list[0]!.message}`,
    );
    for (const i of list.slice(0, perRule)) {
      const where = [i.file, i.row !== null ? `row ${i.row}` : null].filter(Boolean).join(", ");
      const who = i.child ? ` child ${i.child}` : "";
      out.push(`  ${where}${who}: ${i.message}`);
    }
    if (list.length > perRule) out.push(`  … and ${(list.length - perRule).toLocaleString("en-GB")} more`);
  }
  if (report.summary.notRun.length) {
    out.push("", "Rules not run (their tables were not supplied):");
    const byMissing = new Map<string, string[]>();
    for (const s of report.summary.notRun) {
      const key = `${yearLabel(s.year)}: ${s.missing.join(", ")}`;
      const list = byMissing.get(key);
      if (list) list.push(s.rule);
      else byMissing.set(key, [s.rule]);
    }
    for (const [key, rules] of byMissing) out.push(`  ${key} — ${rules.join(", ")}`);
  }
  return `${out.join("\n")}\n`;
}
