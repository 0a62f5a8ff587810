import type { RuleExample } from "../../test-support/rule-examples.js";

export const oc3Examples: RuleExample[] = [];
