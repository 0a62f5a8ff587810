import type { RuleExample } from "../../test-support/rule-examples.js";

// Episodes default to child 1, open from 01/05/2019, RNE S, LS C2, PLACE U4 (see build.ts).
const moveOut = { DECOM: "01/05/2019", DEC: "10/06/2019", REC: "X1", REASON_PLACE_CHANGE: "CARPL" };
const leftHome = { DECOM: "01/05/2019", DEC: "10/06/2019", REC: "E4A" };

export const sequenceExamples: RuleExample[] = [
  {
    rule: "501",
    year: 2019,
    fails: { 2019: { episodes: [moveOut, { DECOM: "01/06/2019", RNE: "P", PLACE: "U6" }] } },
    passes: {
      2019: {
        episodes: [
          moveOut,
          { DECOM: "10/06/2019", RNE: "P", PLACE: "U6" },
          // Spans the start of the year, then a new period of care.
          { CHILD: "2", DECOM: "15/03/2019", DEC: "02/04/2019", REC: "E4A" },
          { CHILD: "2", DECOM: "20/04/2019" },
        ],
      },
    },
    count: 1,
    fields: ["DECOM"],
  },
  {
    rule: "142",
    year: 2019,
    fails: { 2019: { episodes: [{ DECOM: "01/05/2019" }, { DECOM: "01/06/2019", RNE: "P", PLACE: "U6" }] } },
    passes: {
      2019: {
        episodes: [
          { DECOM: "01/05/2019", DEC: "01/06/2019", REC: "X1", REASON_PLACE_CHANGE: "CARPL" },
          { DECOM: "01/06/2019", RNE: "P", PLACE: "U6" },
        ],
      },
    },
    count: 1,
  },
  {
    rule: "SP300",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          { DECOM: "01/05/2019", DEC: "01/06/2019", REC: "X1" },
          { DECOM: "01/05/2019", RNE: "P" },
        ],
      },
    },
    passes: { 2019: { episodes: [moveOut, { DECOM: "10/06/2019", RNE: "P", PLACE: "U6" }] } },
    count: 1,
  },
  {
    rule: "388",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          moveOut,
          { DECOM: "12/06/2019", RNE: "P", PLACE: "U6" },
          { CHILD: "2", DECOM: "01/05/2019", DEC: "10/06/2019", REC: "X1" },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          moveOut,
          { DECOM: "10/06/2019", RNE: "P", PLACE: "U6" },
          { CHILD: "2", ...leftHome },
          // The next episode overlaps this one: rule 501 reports it.
          { CHILD: "3", ...moveOut },
          { CHILD: "3", DECOM: "01/06/2019", RNE: "P", PLACE: "U6" },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "432",
    year: 2019,
    fails: { 2019: { episodes: [leftHome, { DECOM: "20/06/2019", RNE: "P" }] } },
    passes: { 2019: { episodes: [leftHome, { DECOM: "20/06/2019", RNE: "S" }] } },
    count: 1,
    fields: ["RNE"],
  },
  {
    rule: "437",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          { DECOM: "01/05/2019", DEC: "10/06/2019", REC: "E2" },
          { DECOM: "20/06/2019" },
          { CHILD: "2", DECOM: "01/05/2019", DEC: "10/06/2019", REC: "E15" },
          { CHILD: "2", DECOM: "20/06/2019" },
        ],
      },
    },
    passes: {
      2019: {
        episodes: [
          { DECOM: "01/05/2019", DEC: "10/06/2019", REC: "E2" },
          { CHILD: "2", ...leftHome },
          { CHILD: "2", DECOM: "20/06/2019" },
        ],
      },
    },
    count: 2,
  },
  {
    rule: "357",
    year: 2019,
    fails: { 2019: { episodes: [{ DECOM: "01/05/2019", RNE: "P" }] } },
    passes: {
      2019: {
        episodes: [
          // Started before the year: its own start is in last year's return.
          { DECOM: "01/02/2019", RNE: "P" },
          { CHILD: "2", DECOM: "01/05/2019", RNE: "S" },
        ],
      },
    },
    count: 1,
  },
  {
    rule: "433",
    year: 2019,
    fails: { 2019: { episodes: [moveOut, { DECOM: "15/06/2019", RNE: "P", PLACE: "U6" }] } },
    passes: {
      2019: {
        episodes: [
          moveOut,
          { DECOM: "10/06/2019", RNE: "P", PLACE: "U6" },
          { CHILD: "2", ...leftHome },
          { CHILD: "2", DECOM: "15/06/2019", RNE: "S" },
        ],
      },
    },
    count: 1,
  },
  {
    rule: "431",
    year: 2019,
    fails: { 2019: { episodes: [moveOut, { DECOM: "10/06/2019", RNE: "S", PLACE: "U6" }] } },
    passes: { 2019: { episodes: [leftHome, { DECOM: "12/06/2019", RNE: "S" }] } },
    count: 1,
  },
  {
    rule: "SP301",
    year: 2019,
    fails: { 2019: { episodes: [leftHome, { DECOM: "11/06/2019", RNE: "S" }] } },
    passes: { 2019: { episodes: [leftHome, { DECOM: "12/06/2019", RNE: "S" }] } },
    count: 1,
  },
];
