import type { RuleExample } from "../../test-support/rule-examples.js";

export const rneExamples: RuleExample[] = [];
