/** Validation rules: sequence (see docs/validation.md). */
import type { YearOverlay } from "../registry.js";
import type { Rule } from "../rule.js";

export const sequenceRules: Rule[] = [];

/** Changes to this group's rules in later collection years. */
export const sequenceOverlays: YearOverlay[] = [];
