import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleExamples } from "../../test-support/rule-examples.js";
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from "../../years.js";
import { rulesMarkdown } from "../catalogue.js";
import { allExamples } from "./examples.js";
import { defaultRegistry } from "./index.js";

ruleExamples("all groups", allExamples);

describe("the rule set", () => {
  const catalogue = defaultRegistry.catalogue();

  it("has at least 80 distinct rules", () => {
    expect(defaultRegistry.ids().size).toBeGreaterThanOrEqual(80);
  });

  it("has a failing and a passing example for every rule version", () => {
    const uncovered = catalogue
      .filter(({ rule, years }) => !allExamples.some((ex) => ex.rule === rule.id && years.includes(ex.year)))
      .map(({ rule, years }) => `${rule.id} (${years[0]}–${years[years.length - 1]})`);
    expect(uncovered).toEqual([]);
  });

  it("gives every rule an id, a message, tables and fields", () => {
    for (const { rule } of catalogue) {
      expect(rule.id).toMatch(dfeOrInternal(rule.dfe));
      expect(rule.message.length).toBeGreaterThan(10);
      expect(rule.tables.length).toBeGreaterThan(0);
      expect(rule.fields.length).toBeGreaterThan(0);
    }
  });
});

function dfeOrInternal(dfe: boolean): RegExp {
  return dfe ? /^\d{3,4}[A-Z]?$/ : /^SP\d{3}$/;
}

describe("docs/validation-rules.md", () => {
  it("is generated from the registry and up to date (regenerate: npx sufficiency rules --format markdown --out docs/validation-rules.md)", () => {
    const doc = readFileSync(new URL("../../../../../docs/validation-rules.md", import.meta.url), "utf8");
    expect(doc).toBe(rulesMarkdown(defaultRegistry, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR));
  });
});
