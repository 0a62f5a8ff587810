/**
 * Rules for the smaller tables: Reviews, Missing, AD1, PlacedAdoption,
 * PrevPerm, OC2 and (from 2023/24) SWEpisodes.
 */
import { birthday, type Day, dayFromYMD, validDay } from "../../../dates.js";
import { groupByChild } from "../../by-child.js";
import { ADOPTION_PLACE } from "../../codes.js";
import type { MissingRow, PlacedAdoptionRow } from "../../types.js";
import type { YearContext } from "../context.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { isDay, uk } from "./formats.js";

/** Rows per child, each child's rows sorted by a date (rows without a readable date left out). */
function byChildSorted<R extends { CHILD: string }>(
  rows: readonly R[],
  date: (r: R) => Day | null,
): Map<string, R[]> {
  const map = groupByChild(rows, (r) => !isDay(date(r)));
  for (const list of map.values()) list.sort((a, b) => (date(a) as number) - (date(b) as number));
  return map;
}

// ---------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------

const PN_4_AND_OVER: ReadonlySet<string> = new Set(["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]);

const pn0Over4 = rule({
  id: "440",
  dfe: true,
  severity: "error",
  message: "Participation code PN0 (child under 4) is used but the child was 4 or over at the review",
  tables: ["reviews"],
  fields: ["REVIEW_CODE", "REVIEW", "DOB"],
  rowwise: "reviews",
  check(ctx, flag) {
    for (const r of ctx.t.reviews) {
      if (r.REVIEW_CODE !== "PN0" || !isDay(r.REVIEW) || !isDay(r.DOB)) continue;
      const b4 = birthday(r.DOB, 4);
      if (r.REVIEW > b4) flag(r, ["REVIEW_CODE"], `REVIEW ${uk(r.REVIEW)}, 4th birthday ${uk(b4)}`);
    }
  },
});

const pnUnder4 = rule({
  id: "441",
  dfe: true,
  severity: "error",
  message: "Participation code PN1–PN7 (child 4 or over) is used but the child was under 4 at the review",
  tables: ["reviews"],
  fields: ["REVIEW_CODE", "REVIEW", "DOB"],
  rowwise: "reviews",
  check(ctx, flag) {
    for (const r of ctx.t.reviews) {
      if (!PN_4_AND_OVER.has(r.REVIEW_CODE) || !isDay(r.REVIEW) || !isDay(r.DOB)) continue;
      const b4 = birthday(r.DOB, 4);
      if (r.REVIEW < b4)
        flag(r, ["REVIEW_CODE"], `${r.REVIEW_CODE}, REVIEW ${uk(r.REVIEW)}, 4th birthday ${uk(b4)}`);
    }
  },
});

// ---------------------------------------------------------------------------
// Missing
// ---------------------------------------------------------------------------

const missingEndsBeforeStart = rule({
  id: "567",
  dfe: true,
  severity: "error",
  message: "Missing or away period ends (MIS_END) before it starts (MIS_START)",
  tables: ["missing"],
  fields: ["MIS_START", "MIS_END"],
  rowwise: "missing",
  check(ctx, flag) {
    for (const m of ctx.t.missing) {
      if (isDay(m.MIS_START) && isDay(m.MIS_END) && m.MIS_END < m.MIS_START) {
        flag(m, ["MIS_START", "MIS_END"], `MIS_START ${uk(m.MIS_START)}, MIS_END ${uk(m.MIS_END)}`);
      }
    }
  },
});

const missingStartsAfterYear = rule({
  id: "570",
  dfe: true,
  severity: "error",
  message: "Missing or away period starts (MIS_START) after the end of the collection year",
  tables: ["missing"],
  fields: ["MIS_START"],
  rowwise: "missing",
  check(ctx, flag) {
    for (const m of ctx.t.missing) {
      if (isDay(m.MIS_START) && m.MIS_START > ctx.end) {
        flag(m, ["MIS_START"], `MIS_START ${uk(m.MIS_START)}, year ends ${uk(ctx.end)}`);
      }
    }
  },
});

const missingEndsOutsideYear = rule({
  id: "571",
  dfe: true,
  severity: "error",
  message: "Missing or away period ends (MIS_END) outside the collection year",
  tables: ["missing"],
  fields: ["MIS_END"],
  rowwise: "missing",
  check(ctx, flag) {
    for (const m of ctx.t.missing) {
      if (isDay(m.MIS_END) && (m.MIS_END < ctx.start || m.MIS_END > ctx.end)) {
        flag(m, ["MIS_END"], `MIS_END ${uk(m.MIS_END)}, year ${uk(ctx.start)} to ${uk(ctx.end)}`);
      }
    }
  },
});

function missingByChild(ctx: YearContext): Map<string, MissingRow[]> {
  return ctx.shared("other:missingByChild", () => byChildSorted(ctx.t.missing, (m) => m.MIS_START));
}

const missingOverlaps = rule({
  id: "574",
  dfe: true,
  severity: "error",
  message: "Missing or away period starts while the child's previous period is still open or overlaps it",
  tables: ["missing"],
  fields: ["MIS_START", "MIS_END"],
  check(ctx, flag) {
    for (const list of missingByChild(ctx).values()) {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!;
        const cur = list[i]!;
        const start = cur.MIS_START as number;
        if (prev.MIS_END === null) {
          flag(
            cur,
            ["MIS_START"],
            `MIS_START ${uk(start)}, previous period from ${uk(prev.MIS_START as number)} has no end`,
          );
        } else if (isDay(prev.MIS_END) && start < prev.MIS_END) {
          flag(cur, ["MIS_START"], `MIS_START ${uk(start)}, previous period ends ${uk(prev.MIS_END)}`);
        }
      }
    }
  },
});

const missingTypeBlank = rule({
  id: "565",
  dfe: true,
  severity: "error",
  message:
    "Date missing or away period started (MIS_START) is given but whether missing or away (MISSING) is blank",
  tables: ["missing"],
  fields: ["MISSING", "MIS_START"],
  rowwise: "missing",
  check(ctx, flag) {
    for (const m of ctx.t.missing) {
      if (m.MIS_START !== null && m.MISSING === "") {
        flag(m, ["MISSING"], `MIS_START ${isDay(m.MIS_START) ? uk(m.MIS_START) : "given"}, MISSING blank`);
      }
    }
  },
});

// ---------------------------------------------------------------------------
// AD1
// ---------------------------------------------------------------------------

const matchedBeforeDecision = rule({
  id: "333",
  dfe: true,
  severity: "error",
  message:
    "Date the child should be placed for adoption (DATE_INT) must be given and on or before the date of matching (DATE_MATCH)",
  tables: ["ad1"],
  fields: ["DATE_INT", "DATE_MATCH"],
  rowwise: "ad1",
  check(ctx, flag) {
    for (const a of ctx.t.ad1) {
      if (!isDay(a.DATE_MATCH)) continue;
      if (a.DATE_INT === null) flag(a, ["DATE_INT"], `DATE_INT blank, DATE_MATCH ${uk(a.DATE_MATCH)}`);
      else if (isDay(a.DATE_INT) && a.DATE_INT > a.DATE_MATCH) {
        flag(a, ["DATE_INT", "DATE_MATCH"], `DATE_INT ${uk(a.DATE_INT)}, DATE_MATCH ${uk(a.DATE_MATCH)}`);
      }
    }
  },
});

const AD1_ITEMS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"] as const;

const adoptionAllOrNone = rule({
  id: "151",
  dfe: true,
  severity: "error",
  message:
    "Adoption items (DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR) must all be filled in or all be blank",
  tables: ["ad1"],
  fields: [...AD1_ITEMS],
  rowwise: "ad1",
  check(ctx, flag) {
    for (const a of ctx.t.ad1) {
      const blank = AD1_ITEMS.filter((f) => a[f] === null || a[f] === "");
      if (blank.length > 0 && blank.length < AD1_ITEMS.length) flag(a, blank, `blank: ${blank.join(", ")}`);
    }
  },
});

const fosterCareInvalid = rule({
  id: "114",
  dfe: true,
  severity: "error",
  message: "Adopted by former foster carer (FOSTER_CARE) must be 0 or 1",
  tables: ["ad1"],
  fields: ["FOSTER_CARE"],
  rowwise: "ad1",
  check(ctx, flag) {
    for (const a of ctx.t.ad1) {
      if (a.FOSTER_CARE !== "" && a.FOSTER_CARE !== "0" && a.FOSTER_CARE !== "1")
        flag(a, ["FOSTER_CARE"], `'${a.FOSTER_CARE}'`);
    }
  },
});

const numberOfAdoptersInvalid = rule({
  id: "175",
  dfe: true,
  severity: "error",
  message: "Number of adopters (NB_ADOPTR) must be 1 or 2",
  tables: ["ad1"],
  fields: ["NB_ADOPTR"],
  rowwise: "ad1",
  check(ctx, flag) {
    for (const a of ctx.t.ad1) {
      if (a.NB_ADOPTR !== "" && a.NB_ADOPTR !== "1" && a.NB_ADOPTR !== "2")
        flag(a, ["NB_ADOPTR"], `'${a.NB_ADOPTR}'`);
    }
  },
});

const coupleWithSingleSex = rule({
  id: "511",
  dfe: true,
  severity: "error",
  message: "Two adopters (NB_ADOPTR 2) but the sex of adopters (SEX_ADOPTR) is for one adopter (M1 or F1)",
  tables: ["ad1"],
  fields: ["NB_ADOPTR", "SEX_ADOPTR"],
  rowwise: "ad1",
  check(ctx, flag) {
    for (const a of ctx.t.ad1) {
      if (a.NB_ADOPTR === "2" && (a.SEX_ADOPTR === "M1" || a.SEX_ADOPTR === "F1")) {
        flag(a, ["NB_ADOPTR", "SEX_ADOPTR"], `SEX_ADOPTR ${a.SEX_ADOPTR}`);
      }
    }
  },
});

// ---------------------------------------------------------------------------
// PlacedAdoption
// ---------------------------------------------------------------------------

const ceasedWithReason = rule({
  id: "119",
  dfe: true,
  severity: "error",
  message:
    "Date (DATE_PLACED_CEASED) and reason (REASON_PLACED_CEASED) the child should no longer be placed for adoption must both be given or both be blank",
  tables: ["placedAdoption"],
  fields: ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
  rowwise: "placedAdoption",
  check(ctx, flag) {
    for (const p of ctx.t.placedAdoption) {
      const hasDate = p.DATE_PLACED_CEASED !== null;
      const hasReason = p.REASON_PLACED_CEASED !== "";
      if (hasDate && !hasReason) flag(p, ["REASON_PLACED_CEASED"], "reason blank");
      else if (!hasDate && hasReason)
        flag(p, ["DATE_PLACED_CEASED"], `reason ${p.REASON_PLACED_CEASED}, date blank`);
    }
  },
});

const ceasedBeforePlaced = rule({
  id: "522",
  dfe: true,
  severity: "error",
  message:
    "Date the child should no longer be placed for adoption (DATE_PLACED_CEASED) is before the decision to place (DATE_PLACED)",
  tables: ["placedAdoption"],
  fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
  rowwise: "placedAdoption",
  check(ctx, flag) {
    for (const p of ctx.t.placedAdoption) {
      if (isDay(p.DATE_PLACED) && isDay(p.DATE_PLACED_CEASED) && p.DATE_PLACED_CEASED < p.DATE_PLACED) {
        flag(
          p,
          ["DATE_PLACED", "DATE_PLACED_CEASED"],
          `DATE_PLACED ${uk(p.DATE_PLACED)}, DATE_PLACED_CEASED ${uk(p.DATE_PLACED_CEASED)}`,
        );
      }
    }
  },
});

const ceasedWithoutPlaced = rule({
  id: "563",
  dfe: true,
  severity: "error",
  message:
    "The child should no longer be placed for adoption, but the date of the decision to place (DATE_PLACED) is blank",
  tables: ["placedAdoption"],
  fields: ["DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
  rowwise: "placedAdoption",
  check(ctx, flag) {
    for (const p of ctx.t.placedAdoption) {
      if (p.DATE_PLACED === null && p.DATE_PLACED_CEASED !== null && p.REASON_PLACED_CEASED !== "") {
        const ceased = isDay(p.DATE_PLACED_CEASED) ? uk(p.DATE_PLACED_CEASED) : "given";
        flag(
          p,
          ["DATE_PLACED"],
          `DATE_PLACED_CEASED ${ceased}, REASON_PLACED_CEASED ${p.REASON_PLACED_CEASED}`,
        );
      }
    }
  },
});

function placedByChild(ctx: YearContext): Map<string, PlacedAdoptionRow[]> {
  return ctx.shared("other:placedByChild", () => byChildSorted(ctx.t.placedAdoption, (p) => p.DATE_PLACED));
}

const decisionsOverlap = rule({
  id: "579",
  dfe: true,
  severity: "error",
  message:
    "A new decision to place the child for adoption starts while the previous decision is still open or overlaps it",
  tables: ["placedAdoption"],
  fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
  check(ctx, flag) {
    for (const list of placedByChild(ctx).values()) {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!;
        const cur = list[i]!;
        const placed = cur.DATE_PLACED as number;
        if (prev.DATE_PLACED_CEASED === null) {
          flag(
            cur,
            ["DATE_PLACED"],
            `DATE_PLACED ${uk(placed)}, decision of ${uk(prev.DATE_PLACED as number)} not ceased`,
          );
        } else if (isDay(prev.DATE_PLACED_CEASED) && placed < prev.DATE_PLACED_CEASED) {
          flag(
            cur,
            ["DATE_PLACED"],
            `DATE_PLACED ${uk(placed)}, previous decision ceased ${uk(prev.DATE_PLACED_CEASED)}`,
          );
        }
      }
    }
  },
});

/** A child placed for adoption (A3–A6) needs the date of the decision to place in PlacedAdoption. */
const placedWithoutDecision = rule({
  id: "551",
  dfe: true,
  severity: "error",
  message:
    "Child is placed for adoption (PLACE A3–A6) but has no date of the decision to place for adoption (DATE_PLACED)",
  tables: ["episodes", "placedAdoption"],
  fields: ["PLACE", "DATE_PLACED"],
  check(ctx, flag) {
    const decided = new Set<string>();
    for (const p of ctx.t.placedAdoption) if (p.DATE_PLACED !== null) decided.add(p.CHILD);
    for (const e of ctx.t.episodes) {
      if (ADOPTION_PLACE.has(e.PLACE) && !decided.has(e.CHILD)) flag(e, ["PLACE"], `PLACE ${e.PLACE}`);
    }
  },
});

// ---------------------------------------------------------------------------
// PrevPerm
// ---------------------------------------------------------------------------

const PERM_DATE = /^(\d{1,2}|ZZ)\/(\d{1,2}|ZZ)\/(\d{4}|ZZZZ)$/;

/**
 * Reads DATE_PERM: DD/MM/YYYY where an unknown day, day and month, or whole
 * date is written ZZ (ZZ/MM/YYYY, ZZ/ZZ/YYYY, ZZ/ZZ/ZZZZ). Returns the
 * earliest day the date can be, null when wholly unknown, undefined when
 * not a valid value.
 */
export function readPermDate(textValue: string): Day | null | undefined {
  const m = PERM_DATE.exec(textValue.trim());
  if (!m) return undefined;
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  if (y === "ZZZZ") return d === "ZZ" && mo === "ZZ" ? null : undefined;
  const year = Number(y);
  if (mo === "ZZ")
    return d === "ZZ" && validDay(year, 1, 1) !== undefined ? dayFromYMD(year, 1, 1) : undefined;
  const month = Number(mo);
  if (d === "ZZ") return validDay(year, month, 1);
  return validDay(year, month, Number(d));
}

const permDateInvalid = rule({
  id: "632",
  dfe: true,
  severity: "error",
  message:
    "Date of previous permanence order (DATE_PERM) is not a valid date (DD/MM/YYYY, ZZ for unknown parts) or is not before the child started to be looked after",
  tables: ["prevPerm", "episodes"],
  fields: ["DATE_PERM"],
  rowwise: "prevPerm",
  check(ctx, flag) {
    const episodes = ctx.episodesByChild();
    for (const p of ctx.t.prevPerm) {
      if (p.DATE_PERM === "") continue;
      const earliest = readPermDate(p.DATE_PERM);
      if (earliest === undefined) {
        flag(p, ["DATE_PERM"], `'${p.DATE_PERM}'`);
        continue;
      }
      const first = episodes.get(p.CHILD)?.[0];
      if (earliest !== null && first && isDay(first.DECOM) && earliest >= first.DECOM) {
        flag(p, ["DATE_PERM"], `DATE_PERM ${p.DATE_PERM}, first episode began ${uk(first.DECOM)}`);
      }
    }
  },
});

const permDetailsWithoutOption = rule({
  id: "635",
  dfe: true,
  severity: "error",
  message:
    "Local authority (LA_PERM) or date (DATE_PERM) of a previous permanence order is given but PREV_PERM is blank or Z1 (none)",
  tables: ["prevPerm"],
  fields: ["PREV_PERM", "LA_PERM", "DATE_PERM"],
  rowwise: "prevPerm",
  check(ctx, flag) {
    for (const p of ctx.t.prevPerm) {
      if ((p.LA_PERM !== "" || p.DATE_PERM !== "") && (p.PREV_PERM === "" || p.PREV_PERM === "Z1")) {
        flag(p, ["PREV_PERM"], `PREV_PERM '${p.PREV_PERM}'`);
      }
    }
  },
});

const PERM_ORDERS: ReadonlySet<string> = new Set(["P1", "P2", "P3", "P4"]);

const permOptionWithoutDetails = rule({
  id: "SP170",
  dfe: false,
  severity: "error",
  message:
    "A previous permanence order (PREV_PERM P1–P4) is recorded but its local authority (LA_PERM) or date (DATE_PERM) is blank",
  tables: ["prevPerm"],
  fields: ["LA_PERM", "DATE_PERM"],
  rowwise: "prevPerm",
  check(ctx, flag) {
    for (const p of ctx.t.prevPerm) {
      if (!PERM_ORDERS.has(p.PREV_PERM)) continue;
      const blank = (["LA_PERM", "DATE_PERM"] as const).filter((f) => p[f] === "");
      if (blank.length > 0) flag(p, blank, `PREV_PERM ${p.PREV_PERM}, blank: ${blank.join(", ")}`);
    }
  },
});

/** Local authority codes are three digits; WAL, SCO, NIR and NUK stand for places outside England. */
const LA_PERM = /^(?:[0-9]{3}|WAL|SCO|NIR|NUK)$/;

const permLaInvalid = rule({
  id: "SP171",
  dfe: false,
  severity: "error",
  message:
    "Local authority of previous permanence order (LA_PERM) is not a 3-digit LA code, WAL, SCO, NIR or NUK",
  tables: ["prevPerm"],
  fields: ["LA_PERM"],
  rowwise: "prevPerm",
  check(ctx, flag) {
    for (const p of ctx.t.prevPerm)
      if (p.LA_PERM !== "" && !LA_PERM.test(p.LA_PERM)) flag(p, ["LA_PERM"], `'${p.LA_PERM}'`);
  },
});

// ---------------------------------------------------------------------------
// OC2
// ---------------------------------------------------------------------------

const convictedUnder10 = rule({
  id: "542",
  dfe: true,
  severity: "error",
  message: "Conviction (CONVICTED) is recorded for a child under 10 at 31 March",
  tables: ["oc2"],
  fields: ["CONVICTED", "DOB"],
  rowwise: "oc2",
  check(ctx, flag) {
    for (const o of ctx.t.oc2) {
      if (o.CONVICTED === "" || !isDay(o.DOB)) continue;
      const b10 = birthday(o.DOB, 10);
      if (b10 > ctx.end) flag(o, ["CONVICTED"], `DOB ${uk(o.DOB)}, 10th birthday ${uk(b10)}`);
    }
  },
});

const sdqScoreInvalid = rule({
  id: "180",
  dfe: true,
  severity: "error",
  message: "Strengths and Difficulties Questionnaire score (SDQ_SCORE) is not a whole number from 0 to 40",
  tables: ["oc2"],
  fields: ["SDQ_SCORE"],
  rowwise: "oc2",
  check(ctx, flag) {
    for (const o of ctx.t.oc2) {
      if (o.SDQ_SCORE !== "" && !(/^[0-9]{1,2}$/.test(o.SDQ_SCORE) && Number(o.SDQ_SCORE) <= 40)) {
        flag(o, ["SDQ_SCORE"], `'${o.SDQ_SCORE}'`);
      }
    }
  },
});

const OC2_FLAGS = [
  "CONVICTED",
  "HEALTH_CHECK",
  "IMMUNISATIONS",
  "TEETH_CHECK",
  "HEALTH_ASSESSMENT",
  "SUBSTANCE_MISUSE",
  "INTERVENTION_RECEIVED",
  "INTERVENTION_OFFERED",
] as const;

const oc2FlagsInvalid = rule({
  id: "181",
  dfe: true,
  severity: "error",
  message: "Items for children looked after for 12 months (OC2) must be 0 or 1",
  tables: ["oc2"],
  fields: [...OC2_FLAGS],
  rowwise: "oc2",
  check(ctx, flag) {
    for (const o of ctx.t.oc2) {
      const bad = OC2_FLAGS.filter((f) => o[f] !== "" && o[f] !== "0" && o[f] !== "1");
      if (bad.length > 0) flag(o, bad, bad.map((f) => `${f} '${o[f]}'`).join(", "));
    }
  },
});

const SDQ_REASONS: ReadonlySet<string> = new Set(["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"]);

const sdqReasonInvalid = rule({
  id: "196",
  dfe: true,
  severity: "error",
  message: "Reason for no SDQ score (SDQ_REASON) is not a valid code (SDQ1 to SDQ5)",
  tables: ["oc2"],
  fields: ["SDQ_REASON"],
  rowwise: "oc2",
  check(ctx, flag) {
    for (const o of ctx.t.oc2) {
      if (o.SDQ_REASON !== "" && !SDQ_REASONS.has(o.SDQ_REASON)) flag(o, ["SDQ_REASON"], `'${o.SDQ_REASON}'`);
    }
  },
});

const sdqScoreAndReason = rule({
  id: "197A",
  dfe: true,
  severity: "error",
  message: "A reason for no SDQ score (SDQ_REASON) is given although an SDQ score (SDQ_SCORE) is given",
  tables: ["oc2"],
  fields: ["SDQ_SCORE", "SDQ_REASON"],
  rowwise: "oc2",
  check(ctx, flag) {
    for (const o of ctx.t.oc2) {
      if (o.SDQ_SCORE !== "" && o.SDQ_REASON !== "")
        flag(o, ["SDQ_REASON"], `score ${o.SDQ_SCORE}, reason ${o.SDQ_REASON}`);
    }
  },
});

// ---------------------------------------------------------------------------
// SWEpisodes (from 2023/24)
// ---------------------------------------------------------------------------

const swEndsBeforeStart = rule({
  id: "SP180",
  dfe: false,
  severity: "error",
  message: "Social worker episode ends (SW_DEC) before it starts (SW_DECOM)",
  tables: ["swEpisodes"],
  fields: ["SW_DECOM", "SW_DEC"],
  rowwise: "swEpisodes",
  check(ctx, flag) {
    for (const s of ctx.t.swEpisodes) {
      if (isDay(s.SW_DECOM) && isDay(s.SW_DEC) && s.SW_DEC < s.SW_DECOM) {
        flag(s, ["SW_DECOM", "SW_DEC"], `SW_DECOM ${uk(s.SW_DECOM)}, SW_DEC ${uk(s.SW_DEC)}`);
      }
    }
  },
});

const swOutsideYear = rule({
  id: "SP181",
  dfe: false,
  severity: "error",
  message: "Social worker episode starts (SW_DECOM) or ends (SW_DEC) after the end of the collection year",
  tables: ["swEpisodes"],
  fields: ["SW_DECOM", "SW_DEC"],
  rowwise: "swEpisodes",
  check(ctx, flag) {
    for (const s of ctx.t.swEpisodes) {
      const bad = (["SW_DECOM", "SW_DEC"] as const).filter((f) => {
        const d = s[f];
        return isDay(d) && d > ctx.end;
      });
      if (bad.length > 0)
        flag(s, bad, `${bad.map((f) => `${f} ${uk(s[f]!)}`).join(", ")}, year ends ${uk(ctx.end)}`);
    }
  },
});

export const otherTablesRules: Rule[] = [
  pn0Over4,
  pnUnder4,
  missingEndsBeforeStart,
  missingStartsAfterYear,
  missingEndsOutsideYear,
  missingOverlaps,
  missingTypeBlank,
  matchedBeforeDecision,
  adoptionAllOrNone,
  fosterCareInvalid,
  numberOfAdoptersInvalid,
  coupleWithSingleSex,
  ceasedWithReason,
  ceasedBeforePlaced,
  ceasedWithoutPlaced,
  decisionsOverlap,
  placedWithoutDecision,
  permDateInvalid,
  permDetailsWithoutOption,
  permOptionWithoutDetails,
  permLaInvalid,
  convictedUnder10,
  sdqScoreInvalid,
  oc2FlagsInvalid,
  sdqReasonInvalid,
  sdqScoreAndReason,
];

/** The SWEpisodes table is collected from 2023/24. */
export const otherTablesOverlays: YearOverlay[] = [{ year: 2023, add: [swEndsBeforeStart, swOutsideYear] }];
