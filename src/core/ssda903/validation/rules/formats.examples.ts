import type { RuleExample } from "../../test-support/rule-examples.js";

export const formatExamples: RuleExample[] = [
  {
    rule: "101",
    year: 2019,
    fails: { 2019: { header: [{ SEX: "3" }] } },
    passes: { 2019: { header: [{ SEX: "2" }] } },
    count: 1,
    fields: ["SEX"],
  },
  {
    rule: "101",
    year: 2024,
    fails: { 2024: { header: [{ SEX: "1" }] } },
    passes: { 2024: { header: [{ SEX: "u" }] } },
    count: 1,
  },
  {
    rule: "102",
    year: 2019,
    fails: { 2019: { header: [{ DOB: "31/02/2010" }] } },
    passes: { 2019: { header: [{ DOB: "29/02/2012" }] } },
    count: 1,
  },
  {
    rule: "103",
    year: 2019,
    fails: { 2019: { header: [{ ETHNIC: "XXXX" }] } },
    passes: { 2019: { header: [{ ETHNIC: " wbri " }] } },
    count: 1,
  },
  {
    rule: "141",
    year: 2019,
    fails: { 2019: { episodes: [{ DECOM: "01/13/2019" }] } },
    passes: { 2019: { episodes: [{ DECOM: "2019-05-01" }] } },
    count: 1,
  },
  {
    rule: "147",
    year: 2019,
    fails: { 2019: { episodes: [{ DEC: "32/05/2019", REC: "E8" }] } },
    passes: { 2019: { episodes: [{ DEC: "" }] } },
    count: 1,
  },
];
