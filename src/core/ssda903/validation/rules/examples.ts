/** Every group's examples, for rules.test.ts. */
import type { RuleExample } from "../../test-support/rule-examples.js";
import { agesExamples } from "./ages.examples.js";
import { continuityExamples } from "./continuity.examples.js";
import { datesExamples } from "./dates.examples.js";
import { formatExamples } from "./formats.examples.js";
import { headerExamples } from "./header.examples.js";
import { oc3Examples } from "./oc3.examples.js";
import { otherTablesExamples } from "./other-tables.examples.js";
import { providerExamples } from "./provider.examples.js";
import { rneExamples } from "./rne.examples.js";
import { sequenceExamples } from "./sequence.examples.js";
import { shortBreaksExamples } from "./short-breaks.examples.js";
import { temporaryExamples } from "./temporary.examples.js";
import { uascExamples } from "./uasc.examples.js";

export const allExamples: RuleExample[] = [
  ...formatExamples,
  ...datesExamples,
  ...headerExamples,
  ...uascExamples,
  ...oc3Examples,
  ...otherTablesExamples,
  ...sequenceExamples,
  ...rneExamples,
  ...temporaryExamples,
  ...agesExamples,
  ...providerExamples,
  ...shortBreaksExamples,
  ...continuityExamples,
];
