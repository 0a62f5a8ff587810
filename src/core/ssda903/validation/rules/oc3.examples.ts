import type { TextRow } from "../../test-support/build.js";
import type { RuleExample } from "../../test-support/rule-examples.js";

// Collection year 2019/20 (01/04/2019 to 31/03/2020).
function leaver(child: string, dob: string, inTouch = "YES", activ = "F1", accom = "B1"): TextRow {
  return { CHILD: child, DOB: dob, IN_TOUCH: inTouch, ACTIV: activ, ACCOM: accom };
}

const AD1_ROW: TextRow = {
  DOB: "01/01/2017",
  DATE_INT: "01/01/2018",
  DATE_MATCH: "01/02/2018",
  FOSTER_CARE: "0",
  NB_ADOPTR: "2",
  SEX_ADOPTR: "MF",
  LS_ADOPTR: "L0",
};

export const oc3Examples: RuleExample[] = [
  {
    rule: "153",
    year: 2019,
    fails: {
      2019: { oc3: [leaver("1", "01/06/2001", "YES", "", ""), leaver("2", "01/06/2001", "", "F1", "B1")] },
    },
    passes: { 2019: { oc3: [leaver("1", "01/06/2001"), leaver("2", "01/06/2001", "", "", "")] } },
    count: 2,
    fields: ["ACTIV", "ACCOM"],
  },
  {
    rule: "344",
    year: 2019,
    fails: {
      2019: {
        oc3: [leaver("1", "01/06/2001", "DIED", "0", "B1"), leaver("2", "01/06/2001", "RHOM", "", "0")],
      },
    },
    passes: {
      2019: {
        oc3: [
          leaver("1", "01/06/2001", "DIED", "0", "0"),
          leaver("2", "01/06/2001", "RHOM", "0", "0"),
          leaver("3", "01/06/2001"),
        ],
      },
    },
    count: 2,
  },
  {
    rule: "345",
    year: 2019,
    fails: {
      2019: {
        oc3: [leaver("1", "01/06/2001", "YES", "0", "B1"), leaver("2", "01/06/2001", "YES", "F1", "0")],
      },
    },
    passes: { 2019: { oc3: [leaver("1", "01/06/2001"), leaver("2", "01/06/2001", "NO", "0", "0")] } },
    count: 2,
  },
  {
    // 17th birthday the day after the year ends; 21st birthday the day before it starts.
    rule: "391",
    year: 2019,
    fails: { 2019: { oc3: [leaver("1", "01/04/2003"), leaver("2", "31/03/1998")] } },
    passes: {
      2019: {
        oc3: [leaver("1", "31/03/2003"), leaver("2", "01/04/1998"), leaver("3", "01/01/2010", "", "", "")],
      },
    },
    count: 2,
    fields: ["DOB"],
  },
  {
    rule: "1002",
    year: 2019,
    fails: {
      2018: { episodes: [{ CHILD: "3", DECOM: "01/05/2018" }] },
      2019: { oc3: [leaver("1", "01/06/2002")], episodes: [{ CHILD: "2" }] },
    },
    passes: {
      2018: { episodes: [{ CHILD: "1", DECOM: "01/05/2018", DEC: "01/09/2018", REC: "E13" }] },
      2019: {
        // Child 2 has a 19th birthday this year: their care may be older than last year's file.
        oc3: [leaver("1", "01/06/2002"), leaver("2", "01/06/2000")],
        episodes: [{ CHILD: "3" }],
      },
    },
    count: 1,
  },
  {
    rule: "1000",
    year: 2019,
    fails: {
      2019: {
        episodes: [{ CHILD: "1", DEC: "01/06/2019", REC: "E2" }],
        oc3: [leaver("1", "01/06/2002", "DIED", "0", "0")],
      },
    },
    passes: {
      2019: {
        episodes: [
          { CHILD: "1", DEC: "01/06/2019", REC: "E2" },
          { CHILD: "2", DEC: "01/06/2019", REC: "E4A" },
        ],
        oc3: [leaver("1", "01/06/2002", "", "", ""), leaver("2", "01/06/2002")],
      },
    },
    count: 1,
  },
  {
    // Episodes cover the days from DECOM up to the day before DEC.
    rule: "1007",
    year: 2019,
    fails: {
      2019: {
        episodes: [{ CHILD: "1" }, { CHILD: "2", DEC: "02/06/2019", REC: "E8" }],
        oc3: [leaver("1", "01/06/2002"), leaver("2", "01/06/2001")],
      },
    },
    passes: {
      2019: {
        episodes: [
          { CHILD: "1", DEC: "01/06/2019", REC: "E8" },
          {
            CHILD: "2",
            LS: "V3",
            DECOM: "31/05/2019",
            DEC: "02/06/2019",
            REC: "E13",
            HOME_POST: "",
            PL_POST: "",
          },
          { CHILD: "3", LS: "V2", PLACE: "K2" },
        ],
        oc3: [leaver("1", "01/06/2002"), leaver("2", "01/06/2001"), leaver("3", "01/06/2000")],
      },
    },
    count: 2,
  },
  {
    rule: "1011",
    year: 2019,
    fails: {
      2019: { episodes: [{ CHILD: "1", DEC: "01/09/2019", REC: "E3" }], oc3: [leaver("1", "01/06/2002")] },
    },
    passes: {
      2019: { episodes: [{ CHILD: "1", DEC: "01/09/2019", REC: "E4A" }], oc3: [leaver("1", "01/06/2002")] },
    },
    count: 1,
  },
  {
    // A 17th birthday on the last day of the year still counts.
    rule: "3001",
    year: 2019,
    fails: {
      2019: {
        oc3: [leaver("1", "01/06/2002", "YES", "F1", "Z1"), leaver("2", "31/03/2003", "YES", "F1", "Z2")],
      },
    },
    passes: {
      2019: {
        oc3: [
          leaver("1", "01/06/2001", "YES", "F1", "Z1"),
          leaver("2", "31/03/2002", "YES", "F1", "Z1"),
          leaver("3", "01/06/2002"),
        ],
      },
    },
    count: 2,
    fields: ["ACCOM"],
  },
  {
    rule: "SP160",
    year: 2019,
    fails: { 2019: { oc3: [leaver("1", "01/06/2001"), leaver("1", "01/06/2001")] } },
    passes: { 2019: { oc3: [leaver("1", "01/06/2001"), leaver("2", "01/06/2001")] } },
    count: 1,
  },
  {
    rule: "134",
    year: 2019,
    fails: { 2019: { oc3: [leaver("1", "01/06/2001")], ad1: [{ CHILD: "1", ...AD1_ROW }] } },
    passes: {
      2019: {
        oc3: [leaver("1", "01/06/2001"), leaver("2", "01/06/2001", "", "", "")],
        ad1: [
          { CHILD: "2", ...AD1_ROW },
          { CHILD: "3", ...AD1_ROW },
        ],
      },
    },
    count: 1,
  },
];
