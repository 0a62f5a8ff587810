/**
 * Continuity rules: this year's Episodes against last year's. An episode
 * open at the end of last year continues into this one unchanged: the child's
 * first episode this year has the same start date and the same codes. These
 * rules run only when last year's Episodes file is supplied.
 *
 * "Last year's last episode" is the child's latest-starting episode with a
 * readable DECOM in last year's file.
 */
import { CIN, type Code, codesFor, LS, PLACE, PLACE_PROVIDER, RNE } from "../../codes.js";
import type { EpisodeRow } from "../../types.js";
import type { YearContext } from "../context.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { dated, eachChild, isDay, startOf, uk } from "./sequence.js";

function isNumber(n: number | null): n is number {
  return typeof n === "number" && !Number.isNaN(n);
}

/** The child's last dated episode in last year's file. */
function lastOfPrevious(ctx: YearContext, child: string): EpisodeRow | undefined {
  const list = ctx.prevEpisodesByChild().get(child);
  if (!list) return undefined;
  const d = dated(list);
  return d[d.length - 1];
}

/**
 * Each child's first episode this year with last year's last episode, when
 * that was still open; worked out once per year for all the rules here.
 */
function eachContinued(ctx: YearContext, fn: (first: EpisodeRow, last: EpisodeRow) => void): void {
  const pairs = ctx.shared("continuity:continued", () => {
    const out: Array<[EpisodeRow, EpisodeRow]> = [];
    eachChild(ctx, (eps, _undated, child) => {
      const first = eps[0];
      const last = first && lastOfPrevious(ctx, child);
      if (first && last && last.DEC === null) out.push([first, last]);
    });
    return out;
  });
  for (const [first, last] of pairs) fn(first, last);
}

const startMoved = rule({
  id: "502",
  dfe: true,
  severity: "error",
  message:
    "Last year's return ended with an open episode, but the child's first episode this year does not start on the same date",
  tables: ["episodes"],
  fields: ["DECOM"],
  previousYear: true,
  check(ctx, flag) {
    eachContinued(ctx, (first, last) => {
      if (startOf(first) !== startOf(last)) {
        flag(
          first,
          undefined,
          `DECOM ${uk(startOf(first))}; last year's open episode started ${uk(startOf(last))}`,
        );
      }
    });
  },
});

type ComparedField =
  | "RNE"
  | "LS"
  | "CIN"
  | "PLACE"
  | "PLACE_PROVIDER"
  | "URN"
  | "PL_DISTANCE"
  | "PL_LA"
  | "PL_LOCATION";

/** A recoding DfE accepts between years (e.g. H5 in 2023/24 became K3 in 2024/25). */
type Recoding = (before: string, after: string) => boolean;

/**
 * The first episode of the year carries a different value in `field` from
 * last year's open episode with the same start date (a different start date
 * is rule 502's). Coded values are compared only when both are valid in
 * their own year; derived fields (PL_*) only when both files give them.
 */
function sameAsLastYear(opts: {
  id: string;
  field: ComparedField;
  what: string;
  codes?: Code[];
  /** Blank is a real value of the field (PLACE_PROVIDER for temporary and other placements). */
  blankAllowed?: boolean;
  recoded?: Recoding;
}): Rule {
  const { field, codes } = opts;
  return rule({
    id: opts.id,
    dfe: true,
    severity: "error",
    message: `The ${opts.what} (${field}) of the first episode differs from last year's open episode`,
    tables: ["episodes"],
    fields: [field],
    previousYear: true,
    check(ctx, flag) {
      eachContinued(ctx, (first, last) => {
        if (startOf(first) !== startOf(last)) return;
        if (field === "PL_DISTANCE") {
          const a = first.PL_DISTANCE;
          const b = last.PL_DISTANCE;
          if (isNumber(a) && isNumber(b) && Math.abs(a - b) >= 0.2) {
            flag(first, undefined, `${a} miles here, ${b} last year (episode from ${uk(startOf(first))})`);
          }
          return;
        }
        const now = first[field];
        const before = last[field];
        if (now === before) return;
        if (field.startsWith("PL_") && (now === "" || before === "")) return;
        const blank = opts.blankAllowed ?? false;
        if (
          codes &&
          !(comparable(codes, now, ctx.year, blank) && comparable(codes, before, ctx.year - 1, blank))
        ) {
          return;
        }
        if (opts.recoded?.(before, now)) return;
        flag(
          first,
          undefined,
          `${now || "blank"} here, ${before || "blank"} last year (episode from ${uk(startOf(first))})`,
        );
      });
    },
  });
}

/** A value valid in its year (blank only where the field may be blank; the format rules report the rest). */
function comparable(codes: Code[], value: string, year: number, blankAllowed: boolean): boolean {
  return value === "" ? blankAllowed : codesFor(codes, year).has(value);
}

const h5ToK3: Recoding = (before, after) => before === "H5" && after === "K3";
const z1Split: Recoding = (before, after) => before === "Z1" && /^Z1[1-4]$/.test(after);

const placeSame = (recoded?: Recoding) =>
  sameAsLastYear({ id: "503D", field: "PLACE", what: "placement type", codes: PLACE, recoded });

const fieldRules: Rule[] = [
  sameAsLastYear({ id: "503A", field: "RNE", what: "reason for new episode", codes: RNE }),
  sameAsLastYear({ id: "503B", field: "LS", what: "legal status", codes: LS }),
  sameAsLastYear({ id: "503C", field: "CIN", what: "category of need", codes: CIN }),
  placeSame(),
  sameAsLastYear({
    id: "503E",
    field: "PLACE_PROVIDER",
    what: "placement provider",
    codes: PLACE_PROVIDER,
    blankAllowed: true,
  }),
  sameAsLastYear({ id: "503F", field: "URN", what: "Ofsted URN" }),
  sameAsLastYear({ id: "503G", field: "PL_DISTANCE", what: "distance from home" }),
  sameAsLastYear({ id: "503H", field: "PL_LA", what: "LA of placement" }),
  sameAsLastYear({ id: "503J", field: "PL_LOCATION", what: "placement location" }),
];

const postcodesChanged = rule({
  id: "SP360",
  dfe: false,
  severity: "query",
  message: "The home or placement postcode of the first episode differs from last year's open episode",
  tables: ["episodes"],
  fields: ["HOME_POST", "PL_POST"],
  previousYear: true,
  check(ctx, flag) {
    eachContinued(ctx, (first, last) => {
      if (startOf(first) !== startOf(last)) return;
      const changed = (["HOME_POST", "PL_POST"] as const).filter(
        (f) => first[f] !== "" && last[f] !== "" && first[f] !== last[f],
      );
      if (changed.length > 0) {
        flag(first, changed, changed.map((f) => `${f} ${first[f]} here, ${last[f]} last year`).join("; "));
      }
    });
  },
});

const spanningNotInLastYear = rule({
  id: "562",
  dfe: true,
  severity: "error",
  message:
    "The child's first episode started before this year, but last year's return does not end with that episode",
  tables: ["episodes"],
  fields: ["DECOM"],
  previousYear: true,
  check(ctx, flag) {
    eachChild(ctx, (eps, _undated, child) => {
      const first = eps[0];
      if (!first || startOf(first) >= ctx.start) return;
      const last = lastOfPrevious(ctx, child);
      if (last && last.DEC === null) return; // rule 502
      if (!last)
        flag(first, undefined, `DECOM ${uk(startOf(first))}; the child has no episode in last year's file`);
      else if (startOf(last) !== startOf(first)) {
        flag(
          first,
          undefined,
          `DECOM ${uk(startOf(first))}; last year's last episode started ${uk(startOf(last))}`,
        );
      }
    });
  },
});

const openEpisodeMissing = rule({
  id: "SP361",
  dfe: false,
  severity: "error",
  message:
    "The child's episode was open at the end of last year, but the child has no episodes in this year's return",
  tables: ["episodes"],
  fields: ["DEC"],
  previousYear: true,
  check(ctx, flag) {
    const now = ctx.episodesByChild();
    for (const [child, list] of ctx.prevEpisodesByChild()) {
      if (now.has(child)) continue;
      const d = dated(list);
      const last = d[d.length - 1];
      if (last && last.DEC === null) {
        flag(
          last,
          undefined,
          `open since ${uk(startOf(last))} in last year's file; nothing for this child this year`,
        );
      }
    }
  },
});

const closedReopened = rule({
  id: "SP363",
  dfe: false,
  severity: "error",
  message:
    "An episode that last year's return shows as ended is open, or ends on a different date, in this year's return",
  tables: ["episodes"],
  fields: ["DEC"],
  previousYear: true,
  check(ctx, flag) {
    const previous = ctx.prevEpisodesByChild();
    eachChild(ctx, (eps, _undated, child) => {
      // An episode that ended last year started before this year began.
      if (eps.length === 0 || startOf(eps[0]!) >= ctx.start) return;
      const prev = previous.get(child);
      if (!prev) return;
      for (const e of eps) {
        if (startOf(e) >= ctx.start) break;
        const p = prev.find((x) => x.DECOM === e.DECOM && isDay(x.DEC));
        if (!p || e.DEC === p.DEC) continue;
        const was = `ended ${uk(p.DEC as number)}${p.REC ? ` (${p.REC})` : ""} in last year's file`;
        if (e.DEC === null) flag(e, undefined, `episode from ${uk(startOf(e))} is open here but ${was}`);
        else if (isDay(e.DEC))
          flag(e, undefined, `episode from ${uk(startOf(e))} ends ${uk(e.DEC)} here but ${was}`);
      }
    });
  },
});

export const continuityRules: Rule[] = [
  startMoved,
  ...fieldRules,
  postcodesChanged,
  spanningNotInLastYear,
  openEpisodeMissing,
  closedReopened,
];

/**
 * Placement types recoded between years: semi-independent living (H5)
 * became supported accommodation (K3) in 2024/25, and from 2025/26 "other
 * placement" Z1 is split into Z11–Z14 (H5 itself is no longer valid then).
 */
export const continuityOverlays: YearOverlay[] = [
  { year: 2024, replace: [placeSame(h5ToK3)] },
  { year: 2025, replace: [placeSame((b, a) => h5ToK3(b, a) || z1Split(b, a))] },
];
