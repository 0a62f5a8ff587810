/**
 * Temporary placement rules (PLACE T0–T4): a temporary move happens inside a
 * period of care, from and back to the child's usual placement, within the
 * day limits DfE sets for hospital stays (T1), cover while the foster carer
 * is on holiday (T3) and other short moves (T4).
 *
 * Durations are DEC − DECOM in days. An episode still open at the end of the
 * year has lasted at least until 31 March, so it is measured to that day (as
 * DfE measures open short breaks).
 */
import { PLACE, REC, RNE } from "../../codes.js";
import type { EpisodeRow } from "../../types.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { continues, eachChild, endOf, isTemporary, startOf, uk, valid } from "./sequence.js";

const startsWithTemporary = rule({
  id: "380",
  dfe: true,
  severity: "error",
  message:
    "A temporary placement (T0–T4) must follow another placement in the same period of care: its reason for new episode (RNE) must be P or B",
  tables: ["episodes"],
  fields: ["PLACE", "RNE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (isTemporary(e.PLACE) && valid(ctx, RNE, e.RNE) && e.RNE !== "P" && e.RNE !== "B") {
        flag(e, undefined, `PLACE ${e.PLACE} with RNE ${e.RNE}`);
      }
    }
  },
});

const endsWithTemporary = rule({
  id: "381",
  dfe: true,
  severity: "error",
  message:
    "A period of care cannot end in a temporary placement (T0–T4): the episode must end with X1 and a return to a placement",
  tables: ["episodes"],
  fields: ["PLACE", "REC"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (isTemporary(e.PLACE) && e.DEC !== null && e.REC !== "X1" && valid(ctx, REC, e.REC)) {
        flag(e, undefined, `PLACE ${e.PLACE} ended with ${e.REC}`);
      }
    }
  },
});

/** A temporary placement type that lasts longer than DfE allows. */
function tooLong(id: string, place: string, days: number, what: string): Rule {
  return rule({
    id,
    dfe: true,
    severity: "error",
    message: `${what} (PLACE ${place}) lasts more than ${days} days`,
    tables: ["episodes"],
    fields: ["PLACE", "DECOM", "DEC"],
    rowwise: "episodes",
    check(ctx, flag) {
      for (const e of ctx.t.episodes) {
        if (e.PLACE !== place) continue;
        const end = endOf(e);
        if (end === undefined || !valid(ctx, PLACE, e.PLACE)) continue;
        const last = end ?? ctx.end;
        const length = last - startOf(e);
        if (length > days) {
          const until = end === null ? `still open on ${uk(ctx.end)}` : `to ${uk(end)}`;
          flag(e, undefined, `${length} days, from ${uk(startOf(e))} ${until}`);
        }
      }
    },
  });
}

const tooManyHolidayCovers = rule({
  id: "377",
  dfe: true,
  severity: "error",
  message:
    "No more than two temporary placements for the foster carer's holiday (PLACE T3) are allowed in the year",
  tables: ["episodes"],
  fields: ["PLACE"],
  check(ctx, flag) {
    eachChild(ctx, (eps) => {
      let n = 0;
      for (const e of eps) {
        if (e.PLACE !== "T3") continue;
        n += 1;
        if (n > 2) flag(e, undefined, `T3 placement number ${n} in the year, from ${uk(startOf(e))}`);
      }
    });
  },
});

/**
 * After a temporary placement the child returns to the placement they left:
 * the next episode has RNE P and the same placement type as the last
 * placement before the temporary one (from 2025/26 also the same placement
 * postcode). With `query` set, builds SP321 instead: the return passes that
 * test, but the provider, URN or (before 2025/26) postcode differ.
 */
function returnAfterTemporary(opts: { samePostcode: boolean; query: boolean }): Rule {
  const compared: Array<"PLACE_PROVIDER" | "URN" | "PL_POST"> = opts.samePostcode
    ? ["PLACE_PROVIDER", "URN"]
    : ["PLACE_PROVIDER", "URN", "PL_POST"];
  const fields = opts.query ? compared : ["RNE", "PLACE", ...(opts.samePostcode ? ["PL_POST"] : [])];
  return rule({
    id: opts.query ? "SP321" : "383",
    dfe: !opts.query,
    severity: opts.query ? "query" : "error",
    message: opts.query
      ? "After a temporary placement the child returned to the same type of placement but with a different provider, URN or postcode: check it is the same placement"
      : "After a temporary placement (T0–T4) the child must return to the placement they left (RNE P, same placement type" +
        (opts.samePostcode ? " and postcode)" : ")"),
    tables: ["episodes"],
    fields,
    check(ctx, flag) {
      eachChild(ctx, (eps) => {
        let before: EpisodeRow | undefined;
        for (let i = 0; i < eps.length; i++) {
          const e = eps[i]!;
          if (!isTemporary(e.PLACE)) {
            before = e;
            continue;
          }
          if (e.RNE === "S") before = undefined; // rule 380
          const next = eps[i + 1];
          if (!before || !next || isTemporary(next.PLACE) || !continues(e, next)) continue;
          if (!valid(ctx, PLACE, before.PLACE) || !valid(ctx, PLACE, next.PLACE)) continue;
          const returned =
            next.RNE === "P" &&
            next.PLACE === before.PLACE &&
            (!opts.samePostcode || next.PL_POST === before.PL_POST);
          if (!opts.query) {
            if (!returned) {
              const got = [`RNE ${next.RNE || "blank"}`, `PLACE ${next.PLACE}`];
              if (opts.samePostcode) got.push(`PL_POST ${next.PL_POST || "blank"}`);
              const was = `${before.PLACE}${opts.samePostcode ? ` at ${before.PL_POST || "no postcode"}` : ""}`;
              flag(
                next,
                undefined,
                `after ${e.PLACE} from ${uk(startOf(e))}: ${got.join(", ")}; before it: ${was}`,
              );
            }
            continue;
          }
          if (!returned) continue;
          const from = before;
          const differ = compared.filter((f) => next[f] !== from[f]);
          if (differ.length > 0) {
            const what = differ.map((f) => `${f} ${from[f] || "blank"}→${next[f] || "blank"}`);
            flag(next, differ, `after ${e.PLACE} from ${uk(startOf(e))}: ${what.join(", ")}`);
          }
        }
      });
    },
  });
}

const shortBreakTemporary = rule({
  id: "382",
  dfe: true,
  severity: "error",
  message: "A child on a short break (LS V3 or V4) cannot be in a temporary placement (T0–T4)",
  tables: ["episodes"],
  fields: ["LS", "PLACE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if ((e.LS === "V3" || e.LS === "V4") && isTemporary(e.PLACE))
        flag(e, undefined, `LS ${e.LS}, PLACE ${e.PLACE}`);
    }
  },
});

export const temporaryRules: Rule[] = [
  startsWithTemporary,
  endsWithTemporary,
  tooLong("375", "T1", 42, "A temporary stay in hospital"),
  tooLong("376", "T3", 21, "A temporary placement while the usual foster carer is on holiday"),
  tooLong("379", "T4", 7, "A temporary placement for another reason"),
  tooManyHolidayCovers,
  returnAfterTemporary({ samePostcode: false, query: false }),
  returnAfterTemporary({ samePostcode: false, query: true }),
  shortBreakTemporary,
];

/**
 * From 2025/26 DfE also requires the return placement's postcode to match
 * (rule 383), so SP321 no longer needs to query the postcode.
 */
export const temporaryOverlays: YearOverlay[] = [
  {
    year: 2025,
    replace: [
      returnAfterTemporary({ samePostcode: true, query: false }),
      returnAfterTemporary({ samePostcode: true, query: true }),
    ],
  },
];
