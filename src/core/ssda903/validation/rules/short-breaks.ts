/**
 * Short-break rules (LS V3: individual short breaks; V4: short breaks under
 * an agreement). Each V3 episode is one break of at most 17 days, with at
 * most 75 days of V3 breaks in the year; a V4 episode covers a whole
 * agreement, so its length says nothing about nights away and the 75-day
 * total counts V3 only (as DfE's rule does).
 */
import { PLACE, RNE } from "../../codes.js";
import type { EpisodeRow } from "../../types.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { eachChild, endOf, isDay, startOf, uk, valid } from "./sequence.js";

function isShortBreak(ls: string): boolean {
  return ls === "V3" || ls === "V4";
}

const breakTooLong = rule({
  id: "365",
  dfe: true,
  severity: "error",
  message: "A single short break (LS V3) must not last more than 17 days",
  tables: ["episodes"],
  fields: ["LS", "DECOM", "DEC"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.LS !== "V3" || !isDay(e.DECOM)) continue;
      const end = endOf(e);
      if (end === undefined) continue;
      const days = (end ?? ctx.end) - e.DECOM;
      if (days > 17) {
        flag(
          e,
          undefined,
          `${days} days from ${uk(e.DECOM)} ${end === null ? `to ${uk(ctx.end)} (still open)` : `to ${uk(end)}`}`,
        );
      }
    }
  },
});

const yearTotal = rule({
  id: "367",
  dfe: true,
  severity: "error",
  message: "Short breaks (LS V3) must not add up to more than 75 days in the year",
  tables: ["episodes"],
  fields: ["LS", "DECOM", "DEC"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      const counted: EpisodeRow[] = [];
      let total = 0;
      for (const e of eps) {
        const end = endOf(e);
        if (e.LS !== "V3" || end === undefined) continue;
        const from = Math.max(startOf(e), ctx.start);
        const to = Math.min(end ?? ctx.end, ctx.end);
        if (to > from) {
          total += to - from;
          counted.push(e);
        }
      }
      if (total > 75)
        for (const e of counted) flag(e, undefined, `${total} days of V3 short breaks in the year`);
    });
  },
});

const breakIsNewStart = rule({
  id: "366",
  dfe: true,
  severity: "error",
  message:
    "A single short break (LS V3) always starts a new episode (RNE S): the child cannot change placement or legal status during one",
  tables: ["episodes"],
  fields: ["LS", "RNE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.LS === "V3" && valid(ctx, RNE, e.RNE) && e.RNE !== "S") flag(e, ["RNE"], `RNE ${e.RNE}`);
    }
  },
});

const longTermFoster = rule({
  id: "384",
  dfe: true,
  severity: "error",
  message:
    "A child on a short break (LS V3 or V4) cannot be in a long-term foster placement (PLACE U1 or U4)",
  tables: ["episodes"],
  fields: ["LS", "PLACE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (isShortBreak(e.LS) && (e.PLACE === "U1" || e.PLACE === "U4"))
        flag(e, undefined, `LS ${e.LS}, PLACE ${e.PLACE}`);
    }
  },
});

const bothKinds = rule({
  id: "426",
  dfe: true,
  severity: "error",
  message: "A child's short breaks cannot be recorded under both V3 and V4 in the same year",
  tables: ["episodes"],
  fields: ["LS"],
  check(ctx, flag) {
    for (const list of ctx.episodesByChild().values()) {
      let v3 = false;
      let v4 = false;
      for (const e of list) {
        if (e.LS === "V3") v3 = true;
        else if (e.LS === "V4") v4 = true;
      }
      if (!v3 || !v4) continue;
      for (const e of list)
        if (isShortBreak(e.LS))
          flag(e, undefined, `LS ${e.LS}; the child also has ${e.LS === "V3" ? "V4" : "V3"} episodes`);
    }
  },
});

/**
 * Placement types that do not fit a short break away from home: with
 * parents, independent or semi-independent living, residential employment,
 * adoption, secure homes, custody. Temporary placements are rule 382's.
 */
const UNLIKELY_FOR_BREAKS: ReadonlySet<string> = new Set([
  "P1",
  "P2",
  "P3",
  "H5",
  "K3",
  "A3",
  "A4",
  "A5",
  "A6",
  "K1",
  "R5",
]);

const implausiblePlacement = rule({
  id: "SP350",
  dfe: false,
  severity: "query",
  message:
    "A short break (LS V3 or V4) is recorded in a placement type that does not fit a short break (with parents, independent living, adoption, secure or custody)",
  tables: ["episodes"],
  fields: ["LS", "PLACE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (isShortBreak(e.LS) && UNLIKELY_FOR_BREAKS.has(e.PLACE) && valid(ctx, PLACE, e.PLACE)) {
        flag(e, undefined, `LS ${e.LS}, PLACE ${e.PLACE}`);
      }
    }
  },
});

export const shortBreaksRules: Rule[] = [
  breakTooLong,
  yearTotal,
  breakIsNewStart,
  longTermFoster,
  bothKinds,
  implausiblePlacement,
];

/** These rules have not changed across the supported years. */
export const shortBreaksOverlays: YearOverlay[] = [];
