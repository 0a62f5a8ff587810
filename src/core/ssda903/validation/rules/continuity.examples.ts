import type { TextRow } from "../../test-support/build.js";
import type { RuleExample } from "../../test-support/rule-examples.js";

// Episodes default to child 1, RNE S, LS C2, CIN N1, PLACE U4, PLACE_PROVIDER
// PR1, PL_POST AB1 3EF (see build.ts). The child's episode started on
// 01/02/2019 and was open at the end of 2018/19.
const spanning = (over: TextRow = {}) => ({ DECOM: "01/02/2019", ...over });

/** Last year's open episode and this year's first episode, differing as given. */
function pair(before: TextRow, after: TextRow, year = 2019) {
  return {
    [year - 1]: { episodes: [{ ...spanning(), DECOM: `01/02/${year}`, ...before }] },
    [year]: { episodes: [{ ...spanning(), DECOM: `01/02/${year}`, ...after }] },
  };
}

function fieldExample(rule: string, field: string, before: string, after: string): RuleExample {
  return {
    rule,
    year: 2019,
    fails: pair({ [field]: before }, { [field]: after }),
    passes: pair({ [field]: before }, { [field]: before }),
    count: 1,
    fields: [field],
  };
}

export const continuityExamples: RuleExample[] = [
  {
    rule: "502",
    year: 2019,
    fails: { 2018: { episodes: [spanning()] }, 2019: { episodes: [{ DECOM: "05/02/2019" }] } },
    passes: {
      2018: { episodes: [{ DECOM: "01/01/2019", DEC: "01/02/2019", REC: "X1" }, spanning({ RNE: "P" })] },
      2019: { episodes: [spanning({ RNE: "P" }), { CHILD: "2", DECOM: "01/05/2019" }] },
    },
    count: 1,
    fields: ["DECOM"],
  },
  fieldExample("503A", "RNE", "P", "S"),
  fieldExample("503B", "LS", "C1", "C2"),
  fieldExample("503C", "CIN", "N2", "N1"),
  fieldExample("503D", "PLACE", "U6", "U4"),
  {
    rule: "503D",
    year: 2024,
    fails: pair({ PLACE: "H5", URN: "1234567" }, { PLACE: "K2", URN: "1234567" }, 2024),
    passes: pair({ PLACE: "H5", URN: "1234567" }, { PLACE: "K3", URN: "1234567" }, 2024),
    count: 1,
  },
  {
    rule: "503D",
    year: 2025,
    fails: pair({ PLACE: "Z1", PLACE_PROVIDER: "" }, { PLACE: "U4" }, 2025),
    passes: {
      2024: {
        episodes: [
          { DECOM: "01/02/2025", PLACE: "Z1", PLACE_PROVIDER: "" },
          { CHILD: "2", DECOM: "01/02/2025", PLACE: "H5", URN: "1234567" },
        ],
      },
      2025: {
        episodes: [
          { DECOM: "01/02/2025", PLACE: "Z12", PLACE_PROVIDER: "" },
          { CHILD: "2", DECOM: "01/02/2025", PLACE: "K3", URN: "1234567" },
        ],
      },
    },
    count: 1,
  },
  {
    rule: "503E",
    year: 2019,
    fails: {
      2018: {
        episodes: [
          spanning({ PLACE_PROVIDER: "PR4" }),
          { CHILD: "2", ...spanning({ PLACE: "T1", PLACE_PROVIDER: "" }) },
        ],
      },
      2019: {
        episodes: [spanning(), { CHILD: "2", ...spanning({ PLACE: "T1", PLACE_PROVIDER: "PR1" }) }],
      },
    },
    passes: {
      2018: { episodes: [spanning(), { CHILD: "2", ...spanning({ PLACE: "T1", PLACE_PROVIDER: "" }) }] },
      2019: { episodes: [spanning(), { CHILD: "2", ...spanning({ PLACE: "T1", PLACE_PROVIDER: "" }) }] },
    },
    count: 2,
    fields: ["PLACE_PROVIDER"],
  },
  fieldExample("503F", "URN", "SC123456", "SC654321"),
  {
    rule: "503G",
    year: 2019,
    fails: pair({ PL_DISTANCE: "10.0" }, { PL_DISTANCE: "10.5" }),
    passes: {
      ...pair({ PL_DISTANCE: "10.0" }, { PL_DISTANCE: "10.1" }),
      // An extract without the derived fields is not compared.
      2019: {
        episodes: [spanning({ PL_DISTANCE: "10.1" }), { CHILD: "2", DECOM: "01/05/2019", PL_DISTANCE: "" }],
      },
    },
    count: 1,
  },
  fieldExample("503H", "PL_LA", "E08000025", "E08000026"),
  fieldExample("503J", "PL_LOCATION", "IN", "OUT"),
  {
    rule: "SP360",
    year: 2019,
    fails: pair({}, { PL_POST: "AB1 4GH" }),
    passes: pair({ PL_POST: "AB1 4GH" }, { PL_POST: "AB1 4GH" }),
    count: 1,
    fields: ["PL_POST"],
  },
  {
    rule: "562",
    year: 2019,
    fails: {
      2018: { episodes: [{ DECOM: "01/01/2019", DEC: "01/03/2019", REC: "E4A" }] },
      2019: { episodes: [spanning(), { CHILD: "2", DECOM: "01/03/2019" }] },
    },
    passes: {
      2018: { episodes: [{ DECOM: "01/01/2019", DEC: "01/02/2019", REC: "X1" }, spanning({ RNE: "P" })] },
      2019: { episodes: [spanning({ RNE: "P" }), { CHILD: "2", DECOM: "01/05/2019" }] },
    },
    count: 2,
  },
  {
    rule: "SP361",
    year: 2019,
    fails: { 2018: { episodes: [spanning()] }, 2019: { episodes: [{ CHILD: "2", DECOM: "01/05/2019" }] } },
    passes: {
      2018: {
        episodes: [spanning(), { CHILD: "3", DECOM: "01/01/2019", DEC: "01/03/2019", REC: "E4A" }],
      },
      2019: { episodes: [spanning()] },
    },
    count: 1,
  },
  {
    rule: "SP363",
    year: 2019,
    fails: {
      2018: {
        episodes: [
          { DECOM: "01/01/2019", DEC: "01/03/2019", REC: "E4A" },
          { CHILD: "2", DECOM: "01/01/2019", DEC: "01/03/2019", REC: "E4A" },
        ],
      },
      2019: {
        episodes: [
          { DECOM: "01/01/2019" },
          { CHILD: "2", DECOM: "01/01/2019", DEC: "05/04/2019", REC: "E4A" },
        ],
      },
    },
    passes: {
      2018: { episodes: [{ DECOM: "01/01/2019", DEC: "01/03/2019", REC: "E4A" }] },
      2019: { episodes: [{ DECOM: "01/05/2019" }] },
    },
    count: 2,
  },
];
