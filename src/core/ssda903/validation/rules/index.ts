/**
 * The rule set: the base list (from the first supported year) and, per later
 * year, what changed (see registry.ts). Each group of rules lives in its own
 * file with its examples beside it in <group>.examples.ts.
 */
import { RuleRegistry, type YearOverlay } from "../registry.js";
import type { Rule } from "../rule.js";
import { agesOverlays, agesRules } from "./ages.js";
import { continuityOverlays, continuityRules } from "./continuity.js";
import { datesOverlays, datesRules } from "./dates.js";
import { formatOverlays, formatRules } from "./formats.js";
import { headerOverlays, headerRules } from "./header.js";
import { oc3Overlays, oc3Rules } from "./oc3.js";
import { otherTablesOverlays, otherTablesRules } from "./other-tables.js";
import { providerOverlays, providerRules } from "./provider.js";
import { rneOverlays, rneRules } from "./rne.js";
import { sequenceOverlays, sequenceRules } from "./sequence.js";
import { shortBreaksOverlays, shortBreaksRules } from "./short-breaks.js";
import { temporaryOverlays, temporaryRules } from "./temporary.js";
import { uascOverlays, uascRules } from "./uasc.js";

export const baseRules: Rule[] = [
  ...formatRules,
  ...datesRules,
  ...headerRules,
  ...uascRules,
  ...oc3Rules,
  ...otherTablesRules,
  ...sequenceRules,
  ...rneRules,
  ...temporaryRules,
  ...agesRules,
  ...providerRules,
  ...shortBreaksRules,
  ...continuityRules,
];

export const overlays: YearOverlay[] = [
  ...formatOverlays,
  ...datesOverlays,
  ...headerOverlays,
  ...uascOverlays,
  ...oc3Overlays,
  ...otherTablesOverlays,
  ...sequenceOverlays,
  ...rneOverlays,
  ...temporaryOverlays,
  ...agesOverlays,
  ...providerOverlays,
  ...shortBreaksOverlays,
  ...continuityOverlays,
];

export const defaultRegistry = new RuleRegistry(baseRules, overlays);
