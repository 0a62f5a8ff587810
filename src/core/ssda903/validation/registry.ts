import { type CollectionYear, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from "../years.js";
import type { Rule } from "./rule.js";

/**
 * How a collection year's rule set differs from the year before: rules added,
 * rules replaced by a new version (same id), rules retired. The first year's
 * set is the base list.
 */
export interface YearOverlay {
  year: CollectionYear;
  add?: readonly Rule[];
  replace?: readonly Rule[];
  retire?: readonly string[];
}

export class RuleRegistry {
  private readonly byYear = new Map<CollectionYear, Rule[]>();

  constructor(base: readonly Rule[], overlays: readonly YearOverlay[] = []) {
    const ids = new Set<string>();
    for (const r of base) {
      if (ids.has(r.id)) throw new Error(`rule ${r.id} is registered twice`);
      ids.add(r.id);
    }
    let current = new Map(base.map((r) => [r.id, r] as const));
    const sorted = [...overlays].sort((a, b) => a.year - b.year);
    for (let year = FIRST_SUPPORTED_YEAR; year <= LAST_SUPPORTED_YEAR; year++) {
      for (const o of sorted.filter((x) => x.year === year)) {
        current = new Map(current);
        for (const r of o.add ?? []) {
          if (current.has(r.id)) throw new Error(`rule ${r.id} added in ${year} already exists`);
          current.set(r.id, r);
        }
        for (const r of o.replace ?? []) {
          if (!current.has(r.id)) throw new Error(`rule ${r.id} replaced in ${year} does not exist`);
          current.set(r.id, r);
        }
        for (const id of o.retire ?? []) {
          if (!current.delete(id)) throw new Error(`rule ${id} retired in ${year} does not exist`);
        }
      }
      this.byYear.set(year, [...current.values()]);
    }
  }

  /** The rules that apply to a collection year. */
  rulesFor(year: CollectionYear): readonly Rule[] {
    return this.byYear.get(year) ?? [];
  }

  /** Every distinct rule version, with the years it applies to. */
  catalogue(): Array<{ rule: Rule; years: CollectionYear[] }> {
    const seen = new Map<Rule, CollectionYear[]>();
    for (const [year, rules] of this.byYear) {
      for (const r of rules) {
        const ys = seen.get(r);
        if (ys) ys.push(year);
        else seen.set(r, [year]);
      }
    }
    return [...seen].map(([rule, years]) => ({ rule, years }));
  }

  /** Distinct rule ids across all years. */
  ids(): Set<string> {
    return new Set(this.catalogue().map((c) => c.rule.id));
  }
}
