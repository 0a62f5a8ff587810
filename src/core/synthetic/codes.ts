/**
 * The 903 codes the generator writes, held as small integers in the
 * simulation's typed arrays and turned back into text when a file is built.
 * Index 0 of the optional lists is the blank value.
 */

export const PLACE_CODES = [
  "U1",
  "U2",
  "U3",
  "U4",
  "U5",
  "U6",
  "A3",
  "A4",
  "A5",
  "A6",
  "K1",
  "K2",
  "K3",
  "H5",
  "P1",
  "P2",
  "P3",
  "R1",
  "R2",
  "R3",
  "R5",
  "S1",
  "T0",
  "T1",
  "T2",
  "T3",
  "T4",
] as const;

export const U1 = 0;
export const U2 = 1;
export const U3 = 2;
export const U4 = 3;
export const U5 = 4;
export const U6 = 5;
export const A3 = 6;
export const A4 = 7;
export const A5 = 8;
export const A6 = 9;
export const K1 = 10;
export const K2 = 11;
export const K3 = 12;
export const H5 = 13;
export const P1 = 14;
export const P2 = 15;
export const P3 = 16;
export const R1 = 17;
export const R2 = 18;
export const R3 = 19;
export const R5 = 20;
export const S1 = 21;
export const T0 = 22;
export const T1 = 23;
export const T2 = 24;
export const T3 = 25;
export const T4 = 26;

export function isFosterPlace(p: number): boolean {
  return p <= U6;
}
export function isConnectedPlace(p: number): boolean {
  return p <= U3;
}
export function isAdoptionPlace(p: number): boolean {
  return p >= A3 && p <= A6;
}
export function isTemporaryPlace(p: number): boolean {
  return p >= T0;
}
export function isSupportedPlace(p: number): boolean {
  return p === H5 || p === K3 || p === P2;
}
/**
 * Placement types that never carry a URN (DfE rules 218/222: with parents,
 * residential employment, care homes (CQC), NHS, custody, temporary).
 */
export function neverUrn(p: number): boolean {
  return p === P1 || p === P3 || p === R1 || p === R2 || p === R5 || p >= T0;
}

export const LS_CODES = ["C1", "C2", "E1", "V2", "V3", "V4", "L1", "L2", "J1"] as const;
export const C1 = 0;
export const C2 = 1;
export const E1 = 2;
export const V2 = 3;
export const V3 = 4;
export const V4 = 5;
export const L1 = 6;
export const L2 = 7;
export const J1 = 8;

export function isShortBreakLs(ls: number): boolean {
  return ls === V3 || ls === V4;
}

export const RNE_CODES = ["S", "L", "P", "T", "B", "U"] as const;
export const RNE_S = 0;
export const RNE_L = 1;
export const RNE_P = 2;
export const RNE_T = 3;
export const RNE_B = 4;
export const RNE_U = 5;

export const REC_CODES = [
  "",
  "X1",
  "E11",
  "E12",
  "E3",
  "E4A",
  "E4B",
  "E13",
  "E41",
  "E45",
  "E46",
  "E47",
  "E48",
  "E5",
  "E6",
  "E7",
  "E8",
  "E9",
  "E14",
  "E15",
  "E16",
  "E17",
] as const;
export const REC_NONE = 0;
export const X1 = 1;
export const E11 = 2;
export const E12 = 3;
export const E3 = 4;
export const E4A = 5;
export const E4B = 6;
export const E13 = 7;
export const E41 = 8;
export const E45 = 9;
export const E46 = 10;
export const E47 = 11;
export const E48 = 12;
export const E5 = 13;
export const E6 = 14;
export const E7 = 15;
export const E8 = 16;
export const E9 = 17;
export const E14 = 18;
export const E15 = 19;
export const E16 = 20;
export const E17 = 21;

export const PROVIDER_CODES = ["", "PR0", "PR1", "PR2", "PR3", "PR4", "PR5"] as const;
export const PR_NONE = 0;
export const PR0 = 1;
export const PR1 = 2;
export const PR2 = 3;
export const PR3 = 4;
export const PR4 = 5;
export const PR5 = 6;

export const REASON_CODES = [
  "",
  "CARPL",
  "CLOSE",
  "ALLEG",
  "STAND",
  "APPRR",
  "CREQB",
  "CREQO",
  "CHILD",
  "LAREQ",
  "PLACE",
  "CUSTOD",
  "OTHER",
] as const;
export const RS_NONE = 0;
export const RS_CARPL = 1;
export const RS_PLACE = 10;
export const RS_CUSTOD = 11;

export const CIN_CODES = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"] as const;
export const N2 = 1;
export const N8 = 7;

export const ETHNIC_CODES = [
  "WBRI",
  "WIRI",
  "WOTH",
  "WIRT",
  "WROM",
  "MWBC",
  "MWBA",
  "MWAS",
  "MOTH",
  "AIND",
  "APKN",
  "ABAN",
  "AOTH",
  "BCRB",
  "BAFR",
  "BOTH",
  "CHNE",
  "OOTH",
  "REFU",
  "NOBT",
] as const;
