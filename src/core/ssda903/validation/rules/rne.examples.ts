import type { RuleExample } from "../../test-support/rule-examples.js";

// Episodes default to child 1, open from 01/05/2019, RNE S, LS C2, CIN N1,
// PLACE U4, PLACE_PROVIDER PR1, PL_POST AB1 3EF (see build.ts).
const ends = (over: Record<string, string> = {}) => ({
  DECOM: "01/05/2019",
  DEC: "10/06/2019",
  REC: "X1",
  ...over,
});
const next = (over: Record<string, string>) => ({ DECOM: "10/06/2019", ...over });

export const rneExamples: RuleExample[] = [
  {
    rule: "434",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          ends({ LS: "C1", REASON_PLACE_CHANGE: "CARPL" }),
          next({ RNE: "L", LS: "C2", PLACE: "U6" }),
          { CHILD: "2", ...ends({ REASON_PLACE_CHANGE: "CARPL" }) },
          { CHILD: "2", ...next({ RNE: "L", PL_POST: "AB1 4GH" }) },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          ends({ LS: "C1" }),
          next({ RNE: "L", LS: "C2" }),
          // Nothing changed at all: SP311 reports it.
          { CHILD: "2", ...ends() },
          { CHILD: "2", ...next({ RNE: "L" }) },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "435",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          ends({ REASON_PLACE_CHANGE: "CARPL" }),
          next({ RNE: "P", LS: "C1", PLACE: "U6" }),
          { CHILD: "2", ...ends({ LS: "C1" }) },
          { CHILD: "2", ...next({ RNE: "T", LS: "C2" }) },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          ends({ REASON_PLACE_CHANGE: "CARPL" }),
          next({ RNE: "P", PLACE: "U6" }),
          // The same carers moved house.
          { CHILD: "2", ...ends({ REASON_PLACE_CHANGE: "PLACE" }) },
          { CHILD: "2", ...next({ RNE: "T", PL_POST: "AB1 4GH" }) },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "436",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          ends({ LS: "C1", REASON_PLACE_CHANGE: "CARPL" }),
          next({ RNE: "B", LS: "C1", PLACE: "U6" }),
          { CHILD: "2", ...ends({ LS: "C1" }) },
          { CHILD: "2", ...next({ RNE: "U", LS: "C2" }) },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          ends({ LS: "C1", REASON_PLACE_CHANGE: "CARPL" }),
          next({ RNE: "B", LS: "C2", PLACE: "U6", PLACE_PROVIDER: "PR4" }),
          { CHILD: "2", ...ends({ LS: "C1", REASON_PLACE_CHANGE: "PLACE" }) },
          { CHILD: "2", ...next({ RNE: "U", LS: "C2", PLACE: "U6" }) },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "SP310",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          ends({ REASON_PLACE_CHANGE: "PLACE" }),
          next({ RNE: "T", PLACE: "U6", PLACE_PROVIDER: "PR4" }),
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          ends({ REASON_PLACE_CHANGE: "PLACE" }),
          next({ RNE: "T", PLACE: "U6" }),
          { CHILD: "2", ...ends({ REASON_PLACE_CHANGE: "CARPL" }) },
          { CHILD: "2", ...next({ RNE: "P", PLACE_PROVIDER: "PR4" }) },
        ],
      },
    },
    count: 1,
  },
  {
    rule: "SP311",
    year: 2019,
    fails: { 2019: { episodes: [ends({ REASON_PLACE_CHANGE: "CARPL" }), next({ RNE: "P" })] } },
    passes: { 2019: { episodes: [ends({ REASON_PLACE_CHANGE: "CARPL" }), next({ RNE: "P", PLACE: "U6" })] } },
    count: 1,
  },
  {
    rule: "226",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          ends({ REASON_PLACE_CHANGE: "CARPL" }),
          next({ RNE: "P", PLACE: "T1", PLACE_PROVIDER: "", DEC: "15/06/2019", REC: "X1" }),
          { DECOM: "15/06/2019", RNE: "P" },
          { CHILD: "2", ...ends() },
          {
            CHILD: "2",
            ...next({ RNE: "P", PLACE: "T1", PLACE_PROVIDER: "", DEC: "15/06/2019", REC: "X1" }),
            REASON_PLACE_CHANGE: "OTHER",
          },
          { CHILD: "2", DECOM: "15/06/2019", RNE: "P" },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          ends(),
          next({ RNE: "P", PLACE: "T1", PLACE_PROVIDER: "", DEC: "15/06/2019", REC: "X1" }),
          { DECOM: "15/06/2019", RNE: "P" },
        ],
      },
    },
    count: 2,
    fields: ["REASON_PLACE_CHANGE"],
  },
  {
    rule: "SP312",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          { DECOM: "01/05/2019", REASON_PLACE_CHANGE: "CARPL" },
          { CHILD: "2", ...ends({ REASON_PLACE_CHANGE: "CARPL" }) },
          { CHILD: "2", ...next({ RNE: "L", LS: "C1" }) },
          { CHILD: "3", DECOM: "01/05/2019", DEC: "10/06/2019", REC: "E4A", REASON_PLACE_CHANGE: "STAND" },
        ],
      },
    },
    passes: {
      2019: { episodes: [ends({ REASON_PLACE_CHANGE: "CARPL" }), next({ RNE: "P", PLACE: "U6" })] },
    },
    count: 3,
  },
  {
    rule: "SP312",
    year: 2025,
    fails: {
      2025: {
        episodes: [
          { DECOM: "01/05/2025", DEC: "10/06/2025", REC: "X1", REASON_PLACE_CHANGE: "CARPL" },
          { DECOM: "10/06/2025", RNE: "L", LS: "C1" },
          { CHILD: "3", DECOM: "01/05/2025", DEC: "10/06/2025", REC: "E4A", REASON_PLACE_CHANGE: "STAND" },
        ],
      },
    },
    passes: {
      2025: {
        episodes: [
          // An open episode with a reason is rule 233's from 2025/26.
          { DECOM: "01/05/2025", REASON_PLACE_CHANGE: "CARPL" },
          { CHILD: "2", DECOM: "01/05/2025", DEC: "10/06/2025", REC: "X1", REASON_PLACE_CHANGE: "CARPL" },
          { CHILD: "2", DECOM: "10/06/2025", RNE: "P", PLACE: "U6" },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "233",
    year: 2025,
    fails: { 2025: { episodes: [{ DECOM: "01/05/2025", REASON_PLACE_CHANGE: "CARPL" }] } },
    passes: {
      2025: {
        episodes: [
          { DECOM: "01/05/2025", DEC: "10/06/2025", REC: "X1", REASON_PLACE_CHANGE: "CARPL" },
          { DECOM: "10/06/2025", RNE: "P", PLACE: "U6" },
        ],
      },
    },
    count: 1,
    fields: ["REASON_PLACE_CHANGE"],
  },
];
