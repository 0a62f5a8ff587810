import type { RuleExample } from "../../test-support/rule-examples.js";

// Collection year 2019/20: 01/04/2019 to 31/03/2020.
export const datesExamples: RuleExample[] = [
  {
    rule: "301",
    year: 2019,
    fails: { 2019: { header: [{ DOB: "01/04/2020" }] } },
    passes: { 2019: { header: [{ DOB: "31/03/2020" }] } },
    count: 1,
    fields: ["DOB"],
  },
  {
    rule: "302",
    year: 2019,
    fails: {
      2019: {
        header: [{ DOB: "02/05/2019" }],
        episodes: [
          { DECOM: "01/05/2019", DEC: "01/06/2019", REC: "X1" },
          { DECOM: "01/06/2019", RNE: "L", LS: "C1" },
        ],
      },
    },
    passes: { 2019: { header: [{ DOB: "01/05/2019" }], episodes: [{ DECOM: "01/05/2019" }] } },
    count: 1,
    fields: ["DECOM", "DOB"],
  },
  {
    rule: "356",
    year: 2019,
    fails: { 2019: { episodes: [{ DECOM: "01/05/2019", DEC: "30/04/2019", REC: "E8" }] } },
    passes: { 2019: { episodes: [{ DECOM: "01/05/2019", DEC: "01/05/2019", REC: "E8" }] } },
    count: 1,
  },
  {
    rule: "354",
    year: 2019,
    fails: { 2019: { episodes: [{ DECOM: "01/04/2020" }] } },
    passes: { 2019: { episodes: [{ DECOM: "31/03/2020" }] } },
    count: 1,
  },
  {
    rule: "385",
    year: 2019,
    fails: { 2019: { episodes: [{ DEC: "01/04/2020", REC: "E8" }] } },
    passes: { 2019: { episodes: [{ DEC: "31/03/2020", REC: "E8" }] } },
    count: 1,
  },
  {
    rule: "355",
    year: 2019,
    fails: { 2019: { episodes: [{ DECOM: "01/05/2019", DEC: "01/05/2019", REC: "E8" }] } },
    passes: { 2019: { episodes: [{ DECOM: "01/05/2019", DEC: "02/05/2019", REC: "E8" }, { CHILD: "2" }] } },
    count: 1,
  },
  {
    // 21st birthday the day before the year starts, and on its first day.
    rule: "351",
    year: 2019,
    fails: { 2019: { header: [{ DOB: "31/03/1998" }] } },
    passes: { 2019: { header: [{ DOB: "01/04/1998" }] } },
    count: 1,
  },
  {
    rule: "352",
    year: 2019,
    fails: { 2019: { header: [{ DOB: "01/05/2001" }], episodes: [{ DECOM: "01/05/2019", RNE: "S" }] } },
    passes: { 2019: { header: [{ DOB: "02/05/2001" }], episodes: [{ DECOM: "01/05/2019", RNE: "S" }] } },
    count: 1,
  },
  {
    // Born 29/02/2000: the 18th birthday is 01/03/2018, 2018 not being a leap year.
    rule: "352",
    year: 2017,
    fails: { 2017: { header: [{ DOB: "29/02/2000" }], episodes: [{ DECOM: "01/03/2018", RNE: "S" }] } },
    passes: { 2017: { header: [{ DOB: "29/02/2000" }], episodes: [{ DECOM: "28/02/2018", RNE: "S" }] } },
    count: 1,
  },
  {
    rule: "359",
    year: 2019,
    fails: { 2019: { header: [{ DOB: "30/03/2002" }], episodes: [{ LS: "C2", PLACE: "U4" }] } },
    passes: {
      2019: {
        header: [
          { CHILD: "1", DOB: "31/03/2002" },
          { CHILD: "2", DOB: "01/01/2001" },
          { CHILD: "3", DOB: "01/01/2001" },
        ],
        episodes: [
          { CHILD: "1" },
          { CHILD: "2", LS: "V2", PLACE: "K2" },
          { CHILD: "3", DEC: "01/01/2020", REC: "E17" },
        ],
      },
    },
    count: 1,
    fields: ["DEC", "LS", "PLACE"],
  },
  {
    rule: "SP130",
    year: 2019,
    fails: {
      2019: { reviews: [{ CHILD: "1", DOB: "02/06/2019", REVIEW: "01/06/2019", REVIEW_CODE: "PN0" }] },
    },
    passes: {
      2019: { reviews: [{ CHILD: "1", DOB: "02/06/2019", REVIEW: "02/06/2019", REVIEW_CODE: "PN0" }] },
    },
    count: 1,
  },
  {
    rule: "SP131",
    year: 2019,
    fails: {
      2019: {
        reviews: [
          { CHILD: "1", DOB: "01/01/2010", REVIEW: "31/03/2019", REVIEW_CODE: "PN1" },
          { CHILD: "1", DOB: "01/01/2010", REVIEW: "01/04/2020", REVIEW_CODE: "PN1" },
        ],
      },
    },
    passes: {
      2019: {
        reviews: [
          { CHILD: "1", DOB: "01/01/2010", REVIEW: "01/04/2019", REVIEW_CODE: "PN1" },
          { CHILD: "1", DOB: "01/01/2010", REVIEW: "31/03/2020", REVIEW_CODE: "PN1" },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "586",
    year: 2019,
    fails: {
      2019: {
        missing: [
          { CHILD: "1", DOB: "01/06/2019", MISSING: "M", MIS_START: "01/06/2019" },
          { CHILD: "1", DOB: "01/06/2019", MISSING: "M", MIS_START: "31/05/2019" },
        ],
      },
    },
    passes: { 2019: { missing: [{ CHILD: "1", DOB: "01/06/2019", MISSING: "M", MIS_START: "02/06/2019" }] } },
    count: 2,
  },
  {
    rule: "184",
    year: 2019,
    fails: { 2019: { placedAdoption: [{ CHILD: "1", DOB: "01/01/2018", DATE_PLACED: "31/12/2017" }] } },
    passes: { 2019: { placedAdoption: [{ CHILD: "1", DOB: "01/01/2018", DATE_PLACED: "01/01/2018" }] } },
    count: 1,
  },
  {
    rule: "SP132",
    year: 2019,
    fails: {
      2019: {
        ad1: [
          { CHILD: "1", DOB: "01/01/2018", DATE_INT: "31/12/2017", DATE_MATCH: "01/06/2019" },
          { CHILD: "2", DOB: "01/01/2018", DATE_INT: "01/01/2018", DATE_MATCH: "31/12/2017" },
        ],
      },
    },
    passes: {
      2019: { ad1: [{ CHILD: "1", DOB: "01/01/2018", DATE_INT: "01/01/2018", DATE_MATCH: "01/01/2018" }] },
    },
    count: 2,
    fields: ["DATE_INT"],
  },
  {
    rule: "117",
    year: 2019,
    fails: {
      2019: {
        episodes: [{ CHILD: "1" }, { CHILD: "2", DEC: "01/09/2019", REC: "E4A" }],
        placedAdoption: [
          { CHILD: "1", DOB: "01/01/2018", DATE_PLACED: "01/04/2020" },
          {
            CHILD: "2",
            DOB: "01/01/2018",
            DATE_PLACED: "01/06/2019",
            DATE_PLACED_CEASED: "02/09/2019",
            REASON_PLACED_CEASED: "RD1",
          },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [{ CHILD: "1" }, { CHILD: "2", DEC: "01/09/2019", REC: "E4A" }],
        placedAdoption: [
          { CHILD: "1", DOB: "01/01/2018", DATE_PLACED: "31/03/2020" },
          {
            CHILD: "2",
            DOB: "01/01/2018",
            DATE_PLACED: "01/06/2019",
            DATE_PLACED_CEASED: "01/09/2019",
            REASON_PLACED_CEASED: "RD1",
          },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "118",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          { CHILD: "1", DECOM: "01/04/2019" },
          { CHILD: "2", DECOM: "01/06/2019" },
          { CHILD: "3", DECOM: "01/05/2019", LS: "V3", DEC: "03/05/2019", REC: "E13" },
          { CHILD: "3", DECOM: "01/07/2019" },
        ],
        placedAdoption: [
          { CHILD: "1", DOB: "01/01/2018", DATE_PLACED: "01/01/2019", DATE_PLACED_CEASED: "31/03/2019" },
          { CHILD: "2", DOB: "01/01/2018", DATE_PLACED: "01/01/2019", DATE_PLACED_CEASED: "31/05/2019" },
          { CHILD: "3", DOB: "01/01/2018", DATE_PLACED: "01/01/2019", DATE_PLACED_CEASED: "15/06/2019" },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          { CHILD: "1", DECOM: "01/04/2019" },
          { CHILD: "2", DECOM: "01/06/2019" },
        ],
        placedAdoption: [
          { CHILD: "1", DOB: "01/01/2018", DATE_PLACED: "01/01/2019", DATE_PLACED_CEASED: "01/04/2019" },
          { CHILD: "2", DOB: "01/01/2018", DATE_PLACED: "01/01/2019", DATE_PLACED_CEASED: "01/06/2019" },
        ],
      },
    },
    count: 3,
  },
];
