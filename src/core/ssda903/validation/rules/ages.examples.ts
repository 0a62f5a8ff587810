import type { TextRow } from "../../test-support/build.js";
import type { RuleExample } from "../../test-support/rule-examples.js";

// Episodes default to child 1, open from 01/05/2019 (see build.ts).

/** Child 1 born on `dob` with one episode; SEX is M/F from 2024/25. */
function child(dob: string, episode: TextRow, year = 2019) {
  return { [year]: { header: [{ DOB: dob, SEX: year >= 2024 ? "M" : "1" }], episodes: [episode] } };
}

/** Several children, each `[CHILD, DOB, episode]`. */
function children(year: number, rows: Array<[string, string, TextRow]>) {
  return {
    [year]: {
      header: rows.map(([id, dob]) => ({ CHILD: id, DOB: dob, SEX: year >= 2024 ? "M" : "1" })),
      episodes: rows.map(([id, , e]) => ({ CHILD: id, ...e })),
    },
  };
}

const ended = (rec: string, over: TextRow = {}) => ({
  DECOM: "01/04/2019",
  DEC: "01/06/2019",
  REC: rec,
  ...over,
});

export const agesExamples: RuleExample[] = [
  {
    rule: "358",
    year: 2019,
    // Remanded the day before the 10th birthday.
    fails: child("02/05/2009", { LS: "J1" }),
    passes: child("01/05/2009", { LS: "J1" }),
    count: 1,
    fields: ["DECOM", "LS"],
  },
  {
    rule: "370",
    year: 2019,
    fails: child("02/05/2004", { PLACE: "P2" }),
    passes: child("01/05/2004", { PLACE: "P2" }),
    count: 1,
  },
  {
    rule: "370",
    year: 2023,
    fails: child("01/06/2007", { DECOM: "01/05/2023", PLACE: "P2" }, 2023),
    passes: child("01/05/2007", { DECOM: "01/05/2023", PLACE: "P2" }, 2023),
    count: 1,
  },
  {
    rule: "371",
    year: 2019,
    fails: child("02/05/2005", { PLACE: "H5" }),
    passes: child("01/05/2005", { PLACE: "H5" }),
    count: 1,
  },
  {
    rule: "371",
    year: 2023,
    fails: child("01/01/2008", { DECOM: "01/05/2023", PLACE: "H5" }, 2023),
    passes: child("01/01/2007", { DECOM: "01/05/2023", PLACE: "H5" }, 2023),
    count: 1,
  },
  {
    rule: "371",
    year: 2024,
    fails: children(2024, [
      ["1", "01/01/2009", { DECOM: "01/05/2024", PLACE: "K3" }],
      ["2", "01/01/2009", { DECOM: "01/05/2024", PLACE: "H5" }],
    ]),
    passes: children(2024, [
      ["1", "01/01/2008", { DECOM: "01/05/2024", PLACE: "K3" }],
      ["2", "01/05/2008", { DECOM: "01/05/2024", PLACE: "H5" }],
    ]),
    count: 2,
  },
  {
    rule: "372",
    year: 2017,
    // Born on 29 February: the 10th birthday in 2018 is 1 March.
    fails: child("29/02/2008", { DECOM: "28/02/2018", PLACE: "R5" }, 2017),
    passes: child("29/02/2008", { DECOM: "01/03/2018", PLACE: "R5" }, 2017),
    count: 1,
  },
  {
    rule: "373",
    year: 2019,
    fails: child("01/01/2016", { PLACE: "S1" }),
    passes: child("01/05/2015", { PLACE: "S1" }),
    count: 1,
  },
  {
    rule: "374",
    year: 2019,
    fails: child("01/06/2005", { PLACE: "P3" }),
    passes: child("01/05/2005", { PLACE: "P3" }),
    count: 1,
  },
  {
    rule: "386",
    year: 2019,
    fails: child("01/01/2001", ended("E11", { PLACE: "A5" })),
    passes: child("02/06/2001", ended("E11", { PLACE: "A5" })),
    count: 1,
    fields: ["REC", "DEC"],
  },
  {
    rule: "387",
    year: 2019,
    fails: child("01/01/2006", ended("E5")),
    passes: child("01/06/2005", ended("E5")),
    count: 1,
  },
  {
    rule: "389",
    year: 2019,
    fails: child("01/01/2004", ended("E7")),
    passes: child("01/06/2003", ended("E7")),
    count: 1,
  },
  {
    rule: "SP330",
    year: 2019,
    fails: child("02/06/2001", ended("E17")),
    passes: child("01/06/2001", ended("E17")),
    count: 1,
  },
  {
    rule: "SP332",
    year: 2019,
    fails: { 2019: { episodes: [ended("E17", { PLACE: "K2" })] } },
    passes: { 2019: { episodes: [ended("E17", { PLACE: "U4" })] } },
    count: 1,
  },
  {
    rule: "SP331",
    year: 2019,
    fails: child("01/05/2001", ended("E8")),
    passes: children(2019, [
      // Leaves care on the 18th birthday.
      ["1", "01/06/2001", ended("E8")],
      ["2", "01/05/2001", ended("E8", { LS: "V2", PLACE: "K2" })],
    ]),
    count: 1,
    fields: ["DEC"],
  },
  {
    rule: "234",
    year: 2025,
    fails: child(
      "01/01/2016",
      { DECOM: "01/05/2025", DEC: "01/06/2025", REC: "X1", REASON_PLACE_CHANGE: "CUSTOD" },
      2025,
    ),
    passes: child(
      "01/06/2015",
      { DECOM: "01/05/2025", DEC: "01/06/2025", REC: "X1", REASON_PLACE_CHANGE: "CUSTOD" },
      2025,
    ),
    count: 1,
  },
];
