/** Validation rules: temporary (see docs/validation.md). */
import type { YearOverlay } from "../registry.js";
import type { Rule } from "../rule.js";

export const temporaryRules: Rule[] = [];

/** Changes to this group's rules in later collection years. */
export const temporaryOverlays: YearOverlay[] = [];
