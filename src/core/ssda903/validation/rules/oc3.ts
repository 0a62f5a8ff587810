/** Validation rules: oc3 (see docs/validation.md). */
import type { YearOverlay } from "../registry.js";
import type { Rule } from "../rule.js";

export const oc3Rules: Rule[] = [];

/** Changes to this group's rules in later collection years. */
export const oc3Overlays: YearOverlay[] = [];
