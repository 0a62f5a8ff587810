/**
 * Age rules: legal statuses, placement types and reasons for leaving care
 * that DfE allows only from (or up to) a given age, and care after the 18th
 * birthday.
 *
 * Ages come from the Header's DOB (a child born on 29 February has birthdays
 * on 1 March in other years, see dates.ts). Rows with no readable DOB or
 * dates are skipped, as are episodes starting before birth (the date rules
 * report those). A child is "aged n" from their n-th birthday.
 */
import { ageOn, birthday, type Day } from "../../../dates.js";
import { PLACE, REC } from "../../codes.js";
import type { EpisodeRow } from "../../types.js";
import type { YearContext } from "../context.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { isDay, startOf, uk, valid } from "./sequence.js";

/** The DOB to use for an episode's dates, or undefined when unknown or after `day`. */
function dobFor(ctx: YearContext, e: EpisodeRow, day: Day): Day | undefined {
  const dob = ctx.dob(e.CHILD);
  return dob === undefined || day < dob ? undefined : dob;
}

function ageText(dob: Day, day: Day, age: number): string {
  return `aged ${ageOn(dob, day)} (${age} on ${uk(birthday(dob, age))})`;
}

/** An episode that starts before the child reaches the minimum age for its legal status or placement. */
function minimumAge(opts: {
  id: string;
  field: "PLACE" | "LS";
  codes: readonly string[];
  age: number;
  message: string;
}): Rule {
  const codes = new Set(opts.codes);
  return rule({
    id: opts.id,
    dfe: true,
    severity: "error",
    message: opts.message,
    tables: ["episodes", "header"],
    fields: ["DECOM", opts.field],
    rowwise: "episodes",
    check(ctx, flag) {
      for (const e of ctx.t.episodes) {
        const code = e[opts.field];
        if (!codes.has(code) || !isDay(e.DECOM)) continue;
        if (opts.field === "PLACE" && !valid(ctx, PLACE, code)) continue;
        const dob = dobFor(ctx, e, e.DECOM);
        if (dob === undefined || e.DECOM >= birthday(dob, opts.age)) continue;
        flag(e, undefined, `${opts.field} ${code} from ${uk(e.DECOM)}, ${ageText(dob, e.DECOM, opts.age)}`);
      }
    },
  });
}

const remandUnder10 = minimumAge({
  id: "358",
  field: "LS",
  codes: ["J1", "J2", "J3"],
  age: 10,
  message: "A child under 10 cannot be remanded, detained or sentenced (legal status J1, J2 or J3)",
});

const independentLiving = (age: number) =>
  minimumAge({
    id: "370",
    field: "PLACE",
    codes: ["P2"],
    age,
    message: `A child in independent living (PLACE P2) must be at least ${age}`,
  });

const semiIndependent = (age: number, codes: string[]) =>
  minimumAge({
    id: "371",
    field: "PLACE",
    codes,
    age,
    message: `A child in semi-independent or supported accommodation (PLACE ${codes.join(" or ")}) must be at least ${age}`,
  });

const custody = minimumAge({
  id: "372",
  field: "PLACE",
  codes: ["R5"],
  age: 10,
  message: "A child in a young offender institution or prison (PLACE R5) must be at least 10",
});

const school = minimumAge({
  id: "373",
  field: "PLACE",
  codes: ["S1"],
  age: 4,
  message: "A child placed in a residential school (PLACE S1) must be at least 4",
});

const employment = minimumAge({
  id: "374",
  field: "PLACE",
  codes: ["P3"],
  age: 14,
  message: "A child in residential employment (PLACE P3) must be at least 14",
});

/** An episode ended with one of `recs` at an age DfE does not allow. */
function ceasedAge(opts: {
  id: string;
  dfe: boolean;
  severity?: "error" | "query";
  recs: readonly string[];
  /** "under": must be at least `age` on DEC; "from": must be under `age` on DEC. */
  limit: "under" | "from";
  age: number;
  message: string;
}): Rule {
  const recs = new Set(opts.recs);
  return rule({
    id: opts.id,
    dfe: opts.dfe,
    severity: opts.severity ?? "error",
    message: opts.message,
    tables: ["episodes", "header"],
    fields: ["REC", "DEC"],
    rowwise: "episodes",
    check(ctx, flag) {
      for (const e of ctx.t.episodes) {
        if (!recs.has(e.REC) || !isDay(e.DEC) || !valid(ctx, REC, e.REC)) continue;
        const dob = dobFor(ctx, e, e.DEC);
        if (dob === undefined) continue;
        const reached = e.DEC >= birthday(dob, opts.age);
        if (opts.limit === "under" ? !reached : reached) {
          flag(e, undefined, `REC ${e.REC} on ${uk(e.DEC)}, ${ageText(dob, e.DEC, opts.age)}`);
        }
      }
    },
  });
}

const adoptedAdult = ceasedAge({
  id: "386",
  dfe: true,
  recs: ["E11", "E12"],
  limit: "from",
  age: 18,
  message: "The child is recorded as adopted (REC E11 or E12) on or after their 18th birthday",
});

const independentUnder14 = ceasedAge({
  id: "387",
  dfe: true,
  recs: ["E5", "E6"],
  limit: "under",
  age: 14,
  message: "The child is recorded as moving to independent living (REC E5 or E6) before their 14th birthday",
});

const adultCareUnder16 = ceasedAge({
  id: "389",
  dfe: true,
  recs: ["E7"],
  limit: "under",
  age: 16,
  message: "The child is recorded as moving to adult social care (REC E7) before their 16th birthday",
});

const stayingPutUnder18 = ceasedAge({
  id: "SP330",
  dfe: false,
  recs: ["E17"],
  limit: "under",
  age: 18,
  message:
    "Staying put (REC E17) is only for young people aged 18 or over, but the episode ended before the 18th birthday",
});

const stayingPutNotFoster = rule({
  id: "SP332",
  dfe: false,
  severity: "query",
  message:
    "Staying put (REC E17) means staying with former foster carers, but the placement was not foster care (U1–U6)",
  tables: ["episodes"],
  fields: ["REC", "PLACE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.REC === "E17" && isDay(e.DEC) && valid(ctx, PLACE, e.PLACE) && !/^U[1-6]$/.test(e.PLACE)) {
        flag(e, undefined, `REC E17 from PLACE ${e.PLACE}`);
      }
    }
  },
});

/**
 * Over 18, a young person may stay looked after only under section 20(5) in
 * a community home: LS V2 in PLACE K2 (open episodes are the date rules' 359).
 */
function adultAllowed(e: EpisodeRow): boolean {
  return e.LS === "V2" && e.PLACE === "K2";
}

const closedAfter18 = rule({
  id: "SP331",
  dfe: false,
  severity: "query",
  message:
    "The episode started before the child's 18th birthday and continues past it: young people usually leave care on their 18th birthday",
  tables: ["episodes", "header"],
  fields: ["DEC", "DOB"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (!isDay(e.DEC) || !isDay(e.DECOM) || adultAllowed(e)) continue;
      const dob = dobFor(ctx, e, e.DECOM);
      // 6570 days is less than 18 years: most episodes end too young to need the exact birthday.
      if (dob === undefined || e.DEC - dob < 6570) continue;
      const b18 = birthday(dob, 18);
      // An episode starting at 18 or over is rule 352's; an open one is rule 359's.
      if (e.DECOM < b18 && e.DEC > b18) {
        flag(e, ["DEC"], `from ${uk(startOf(e))} to ${uk(e.DEC)}; 18th birthday ${uk(b18)}`);
      }
    }
  },
});

const custodyUnder10 = rule({
  id: "234",
  dfe: true,
  severity: "error",
  message: "A child under 10 cannot change placement because of custody (REASON_PLACE_CHANGE CUSTOD)",
  tables: ["episodes", "header"],
  fields: ["REASON_PLACE_CHANGE", "DEC"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.REASON_PLACE_CHANGE !== "CUSTOD" || !isDay(e.DEC)) continue;
      const dob = dobFor(ctx, e, e.DEC);
      if (dob !== undefined && e.DEC < birthday(dob, 10)) {
        flag(e, ["REASON_PLACE_CHANGE"], `placement changed ${uk(e.DEC)}, ${ageText(dob, e.DEC, 10)}`);
      }
    }
  },
});

export const agesRules: Rule[] = [
  remandUnder10,
  independentLiving(15),
  semiIndependent(14, ["H5"]),
  custody,
  school,
  employment,
  adoptedAdult,
  independentUnder14,
  adultCareUnder16,
  stayingPutUnder18,
  stayingPutNotFoster,
  closedAfter18,
];

/**
 * 2023/24: independent living (P2) and semi-independent living (H5) from 16.
 * 2024/25: supported accommodation (K3) arrives, also from 16 (H5 is still
 * valid that year). 2025/26: P2 is no longer a placement type, so its rule
 * retires; DfE adds the custody-reason age check (234).
 */
export const agesOverlays: YearOverlay[] = [
  { year: 2023, replace: [independentLiving(16), semiIndependent(16, ["H5"])] },
  { year: 2024, replace: [semiIndependent(16, ["H5", "K3"])] },
  { year: 2025, retire: ["370"], add: [custodyUnder10] },
];
