import type { RuleExample } from "../../test-support/rule-examples.js";

// Episodes default to child 1, open from 01/05/2019, RNE S, PLACE U4 (see build.ts).
const brk = (from: string, to: string, over: Record<string, string> = {}) => ({
  LS: "V3",
  PLACE: "U6",
  DECOM: from,
  DEC: to,
  REC: to === "" ? "" : "E13",
  ...over,
});

// 11 days in the year (from 1 April) plus four breaks of 16 days: 75 days.
const seventyFive = [
  brk("20/03/2019", "12/04/2019"),
  brk("01/05/2019", "17/05/2019"),
  brk("01/06/2019", "17/06/2019"),
  brk("01/07/2019", "17/07/2019"),
  brk("01/08/2019", "17/08/2019"),
];

export const shortBreaksExamples: RuleExample[] = [
  {
    rule: "365",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          brk("01/05/2019", "19/05/2019"),
          // Still away at the end of the year: 30 days by 31/03/2020.
          { CHILD: "2", ...brk("01/03/2020", "") },
        ],
      },
    },
    passes: {
      2019: { episodes: [brk("01/05/2019", "18/05/2019"), { CHILD: "2", ...brk("14/03/2020", "") }] },
    },
    count: 2,
  },
  {
    rule: "367",
    year: 2019,
    fails: { 2019: { episodes: [...seventyFive.slice(0, 4), brk("01/08/2019", "18/08/2019")] } },
    passes: { 2019: { episodes: seventyFive } },
    count: 5,
  },
  {
    rule: "366",
    year: 2019,
    fails: { 2019: { episodes: [brk("01/05/2019", "05/05/2019", { RNE: "P" })] } },
    passes: {
      2019: {
        episodes: [
          brk("01/05/2019", "05/05/2019"),
          { CHILD: "2", ...brk("01/05/2019", "", { LS: "V4", RNE: "L" }) },
        ],
      },
    },
    count: 1,
    fields: ["RNE"],
  },
  {
    rule: "384",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          brk("01/05/2019", "05/05/2019", { PLACE: "U4" }),
          { CHILD: "2", ...brk("01/05/2019", "", { LS: "V4", PLACE: "U1" }) },
        ],
      },
    },
    passes: { 2019: { episodes: [brk("01/05/2019", "05/05/2019")] } },
    count: 2,
  },
  {
    rule: "426",
    year: 2019,
    fails: { 2019: { episodes: [brk("01/05/2019", "05/05/2019"), brk("01/06/2019", "", { LS: "V4" })] } },
    passes: {
      2019: {
        episodes: [
          brk("01/05/2019", "05/05/2019"),
          brk("01/06/2019", "05/06/2019"),
          { CHILD: "2", ...brk("01/06/2019", "", { LS: "V4" }) },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "SP350",
    year: 2019,
    fails: { 2019: { episodes: [brk("01/05/2019", "05/05/2019", { PLACE: "P1", PLACE_PROVIDER: "PR0" })] } },
    passes: {
      2019: {
        episodes: [
          brk("01/05/2019", "05/05/2019", { PLACE: "K2" }),
          { CHILD: "2", ...brk("01/05/2019", "", { LS: "V4" }) },
        ],
      },
    },
    count: 1,
  },
];
