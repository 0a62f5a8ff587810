/**
 * OC3 rules (care leavers): the three items are filled in together and agree
 * with each other, the young person is in the care-leaver age window, and
 * their episodes show they left care in a way that makes them a care leaver.
 */
import { birthday, type Day } from "../../../dates.js";
import type { Oc3Row } from "../../types.js";
import type { YearContext } from "../context.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { isDay, isShortBreakLs, uk } from "./formats.js";

const ITEMS = ["IN_TOUCH", "ACTIV", "ACCOM"] as const;

/** True when any of the care leaver items is filled in. */
function hasData(r: Oc3Row): boolean {
  return r.IN_TOUCH !== "" || r.ACTIV !== "" || r.ACCOM !== "";
}

/** The young person's `n`th birthday when it falls in the collection year. */
function birthdayInYear(ctx: YearContext, dob: Day | null, n: number): Day | undefined {
  if (!isDay(dob)) return undefined;
  const b = birthday(dob, n);
  return b >= ctx.start && b <= ctx.end ? b : undefined;
}

const allOrNone = rule({
  id: "153",
  dfe: true,
  severity: "error",
  message: "Care leaver items (IN_TOUCH, ACTIV, ACCOM) must all be filled in or all be blank",
  tables: ["oc3"],
  fields: [...ITEMS],
  rowwise: "oc3",
  check(ctx, flag) {
    for (const r of ctx.t.oc3) {
      if (r.IN_TOUCH !== "" && r.ACTIV !== "" && r.ACCOM !== "") continue; // all filled: the common case
      const blank = ITEMS.filter((f) => r[f] === "");
      if (blank.length > 0 && blank.length < ITEMS.length) flag(r, blank, `blank: ${blank.join(", ")}`);
    }
  },
});

/** A young person who died, or who has lived at home for 6 months or more, has activity and accommodation 0. */
const diedOrHome = rule({
  id: "344",
  dfe: true,
  severity: "error",
  message:
    "Young person has died or returned home (IN_TOUCH DIED or RHOM), so activity (ACTIV) and accommodation (ACCOM) must be 0",
  tables: ["oc3"],
  fields: [...ITEMS],
  rowwise: "oc3",
  check(ctx, flag) {
    for (const r of ctx.t.oc3) {
      if ((r.IN_TOUCH === "DIED" || r.IN_TOUCH === "RHOM") && (r.ACTIV !== "0" || r.ACCOM !== "0")) {
        flag(r, ["ACTIV", "ACCOM"], `IN_TOUCH ${r.IN_TOUCH}, ACTIV '${r.ACTIV}', ACCOM '${r.ACCOM}'`);
      }
    }
  },
});

const inTouchButZero = rule({
  id: "345",
  dfe: true,
  severity: "error",
  message: "Local authority is in touch (IN_TOUCH YES) but activity (ACTIV) or accommodation (ACCOM) is 0",
  tables: ["oc3"],
  fields: [...ITEMS],
  rowwise: "oc3",
  check(ctx, flag) {
    for (const r of ctx.t.oc3) {
      if (r.IN_TOUCH === "YES" && (r.ACTIV === "0" || r.ACCOM === "0")) {
        flag(r, ["ACTIV", "ACCOM"], `ACTIV ${r.ACTIV}, ACCOM ${r.ACCOM}`);
      }
    }
  },
});

/** Care leaver information is for young people whose 17th to 21st birthday falls in the year. */
const outsideAgeWindow = rule({
  id: "391",
  dfe: true,
  severity: "error",
  message: "Care leaver information is given but the young person has no 17th to 21st birthday in the year",
  tables: ["oc3"],
  fields: ["DOB", ...ITEMS],
  rowwise: "oc3",
  check(ctx, flag) {
    for (const r of ctx.t.oc3) {
      if (!hasData(r) || !isDay(r.DOB)) continue;
      const b17 = birthday(r.DOB, 17);
      const b21 = birthday(r.DOB, 21);
      if (b17 > ctx.end) flag(r, ["DOB"], `17th birthday ${uk(b17)} is after the year ends`);
      else if (b21 < ctx.start) flag(r, ["DOB"], `21st birthday ${uk(b21)} is before the year starts`);
    }
  },
});

/**
 * A care leaver must have been looked after after their 16th birthday. For
 * one whose 17th birthday is this year, the 16th was last year, so their care
 * must show in this year's or last year's episodes. (DfE checks every care
 * leaver against the full history; older care leavers are not checked here
 * because their care may predate the two years at hand.)
 */
const neverLookedAfter = rule({
  id: "1002",
  dfe: true,
  severity: "error",
  message: "Care leaver with a 17th birthday this year has no episodes of care this year or last year",
  tables: ["oc3", "episodes"],
  fields: [...ITEMS],
  previousYear: true,
  rowwise: "oc3",
  check(ctx, flag) {
    const now = ctx.episodesByChild();
    const prev = ctx.prevEpisodesByChild();
    for (const r of ctx.t.oc3) {
      if (!hasData(r)) continue;
      const b17 = birthdayInYear(ctx, r.DOB, 17);
      if (b17 !== undefined && !now.has(r.CHILD) && !prev.has(r.CHILD))
        flag(r, [...ITEMS], `17th birthday ${uk(b17)}`);
    }
  },
});

/** Children who died while looked after, this year or (when supplied) last year. */
function diedInCare(ctx: YearContext): Set<string> {
  return ctx.shared("oc3:diedInCare", () => {
    const died = new Set<string>();
    for (const e of ctx.t.episodes) if (e.REC === "E2") died.add(e.CHILD);
    for (const e of ctx.prev?.t.episodes ?? []) if (e.REC === "E2") died.add(e.CHILD);
    return died;
  });
}

const diedInCareRule = rule({
  id: "1000",
  dfe: true,
  severity: "error",
  message: "Child died while looked after (REC E2), so care leaver information should not be completed",
  tables: ["oc3", "episodes"],
  fields: [...ITEMS],
  check(ctx, flag) {
    const died = diedInCare(ctx);
    for (const r of ctx.t.oc3)
      if (hasData(r) && died.has(r.CHILD)) flag(r, [...ITEMS], `CHILD ${r.CHILD} has an episode ended E2`);
  },
});

/**
 * OC3 is for care leavers: a young person still looked after on their 17th
 * or 18th birthday (short breaks aside) is not one yet.
 */
const stillLookedAfter = rule({
  id: "1007",
  dfe: true,
  severity: "error",
  message:
    "Care leaver information is not needed for a young person still looked after on their 17th or 18th birthday",
  tables: ["oc3", "episodes"],
  fields: [...ITEMS],
  rowwise: "oc3",
  check(ctx, flag) {
    const episodes = ctx.episodesByChild();
    for (const r of ctx.t.oc3) {
      if (!hasData(r)) continue;
      const b = birthdayInYear(ctx, r.DOB, 17) ?? birthdayInYear(ctx, r.DOB, 18);
      if (b === undefined) continue;
      const open = episodes
        .get(r.CHILD)
        ?.find(
          (e) =>
            !isShortBreakLs(e.LS) &&
            isDay(e.DECOM) &&
            e.DECOM <= b &&
            (e.DEC === null || (e.DEC as number) > b),
        );
      if (open)
        flag(r, [...ITEMS], `looked after on birthday ${uk(b)} (episode from ${uk(open.DECOM as number)})`);
    }
  },
});

const transferredOut = rule({
  id: "1011",
  dfe: true,
  severity: "error",
  message:
    "Child's care was taken over by another local authority (last episode ended E3), so care leaver information should not be completed",
  tables: ["oc3", "episodes"],
  fields: [...ITEMS],
  rowwise: "oc3",
  check(ctx, flag) {
    const episodes = ctx.episodesByChild();
    for (const r of ctx.t.oc3) {
      if (!hasData(r)) continue;
      const list = episodes.get(r.CHILD);
      const last = list?.[list.length - 1];
      if (last?.REC === "E3")
        flag(r, [...ITEMS], `last episode ended ${isDay(last.DEC) ? uk(last.DEC) : ""} E3`.trim());
    }
  },
});

/** Staying put with former foster carers (ACCOM Z) is for young people aged 18 or over. */
const stayingPutAt17 = rule({
  id: "3001",
  dfe: true,
  severity: "error",
  message:
    "Care leaver with a 17th birthday this year cannot be living with former foster carers (ACCOM Z1 or Z2)",
  tables: ["oc3"],
  fields: ["ACCOM", "DOB"],
  rowwise: "oc3",
  check(ctx, flag) {
    for (const r of ctx.t.oc3) {
      if (r.ACCOM !== "Z1" && r.ACCOM !== "Z2") continue;
      const b17 = birthdayInYear(ctx, r.DOB, 17);
      if (b17 !== undefined) flag(r, ["ACCOM"], `ACCOM ${r.ACCOM}, 17th birthday ${uk(b17)}`);
    }
  },
});

const duplicateOc3 = rule({
  id: "SP160",
  dfe: false,
  severity: "error",
  message: "Child appears more than once in the OC3 table",
  tables: ["oc3"],
  fields: ["CHILD"],
  check(ctx, flag) {
    const first = new Map<string, Oc3Row>();
    for (const r of ctx.t.oc3) {
      if (r.CHILD === "") continue;
      const seen = first.get(r.CHILD);
      if (seen) flag(r, ["CHILD"], `CHILD ${r.CHILD} is also on row ${seen.row}`);
      else first.set(r.CHILD, r);
    }
  },
});

const AD1_ITEMS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"] as const;

const adoptedCareLeaver = rule({
  id: "134",
  dfe: true,
  severity: "error",
  message:
    "Adoption (AD1) information is given for a young person who also has care leaver (OC3) information",
  tables: ["oc3", "ad1"],
  fields: [...AD1_ITEMS],
  check(ctx, flag) {
    const leavers = new Set(ctx.t.oc3.filter(hasData).map((r) => r.CHILD));
    for (const a of ctx.t.ad1) {
      const any = AD1_ITEMS.some((f) => a[f] !== null && a[f] !== "");
      if (any && leavers.has(a.CHILD)) flag(a, [...AD1_ITEMS], `CHILD ${a.CHILD}`);
    }
  },
});

export const oc3Rules: Rule[] = [
  allOrNone,
  diedOrHome,
  inTouchButZero,
  outsideAgeWindow,
  neverLookedAfter,
  diedInCareRule,
  stillLookedAfter,
  transferredOut,
  stayingPutAt17,
  duplicateOc3,
  adoptedCareLeaver,
];

/** None of these rules changes between collection years. */
export const oc3Overlays: YearOverlay[] = [];
