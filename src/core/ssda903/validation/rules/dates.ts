/** Validation rules: date (see docs/validation.md). */
import type { YearOverlay } from "../registry.js";
import type { Rule } from "../rule.js";

export const datesRules: Rule[] = [];

/** Changes to this group's rules in later collection years. */
export const datesOverlays: YearOverlay[] = [];
