/**
 * RNE rules: the reason for a new episode must match what changed between
 * consecutive episodes, and the reason for a placement change is given only
 * when the placement changed.
 *
 * "The placement changed" means any of PLACE, PLACE_PROVIDER, PL_POST or URN
 * differs (as DfE compares them); "the legal status changed" means LS
 * differs. Only episodes that follow on the same day are compared (gaps and
 * overlaps are the sequence rules'), and only when RNE, LS and PLACE are
 * valid codes. The reason for a placement change is recorded on the episode
 * that ends when the placement changes.
 */
import { codesFor, LS, PLACE, RNE } from "../../codes.js";
import type { EpisodeRow } from "../../types.js";
import type { YearContext } from "../context.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { continues, eachChild, endOf, isTemporary, startOf, uk } from "./sequence.js";

const PLACEMENT_FIELDS = ["PLACE", "PLACE_PROVIDER", "PL_POST", "URN"] as const;

/** The placement fields that differ between two episodes. */
function movedFields(prev: EpisodeRow, cur: EpisodeRow): Array<(typeof PLACEMENT_FIELDS)[number]> {
  return PLACEMENT_FIELDS.filter((f) => prev[f] !== cur[f]);
}

/** "PLACE U4→U6, PL_POST …" for a message. */
function describeMove(prev: EpisodeRow, cur: EpisodeRow): string {
  return movedFields(prev, cur)
    .map((f) => `${f} ${prev[f] || "blank"}→${cur[f] || "blank"}`)
    .join(", ");
}

interface Change {
  prev: EpisodeRow;
  cur: EpisodeRow;
  lsChanged: boolean;
  moved: boolean;
}

/**
 * Each pair of same-day consecutive episodes whose codes can be compared,
 * worked out once per year and shared by the rules of this group.
 */
function changes(ctx: YearContext): readonly Change[] {
  return ctx.shared("rne:changes", () => {
    const out: Change[] = [];
    const rnes = codesFor(RNE, ctx.year);
    const statuses = codesFor(LS, ctx.year);
    const places = codesFor(PLACE, ctx.year);
    eachChild(ctx, (eps) => {
      for (let i = 1; i < eps.length; i++) {
        const prev = eps[i - 1]!;
        const cur = eps[i]!;
        if (cur.RNE === "S" || !rnes.has(cur.RNE) || !continues(prev, cur)) continue;
        if (!statuses.has(prev.LS) || !statuses.has(cur.LS)) continue;
        if (!places.has(prev.PLACE) || !places.has(cur.PLACE)) continue;
        const moved =
          prev.PLACE !== cur.PLACE ||
          prev.PLACE_PROVIDER !== cur.PLACE_PROVIDER ||
          prev.PL_POST !== cur.PL_POST ||
          prev.URN !== cur.URN;
        out.push({ prev, cur, lsChanged: prev.LS !== cur.LS, moved });
      }
    });
    return out;
  });
}

function eachChange(ctx: YearContext, fn: (c: Change) => void): void {
  for (const c of changes(ctx)) fn(c);
}

const lsOnly = rule({
  id: "434",
  dfe: true,
  severity: "error",
  message:
    "Reason for new episode is L (legal status changed, placement did not), but the episodes show otherwise",
  tables: ["episodes"],
  fields: ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"],
  check(ctx, flag) {
    eachChange(ctx, ({ prev, cur, lsChanged, moved }) => {
      if (cur.RNE !== "L" || (!lsChanged && !moved)) return; // nothing changed: SP311
      const why: string[] = [];
      if (!lsChanged) why.push(`LS stayed ${cur.LS}`);
      if (moved) why.push(`placement changed (${describeMove(prev, cur)})`);
      if (why.length > 0) flag(cur, undefined, `from ${uk(startOf(cur))}: ${why.join("; ")}`);
    });
  },
});

const placementOnly = rule({
  id: "435",
  dfe: true,
  severity: "error",
  message:
    "Reason for new episode is P or T (placement changed, legal status did not), but the episodes show otherwise",
  tables: ["episodes"],
  fields: ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"],
  check(ctx, flag) {
    eachChange(ctx, ({ prev, cur, lsChanged, moved }) => {
      if ((cur.RNE !== "P" && cur.RNE !== "T") || (!lsChanged && !moved)) return;
      const why: string[] = [];
      if (lsChanged) why.push(`LS changed ${prev.LS}→${cur.LS}`);
      if (!moved) why.push("placement details are unchanged");
      if (why.length > 0) flag(cur, undefined, `RNE ${cur.RNE} from ${uk(startOf(cur))}: ${why.join("; ")}`);
    });
  },
});

const both = rule({
  id: "436",
  dfe: true,
  severity: "error",
  message:
    "Reason for new episode is B or U (legal status and placement both changed), but the episodes show otherwise",
  tables: ["episodes"],
  fields: ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"],
  check(ctx, flag) {
    eachChange(ctx, ({ cur, lsChanged, moved }) => {
      if ((cur.RNE !== "B" && cur.RNE !== "U") || (!lsChanged && !moved)) return;
      const why: string[] = [];
      if (!lsChanged) why.push(`LS stayed ${cur.LS}`);
      if (!moved) why.push("placement details are unchanged");
      if (why.length > 0) flag(cur, undefined, `RNE ${cur.RNE} from ${uk(startOf(cur))}: ${why.join("; ")}`);
    });
  },
});

const sameCarerNewProvider = rule({
  id: "SP310",
  dfe: false,
  severity: "query",
  message:
    "Reason for new episode is T or U (same carer), but the placement provider changed: a new provider usually means a new carer (RNE P or B)",
  tables: ["episodes"],
  fields: ["RNE", "PLACE_PROVIDER"],
  check(ctx, flag) {
    eachChange(ctx, ({ prev, cur }) => {
      if (cur.RNE !== "T" && cur.RNE !== "U") return;
      if (
        prev.PLACE_PROVIDER !== "" &&
        cur.PLACE_PROVIDER !== "" &&
        prev.PLACE_PROVIDER !== cur.PLACE_PROVIDER
      ) {
        flag(
          cur,
          undefined,
          `PLACE_PROVIDER ${prev.PLACE_PROVIDER}→${cur.PLACE_PROVIDER} with RNE ${cur.RNE}`,
        );
      }
    });
  },
});

const nothingChanged = rule({
  id: "SP311",
  dfe: false,
  severity: "error",
  message:
    "A new episode was recorded but neither the legal status nor the placement changed: it repeats the previous episode",
  tables: ["episodes"],
  fields: ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"],
  check(ctx, flag) {
    eachChange(ctx, ({ prev, cur, lsChanged, moved }) => {
      if (!lsChanged && !moved) {
        flag(
          cur,
          undefined,
          `RNE ${cur.RNE} on ${uk(startOf(cur))}; LS ${cur.LS} and PLACE ${cur.PLACE} as in the episode from ${uk(startOf(prev))}`,
        );
      }
    });
  },
});

const reasonForTemporary = rule({
  id: "226",
  dfe: true,
  severity: "error",
  message:
    "A reason for placement change (REASON_PLACE_CHANGE) is not needed for a move into or within a temporary placement (T0–T4)",
  tables: ["episodes"],
  fields: ["REASON_PLACE_CHANGE", "PLACE"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      for (let i = 0; i < eps.length; i++) {
        const e = eps[i]!;
        if (e.REASON_PLACE_CHANGE === "") continue;
        const next = eps[i + 1];
        if (isTemporary(e.PLACE)) {
          flag(e, ["REASON_PLACE_CHANGE"], `${e.REASON_PLACE_CHANGE} on a temporary placement ${e.PLACE}`);
        } else if (next && isTemporary(next.PLACE)) {
          flag(
            e,
            ["REASON_PLACE_CHANGE"],
            `${e.REASON_PLACE_CHANGE}, but the next placement (from ${uk(startOf(next))}) is temporary ${next.PLACE}`,
          );
        }
      }
    });
  },
});

const PLACEMENT_RNE: ReadonlySet<string> = new Set(["P", "B", "T", "U"]);

/**
 * A reason for placement change on an episode whose placement did not
 * change. `openToo` also reports open episodes (before 2025/26, when DfE's
 * rule 233 takes those over).
 */
function reasonWithoutMove(openToo: boolean): Rule {
  return rule({
    id: "SP312",
    dfe: false,
    severity: "query",
    message:
      "A reason for placement change (REASON_PLACE_CHANGE) is recorded but the placement did not change at the end of this episode",
    tables: ["episodes"],
    fields: ["REASON_PLACE_CHANGE"],
    check(ctx, flag) {
      eachChild(ctx, (eps) => {
        for (let i = 0; i < eps.length; i++) {
          const e = eps[i]!;
          const next = eps[i + 1];
          if (e.REASON_PLACE_CHANGE === "" || isTemporary(e.PLACE)) continue;
          if (next && isTemporary(next.PLACE)) continue; // rule 226
          const end = endOf(e);
          if (end === null) {
            if (openToo) flag(e, undefined, `${e.REASON_PLACE_CHANGE} on an episode that is still open`);
            continue;
          }
          if (end === undefined) continue;
          if (next && continues(e, next)) {
            if (!PLACEMENT_RNE.has(next.RNE)) {
              flag(
                e,
                undefined,
                `${e.REASON_PLACE_CHANGE}, but the next episode's RNE is ${next.RNE || "blank"}`,
              );
            }
          } else if (e.REC !== "X1") {
            // An X1 ending with no same-day episode is rule 388's.
            flag(
              e,
              undefined,
              `${e.REASON_PLACE_CHANGE}, but the episode ended ${uk(end)} with ${e.REC || "no reason"}`,
            );
          }
        }
      });
    },
  });
}

const reasonOnOpen = rule({
  id: "233",
  dfe: true,
  severity: "error",
  message:
    "A reason for placement change (REASON_PLACE_CHANGE) is not needed while the episode is still open",
  tables: ["episodes"],
  fields: ["REASON_PLACE_CHANGE", "DEC"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.DEC === null && e.REASON_PLACE_CHANGE !== "")
        flag(e, ["REASON_PLACE_CHANGE"], e.REASON_PLACE_CHANGE);
    }
  },
});

export const rneRules: Rule[] = [
  lsOnly,
  placementOnly,
  both,
  sameCarerNewProvider,
  nothingChanged,
  reasonForTemporary,
  reasonWithoutMove(true),
];

/**
 * From 2025/26 DfE rejects a reason for placement change on an open episode
 * (rule 233), so SP312 stops reporting open episodes.
 */
export const rneOverlays: YearOverlay[] = [
  { year: 2025, add: [reasonOnOpen], replace: [reasonWithoutMove(false)] },
];
