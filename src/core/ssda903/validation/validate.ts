import { TABLES, type TableKey } from "../tables.js";
import type { AnyRow, Issue, Return903 } from "../types.js";
import type { CollectionYear } from "../years.js";
import { splitByYear, YearContext, type YearFacts } from "./context.js";
import type { RuleRegistry } from "./registry.js";
import type { Flag, Rule } from "./rule.js";

export interface RuleSummary {
  rule: string;
  severity: Issue["severity"];
  message: string;
  count: number;
}

export interface SkippedRule {
  rule: string;
  year: CollectionYear;
  /** Tables the rule needs that were not supplied for the year ("Episodes (previous year)" for continuity rules). */
  missing: string[];
}

export interface ValidationResult {
  issues: Issue[];
  summary: { errors: number; queries: number; byRule: Record<string, RuleSummary> };
  skipped: SkippedRule[];
}

/** Tables a rule needs that were not supplied for the context's year (or the year before). */
export function missingTables(rule: Rule, ctx: YearContext): string[] {
  const missing: string[] = rule.tables
    .filter((t) => !ctx.supplied.has(t))
    .map((t: TableKey) => TABLES[t].name);
  if (rule.previousYear) {
    for (const t of rule.previousTables ?? ["episodes"]) {
      if (!ctx.prev?.supplied.has(t)) missing.push(`${TABLES[t].name} (previous year)`);
    }
  }
  return missing;
}

/**
 * Runs each collection year's rule set over that year's rows. `readIssues`
 * (problems met while reading) are carried into the result so one report
 * holds everything.
 */
export interface ValidateOptions {
  /** Only these collection years (the others may be given as the years before them, for continuity rules). */
  years?: ReadonlySet<CollectionYear>;
  /** Facts about whole years, when the return holds only some of the children (see home-la.ts). */
  facts?: ReadonlyMap<CollectionYear, YearFacts>;
  /** Rows a slice of a table holds for the rowwise rules (default SLICE_ROWS). */
  sliceRows?: number;
}

/** A finding and where its row is (file index × ROWS_A_FILE + row), for putting findings in order. */
interface Found {
  at: number;
  issue: Issue;
}

const ROWS_A_FILE = 2 ** 32;

/**
 * Rows a slice of a table holds when its rowwise rules run together: small
 * enough that the slice stays in a core's own cache while every rule reads it.
 */
export const SLICE_ROWS = 2048;

export function validate(
  data: Return903,
  registry: RuleRegistry,
  readIssues: readonly Issue[] = [],
  options: ValidateOptions = {},
): ValidationResult {
  const issues: Issue[] = [...readIssues];
  const skipped: SkippedRule[] = [];
  const years = splitByYear(data);
  const sliceRows = options.sliceRows ?? SLICE_ROWS;
  for (const year of [...years.keys()].sort((a, b) => a - b)) {
    if (options.years && !options.years.has(year)) continue;
    const ctx = new YearContext(years.get(year)!, years.get(year - 1), options.facts?.get(year));
    // No later year needs the year before this one: let it and its indexes go.
    years.delete(year - 2);
    const rules: Rule[] = [];
    for (const rule of registry.rulesFor(year)) {
      const missing = missingTables(rule, ctx);
      if (missing.length > 0) skipped.push({ rule: rule.id, year, missing });
      else rules.push(rule);
    }
    // Each rule's findings in its own list, in file and row order, joined in rule order: the
    // report is the same however the rules ran (together over slices, or on threads that each
    // hold some of the children).
    const found: Found[][] = rules.map(() => []);
    const flags: Flag[] = rules.map((rule, i) => (row, fields, detail) => {
      found[i]!.push({
        at: row.file * ROWS_A_FILE + row.row,
        issue: {
          rule: rule.id,
          severity: rule.severity,
          message: detail ? `${rule.message}: ${detail}` : rule.message,
          file: data.files[row.file]?.path,
          row: row.row,
          child: row.CHILD,
          fields: [...(fields ?? rule.fields)],
          year,
        },
      });
    });
    const rowwise = new Map<TableKey, number[]>();
    rules.forEach((rule, i) => {
      if (!rule.rowwise) rule.check(ctx, flags[i]!);
      else {
        const table = rule.rowwise;
        const list = rowwise.get(table);
        if (list) list.push(i);
        else rowwise.set(table, [i]);
      }
    });
    for (const [table, which] of rowwise) {
      const rows = ctx.t[table] as AnyRow[];
      for (let at = 0; at < rows.length; at += sliceRows) {
        const slice = ctx.slice(table, rows.slice(at, at + sliceRows));
        for (const i of which) rules[i]!.check(slice, flags[i]!);
      }
    }
    for (const list of found) {
      list.sort((a, b) => a.at - b.at);
      for (const f of list) issues.push(f.issue);
    }
  }
  return { issues, summary: summarise(issues, registry), skipped };
}

export function summarise(issues: readonly Issue[], registry?: RuleRegistry): ValidationResult["summary"] {
  const byRule: Record<string, RuleSummary> = {};
  let errors = 0;
  let queries = 0;
  const messages = new Map<string, string>();
  for (const c of registry?.catalogue() ?? []) messages.set(c.rule.id, c.rule.message);
  for (const i of issues) {
    if (i.severity === "error") errors += 1;
    else queries += 1;
    const s = byRule[i.rule];
    if (s) s.count += 1;
    else
      byRule[i.rule] = {
        rule: i.rule,
        severity: i.severity,
        message: messages.get(i.rule) ?? i.message,
        count: 1,
      };
  }
  return { errors, queries, byRule };
}
