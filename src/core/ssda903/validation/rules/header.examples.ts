import type { RuleExample } from "../../test-support/rule-examples.js";

// Collection year 2019/20 (01/04/2019 to 31/03/2020) unless stated.
const CARE_LEAVER = { DOB: "01/01/2001", IN_TOUCH: "YES", ACTIV: "F1", ACCOM: "B1" };

export const headerExamples: RuleExample[] = [
  {
    rule: "SP140",
    year: 2019,
    fails: {
      2019: {
        header: [{ CHILD: "1" }],
        episodes: [
          { CHILD: "1" },
          { CHILD: "2", DEC: "01/06/2019", REC: "X1" },
          { CHILD: "2", DECOM: "01/06/2019", RNE: "L", LS: "C1" },
        ],
      },
    },
    passes: {
      2019: { header: [{ CHILD: "1" }, { CHILD: "2" }], episodes: [{ CHILD: "1" }, { CHILD: "2" }] },
    },
    count: 1,
    fields: ["CHILD"],
  },
  {
    rule: "SP141",
    year: 2019,
    fails: { 2019: { header: [{ CHILD: "1" }, { CHILD: "2" }], episodes: [{ CHILD: "1" }], oc3: [] } },
    passes: {
      2019: {
        header: [{ CHILD: "1" }, { CHILD: "2", DOB: "01/01/2001" }],
        episodes: [{ CHILD: "1" }],
        oc3: [{ CHILD: "2", ...CARE_LEAVER }],
      },
    },
    count: 1,
  },
  {
    rule: "SP142",
    year: 2019,
    fails: { 2019: { header: [{ CHILD: "1" }, { CHILD: "1" }, { CHILD: "1" }] } },
    passes: { 2019: { header: [{ CHILD: "1" }, { CHILD: "2" }] } },
    count: 2,
  },
  {
    rule: "165",
    year: 2019,
    fails: {
      2019: {
        header: [
          { CHILD: "1", SEX: "2", MOTHER: "2" },
          { CHILD: "2", SEX: "1", MOTHER: "0" },
        ],
      },
    },
    passes: {
      2019: {
        header: [
          { CHILD: "1", SEX: "2", MOTHER: "0" },
          { CHILD: "2", SEX: "1", MOTHER: "" },
          { CHILD: "3", SEX: "2", DOB: "01/01/2000", MOTHER: "1", MC_DOB: "01/01/2019" },
        ],
      },
    },
    count: 2,
    fields: ["MOTHER"],
  },
  {
    rule: "165",
    year: 2024,
    fails: { 2024: { header: [{ SEX: "M", MOTHER: "0" }] } },
    passes: {
      2024: {
        header: [
          { CHILD: "1", SEX: "F", MOTHER: "0" },
          { CHILD: "2", SEX: "U", MOTHER: "0" },
        ],
      },
    },
    count: 1,
  },
  {
    rule: "393",
    year: 2019,
    fails: { 2019: { header: [{ SEX: "2", MOTHER: "" }], episodes: [{ LS: "C2" }] } },
    passes: {
      2019: {
        header: [
          { CHILD: "1", SEX: "2", MOTHER: "0" },
          { CHILD: "2", SEX: "2", MOTHER: "" },
          { CHILD: "3", SEX: "1", MOTHER: "" },
        ],
        episodes: [
          { CHILD: "1" },
          { CHILD: "2", LS: "V3", DEC: "03/05/2019", REC: "E13", HOME_POST: "", PL_POST: "" },
          { CHILD: "3" },
        ],
      },
    },
    count: 1,
  },
  {
    rule: "393",
    year: 2024,
    fails: { 2024: { header: [{ SEX: "F", MOTHER: "" }], episodes: [{ DECOM: "01/05/2024" }] } },
    passes: { 2024: { header: [{ SEX: "M", MOTHER: "" }], episodes: [{ DECOM: "01/05/2024" }] } },
    count: 1,
  },
  {
    rule: "611",
    year: 2019,
    fails: { 2019: { header: [{ SEX: "2", DOB: "01/01/2003", MOTHER: "1", MC_DOB: "" }] } },
    passes: { 2019: { header: [{ SEX: "2", DOB: "01/01/2003", MOTHER: "1", MC_DOB: "01/06/2019" }] } },
    count: 1,
  },
  {
    rule: "612",
    year: 2019,
    fails: {
      2019: {
        header: [
          { CHILD: "1", SEX: "2", DOB: "01/01/2003", MOTHER: "0", MC_DOB: "01/06/2019" },
          { CHILD: "2", SEX: "2", DOB: "01/01/2003", MOTHER: "", MC_DOB: "01/06/2019" },
        ],
      },
    },
    passes: { 2019: { header: [{ SEX: "2", DOB: "01/01/2003", MOTHER: "1", MC_DOB: "01/06/2019" }] } },
    count: 2,
  },
  {
    rule: "174",
    year: 2019,
    fails: { 2019: { header: [{ SEX: "1", DOB: "01/01/2003", MC_DOB: "01/06/2019" }] } },
    passes: { 2019: { header: [{ SEX: "2", DOB: "01/01/2003", MOTHER: "1", MC_DOB: "01/06/2019" }] } },
    count: 1,
  },
  {
    rule: "174",
    year: 2024,
    fails: { 2024: { header: [{ SEX: "M", DOB: "01/01/2008", MC_DOB: "01/06/2024" }] } },
    passes: { 2024: { header: [{ SEX: "F", DOB: "01/01/2008", MOTHER: "1", MC_DOB: "01/06/2024" }] } },
    count: 1,
  },
  {
    rule: "621",
    year: 2019,
    fails: { 2019: { header: [{ SEX: "2", DOB: "01/01/2005", MOTHER: "1", MC_DOB: "01/01/2005" }] } },
    passes: { 2019: { header: [{ SEX: "2", DOB: "01/01/2005", MOTHER: "1", MC_DOB: "02/01/2005" }] } },
    count: 1,
  },
  {
    // 11th birthday the day after the year starts, and on its first day.
    rule: "620",
    year: 2019,
    fails: { 2019: { header: [{ SEX: "2", DOB: "02/04/2008", MOTHER: "1", MC_DOB: "01/06/2019" }] } },
    passes: { 2019: { header: [{ SEX: "2", DOB: "01/04/2008", MOTHER: "1", MC_DOB: "01/06/2019" }] } },
    count: 1,
  },
  {
    rule: "625",
    year: 2019,
    fails: {
      2019: {
        header: [
          { CHILD: "1", SEX: "2", DOB: "01/01/2003", MOTHER: "1", MC_DOB: "01/04/2020" },
          { CHILD: "2", SEX: "2", DOB: "01/01/2003", MOTHER: "1", MC_DOB: "02/09/2019" },
        ],
        episodes: [{ CHILD: "1" }, { CHILD: "2", DEC: "01/09/2019", REC: "E4A" }],
      },
    },
    passes: {
      2019: {
        header: [
          { CHILD: "1", SEX: "2", DOB: "01/01/2003", MOTHER: "1", MC_DOB: "31/03/2020" },
          { CHILD: "2", SEX: "2", DOB: "01/01/2003", MOTHER: "1", MC_DOB: "01/09/2019" },
        ],
        episodes: [{ CHILD: "1" }, { CHILD: "2", DEC: "01/09/2019", REC: "E4A" }],
      },
    },
    count: 2,
  },
  {
    rule: "202",
    year: 2019,
    fails: { 2018: { header: [{ SEX: "1" }], episodes: [] }, 2019: { header: [{ SEX: "2" }] } },
    passes: {
      2018: { header: [{ CHILD: "1", SEX: "1" }], episodes: [] },
      2019: {
        header: [
          { CHILD: "1", SEX: "1" },
          { CHILD: "2", SEX: "2" },
        ],
      },
    },
    count: 1,
  },
  {
    // SEX codes change in 2024/25: 1 last year and M this year are the same.
    rule: "202",
    year: 2024,
    fails: { 2023: { header: [{ SEX: "1" }], episodes: [] }, 2024: { header: [{ SEX: "F" }] } },
    passes: {
      2023: {
        header: [
          { CHILD: "1", SEX: "1" },
          { CHILD: "2", SEX: "2" },
        ],
        episodes: [],
      },
      2024: {
        header: [
          { CHILD: "1", SEX: "M" },
          { CHILD: "2", SEX: "F" },
        ],
      },
    },
    count: 1,
  },
  {
    rule: "203",
    year: 2019,
    fails: {
      2018: { header: [{ DOB: "01/01/2010" }], episodes: [] },
      2019: { header: [{ DOB: "02/01/2010" }] },
    },
    passes: {
      2018: { header: [{ DOB: "01/01/2010" }], episodes: [] },
      2019: { header: [{ DOB: "01/01/2010" }] },
    },
    count: 1,
  },
  {
    rule: "204",
    year: 2019,
    fails: { 2018: { header: [{ ETHNIC: "WBRI" }], episodes: [] }, 2019: { header: [{ ETHNIC: "WOTH" }] } },
    passes: { 2018: { header: [{ ETHNIC: "WBRI" }], episodes: [] }, 2019: { header: [{ ETHNIC: "wbri" }] } },
    count: 1,
  },
  {
    rule: "207",
    year: 2019,
    fails: {
      2018: { header: [{ SEX: "2", DOB: "01/01/2002", MOTHER: "1", MC_DOB: "01/01/2019" }], episodes: [] },
      2019: { header: [{ SEX: "2", DOB: "01/01/2002", MOTHER: "0" }], episodes: [{}] },
    },
    passes: {
      2018: {
        header: [
          { SEX: "2", DOB: "01/01/2002", MOTHER: "0" },
          { CHILD: "2", SEX: "2", DOB: "01/01/2001", MOTHER: "1", MC_DOB: "01/01/2019" },
        ],
        episodes: [],
      },
      // child 2 is now a care leaver with no episodes: MOTHER is left blank, as DfE asks
      2019: {
        header: [
          { SEX: "2", DOB: "01/01/2002", MOTHER: "1", MC_DOB: "01/01/2020" },
          { CHILD: "2", SEX: "2", DOB: "01/01/2001", MOTHER: "" },
        ],
        episodes: [{}],
      },
    },
    count: 1,
  },
  {
    rule: "624",
    year: 2019,
    fails: {
      2018: {
        header: [
          { CHILD: "1", SEX: "2", DOB: "01/01/2002", MOTHER: "1", MC_DOB: "01/01/2019" },
          { CHILD: "2", SEX: "2", DOB: "01/01/2002", MOTHER: "1", MC_DOB: "01/01/2019" },
        ],
        episodes: [],
      },
      2019: {
        header: [
          { CHILD: "1", SEX: "2", DOB: "01/01/2002", MOTHER: "1", MC_DOB: "" },
          { CHILD: "2", SEX: "2", DOB: "01/01/2002", MOTHER: "1", MC_DOB: "02/01/2019" },
        ],
        episodes: [{ CHILD: "1" }, { CHILD: "2" }],
      },
    },
    passes: {
      2018: { header: [{ SEX: "2", DOB: "01/01/2002", MOTHER: "1", MC_DOB: "01/01/2019" }], episodes: [] },
      2019: { header: [{ SEX: "2", DOB: "01/01/2002", MOTHER: "1", MC_DOB: "01/01/2019" }], episodes: [{}] },
    },
    count: 2,
  },
  {
    rule: "168",
    year: 2019,
    fails: {
      2019: {
        header: [
          { CHILD: "1", UPN: "A12345678901" },
          { CHILD: "2", UPN: "I123456789012" },
          { CHILD: "3", UPN: "UN6" },
          { CHILD: "4", UPN: "A1234567890123" },
        ],
      },
    },
    passes: {
      2019: {
        header: [
          { CHILD: "1", UPN: "A123456789012" },
          { CHILD: "2", UPN: "B12345678901C" },
          { CHILD: "3", UPN: "UN1" },
          { CHILD: "4", UPN: "un5" },
          { CHILD: "5", UPN: "" },
        ],
      },
    },
    count: 4,
  },
  {
    rule: "442",
    year: 2019,
    fails: { 2019: { header: [{ UPN: "" }], episodes: [{}] } },
    passes: {
      2019: {
        header: [
          { CHILD: "1", UPN: "" },
          { CHILD: "2", UPN: "UN1" },
        ],
        episodes: [
          { CHILD: "1", LS: "V3", DEC: "03/05/2019", REC: "E13", HOME_POST: "", PL_POST: "" },
          { CHILD: "2" },
        ],
      },
    },
    count: 1,
  },
];
