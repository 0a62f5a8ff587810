import type { RuleExample } from "../../test-support/rule-examples.js";

// Episodes default to child 1, open from 01/05/2019, RNE S, LS C2, PLACE U4,
// PLACE_PROVIDER PR1, PL_POST AB1 3EF (see build.ts). Temporary placements
// have no provider.
const home = { DECOM: "01/05/2019", DEC: "10/06/2019", REC: "X1" };
const hospital = {
  DECOM: "10/06/2019",
  DEC: "15/06/2019",
  REC: "X1",
  RNE: "P",
  PLACE: "T1",
  PLACE_PROVIDER: "",
};
const temp = (place: string, from: string, to: string) => ({
  DECOM: from,
  DEC: to,
  REC: to === "" ? "" : "X1",
  RNE: "P",
  PLACE: place,
  PLACE_PROVIDER: "",
});

export const temporaryExamples: RuleExample[] = [
  {
    rule: "380",
    year: 2019,
    fails: { 2019: { episodes: [{ RNE: "S", PLACE: "T1", PLACE_PROVIDER: "" }] } },
    passes: { 2019: { episodes: [home, hospital, { DECOM: "15/06/2019", RNE: "P" }] } },
    count: 1,
  },
  {
    rule: "381",
    year: 2019,
    fails: { 2019: { episodes: [home, { ...hospital, REC: "E4A" }] } },
    passes: {
      2019: {
        episodes: [
          home,
          hospital,
          { DECOM: "15/06/2019", RNE: "P" },
          { CHILD: "2", ...home },
          { CHILD: "2", ...hospital, DEC: "", REC: "" },
        ],
      },
    },
    count: 1,
  },
  {
    rule: "375",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          temp("T1", "01/05/2019", "13/06/2019"),
          // Still in hospital at the end of the year: 59 days by 31/03/2020.
          { CHILD: "2", ...temp("T1", "01/02/2020", "") },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          temp("T1", "01/05/2019", "12/06/2019"),
          // 40 days by 31/03/2020 (February 2020 has 29 days).
          { CHILD: "2", ...temp("T1", "20/02/2020", "") },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "376",
    year: 2019,
    fails: { 2019: { episodes: [temp("T3", "01/05/2019", "23/05/2019")] } },
    passes: { 2019: { episodes: [temp("T3", "01/05/2019", "22/05/2019")] } },
    count: 1,
  },
  {
    rule: "379",
    year: 2019,
    fails: { 2019: { episodes: [temp("T4", "01/05/2019", "09/05/2019")] } },
    passes: { 2019: { episodes: [temp("T4", "01/05/2019", "08/05/2019")] } },
    count: 1,
  },
  {
    rule: "377",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          temp("T3", "01/05/2019", "05/05/2019"),
          temp("T3", "01/08/2019", "05/08/2019"),
          temp("T3", "01/12/2019", "05/12/2019"),
        ],
      },
    },
    passes: {
      2019: { episodes: [temp("T3", "01/05/2019", "05/05/2019"), temp("T3", "01/08/2019", "05/08/2019")] },
    },
    count: 1,
  },
  {
    rule: "383",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          home,
          hospital,
          { DECOM: "15/06/2019", RNE: "P", PLACE: "U6" },
          { CHILD: "2", ...home },
          { CHILD: "2", ...hospital },
          { CHILD: "2", DECOM: "15/06/2019", RNE: "B", LS: "C1" },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          home,
          hospital,
          // Before 2025/26 only the placement type must match, not the postcode.
          { DECOM: "15/06/2019", RNE: "P", PL_POST: "AB1 4GH" },
          { CHILD: "2", ...home },
          { CHILD: "2", ...hospital, DEC: "", REC: "" },
        ],
      },
    },
    count: 2,
    fields: ["RNE", "PLACE"],
  },
  {
    rule: "383",
    year: 2025,
    fails: {
      2025: {
        episodes: [
          { DECOM: "01/05/2025", DEC: "10/06/2025", REC: "X1" },
          { ...hospital, DECOM: "10/06/2025", DEC: "15/06/2025" },
          { DECOM: "15/06/2025", RNE: "P", PL_POST: "AB1 4GH" },
        ],
      },
    },
    passes: {
      2025: {
        episodes: [
          { DECOM: "01/05/2025", DEC: "10/06/2025", REC: "X1" },
          { ...hospital, DECOM: "10/06/2025", DEC: "15/06/2025" },
          { DECOM: "15/06/2025", RNE: "P" },
        ],
      },
    },
    count: 1,
    fields: ["RNE", "PLACE", "PL_POST"],
  },
  {
    rule: "SP321",
    year: 2019,
    fails: { 2019: { episodes: [home, hospital, { DECOM: "15/06/2019", RNE: "P", PLACE_PROVIDER: "PR4" }] } },
    passes: { 2019: { episodes: [home, hospital, { DECOM: "15/06/2019", RNE: "P" }] } },
    count: 1,
    fields: ["PLACE_PROVIDER"],
  },
  {
    rule: "SP321",
    year: 2025,
    fails: {
      2025: {
        episodes: [
          { DECOM: "01/05/2025", DEC: "10/06/2025", REC: "X1", URN: "SC123456" },
          { ...hospital, DECOM: "10/06/2025", DEC: "15/06/2025" },
          { DECOM: "15/06/2025", RNE: "P", URN: "SC654321" },
        ],
      },
    },
    passes: {
      2025: {
        episodes: [
          { DECOM: "01/05/2025", DEC: "10/06/2025", REC: "X1" },
          { ...hospital, DECOM: "10/06/2025", DEC: "15/06/2025" },
          // A different postcode is rule 383's from 2025/26.
          { DECOM: "15/06/2025", RNE: "P", PL_POST: "AB1 4GH" },
        ],
      },
    },
    count: 1,
    fields: ["URN"],
  },
  {
    rule: "382",
    year: 2019,
    fails: { 2019: { episodes: [{ LS: "V3", PLACE: "T0", PLACE_PROVIDER: "" }] } },
    passes: { 2019: { episodes: [{ LS: "V3", PLACE: "U6" }] } },
    count: 1,
  },
];
