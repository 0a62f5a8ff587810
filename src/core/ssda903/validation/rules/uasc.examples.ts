import type { RuleExample } from "../../test-support/rule-examples.js";

// Collection year 2019/20 (01/04/2019 to 31/03/2020).
export const uascExamples: RuleExample[] = [
  {
    rule: "SP150",
    year: 2019,
    fails: {
      2019: { header: [{ CHILD: "1" }], uasc: [{ CHILD: "2", SEX: "1", DOB: "01/01/2004", DUC: "" }] },
    },
    passes: {
      2019: {
        header: [{ CHILD: "2", DOB: "01/01/2004" }],
        uasc: [{ CHILD: "2", SEX: "1", DOB: "01/01/2004", DUC: "" }],
      },
    },
    count: 1,
  },
  {
    rule: "SP151",
    year: 2019,
    fails: { 2019: { uasc: [{ CHILD: "1", SEX: "1", DOB: "01/01/2004", DUC: "31/12/2003" }] } },
    passes: { 2019: { uasc: [{ CHILD: "1", SEX: "1", DOB: "01/01/2004", DUC: "01/01/2004" }] } },
    count: 1,
  },
  {
    // DUC on the 18th birthday is allowed, the day after is not.
    rule: "304",
    year: 2019,
    fails: { 2019: { uasc: [{ CHILD: "1", SEX: "1", DOB: "15/06/2001", DUC: "16/06/2019" }] } },
    passes: { 2019: { uasc: [{ CHILD: "1", SEX: "1", DOB: "15/06/2001", DUC: "15/06/2019" }] } },
    count: 1,
    fields: ["DUC"],
  },
  {
    // Born on 29 February: the 18th birthday in a non-leap year is 1 March.
    rule: "304",
    year: 2021,
    fails: { 2021: { uasc: [{ CHILD: "1", SEX: "1", DOB: "29/02/2004", DUC: "02/03/2022" }] } },
    passes: { 2021: { uasc: [{ CHILD: "1", SEX: "1", DOB: "29/02/2004", DUC: "01/03/2022" }] } },
    count: 1,
  },
  {
    rule: "SP152",
    year: 2019,
    fails: {
      2019: {
        header: [{ CHILD: "1", DOB: "01/01/2004" }],
        uasc: [{ CHILD: "1", SEX: "1", DOB: "02/01/2004", DUC: "" }],
      },
    },
    passes: {
      2019: {
        header: [{ CHILD: "1", DOB: "01/01/2004" }],
        uasc: [{ CHILD: "1", SEX: "1", DOB: "01/01/2004", DUC: "" }],
      },
    },
    count: 1,
  },
  {
    rule: "SP153",
    year: 2019,
    fails: {
      2019: {
        header: [{ CHILD: "1", SEX: "1", DOB: "01/01/2004" }],
        uasc: [{ CHILD: "1", SEX: "2", DOB: "01/01/2004", DUC: "" }],
      },
    },
    passes: {
      2019: {
        header: [{ CHILD: "1", SEX: "1", DOB: "01/01/2004" }],
        uasc: [{ CHILD: "1", SEX: "1", DOB: "01/01/2004", DUC: "" }],
      },
    },
    count: 1,
  },
  {
    rule: "SP154",
    year: 2019,
    fails: { 2019: { uasc: [{ CHILD: "1", SEX: "1", DOB: "01/06/2002", DUC: "01/04/2020" }] } },
    passes: { 2019: { uasc: [{ CHILD: "1", SEX: "1", DOB: "01/06/2002", DUC: "31/03/2020" }] } },
    count: 1,
  },
  {
    rule: "SP155",
    year: 2019,
    fails: {
      2019: {
        uasc: [
          { CHILD: "1", SEX: "1", DOB: "01/01/2004", DUC: "" },
          { CHILD: "1", SEX: "1", DOB: "01/01/2004", DUC: "" },
        ],
      },
    },
    passes: {
      2019: {
        uasc: [
          { CHILD: "1", SEX: "1", DOB: "01/01/2004", DUC: "" },
          { CHILD: "2", SEX: "1", DOB: "01/01/2004", DUC: "" },
        ],
      },
    },
    count: 1,
  },
];
