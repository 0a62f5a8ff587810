import type { TableKey } from "../../tables.js";
import type { TextRow } from "../../test-support/build.js";
import type { RuleExample } from "../../test-support/rule-examples.js";

/** One table of one year, failing with `bad` rows and passing with `good` rows. */
function oneTable(
  rule: string,
  year: number,
  table: TableKey,
  bad: TextRow[],
  good: TextRow[],
  count = bad.length,
): RuleExample {
  return { rule, year, fails: { [year]: { [table]: bad } }, passes: { [year]: { [table]: good } }, count };
}

/** A code rule: each bad value gives one issue, the good values none. */
function codes(
  rule: string,
  year: number,
  table: TableKey,
  fieldName: string,
  bad: string[],
  good: string[],
) {
  const ex = oneTable(
    rule,
    year,
    table,
    bad.map((v) => ({ CHILD: "1", [fieldName]: v, DOB: dobFor(table) })),
    good.map((v) => ({ CHILD: "1", [fieldName]: v, DOB: dobFor(table) })),
  );
  ex.fields = [fieldName];
  return clean(ex, table);
}

/** A date rule: each bad value gives one issue, the good values none. */
function dates(
  rule: string,
  year: number,
  table: TableKey,
  fieldName: string,
  bad: string[],
  good: string[],
) {
  const ex = oneTable(
    rule,
    year,
    table,
    bad.map((v) => ({ CHILD: "1", DOB: dobFor(table), [fieldName]: v })),
    good.map((v) => ({ CHILD: "1", DOB: dobFor(table), [fieldName]: v })),
  );
  ex.fields = [fieldName];
  return clean(ex, table);
}

// Episodes has no DOB column; every other table has one.
function dobFor(table: TableKey): string {
  return table === "episodes" ? "" : "01/01/2010";
}

function clean(ex: RuleExample, table: TableKey): RuleExample {
  if (table !== "episodes") return ex;
  for (const files of [ex.fails, ex.passes]) {
    for (const y of Object.values(files)) for (const r of y.episodes ?? []) delete r.DOB;
  }
  return ex;
}

const codeExamples: RuleExample[] = [
  {
    rule: "101",
    year: 2019,
    fails: { 2019: { header: [{ SEX: "3" }] } },
    passes: { 2019: { header: [{ SEX: "2" }] } },
    count: 1,
    fields: ["SEX"],
  },
  {
    rule: "101",
    year: 2024,
    fails: { 2024: { header: [{ SEX: "1" }] } },
    passes: { 2024: { header: [{ SEX: "u" }] } },
    count: 1,
  },
  {
    rule: "103",
    year: 2019,
    fails: { 2019: { header: [{ ETHNIC: "XXXX" }] } },
    passes: { 2019: { header: [{ ETHNIC: " wbri " }] } },
    count: 1,
  },
  codes("143", 2019, "episodes", "RNE", ["X", "SS"], ["S", "l", "P", "T", "B", "U"]),
  codes("144", 2019, "episodes", "LS", ["C3", "V1"], ["C1", "v4", "J3"]),
  codes("145", 2019, "episodes", "CIN", ["N9", "N0"], ["N1", "n8"]),
  // Supported accommodation (K3) is valid from 2024/25; H5, P2 and Z1 go in 2025/26 and Z11–Z14 arrive.
  codes("146", 2023, "episodes", "PLACE", ["K3", "A1"], ["H5", "P2", "Z1", "u4"]),
  codes("146", 2024, "episodes", "PLACE", ["Z11"], ["K3", "H5", "Z1"]),
  codes("146", 2025, "episodes", "PLACE", ["H5", "P2", "Z1"], ["K3", "Z11", "Z14"]),
  codes("178", 2019, "episodes", "PLACE_PROVIDER", ["PR6", "PR"], ["PR0", "pr5"]),
  codes("149", 2019, "episodes", "REC", ["E1", "E4"], ["X1", "e4a", "E17"]),
  codes("1009", 2019, "episodes", "REASON_PLACE_CHANGE", ["CARE", "X1"], ["CARPL", "custod", "OTHER"]),
  codes("SP100", 2019, "uasc", "SEX", ["M", "0"], ["1", "2"]),
  codes("SP100", 2024, "uasc", "SEX", ["1"], ["M", "F", "U"]),
  {
    rule: "167",
    year: 2019,
    fails: {
      2019: {
        reviews: [
          { CHILD: "1", DOB: "01/01/2010", REVIEW: "01/06/2019", REVIEW_CODE: "" },
          { CHILD: "1", DOB: "01/01/2010", REVIEW: "01/09/2019", REVIEW_CODE: "PN8" },
        ],
      },
    },
    passes: {
      2019: {
        reviews: [
          { CHILD: "1", DOB: "01/01/2010", REVIEW: "01/06/2019", REVIEW_CODE: "pn1" },
          { CHILD: "1", DOB: "01/01/2010", REVIEW: "01/09/2019", REVIEW_CODE: "PN0" },
        ],
      },
    },
    count: 2,
    fields: ["REVIEW_CODE"],
  },
  codes("131", 2019, "oc3", "IN_TOUCH", ["Y", "MAYBE"], ["YES", "no", "DIED", "REFU", "NREQ", "RHOM"]),
  codes("132", 2019, "oc3", "ACTIV", ["F3", "G1"], ["F1", "p5", "G6", "0"]),
  // S (no fixed abode) and X (custody) are never suitable, so S1 and X1 are refused.
  codes("133", 2019, "oc3", "ACCOM", ["S1", "X1", "Z3", "A1"], ["S2", "x2", "Z1", "B1", "0"]),
  codes("1006", 2019, "missing", "MISSING", ["X", "MA"], ["M", "a"]),
  codes("631", 2019, "prevPerm", "PREV_PERM", ["P5", "Z2"], ["P1", "p4", "Z1"]),
  codes("120", 2019, "placedAdoption", "REASON_PLACED_CEASED", ["RD5", "E13"], ["RD1", "rd4"]),
  codes("176", 2019, "ad1", "SEX_ADOPTR", ["M2", "FM"], ["M1", "F1", "mm", "FF", "MF"]),
  codes("177", 2019, "ad1", "LS_ADOPTR", ["L1", "L5"], ["L0", "L11", "l12", "L2", "L3", "L4"]),
];

const dateExamples: RuleExample[] = [
  // Blank is an error for DOB; 29 February only in a leap year.
  dates("102", 2019, "header", "DOB", ["31/02/2010", "29/02/2011", ""], ["29/02/2012", "1/1/2010"]),
  dates("171", 2019, "header", "MC_DOB", ["2019-13-01", "00/05/2019"], ["", "31/12/2018"]),
  {
    rule: "141",
    year: 2019,
    fails: { 2019: { episodes: [{ DECOM: "01/13/2019" }] } },
    passes: { 2019: { episodes: [{ DECOM: "2019-05-01" }] } },
    count: 1,
  },
  {
    rule: "147",
    year: 2019,
    fails: { 2019: { episodes: [{ DEC: "32/05/2019", REC: "E8" }] } },
    passes: { 2019: { episodes: [{ DEC: "" }] } },
    count: 1,
  },
  dates("SP101", 2019, "uasc", "DOB", ["", "30/02/2005"], ["28/02/2005"]),
  dates("104", 2019, "uasc", "DUC", ["31/04/2019", "soon"], ["", "30/04/2019"]),
  dates("SP102", 2019, "reviews", "DOB", ["", "x"], ["01/01/2010"]),
  dates("166", 2019, "reviews", "REVIEW", ["", "31/06/2019"], ["30/06/2019"]),
  dates("SP103", 2019, "oc2", "DOB", ["", "2010"], ["01/01/2010"]),
  dates("SP104", 2019, "oc3", "DOB", ["", "29/02/2001"], ["01/03/2001"]),
  dates("SP105", 2019, "ad1", "DOB", ["", "0/1/2018"], ["01/01/2018"]),
  dates("112", 2019, "ad1", "DATE_INT", ["31/09/2019"], ["", "30/09/2019"]),
  dates("113", 2019, "ad1", "DATE_MATCH", ["29/02/2019"], ["", "28/02/2019"]),
  dates("SP106", 2019, "placedAdoption", "DOB", ["", "01-01-18"], ["01/01/2018"]),
  dates("115", 2019, "placedAdoption", "DATE_PLACED", ["31/11/2019"], ["", "30/11/2019"]),
  dates("116", 2019, "placedAdoption", "DATE_PLACED_CEASED", ["32/01/2020"], ["", "31/01/2020"]),
  dates("SP125", 2019, "prevPerm", "DOB", ["", "31/11/2010"], ["30/11/2010"]),
  dates("SP107", 2019, "missing", "DOB", ["", "01/01/10"], ["01/01/2010"]),
  dates("1004", 2019, "missing", "MIS_START", ["", "31/04/2019"], ["30/04/2019"]),
  dates("1005", 2019, "missing", "MIS_END", ["31/04/2019"], ["", "01/05/2019"]),
  dates("SP108", 2023, "swEpisodes", "DOB", ["", "31/09/2010"], ["30/09/2010"]),
  dates("SP109", 2023, "swEpisodes", "SW_DECOM", ["", "2023/05/01"], ["01/05/2023"]),
  dates("SP110", 2023, "swEpisodes", "SW_DEC", ["31/06/2023"], ["", "30/06/2023"]),
];

const CHILD_BLANK: Array<[string, TableKey]> = [
  ["SP111", "header"],
  ["SP112", "episodes"],
  ["SP113", "uasc"],
  ["SP114", "reviews"],
  ["SP115", "oc2"],
  ["SP116", "oc3"],
  ["SP117", "ad1"],
  ["SP118", "placedAdoption"],
  ["SP119", "prevPerm"],
  ["SP120", "missing"],
  ["SP121", "swEpisodes"],
];

const childBlankExamples: RuleExample[] = CHILD_BLANK.map(([rule, table]) => {
  const year = table === "swEpisodes" ? 2023 : 2019;
  const withDob = table !== "header" && table !== "episodes";
  const row = (child: string): TextRow => (withDob ? { CHILD: child, DOB: "01/01/2010" } : { CHILD: child });
  return oneTable(rule, year, table, [row(""), row("  ")], [row("7"), row("A")]);
});

const requiredExamples: RuleExample[] = [
  {
    rule: "SP122",
    year: 2019,
    fails: { 2019: { episodes: [{ DECOM: "" }, { DECOM: " " }] } },
    passes: { 2019: { episodes: [{ DECOM: "01/05/2019" }] } },
    count: 2,
    fields: ["DECOM"],
  },
  {
    rule: "SP123",
    year: 2019,
    fails: { 2019: { episodes: [{ RNE: "", LS: "" }, { CIN: "" }, { PLACE: " " }] } },
    passes: { 2019: { episodes: [{ RNE: "S", LS: "C2", CIN: "N1", PLACE: "U4" }] } },
    count: 3,
    fields: ["RNE", "LS"],
  },
  {
    rule: "148",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          { DEC: "01/06/2019", REC: "" },
          { CHILD: "2", DEC: "", REC: "E8" },
          { CHILD: "3", DEC: "99/99/2019", REC: "" },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          { DEC: "01/06/2019", REC: "E8" },
          { CHILD: "2", DEC: "", REC: "" },
        ],
      },
    },
    count: 3,
    fields: ["REC"],
  },
  {
    rule: "526",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          { PLACE: "U4", PLACE_PROVIDER: "" },
          { PLACE: "K2", PLACE_PROVIDER: "" },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          { PLACE: "T0", PLACE_PROVIDER: "" },
          { PLACE: "T4", PLACE_PROVIDER: "" },
          { PLACE: "Z1", PLACE_PROVIDER: "" },
          { PLACE: "P1", PLACE_PROVIDER: "PR0" },
        ],
      },
    },
    count: 2,
    fields: ["PLACE_PROVIDER"],
  },
  // From 2025/26 "other" placements are Z11–Z14, which have no provider either.
  {
    rule: "526",
    year: 2025,
    fails: { 2025: { episodes: [{ DECOM: "01/05/2025", PLACE: "K3", PLACE_PROVIDER: "" }] } },
    passes: { 2025: { episodes: [{ DECOM: "01/05/2025", PLACE: "Z12", PLACE_PROVIDER: "" }] } },
    count: 1,
  },
  {
    rule: "225",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          // U4 -> U6 with a new carer: the ending episode needs a reason.
          { DECOM: "01/05/2019", DEC: "01/06/2019", REC: "X1", PLACE: "U4" },
          { DECOM: "01/06/2019", RNE: "P", PLACE: "U6", DEC: "01/07/2019", REC: "X1" },
          // Same carer, new placement type (T) also needs one.
          { DECOM: "01/07/2019", RNE: "T", PLACE: "U3" },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          { DECOM: "01/05/2019", DEC: "01/06/2019", REC: "X1", PLACE: "U4", REASON_PLACE_CHANGE: "CARPL" },
          // Legal status change only: no reason needed.
          { DECOM: "01/06/2019", RNE: "L", LS: "C1", DEC: "01/07/2019", REC: "X1" },
          // A move into a temporary placement and back needs none.
          { DECOM: "01/07/2019", RNE: "P", PLACE: "T2", PLACE_PROVIDER: "", DEC: "08/07/2019", REC: "X1" },
          { DECOM: "08/07/2019", RNE: "P", PLACE: "U4" },
        ],
      },
    },
    count: 2,
    fields: ["REASON_PLACE_CHANGE"],
  },
  {
    rule: "164",
    year: 2019,
    fails: {
      2019: { episodes: [{ PL_DISTANCE: "far" }, { PL_DISTANCE: "-0.1" }, { PL_DISTANCE: "1000" }] },
    },
    passes: {
      2019: {
        episodes: [
          { PL_DISTANCE: "" },
          { PL_DISTANCE: "0" },
          { PL_DISTANCE: "999.9" },
          { PL_DISTANCE: "12.3" },
        ],
      },
    },
    count: 3,
    fields: ["PL_DISTANCE"],
  },
  {
    rule: "SP124",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          { HOME_POST: "ZZ99", PL_POST: "AB1 2CD" },
          { HOME_POST: "AB1 2CD", PL_POST: "12345" },
          { HOME_POST: "AB1", PL_POST: "AB1 2C" },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          { HOME_POST: "ab1 2cd", PL_POST: "SW1A 1AA" },
          { HOME_POST: "AB12CD", PL_POST: "M1 1AE" },
          { HOME_POST: "AB1 2", PL_POST: "" },
          { HOME_POST: "EC1A 1BB", PL_POST: "W1A 0AX" },
        ],
      },
    },
    count: 3,
    fields: ["HOME_POST"],
  },
];

export const formatExamples: RuleExample[] = [
  ...codeExamples,
  ...dateExamples,
  ...childBlankExamples,
  ...requiredExamples,
];
