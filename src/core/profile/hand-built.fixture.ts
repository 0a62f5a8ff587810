/**
 * A small history whose measures were worked out by hand (the workings are
 * in profile.test.ts). Collection years 2020/21 and 2021/22; the measures
 * are for 2021/22 and 31 March 2022.
 *
 * A  DOB 15/06/2008: in care across the year start; in-house foster → agency
 *    foster (P) → legal status change only (L) → children's home (P): three
 *    placements; 13th birthday inside the agency episode.
 * B  a short-break child (LS V3): left out of everything.
 * C  DOB 10/10/2006: starts, returns home (E4A), starts again (a new period of care).
 * D  DOB 20/01/2019: in-house long-term foster, a temporary placement (T3)
 *    and back to the same carer: one placement.
 * E  no Header row and no date of birth anywhere: age unknown.
 * F  DOB 05/11/2003: children's home → semi-independent, leaves at 18 (E5).
 * G  DOB 01/01/2012: agency long-term foster since 2019: long-term stable.
 * H  DOB 01/01/2011: in care since 2019, moved in January 2021: not stable.
 * I  DOB 01/08/2005: UASC, semi-independent, 16th birthday in the year.
 */
import type { TextRow, YearRows } from "../ssda903/test-support/build.js";

const e = (o: TextRow): TextRow => ({
  HOME_POST: "AA1 1AA",
  PL_POST: "AA1 2AB",
  URN: "",
  REASON_PLACE_CHANGE: "",
  ...o,
});

const A1 = {
  CHILD: "A",
  DECOM: "01/02/2021",
  RNE: "S",
  LS: "C1",
  CIN: "N1",
  PLACE: "U6",
  PLACE_PROVIDER: "PR1",
};
const D1 = {
  CHILD: "D",
  DECOM: "01/01/2020",
  RNE: "S",
  LS: "C2",
  CIN: "N1",
  PLACE: "U4",
  PLACE_PROVIDER: "PR1",
};
const F1 = {
  CHILD: "F",
  DECOM: "01/01/2019",
  RNE: "S",
  LS: "V2",
  CIN: "N6",
  PLACE: "K2",
  PLACE_PROVIDER: "PR4",
  URN: "SC000002",
  PL_POST: "BB9 9ZZ",
};
const G1 = {
  CHILD: "G",
  DECOM: "01/03/2019",
  RNE: "S",
  LS: "C2",
  CIN: "N1",
  PLACE: "U4",
  PLACE_PROVIDER: "PR4",
  PL_POST: "BB9 9ZZ",
};
const H1 = {
  CHILD: "H",
  DECOM: "01/01/2019",
  RNE: "S",
  LS: "C2",
  CIN: "N1",
  PLACE: "U6",
  PLACE_PROVIDER: "PR1",
};
const H2 = {
  CHILD: "H",
  DECOM: "01/01/2021",
  RNE: "P",
  LS: "C2",
  CIN: "N1",
  PLACE: "U6",
  PLACE_PROVIDER: "PR4",
  REASON_PLACE_CHANGE: "CARPL",
  PL_POST: "",
};

const headers: TextRow[] = [
  { CHILD: "A", SEX: "2", DOB: "15/06/2008", ETHNIC: "WBRI" },
  { CHILD: "B", SEX: "1", DOB: "01/03/2015", ETHNIC: "WBRI" },
  { CHILD: "C", SEX: "1", DOB: "10/10/2006", ETHNIC: "BAFR" },
  { CHILD: "D", SEX: "2", DOB: "20/01/2019", ETHNIC: "MWBC" },
  { CHILD: "F", SEX: "1", DOB: "05/11/2003", ETHNIC: "WBRI" },
  { CHILD: "G", SEX: "2", DOB: "01/01/2012", ETHNIC: "WBRI" },
  { CHILD: "H", SEX: "1", DOB: "01/01/2011", ETHNIC: "APKN" },
  { CHILD: "I", SEX: "1", DOB: "01/08/2005", ETHNIC: "BAFR" },
];

export const HAND_BUILT: Record<number, YearRows> = {
  2020: {
    header: headers.filter((h) => ["A", "D", "F", "G", "H"].includes(h.CHILD!)),
    episodes: [e(A1), e(D1), e(F1), e(G1), e({ ...H1, DEC: "01/01/2021", REC: "X1" }), e(H2)],
  },
  2021: {
    header: headers,
    episodes: [
      e({ ...A1, DEC: "10/05/2021", REC: "X1" }),
      e({
        CHILD: "A",
        DECOM: "10/05/2021",
        RNE: "P",
        LS: "C1",
        CIN: "N1",
        PLACE: "U6",
        PLACE_PROVIDER: "PR4",
        DEC: "20/08/2021",
        REC: "X1",
        REASON_PLACE_CHANGE: "CARPL",
        PL_POST: "CC1 1CC",
      }),
      e({
        CHILD: "A",
        DECOM: "20/08/2021",
        RNE: "L",
        LS: "C2",
        CIN: "N1",
        PLACE: "U6",
        PLACE_PROVIDER: "PR4",
        DEC: "01/12/2021",
        REC: "X1",
        PL_POST: "CC1 1CC",
      }),
      e({
        CHILD: "A",
        DECOM: "01/12/2021",
        RNE: "P",
        LS: "C2",
        CIN: "N1",
        PLACE: "K2",
        PLACE_PROVIDER: "PR4",
        URN: "SC000003",
        REASON_PLACE_CHANGE: "CREQB",
        PL_POST: "BB9 9ZZ",
      }),
      e({
        CHILD: "B",
        DECOM: "05/07/2021",
        RNE: "S",
        LS: "V3",
        CIN: "N2",
        PLACE: "U6",
        PLACE_PROVIDER: "PR1",
        DEC: "08/07/2021",
        REC: "E13",
      }),
      e({
        CHILD: "C",
        DECOM: "01/05/2021",
        RNE: "S",
        LS: "V2",
        CIN: "N4",
        PLACE: "K2",
        PLACE_PROVIDER: "PR4",
        URN: "SC000001",
        DEC: "01/07/2021",
        REC: "E4A",
        PL_POST: "CC1 1CC",
      }),
      e({
        CHILD: "C",
        DECOM: "01/09/2021",
        RNE: "S",
        LS: "V2",
        CIN: "N4",
        PLACE: "U6",
        PLACE_PROVIDER: "PR4",
        PL_POST: "CC1 1CC",
      }),
      e({ ...D1, DEC: "01/06/2021", REC: "X1" }),
      e({
        CHILD: "D",
        DECOM: "01/06/2021",
        RNE: "P",
        LS: "C2",
        CIN: "N1",
        PLACE: "T3",
        PLACE_PROVIDER: "",
        DEC: "10/06/2021",
        REC: "X1",
        REASON_PLACE_CHANGE: "OTHER",
        PL_POST: "ZZ9 9ZZ",
      }),
      e({
        CHILD: "D",
        DECOM: "10/06/2021",
        RNE: "P",
        LS: "C2",
        CIN: "N1",
        PLACE: "U4",
        PLACE_PROVIDER: "PR1",
        REASON_PLACE_CHANGE: "OTHER",
      }),
      e({
        CHILD: "E",
        DECOM: "01/10/2021",
        RNE: "S",
        LS: "C1",
        CIN: "N1",
        PLACE: "U1",
        PLACE_PROVIDER: "PR1",
      }),
      e({ ...F1, DEC: "01/09/2021", REC: "X1" }),
      e({
        CHILD: "F",
        DECOM: "01/09/2021",
        RNE: "P",
        LS: "V2",
        CIN: "N6",
        PLACE: "H5",
        PLACE_PROVIDER: "PR4",
        DEC: "05/11/2021",
        REC: "E5",
        REASON_PLACE_CHANGE: "CARPL",
        PL_POST: "BB9 9ZZ",
      }),
      e(G1),
      e(H2),
      e({
        CHILD: "I",
        DECOM: "01/06/2021",
        RNE: "S",
        LS: "V2",
        CIN: "N8",
        PLACE: "H5",
        PLACE_PROVIDER: "PR4",
        HOME_POST: "",
        PL_POST: "AA1 2AB",
      }),
    ],
    uasc: [{ CHILD: "I", SEX: "1", DOB: "01/08/2005", DUC: "" }],
    oc3: [
      { CHILD: "J", DOB: "01/05/2002", IN_TOUCH: "YES", ACTIV: "F2", ACCOM: "D1" },
      { CHILD: "K", DOB: "01/05/2002", IN_TOUCH: "YES", ACTIV: "G5", ACCOM: "W2" },
      { CHILD: "L", DOB: "01/05/2002", IN_TOUCH: "DIED", ACTIV: "0", ACCOM: "0" },
      { CHILD: "M", DOB: "01/05/2002", IN_TOUCH: "NO", ACTIV: "G5", ACCOM: "R2" },
    ],
  },
};

/** Grid references for the postcodes above (invented; for tests only). Council: E09000099. */
export const HAND_POSTCODES = `postcode,easting,northing,la
AA1 1AA,530000,180000,E09000099
AA1 2AB,532000,180000,E09000099
BB9 9ZZ,560000,200000,E07000001
CC1 1CC,540000,185000,E07000002
`;
