import type { TextRow } from "../../test-support/build.js";
import type { RuleExample } from "../../test-support/rule-examples.js";

// Episodes default to child 1, open from 01/05/2019, PLACE U4, PLACE_PROVIDER PR1,
// URN blank (see build.ts). Each row below is its own child.

function episodes(year: number, rows: TextRow[]) {
  const start = `01/05/${year}`;
  return { [year]: { episodes: rows.map((r, i) => ({ CHILD: String(i + 1), DECOM: start, ...r })) } };
}

const URN = "SC123456";

export const providerExamples: RuleExample[] = [
  {
    rule: "550",
    year: 2019,
    fails: episodes(2019, [{ PLACE: "U4", PLACE_PROVIDER: "PR0" }]),
    passes: episodes(2019, [{ PLACE: "P1", PLACE_PROVIDER: "PR0" }]),
    count: 1,
  },
  {
    rule: "530",
    year: 2019,
    fails: episodes(2019, [{ PLACE: "P1", PLACE_PROVIDER: "PR4" }]),
    passes: episodes(2019, [{ PLACE: "P1", PLACE_PROVIDER: "PR1" }]),
    count: 1,
  },
  {
    rule: "531",
    year: 2019,
    fails: episodes(2019, [{ PLACE: "P1", PLACE_PROVIDER: "PR5" }]),
    passes: episodes(2019, [{ PLACE: "U4", PLACE_PROVIDER: "PR5" }]),
    count: 1,
  },
  {
    rule: "213",
    year: 2019,
    fails: episodes(2019, [
      { PLACE: "T1", PLACE_PROVIDER: "PR1" },
      { PLACE: "Z1", PLACE_PROVIDER: "PR4" },
    ]),
    passes: episodes(2019, [
      { PLACE: "T1", PLACE_PROVIDER: "" },
      { PLACE: "Z1", PLACE_PROVIDER: "" },
    ]),
    count: 2,
  },
  {
    rule: "SP340",
    year: 2019,
    fails: episodes(2019, [{ PLACE: "U1", PLACE_PROVIDER: "PR4" }]),
    passes: episodes(2019, [
      { PLACE: "U1", PLACE_PROVIDER: "PR1" },
      { PLACE: "U4", PLACE_PROVIDER: "PR4", URN },
    ]),
    count: 1,
  },
  {
    rule: "218",
    year: 2019,
    fails: episodes(2019, [{ PLACE: "U4", URN: "" }]),
    passes: episodes(2019, [
      { PLACE: "U4", URN },
      { PLACE: "U4", URN: "XXXXXXX" },
      { PLACE: "P2", URN: "" },
      { PLACE: "K2", URN: "", PL_LA: "WAL" },
    ]),
    count: 1,
    fields: ["URN"],
  },
  {
    rule: "218",
    year: 2023,
    fails: episodes(2023, [
      { PLACE: "H5", URN: "" },
      { PLACE: "P2", URN: "" },
    ]),
    passes: episodes(2023, [
      { PLACE: "H5", URN: "1234567" },
      { PLACE: "P1", PLACE_PROVIDER: "PR0", URN: "" },
    ]),
    count: 2,
  },
  {
    rule: "222",
    year: 2019,
    fails: episodes(2019, [
      { PLACE: "R1", URN },
      { PLACE: "H5", URN },
    ]),
    passes: episodes(2019, [
      { PLACE: "R1", URN: "XXXXXXX" },
      { PLACE: "K2", URN },
    ]),
    count: 2,
  },
  {
    rule: "222",
    year: 2023,
    fails: episodes(2023, [{ PLACE: "P2", URN: "1234567" }]),
    passes: episodes(2023, [{ PLACE: "H5", URN: "1234567" }]),
    count: 1,
  },
  {
    rule: "222",
    year: 2024,
    fails: episodes(2024, [{ PLACE: "R2", URN: "123456" }]),
    passes: episodes(2024, [{ PLACE: "P2", URN: "1234567" }]),
    count: 1,
  },
  {
    rule: "222",
    year: 2025,
    fails: episodes(2025, [{ PLACE: "Z11", PLACE_PROVIDER: "", URN: "1234567" }]),
    passes: episodes(2025, [{ PLACE: "K3", URN: "1234567" }]),
    count: 1,
  },
  {
    rule: "230",
    year: 2023,
    fails: episodes(2023, [
      { PLACE: "H5", URN: "XXXXXXX" },
      { PLACE: "H5", URN: "XXXXXXX", DEC: "29/10/2023", REC: "E8" },
    ]),
    passes: episodes(2023, [
      // Left the day regulation began, so not in the placement on 28 October.
      { PLACE: "H5", URN: "XXXXXXX", DEC: "28/10/2023", REC: "E8" },
      { PLACE: "H5", URN: "1234567" },
      { PLACE: "H5", URN: "XXXXXXX", PL_LA: "WAL" },
    ]),
    count: 2,
    fields: ["URN"],
  },
  {
    rule: "242",
    year: 2025,
    fails: episodes(2025, [{ PLACE: "K2", URN: "XXXXXXX" }]),
    passes: episodes(2025, [
      { PLACE: "U4", URN: "XXXXXXX" },
      { PLACE: "A3", URN: "XXXXXXX" },
    ]),
    count: 1,
  },
  {
    rule: "243",
    year: 2025,
    fails: episodes(2025, [{ PLACE: "U4", URN, PL_LA: "SCO" }]),
    passes: episodes(2025, [
      { PLACE: "U4", URN: "", PL_LA: "WAL" },
      { PLACE: "U4", URN, PL_LA: "E08000025" },
    ]),
    count: 1,
  },
  {
    rule: "SP341",
    year: 2019,
    fails: episodes(2019, [{ URN: "XXXXXX" }, { URN: "AB12" }]),
    passes: episodes(2019, [{ URN }, { URN: "1234567" }, { URN: "123456" }, { URN: "XXXXXXX" }, { URN: "" }]),
    count: 2,
  },
  {
    rule: "SP342",
    year: 2019,
    fails: episodes(2019, [
      { PL_LOCATION: "IN", PL_LA: "E08000025" },
      { PL_LOCATION: "IN", PL_LA: "E08000025" },
      { PL_LOCATION: "IN", PL_LA: "E08000026" },
      { PL_LOCATION: "OUT", PL_LA: "E08000025" },
    ]),
    passes: episodes(2019, [
      { PL_LOCATION: "IN", PL_LA: "E08000025" },
      { PL_LOCATION: "OUT", PL_LA: "E08000026" },
      { PL_LOCATION: "", PL_LA: "" },
    ]),
    count: 2,
  },
  {
    rule: "SP343",
    year: 2019,
    fails: episodes(2019, [{ PL_LOCATION: "INSIDE" }]),
    passes: episodes(2019, [{ PL_LOCATION: "in" }, { PL_LOCATION: "OUT" }, { PL_LOCATION: "" }]),
    count: 1,
  },
  {
    rule: "SP345",
    year: 2019,
    fails: episodes(2019, [{ PL_DISTANCE: "351.2" }]),
    passes: episodes(2019, [{ PL_DISTANCE: "350" }, { PL_DISTANCE: "999.9" }, { PL_DISTANCE: "" }]),
    count: 1,
    fields: ["PL_DISTANCE"],
  },
  {
    rule: "454",
    year: 2025,
    fails: episodes(2025, [{ PL_DISTANCE: "400" }]),
    passes: episodes(2025, [{ PL_DISTANCE: "12.5" }, { PL_DISTANCE: "999.9" }]),
    count: 1,
  },
  {
    rule: "1015",
    year: 2019,
    fails: episodes(2019, [{ PLACE: "K2", PL_LOCATION: "OUT", URN }]),
    passes: episodes(2019, [
      { PLACE: "U4", PL_LOCATION: "OUT" },
      { PLACE: "K2", PL_LOCATION: "IN", URN },
      { PLACE: "K2", PL_LOCATION: "OUT", URN, LS: "V3" },
      { PLACE: "K2", PL_LOCATION: "OUT", URN, PLACE_PROVIDER: "PR2" },
    ]),
    count: 1,
  },
  {
    rule: "1015",
    year: 2025,
    fails: episodes(2025, [{ PLACE: "K2", PL_LOCATION: "OUT", URN }]),
    passes: episodes(2025, [{ PLACE: "K3", PL_LOCATION: "OUT", URN }]),
    count: 1,
  },
];
