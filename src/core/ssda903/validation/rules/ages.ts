/** Validation rules: ages (see docs/validation.md). */
import type { YearOverlay } from "../registry.js";
import type { Rule } from "../rule.js";

export const agesRules: Rule[] = [];

/** Changes to this group's rules in later collection years. */
export const agesOverlays: YearOverlay[] = [];
