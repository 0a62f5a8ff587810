/**
 * Every validation rule has examples: files on which it must fire and files
 * on which it must stay quiet. Each group of rules declares them in
 * `<group>.examples.ts`; validation/rules/rules.test.ts turns each into two
 * tests and checks that every rule version in the registry has an example.
 */
import { describe, expect, it } from "vitest";
import { splitByYear, YearContext } from "../validation/context.js";
import { defaultRegistry } from "../validation/rules/index.js";
import { missingTables } from "../validation/validate.js";
import { buildReturn, type YearRows } from "./build.js";

export interface RuleExample {
  /** Rule id. */
  rule: string;
  /** The collection year the rule is checked in (its files may include the year before). */
  year: number;
  /** Files (by collection year) on which the rule must fire. */
  fails: Record<number, YearRows>;
  /** Files on which the rule must not fire. */
  passes: Record<number, YearRows>;
  /** How many issues the failing files must give (default: at least one). */
  count?: number;
  /** Fields the first issue must name (default: not checked). */
  fields?: string[];
}

/** Runs one rule of the default registry on files; returns its issues. */
export function runRule(ruleId: string, year: number, files: Record<number, YearRows>) {
  const rule = defaultRegistry.rulesFor(year).find((r) => r.id === ruleId);
  if (!rule) throw new Error(`rule ${ruleId} does not apply in ${year}`);
  const { data, issues: readIssues } = buildReturn(files);
  const years = splitByYear(data);
  const current = years.get(year);
  if (!current) throw new Error(`the example has no files for ${year}`);
  const ctx = new YearContext(current, years.get(year - 1));
  const missing = missingTables(rule, ctx);
  if (missing.length)
    throw new Error(`the example for ${ruleId} lacks ${missing.join(", ")}, so the rule would not run`);
  const found: Array<{ row: number; child: string; fields: readonly string[]; detail?: string }> = [];
  rule.check(ctx, (row, fields, detail) =>
    found.push({ row: row.row, child: row.CHILD, fields: fields ?? rule.fields, detail }),
  );
  return { found, readIssues };
}

export function ruleExamples(group: string, examples: RuleExample[]): void {
  describe(`validation rules: ${group}`, () => {
    for (const ex of examples) {
      it(`${ex.rule} (${ex.year}) fires on a failing example`, () => {
        const { found, readIssues } = runRule(ex.rule, ex.year, ex.fails);
        expect(readIssues.filter((i) => i.fatal)).toEqual([]);
        if (ex.count !== undefined) expect(found).toHaveLength(ex.count);
        else expect(found.length).toBeGreaterThan(0);
        if (ex.fields) expect(found[0]!.fields).toEqual(ex.fields);
      });
      it(`${ex.rule} (${ex.year}) stays quiet on a passing example`, () => {
        const { found, readIssues } = runRule(ex.rule, ex.year, ex.passes);
        expect(readIssues).toEqual([]);
        expect(found).toEqual([]);
      });
    }
  });
}
