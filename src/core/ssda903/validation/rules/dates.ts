/**
 * Date logic: dates in the right order, inside the collection year, and
 * consistent with the child's date of birth and age.
 */
import { birthday } from "../../../dates.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { isDay, isShortBreakLs, leftCare, uk } from "./formats.js";

const dobAfterEnd = rule({
  id: "301",
  dfe: true,
  severity: "error",
  message: "Date of birth is after the end of the collection year",
  tables: ["header"],
  fields: ["DOB"],
  rowwise: "header",
  check(ctx, flag) {
    for (const h of ctx.t.header) {
      if (isDay(h.DOB) && h.DOB > ctx.end) flag(h, ["DOB"], `DOB ${uk(h.DOB)}, year ends ${uk(ctx.end)}`);
    }
  },
});

/** Only the child's earliest episode is reported: if any episode starts before birth, that one does. */
const startsBeforeBirth = rule({
  id: "302",
  dfe: true,
  severity: "error",
  message: "First episode starts before the child was born",
  tables: ["header", "episodes"],
  fields: ["DECOM", "DOB"],
  check(ctx, flag) {
    for (const [child, list] of ctx.episodesByChild()) {
      const first = list[0]!;
      const dob = ctx.dob(child);
      if (dob !== undefined && isDay(first.DECOM) && first.DECOM < dob) {
        flag(first, ["DECOM", "DOB"], `DECOM ${uk(first.DECOM)} is before DOB ${uk(dob)}`);
      }
    }
  },
});

const endsBeforeStart = rule({
  id: "356",
  dfe: true,
  severity: "error",
  message: "Date episode ceased (DEC) is before the date it began (DECOM)",
  tables: ["episodes"],
  fields: ["DEC", "DECOM"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (isDay(e.DEC) && isDay(e.DECOM) && e.DEC < e.DECOM) {
        flag(e, ["DEC", "DECOM"], `DEC ${uk(e.DEC)} is before DECOM ${uk(e.DECOM)}`);
      }
    }
  },
});

const startsAfterYear = rule({
  id: "354",
  dfe: true,
  severity: "error",
  message: "Date episode began (DECOM) is after the end of the collection year",
  tables: ["episodes"],
  fields: ["DECOM"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (isDay(e.DECOM) && e.DECOM > ctx.end)
        flag(e, ["DECOM"], `DECOM ${uk(e.DECOM)}, year ends ${uk(ctx.end)}`);
    }
  },
});

const endsAfterYear = rule({
  id: "385",
  dfe: true,
  severity: "error",
  message: "Date episode ceased (DEC) is after the end of the collection year",
  tables: ["episodes"],
  fields: ["DEC"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (isDay(e.DEC) && e.DEC > ctx.end) flag(e, ["DEC"], `DEC ${uk(e.DEC)}, year ends ${uk(ctx.end)}`);
    }
  },
});

const sameDayEpisode = rule({
  id: "355",
  dfe: true,
  severity: "query",
  message: "Episode appears to have lasted less than a day (it starts and ends on the same date)",
  tables: ["episodes"],
  fields: ["DECOM", "DEC"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (isDay(e.DECOM) && e.DEC === e.DECOM) flag(e, ["DECOM", "DEC"], `DECOM and DEC both ${uk(e.DECOM)}`);
    }
  },
});

const over21 = rule({
  id: "351",
  dfe: true,
  severity: "error",
  message: "Child was over 21 at the start of the collection year",
  tables: ["header"],
  fields: ["DOB"],
  rowwise: "header",
  check(ctx, flag) {
    for (const h of ctx.t.header) {
      if (!isDay(h.DOB)) continue;
      const b21 = birthday(h.DOB, 21);
      if (b21 < ctx.start)
        flag(h, ["DOB"], `DOB ${uk(h.DOB)}: 21st birthday ${uk(b21)}, year starts ${uk(ctx.start)}`);
    }
  },
});

const startedAged18 = rule({
  id: "352",
  dfe: true,
  severity: "error",
  message: "Child started to be looked after (RNE S) aged 18 or over",
  tables: ["header", "episodes"],
  fields: ["DECOM", "RNE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.RNE !== "S" || !isDay(e.DECOM)) continue;
      const dob = ctx.dob(e.CHILD);
      if (dob === undefined) continue;
      const b18 = birthday(dob, 18);
      if (e.DECOM >= b18) flag(e, ["DECOM", "RNE"], `DECOM ${uk(e.DECOM)}, 18th birthday ${uk(b18)}`);
    }
  },
});

/**
 * After the 18th birthday a young person can stay looked after only under
 * section 20(5) (legal status V2) in a community home (K2). An episode still
 * open at the end of the year for someone who turned 18 before 31 March must
 * be V2 in K2.
 */
const openAfter18 = rule({
  id: "359",
  dfe: true,
  severity: "error",
  message:
    "Young person is still looked after after their 18th birthday but not under section 20(5) (V2) in a community home (K2)",
  tables: ["header", "episodes"],
  fields: ["DEC", "LS", "PLACE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.DEC !== null || (e.LS === "V2" && e.PLACE === "K2")) continue;
      const dob = ctx.dob(e.CHILD);
      if (dob === undefined) continue;
      const b18 = birthday(dob, 18);
      if (b18 < ctx.end)
        flag(e, ["DEC", "LS", "PLACE"], `18th birthday ${uk(b18)}, open episode LS ${e.LS} PLACE ${e.PLACE}`);
    }
  },
});

const reviewBeforeBirth = rule({
  id: "SP130",
  dfe: false,
  severity: "error",
  message: "Date of review (REVIEW) is before the child's date of birth",
  tables: ["reviews"],
  fields: ["REVIEW", "DOB"],
  rowwise: "reviews",
  check(ctx, flag) {
    for (const r of ctx.t.reviews) {
      if (isDay(r.REVIEW) && isDay(r.DOB) && r.REVIEW < r.DOB) {
        flag(r, ["REVIEW", "DOB"], `REVIEW ${uk(r.REVIEW)}, DOB ${uk(r.DOB)}`);
      }
    }
  },
});

const reviewOutsideYear = rule({
  id: "SP131",
  dfe: false,
  severity: "error",
  message: "Date of review (REVIEW) is outside the collection year",
  tables: ["reviews"],
  fields: ["REVIEW"],
  rowwise: "reviews",
  check(ctx, flag) {
    for (const r of ctx.t.reviews) {
      if (isDay(r.REVIEW) && (r.REVIEW < ctx.start || r.REVIEW > ctx.end)) {
        flag(r, ["REVIEW"], `REVIEW ${uk(r.REVIEW)}, year ${uk(ctx.start)} to ${uk(ctx.end)}`);
      }
    }
  },
});

const missingBeforeBirth = rule({
  id: "586",
  dfe: true,
  severity: "error",
  message: "Missing or away period starts on or before the child's date of birth",
  tables: ["missing"],
  fields: ["MIS_START", "DOB"],
  rowwise: "missing",
  check(ctx, flag) {
    for (const m of ctx.t.missing) {
      if (isDay(m.MIS_START) && isDay(m.DOB) && m.MIS_START <= m.DOB) {
        flag(m, ["MIS_START", "DOB"], `MIS_START ${uk(m.MIS_START)}, DOB ${uk(m.DOB)}`);
      }
    }
  },
});

const placedBeforeBirth = rule({
  id: "184",
  dfe: true,
  severity: "error",
  message:
    "Date of decision that the child should be placed for adoption (DATE_PLACED) is before the child was born",
  tables: ["placedAdoption"],
  fields: ["DATE_PLACED", "DOB"],
  rowwise: "placedAdoption",
  check(ctx, flag) {
    for (const p of ctx.t.placedAdoption) {
      if (isDay(p.DATE_PLACED) && isDay(p.DOB) && p.DATE_PLACED < p.DOB) {
        flag(p, ["DATE_PLACED", "DOB"], `DATE_PLACED ${uk(p.DATE_PLACED)}, DOB ${uk(p.DOB)}`);
      }
    }
  },
});

const adoptionDatesBeforeBirth = rule({
  id: "SP132",
  dfe: false,
  severity: "error",
  message: "Adoption dates (DATE_INT or DATE_MATCH) are before the child's date of birth",
  tables: ["ad1"],
  fields: ["DATE_INT", "DATE_MATCH", "DOB"],
  rowwise: "ad1",
  check(ctx, flag) {
    for (const a of ctx.t.ad1) {
      if (!isDay(a.DOB)) continue;
      const dob = a.DOB;
      const bad = (["DATE_INT", "DATE_MATCH"] as const).filter((f) => {
        const d = a[f];
        return isDay(d) && d < dob;
      });
      if (bad.length > 0) flag(a, bad, `${bad.map((f) => `${f} ${uk(a[f]!)}`).join(", ")}, DOB ${uk(dob)}`);
    }
  },
});

/**
 * Decisions about adoption cannot be dated after the end of the year, nor
 * after the child left care (the last episode ended with an E reason).
 */
const placedAfterYearOrCare = rule({
  id: "117",
  dfe: true,
  severity: "error",
  message:
    "Date of decision that the child should (or should no longer) be placed for adoption is after the end of the year or after the child left care",
  tables: ["placedAdoption", "episodes"],
  fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
  rowwise: "placedAdoption",
  check(ctx, flag) {
    const byChild = ctx.episodesByChild();
    for (const p of ctx.t.placedAdoption) {
      const list = byChild.get(p.CHILD);
      const last = list?.[list.length - 1];
      const left = last && leftCare(last) ? (last.DEC as number) : undefined;
      const bad: string[] = [];
      const why: string[] = [];
      for (const f of ["DATE_PLACED", "DATE_PLACED_CEASED"] as const) {
        const d = p[f];
        if (!isDay(d)) continue;
        if (d > ctx.end) {
          bad.push(f);
          why.push(`${f} ${uk(d)} is after the year end ${uk(ctx.end)}`);
        } else if (left !== undefined && d > left) {
          bad.push(f);
          why.push(`${f} ${uk(d)} is after the child left care on ${uk(left)}`);
        }
      }
      if (bad.length > 0) flag(p, bad, why.join("; "));
    }
  },
});

/**
 * A decision that the child should no longer be placed for adoption cannot
 * be before the year or before the child's first episode of care in it
 * (short breaks aside).
 */
const placedCeasedTooEarly = rule({
  id: "118",
  dfe: true,
  severity: "error",
  message:
    "Date of decision that the child should no longer be placed for adoption is before the collection year or before the child started to be looked after",
  tables: ["placedAdoption", "episodes"],
  fields: ["DATE_PLACED_CEASED", "DECOM"],
  rowwise: "placedAdoption",
  check(ctx, flag) {
    const byChild = ctx.episodesByChild();
    for (const p of ctx.t.placedAdoption) {
      const d = p.DATE_PLACED_CEASED;
      if (!isDay(d)) continue;
      if (d < ctx.start) {
        flag(p, ["DATE_PLACED_CEASED"], `DATE_PLACED_CEASED ${uk(d)}, year starts ${uk(ctx.start)}`);
        continue;
      }
      const first = byChild.get(p.CHILD)?.find((e) => isDay(e.DECOM) && !isShortBreakLs(e.LS));
      if (first && d < (first.DECOM as number)) {
        flag(
          p,
          ["DATE_PLACED_CEASED"],
          `DATE_PLACED_CEASED ${uk(d)}, first episode began ${uk(first.DECOM as number)}`,
        );
      }
    }
  },
});

export const datesRules: Rule[] = [
  dobAfterEnd,
  startsBeforeBirth,
  endsBeforeStart,
  startsAfterYear,
  endsAfterYear,
  sameDayEpisode,
  over21,
  startedAged18,
  openAfter18,
  reviewBeforeBirth,
  reviewOutsideYear,
  missingBeforeBirth,
  placedBeforeBirth,
  adoptionDatesBeforeBirth,
  placedAfterYearOrCare,
  placedCeasedTooEarly,
];

/** None of these rules changes between collection years. */
export const datesOverlays: YearOverlay[] = [];
