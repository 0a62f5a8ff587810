/**
 * Sequence rules: how a child's episodes in the year follow one another.
 *
 * Episodes are open on the days [DECOM, DEC). A child's next episode starts
 * on the day the previous one ended (its REC is X1, the RNE of the next says
 * what changed); a child who left care (an E reason) comes back only as a
 * new start (RNE S). Rules skip rows whose dates are blank or unreadable and
 * rows whose codes are not in the year's list: the format and date rules
 * report those.
 *
 * The helpers at the top are shared by this helper's other groups (rne,
 * temporary, ages, provider, short-breaks, continuity).
 */
import { type Day, formatUK } from "../../../dates.js";
import { type Code, codesFor, REC, RNE, TEMPORARY_PLACE } from "../../codes.js";
import type { EpisodeRow } from "../../types.js";
import type { YearContext } from "../context.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/** True for a readable date (not blank, not unreadable). */
export function isDay(d: Day | null | undefined): d is Day {
  return typeof d === "number" && !Number.isNaN(d);
}

/** DD/MM/YYYY for a message. */
export const uk = formatUK;

/** True when `value` is in the code list for the context's collection year. */
export function valid(ctx: YearContext, list: Code[], value: string): boolean {
  return value !== "" && codesFor(list, ctx.year).has(value);
}

/** The start of an episode already known to have a readable DECOM. */
export function startOf(e: EpisodeRow): Day {
  return e.DECOM as Day;
}

/**
 * The end of an episode: DEC when readable and not before DECOM, null when
 * blank (the episode is open), undefined when it cannot be used.
 */
export function endOf(e: EpisodeRow): Day | null | undefined {
  if (e.DEC === null) return null;
  if (!isDay(e.DEC) || !isDay(e.DECOM) || e.DEC < e.DECOM) return undefined;
  return e.DEC;
}

/**
 * A child's episodes with a readable start date, in start order. The
 * context sorts blank and unreadable starts last, so this is a prefix.
 */
export function dated(list: readonly EpisodeRow[]): readonly EpisodeRow[] {
  let n = 0;
  while (n < list.length && isDay(list[n]!.DECOM)) n++;
  return n === list.length ? list : list.slice(0, n);
}

/** Calls `fn` once per child with that child's dated episodes (and whether some were left out). */
export function eachChild(
  ctx: YearContext,
  fn: (eps: readonly EpisodeRow[], undated: boolean, child: string) => void,
): void {
  // Worked out once per year: about twenty rules walk the children this way.
  const children = ctx.shared("sequence:dated", () => {
    const out: Array<{ child: string; eps: readonly EpisodeRow[]; undated: boolean }> = [];
    for (const [child, list] of ctx.episodesByChild()) {
      const d = dated(list);
      out.push({ child, eps: d, undated: d.length < list.length });
    }
    return out;
  });
  for (const c of children) fn(c.eps, c.undated, c.child);
}

/** The episode ended with a valid reason other than X1: the child left care. */
export function endedCare(ctx: YearContext, e: EpisodeRow): boolean {
  return isDay(e.DEC) && e.REC !== "X1" && valid(ctx, REC, e.REC);
}

/** True when `next` starts on the day `prev` ended. */
export function continues(prev: EpisodeRow, next: EpisodeRow): boolean {
  const end = endOf(prev);
  return typeof end === "number" && next.DECOM === end;
}

export function isTemporary(place: string): boolean {
  return TEMPORARY_PLACE.has(place);
}

/** RNE codes that continue a period of care. */
export const CONTINUATION_RNE: ReadonlySet<string> = new Set(["L", "P", "T", "U", "B"]);

function describeEnd(e: EpisodeRow): string {
  const end = endOf(e);
  return typeof end === "number" ? `${uk(end)}${e.REC ? ` (${e.REC})` : ""}` : "?";
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

const overlap = rule({
  id: "501",
  dfe: true,
  severity: "error",
  message: "An episode starts before the child's previous episode has ended",
  tables: ["episodes"],
  fields: ["DECOM", "DEC"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      for (let i = 1; i < eps.length; i++) {
        const prev = eps[i - 1]!;
        const cur = eps[i]!;
        const end = endOf(prev);
        // An open previous episode is rule 142's; the same start date is SP300's.
        if (typeof end !== "number" || startOf(cur) === startOf(prev)) continue;
        if (startOf(cur) < end) {
          flag(
            cur,
            ["DECOM"],
            `starts ${uk(startOf(cur))} but the episode from ${uk(startOf(prev))} ends ${uk(end)}`,
          );
        }
      }
    });
  },
});

const openNotLatest = rule({
  id: "142",
  dfe: true,
  severity: "error",
  message: "An episode is still open (no end date) but a later episode has started",
  tables: ["episodes"],
  fields: ["DEC", "REC"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      for (let i = 0; i + 1 < eps.length; i++) {
        const e = eps[i]!;
        if (e.DEC !== null) continue;
        const next = eps[i + 1]!;
        flag(
          e,
          ["DEC", "REC"],
          `episode from ${uk(startOf(e))} is open; the next starts ${uk(startOf(next))}`,
        );
      }
    });
  },
});

const sameStart = rule({
  id: "SP300",
  dfe: false,
  severity: "error",
  message: "Two episodes of the child start on the same day",
  tables: ["episodes"],
  fields: ["DECOM"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      for (let i = 1; i < eps.length; i++) {
        const cur = eps[i]!;
        if (startOf(cur) === startOf(eps[i - 1]!)) flag(cur, ["DECOM"], `DECOM ${uk(startOf(cur))}`);
      }
    });
  },
});

const x1WithoutNext = rule({
  id: "388",
  dfe: true,
  severity: "error",
  message:
    "The episode ended with X1 (a new episode starts the same day) but no episode starts on its end date",
  tables: ["episodes"],
  fields: ["REC", "DEC"],
  check(ctx, flag) {
    eachChild(ctx, (eps, undated) => {
      for (let i = 0; i < eps.length; i++) {
        const e = eps[i]!;
        const end = endOf(e);
        // An end after the collection year is the date rules'; its next episode belongs to next year.
        if (e.REC !== "X1" || typeof end !== "number" || end > ctx.end) continue;
        const next = eps[i + 1];
        if (!next) {
          // The continuation may be a row whose start date could not be read.
          if (!undated) flag(e, ["REC"], `ended ${uk(end)} with X1 and no later episode`);
        } else if (startOf(next) > end) {
          // (A next episode that starts before this one ended is rule 501's.)
          flag(
            e,
            ["REC", "DEC"],
            `ended ${uk(end)} with X1 but the next episode starts ${uk(startOf(next))}`,
          );
        }
      }
    });
  },
});

const afterLeavingNotS = rule({
  id: "432",
  dfe: true,
  severity: "error",
  message:
    "The child left care at the end of the previous episode, so this episode's reason for new episode (RNE) must be S",
  tables: ["episodes"],
  fields: ["RNE"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      for (let i = 1; i < eps.length; i++) {
        const prev = eps[i - 1]!;
        const cur = eps[i]!;
        if (endedCare(ctx, prev) && valid(ctx, RNE, cur.RNE) && cur.RNE !== "S") {
          flag(cur, ["RNE"], `RNE ${cur.RNE}; the previous episode ended ${describeEnd(prev)}`);
        }
      }
    });
  },
});

const DIED_OR_ADULT: ReadonlySet<string> = new Set(["E2", "E15"]);

const nothingAfterDeath = rule({
  id: "437",
  dfe: true,
  severity: "error",
  message:
    "The episode ended because the child died (E2) or was assessed as 18 or over (E15), but a later episode follows",
  tables: ["episodes"],
  fields: ["REC"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      for (let i = 0; i + 1 < eps.length; i++) {
        const e = eps[i]!;
        if (DIED_OR_ADULT.has(e.REC) && isDay(e.DEC)) {
          flag(e, ["REC"], `REC ${e.REC} on ${uk(e.DEC)}; next episode starts ${uk(startOf(eps[i + 1]!))}`);
        }
      }
    });
  },
});

const firstNotS = rule({
  id: "357",
  dfe: true,
  severity: "error",
  message:
    "The child's first episode starts in the year but its reason for new episode (RNE) is not S: an earlier episode may be missing",
  tables: ["episodes"],
  fields: ["RNE"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      const first = eps[0];
      if (!first || startOf(first) < ctx.start) return;
      if (valid(ctx, RNE, first.RNE) && first.RNE !== "S") {
        flag(first, ["RNE"], `RNE ${first.RNE} on the first episode, starting ${uk(startOf(first))}`);
      }
    });
  },
});

const continuationAfterGap = rule({
  id: "433",
  dfe: true,
  severity: "error",
  message:
    "The reason for new episode (RNE) says the child stayed in care, but the episode does not start on the day the previous one ended",
  tables: ["episodes"],
  fields: ["RNE", "DECOM"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      for (let i = 1; i < eps.length; i++) {
        const prev = eps[i - 1]!;
        const cur = eps[i]!;
        const end = endOf(prev);
        // Overlaps are rule 501's; a previous E ending is rule 432's.
        if (typeof end !== "number" || startOf(cur) <= end || endedCare(ctx, prev)) continue;
        if (CONTINUATION_RNE.has(cur.RNE)) {
          flag(
            cur,
            ["RNE", "DECOM"],
            `RNE ${cur.RNE} from ${uk(startOf(cur))}; the previous episode ended ${uk(end)}`,
          );
        }
      }
    });
  },
});

const newStartSameDay = rule({
  id: "431",
  dfe: true,
  severity: "error",
  message:
    "The reason for new episode is S (started to be looked after) but the previous episode ended the same day, so the child was already looked after",
  tables: ["episodes"],
  fields: ["RNE", "DECOM"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      for (let i = 1; i < eps.length; i++) {
        const prev = eps[i - 1]!;
        const cur = eps[i]!;
        if (cur.RNE === "S" && endOf(prev) === startOf(cur)) {
          flag(cur, ["RNE"], `RNE S on ${uk(startOf(cur))}; the previous episode ended ${describeEnd(prev)}`);
        }
      }
    });
  },
});

const backNextDay = rule({
  id: "SP301",
  dfe: false,
  severity: "query",
  message:
    "The child is recorded as leaving care and starting again the next day: check whether the child really left care (if not, end the episode with X1 on the day the new one starts)",
  tables: ["episodes"],
  fields: ["RNE", "DECOM"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      for (let i = 1; i < eps.length; i++) {
        const prev = eps[i - 1]!;
        const cur = eps[i]!;
        const end = endOf(prev);
        if (cur.RNE === "S" && endedCare(ctx, prev) && typeof end === "number" && startOf(cur) === end + 1) {
          flag(
            cur,
            ["RNE", "DECOM"],
            `previous episode ended ${describeEnd(prev)}; this one starts ${uk(startOf(cur))}`,
          );
        }
      }
    });
  },
});

export const sequenceRules: Rule[] = [
  overlap,
  openNotLatest,
  sameStart,
  x1WithoutNext,
  afterLeavingNotS,
  nothingAfterDeath,
  firstNotS,
  continuationAfterGap,
  newStartSameDay,
  backNextDay,
];

/** These rules have not changed across the supported years. */
export const sequenceOverlays: YearOverlay[] = [];
