/**
 * Format rules: dates that are not real dates, codes outside the year's list,
 * fields that must be filled in, and the shape of postcodes and distances.
 *
 * The small helpers at the top are shared by the other groups of this
 * helper's rules (dates, header, uasc, oc3, other-tables).
 */
import { type Day, formatUK } from "../../../dates.js";
import {
  CODED_FIELDS,
  type Code,
  codesFor,
  labelOf,
  OTHER_PLACE,
  SEX,
  TEMPORARY_PLACE,
} from "../../codes.js";
import { TABLES, type TableKey } from "../../tables.js";
import type { AnyRow, EpisodeRow } from "../../types.js";
import type { CollectionYear } from "../../years.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/** True for a readable date (not blank, not an unreadable value). */
export function isDay(d: Day | null | undefined): d is Day {
  return typeof d === "number" && !Number.isNaN(d);
}

/** DD/MM/YYYY, as the data officer sees it in the file. */
export const uk = formatUK;

/** A field of any row, by its DfE column name. */
export function field(row: AnyRow, name: string): unknown {
  return (row as unknown as Record<string, unknown>)[name];
}

/** A coded or text field of any row ("" when blank or absent). */
export function text(row: AnyRow, name: string): string {
  const v = field(row, name);
  return typeof v === "string" ? v : "";
}

export type SexKind = "male" | "female" | "unknown";

/**
 * What a SEX code means. With a year, only codes valid in that year count
 * (1/2 up to 2023/24, M/F/U from 2024/25, per codes.ts); without one, any
 * code the list has ever had, so years can be compared.
 */
export function sexKind(code: string, year?: CollectionYear): SexKind | undefined {
  if (year !== undefined && !codesFor(SEX, year).has(code)) return undefined;
  const label = labelOf(SEX, code);
  if (label === "Male") return "male";
  if (label === "Female") return "female";
  return label === undefined ? undefined : "unknown";
}

/** Short breaks (V3/V4) are not periods of being looked after. */
export function isShortBreakLs(ls: string): boolean {
  return ls === "V3" || ls === "V4";
}

/** The episode after which a child left care: an ended episode with an E reason. */
export function leftCare(e: EpisodeRow): boolean {
  return isDay(e.DEC) && e.REC !== "" && e.REC !== "X1";
}

// ---------------------------------------------------------------------------
// Rule builders
// ---------------------------------------------------------------------------

export interface DateRuleOptions {
  /** Blank is also an error. */
  required?: boolean;
}

/** A date field that is present but not a real DD/MM/YYYY date (and, when required, blank). */
export function invalidDateRule(
  id: string,
  dfe: boolean,
  table: TableKey,
  fieldName: string,
  what: string,
  options: DateRuleOptions = {},
): Rule {
  if (!TABLES[table].dates.includes(fieldName))
    throw new Error(`${TABLES[table].name}.${fieldName} is not a date`);
  return rule({
    id,
    dfe,
    severity: "error",
    message: options.required
      ? `${what} is blank or not a valid date (DD/MM/YYYY)`
      : `${what} is not a valid date (DD/MM/YYYY)`,
    tables: [table],
    fields: [fieldName],
    rowwise: table,
    check(ctx, flag) {
      for (const row of ctx.t[table] as AnyRow[]) {
        const v = field(row, fieldName);
        if (typeof v === "number" && Number.isNaN(v))
          flag(row, [fieldName], `'${row.raw?.[fieldName] ?? ""}'`);
        else if (options.required && v === null) flag(row, [fieldName], "blank");
      }
    },
  });
}

export interface CodeRuleOptions {
  /** Codes of the list that DfE does not accept in this field. */
  exclude?: readonly string[];
  /** When blank is also an error. */
  requiredWhen?: (row: AnyRow) => boolean;
}

/**
 * A coded field whose value is not in the collection year's list. Blank is
 * left to the rules about required fields, which know when blank is allowed,
 * unless `requiredWhen` says so.
 */
export function invalidCodeRule(
  id: string,
  dfe: boolean,
  table: TableKey,
  fieldName: string,
  what: string,
  options: CodeRuleOptions = {},
): Rule {
  const list: Code[] | undefined = CODED_FIELDS[table]?.[fieldName];
  if (!list) throw new Error(`${TABLES[table].name}.${fieldName} has no code list`);
  const excluded = new Set(options.exclude ?? []);
  return rule({
    id,
    dfe,
    severity: "error",
    message: options.requiredWhen
      ? `${what} is blank or not a valid code for the collection year`
      : `${what} is not a valid code for the collection year`,
    tables: [table],
    fields: [fieldName],
    rowwise: table,
    check(ctx, flag) {
      const valid = codesFor(list, ctx.year);
      for (const row of ctx.t[table] as AnyRow[]) {
        const v = text(row, fieldName);
        if (v === "") {
          if (options.requiredWhen?.(row)) flag(row, [fieldName], "blank");
        } else if (excluded.has(v)) flag(row, [fieldName], `'${v}' is not accepted in this field`);
        else if (!valid.has(v)) flag(row, [fieldName], `'${v}'`);
      }
    },
  });
}

/** A row whose CHILD is blank: it cannot be linked to anything else in the return. */
export function childBlankRule(id: string, table: TableKey): Rule {
  return rule({
    id,
    dfe: false,
    severity: "error",
    message: `Child identifier (CHILD) is blank in the ${TABLES[table].name} table`,
    tables: [table],
    fields: ["CHILD"],
    rowwise: table,
    check(ctx, flag) {
      for (const row of ctx.t[table] as AnyRow[]) if (row.CHILD === "") flag(row, ["CHILD"], "CHILD blank");
    },
  });
}

// ---------------------------------------------------------------------------
// Required fields and shapes of Episodes
// ---------------------------------------------------------------------------

const decomBlank = rule({
  id: "SP122",
  dfe: false,
  severity: "error",
  message: "Date episode began (DECOM) is blank",
  tables: ["episodes"],
  fields: ["DECOM"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) if (e.DECOM === null) flag(e, ["DECOM"], "DECOM blank");
  },
});

const EPISODE_REQUIRED = ["RNE", "LS", "CIN", "PLACE"] as const;

const episodeFieldsBlank = rule({
  id: "SP123",
  dfe: false,
  severity: "error",
  message: "Reason for new episode, legal status, category of need or placement type is blank",
  tables: ["episodes"],
  fields: [...EPISODE_REQUIRED],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      // Tested field by field first: the list is built only for a row with a blank.
      if (e.RNE !== "" && e.LS !== "" && e.CIN !== "" && e.PLACE !== "") continue;
      const blank = EPISODE_REQUIRED.filter((f) => e[f] === "");
      if (blank.length > 0) flag(e, blank, `blank: ${blank.join(", ")}`);
    }
  },
});

const decRecTogether = rule({
  id: "148",
  dfe: true,
  severity: "error",
  message:
    "Date episode ceased (DEC) and reason episode ceased (REC) must both be filled in or both be blank",
  tables: ["episodes"],
  fields: ["DEC", "REC"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      const hasDec = e.DEC !== null;
      const hasRec = e.REC !== "";
      if (hasDec && !hasRec) flag(e, ["REC"], `DEC ${isDay(e.DEC) ? uk(e.DEC) : "given"} but REC blank`);
      else if (!hasDec && hasRec) flag(e, ["DEC"], `REC ${e.REC} but DEC blank`);
    }
  },
});

/** Placement types that have no provider: temporary moves (T0–T4) and "other" placements (Z1, Z11–Z14). */
function providerNotNeeded(place: string): boolean {
  return TEMPORARY_PLACE.has(place) || OTHER_PLACE.has(place);
}

const providerBlank = rule({
  id: "526",
  dfe: true,
  severity: "error",
  message: "Placement provider (PLACE_PROVIDER) is blank but this placement type needs one",
  tables: ["episodes"],
  fields: ["PLACE_PROVIDER", "PLACE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.PLACE_PROVIDER === "" && e.PLACE !== "" && !providerNotNeeded(e.PLACE)) {
        flag(e, ["PLACE_PROVIDER"], `PLACE ${e.PLACE}`);
      }
    }
  },
});

const PLACEMENT_CHANGES: ReadonlySet<string> = new Set(["P", "B", "T", "U"]);

/**
 * The reason for a placement change is recorded on the episode that ends
 * when the placement changes: an X1 ending followed by an episode whose RNE
 * says the placement changed (P, B, T or U). Moves into and out of temporary
 * placements (T0–T4) need no reason. DfE collects the reason from 2015/16,
 * the first year this product supports, so the rule applies to every year.
 */
const placeChangeReasonBlank = rule({
  id: "225",
  dfe: true,
  severity: "error",
  message: "Reason for placement change (REASON_PLACE_CHANGE) must be recorded when the placement changes",
  tables: ["episodes"],
  fields: ["REASON_PLACE_CHANGE"],
  check(ctx, flag) {
    for (const list of ctx.episodesByChild().values()) {
      for (let i = 0; i + 1 < list.length; i++) {
        const e = list[i]!;
        const next = list[i + 1]!;
        if (
          e.REC === "X1" &&
          e.REASON_PLACE_CHANGE === "" &&
          !TEMPORARY_PLACE.has(e.PLACE) &&
          PLACEMENT_CHANGES.has(next.RNE) &&
          !TEMPORARY_PLACE.has(next.PLACE)
        ) {
          const start = isDay(next.DECOM) ? ` on ${uk(next.DECOM)}` : "";
          flag(
            e,
            ["REASON_PLACE_CHANGE"],
            `placement ${e.PLACE} changes to ${next.PLACE}${start} (RNE ${next.RNE})`,
          );
        }
      }
    }
  },
});

const distanceInvalid = rule({
  id: "164",
  dfe: true,
  severity: "error",
  message: "Distance from home to placement (PL_DISTANCE) is not a number of miles from 0.0 to 999.9",
  tables: ["episodes"],
  fields: ["PL_DISTANCE"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      const d = e.PL_DISTANCE;
      if (d === null || d === undefined) continue;
      if (Number.isNaN(d)) flag(e, ["PL_DISTANCE"], `'${e.raw?.PL_DISTANCE ?? ""}'`);
      else if (d < 0 || d > 999.9) flag(e, ["PL_DISTANCE"], `${d}`);
    }
  },
});

// A full postcode (the space is optional) or a postcode sector such as "AB1 2".
const FULL_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;
const POSTCODE_SECTOR = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]$/;

/** True for a value shaped like a UK postcode or postcode sector. */
export function isPostcodeShape(pc: string): boolean {
  return FULL_POSTCODE.test(pc) || POSTCODE_SECTOR.test(pc);
}

const postcodeShape = rule({
  id: "SP124",
  dfe: false,
  severity: "error",
  message: "Postcode (HOME_POST or PL_POST) is not shaped like a UK postcode or postcode sector",
  tables: ["episodes"],
  fields: ["HOME_POST", "PL_POST"],
  check(ctx, flag) {
    // Postcodes repeat from row to row: each is matched against the patterns once.
    const shaped = new Map<string, boolean>();
    const ok = (pc: string) => {
      let r = shaped.get(pc);
      if (r === undefined) {
        r = isPostcodeShape(pc);
        shaped.set(pc, r);
      }
      return r;
    };
    for (const e of ctx.t.episodes) {
      if ((e.HOME_POST === "" || ok(e.HOME_POST)) && (e.PL_POST === "" || ok(e.PL_POST))) continue;
      const bad = (["HOME_POST", "PL_POST"] as const).filter((f) => e[f] !== "" && !ok(e[f]));
      if (bad.length > 0) flag(e, bad, bad.map((f) => `${f} '${e[f]}'`).join(", "));
    }
  },
});

// ---------------------------------------------------------------------------
// The rule set
// ---------------------------------------------------------------------------

const codeRules: Rule[] = [
  invalidCodeRule("101", true, "header", "SEX", "Sex (SEX)"),
  invalidCodeRule("103", true, "header", "ETHNIC", "Ethnicity (ETHNIC)"),
  invalidCodeRule("143", true, "episodes", "RNE", "Reason for new episode (RNE)"),
  invalidCodeRule("144", true, "episodes", "LS", "Legal status (LS)"),
  invalidCodeRule("145", true, "episodes", "CIN", "Category of need (CIN)"),
  invalidCodeRule("146", true, "episodes", "PLACE", "Placement type (PLACE)"),
  invalidCodeRule("178", true, "episodes", "PLACE_PROVIDER", "Placement provider (PLACE_PROVIDER)"),
  invalidCodeRule("149", true, "episodes", "REC", "Reason episode ceased (REC)"),
  invalidCodeRule(
    "1009",
    true,
    "episodes",
    "REASON_PLACE_CHANGE",
    "Reason for placement change (REASON_PLACE_CHANGE)",
  ),
  invalidCodeRule("SP100", false, "uasc", "SEX", "Sex in the UASC table (SEX)"),
  invalidCodeRule("167", true, "reviews", "REVIEW_CODE", "Participation in review (REVIEW_CODE)", {
    requiredWhen: (r) => field(r, "REVIEW") !== null,
  }),
  invalidCodeRule("131", true, "oc3", "IN_TOUCH", "Care leaver in touch (IN_TOUCH)"),
  invalidCodeRule("132", true, "oc3", "ACTIV", "Care leaver activity (ACTIV)"),
  // No fixed abode (S) and custody (X) are always "not suitable": DfE accepts only S2 and X2.
  invalidCodeRule("133", true, "oc3", "ACCOM", "Care leaver accommodation (ACCOM)", {
    exclude: ["S1", "X1"],
  }),
  invalidCodeRule("1006", true, "missing", "MISSING", "Missing or away from placement (MISSING)"),
  invalidCodeRule("631", true, "prevPerm", "PREV_PERM", "Previous permanence option (PREV_PERM)"),
  invalidCodeRule(
    "120",
    true,
    "placedAdoption",
    "REASON_PLACED_CEASED",
    "Reason the child should no longer be placed for adoption (REASON_PLACED_CEASED)",
  ),
  invalidCodeRule("176", true, "ad1", "SEX_ADOPTR", "Sex of adopter(s) (SEX_ADOPTR)"),
  invalidCodeRule("177", true, "ad1", "LS_ADOPTR", "Legal status of adopter(s) (LS_ADOPTR)"),
];

const dateRules: Rule[] = [
  invalidDateRule("102", true, "header", "DOB", "Date of birth (DOB)", { required: true }),
  invalidDateRule("171", true, "header", "MC_DOB", "Date of birth of mother's child (MC_DOB)"),
  invalidDateRule("141", true, "episodes", "DECOM", "Date episode began (DECOM)"),
  invalidDateRule("147", true, "episodes", "DEC", "Date episode ceased (DEC)"),
  invalidDateRule("SP101", false, "uasc", "DOB", "Date of birth in the UASC table (DOB)", { required: true }),
  invalidDateRule("104", true, "uasc", "DUC", "Date UASC status ceased (DUC)"),
  invalidDateRule("SP102", false, "reviews", "DOB", "Date of birth in the Reviews table (DOB)", {
    required: true,
  }),
  invalidDateRule("166", true, "reviews", "REVIEW", "Date of review (REVIEW)", { required: true }),
  invalidDateRule("SP103", false, "oc2", "DOB", "Date of birth in the OC2 table (DOB)", { required: true }),
  invalidDateRule("SP104", false, "oc3", "DOB", "Date of birth in the OC3 table (DOB)", { required: true }),
  invalidDateRule("SP105", false, "ad1", "DOB", "Date of birth in the AD1 table (DOB)", { required: true }),
  invalidDateRule("112", true, "ad1", "DATE_INT", "Date the child should be placed for adoption (DATE_INT)"),
  invalidDateRule(
    "113",
    true,
    "ad1",
    "DATE_MATCH",
    "Date the child was matched with adopter(s) (DATE_MATCH)",
  ),
  invalidDateRule(
    "SP106",
    false,
    "placedAdoption",
    "DOB",
    "Date of birth in the PlacedAdoption table (DOB)",
    {
      required: true,
    },
  ),
  invalidDateRule(
    "115",
    true,
    "placedAdoption",
    "DATE_PLACED",
    "Date of decision that the child should be placed for adoption (DATE_PLACED)",
  ),
  invalidDateRule(
    "116",
    true,
    "placedAdoption",
    "DATE_PLACED_CEASED",
    "Date of decision that the child should no longer be placed for adoption (DATE_PLACED_CEASED)",
  ),
  invalidDateRule("SP125", false, "prevPerm", "DOB", "Date of birth in the PrevPerm table (DOB)", {
    required: true,
  }),
  invalidDateRule("SP107", false, "missing", "DOB", "Date of birth in the Missing table (DOB)", {
    required: true,
  }),
  invalidDateRule("1004", true, "missing", "MIS_START", "Date missing or away period started (MIS_START)", {
    required: true,
  }),
  invalidDateRule("1005", true, "missing", "MIS_END", "Date missing or away period ended (MIS_END)"),
];

const TABLES_BEFORE_SW: TableKey[] = [
  "header",
  "episodes",
  "uasc",
  "reviews",
  "oc2",
  "oc3",
  "ad1",
  "placedAdoption",
  "prevPerm",
  "missing",
];

const childBlankRules: Rule[] = TABLES_BEFORE_SW.map((t, i) => childBlankRule(`SP${111 + i}`, t));

export const formatRules: Rule[] = [
  ...codeRules,
  ...dateRules,
  ...childBlankRules,
  decomBlank,
  episodeFieldsBlank,
  decRecTogether,
  providerBlank,
  placeChangeReasonBlank,
  distanceInvalid,
  postcodeShape,
];

/**
 * Code lists change by year through codes.ts, so the code rules need no
 * overlays. The SWEpisodes table exists from 2023/24, so its rules start then.
 */
export const formatOverlays: YearOverlay[] = [
  {
    year: 2023,
    add: [
      childBlankRule("SP121", "swEpisodes"),
      invalidDateRule("SP108", false, "swEpisodes", "DOB", "Date of birth in the SWEpisodes table (DOB)", {
        required: true,
      }),
      invalidDateRule(
        "SP109",
        false,
        "swEpisodes",
        "SW_DECOM",
        "Date social worker episode began (SW_DECOM)",
        {
          required: true,
        },
      ),
      invalidDateRule("SP110", false, "swEpisodes", "SW_DEC", "Date social worker episode ended (SW_DEC)"),
    ],
  },
];
