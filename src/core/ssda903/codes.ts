import type { CollectionYear } from "./years.js";

/**
 * The 903 code lists, with the collection years each code is valid in.
 * Source: DfE SSDA903 guidance as summarised in docs/ssda903.md; `from` and
 * `to` are collection start years, inclusive.
 */
export interface Code {
  code: string;
  label: string;
  from?: CollectionYear;
  to?: CollectionYear;
}

function codes(
  list: Array<[string, string] | [string, string, number | undefined, number | undefined]>,
): Code[] {
  return list.map(([code, label, from, to]) => ({ code, label, from, to }));
}

export const PLACE = codes([
  ["U1", "Foster placement with relative or friend: long-term"],
  ["U2", "Foster placement with relative or friend who is also an approved adopter"],
  ["U3", "Foster placement with relative or friend: other"],
  ["U4", "Foster placement with other foster carer: long-term"],
  ["U5", "Foster placement with other foster carer who is also an approved adopter"],
  ["U6", "Foster placement with other foster carer: other"],
  ["A3", "Placed for adoption with parental consent with current foster carer"],
  ["A4", "Placed for adoption with parental consent not with current foster carer"],
  ["A5", "Placed for adoption with placement order with current foster carer"],
  ["A6", "Placed for adoption with placement order not with current foster carer"],
  ["K1", "Secure children's home"],
  ["K2", "Children's home"],
  ["K3", "Supported accommodation (registered)", 2024, undefined],
  ["H5", "Semi-independent living not subject to Children's Homes Regulations", undefined, 2024],
  ["P1", "Placed with own parent(s) or person with parental responsibility"],
  ["P2", "Independent living (flat, lodgings, bedsit, B&B)", undefined, 2024],
  ["P3", "Residential employment"],
  ["R1", "Residential care home"],
  ["R2", "NHS / health trust or other medical or nursing establishment"],
  ["R3", "Family centre or mother and baby unit"],
  ["R5", "Young offender institution or prison"],
  ["S1", "Residential school"],
  ["T0", "Temporary move (any)"],
  ["T1", "Temporary period in hospital"],
  ["T2", "Temporary absence on holiday"],
  ["T3", "Temporary accommodation while usual foster carer is on holiday"],
  ["T4", "Temporary accommodation of seven days or less"],
  ["Z1", "Other placement", undefined, 2024],
  // From 2025/26 Z1 is split; DfE's labels to be verified against the year's guidance.
  ["Z11", "Other placement (2025/26 subtype 1)", 2025, undefined],
  ["Z12", "Other placement (2025/26 subtype 2)", 2025, undefined],
  ["Z13", "Other placement (2025/26 subtype 3)", 2025, undefined],
  ["Z14", "Other placement (2025/26 subtype 4)", 2025, undefined],
]);

export const PLACE_PROVIDER = codes([
  ["PR0", "Parent or person with parental responsibility"],
  ["PR1", "Own local authority"],
  ["PR2", "Other local authority"],
  ["PR3", "Other public sector (e.g. NHS)"],
  ["PR4", "Private provision"],
  ["PR5", "Voluntary / third sector"],
]);

export const LS = codes([
  ["C1", "Interim care order"],
  ["C2", "Full care order"],
  ["D1", "Freeing order granted"],
  ["E1", "Placement order granted"],
  ["V2", "Single period of accommodation under section 20"],
  ["V3", "Accommodated under an agreed series of short-term breaks: individual episodes"],
  ["V4", "Accommodated under an agreed series of short-term breaks: under an agreement"],
  ["L1", "Under police protection"],
  ["L2", "Emergency protection order"],
  ["L3", "Child assessment order"],
  ["J1", "Remanded to local authority accommodation or youth detention accommodation"],
  ["J2", "Placed in local authority accommodation under PACE"],
  ["J3", "Sentenced to youth rehabilitation order with residence or fostering requirement"],
]);

export const CIN = codes([
  ["N1", "Abuse or neglect"],
  ["N2", "Child's disability"],
  ["N3", "Parental illness or disability"],
  ["N4", "Family in acute stress"],
  ["N5", "Family dysfunction"],
  ["N6", "Socially unacceptable behaviour"],
  ["N7", "Low income"],
  ["N8", "Absent parenting"],
]);

export const RNE = codes([
  ["S", "Started to be looked after"],
  ["L", "Change of legal status only"],
  ["P", "Change of placement and carer(s) only"],
  ["T", "Change of placement but same carer(s) only"],
  ["B", "Change of legal status and placement and carer(s) at the same time"],
  ["U", "Change of legal status and change of placement but same carer(s) at the same time"],
]);

export const REC = codes([
  ["X1", "Episode ceases and new episode begins on same day"],
  ["E11", "Adopted: application unopposed"],
  ["E12", "Adopted: consent dispensed with"],
  ["E2", "Died"],
  ["E3", "Care taken over by another local authority"],
  ["E4A", "Returned home to live with parents or relatives as part of the care plan"],
  ["E4B", "Returned home to live with parents or relatives not as part of the care plan"],
  ["E13", "Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility"],
  ["E41", "Residence order or child arrangement order granted"],
  ["E45", "Special guardianship order made to former foster carers, who were a relative or friend"],
  ["E46", "Special guardianship order made to former foster carers, other than relative or friend"],
  [
    "E47",
    "Special guardianship order made to carers, not former foster carers, who were a relative or friend",
  ],
  [
    "E48",
    "Special guardianship order made to carers, not former foster carers, other than relative or friend",
  ],
  ["E5", "Moved into independent living arrangement with supportive accommodation"],
  ["E6", "Moved into independent living arrangement without formalised support"],
  ["E7", "Transferred to residential care funded by adult social care"],
  ["E8", "Period of being looked after ceased for any other reason"],
  ["E9", "Sentenced to custody"],
  ["E14", "Accommodation on remand ended"],
  ["E15", "Age assessment determined child is aged 18 or over"],
  ["E16", "Child moved abroad"],
  ["E17", "Aged 18 (or over) and remained with current carers (staying put)"],
]);

export const REASON_PLACE_CHANGE = codes([
  ["CARPL", "Change to or implementation of care plan"],
  ["CLOSE", "Provider closed or resigned"],
  ["ALLEG", "Allegation (s47)"],
  ["STAND", "Standards of care concern"],
  ["APPRR", "Approval removed"],
  ["CREQB", "Carer requests placement end due to child's behaviour"],
  ["CREQO", "Carer requests placement end, other reason"],
  ["CHILD", "Child requests placement end"],
  ["LAREQ", "Local authority requests placement end"],
  ["PLACE", "Change in the status of placement only"],
  ["CUSTOD", "Custody arrangement"],
  ["OTHER", "Other"],
]);

export const SEX = codes([
  ["1", "Male", undefined, 2023],
  ["2", "Female", undefined, 2023],
  ["M", "Male", 2024, undefined],
  ["F", "Female", 2024, undefined],
  ["U", "Unknown or not stated", 2024, undefined],
]);

export const ETHNIC = codes([
  ["WBRI", "White British"],
  ["WIRI", "White Irish"],
  ["WOTH", "Any other White background"],
  ["WIRT", "Traveller of Irish heritage"],
  ["WROM", "Gypsy/Roma"],
  ["MWBC", "White and Black Caribbean"],
  ["MWBA", "White and Black African"],
  ["MWAS", "White and Asian"],
  ["MOTH", "Any other mixed background"],
  ["AIND", "Indian"],
  ["APKN", "Pakistani"],
  ["ABAN", "Bangladeshi"],
  ["AOTH", "Any other Asian background"],
  ["BCRB", "Black Caribbean"],
  ["BAFR", "Black African"],
  ["BOTH", "Any other Black background"],
  ["CHNE", "Chinese"],
  ["OOTH", "Any other ethnic group"],
  ["REFU", "Refused"],
  ["NOBT", "Information not yet obtained"],
]);

export const IN_TOUCH = codes([
  ["YES", "In touch"],
  ["NO", "Not in touch"],
  ["DIED", "Died"],
  ["REFU", "Refuses contact"],
  ["NREQ", "No longer requires services"],
  ["RHOM", "Returned home to parents for 6+ months"],
]);

export const ACTIV = codes([
  ["F1", "Full-time higher education"],
  ["P1", "Part-time higher education"],
  ["F2", "Full-time other education"],
  ["P2", "Part-time other education"],
  ["F4", "Full-time apprenticeship"],
  ["P4", "Part-time apprenticeship"],
  ["F5", "Full-time training or employment"],
  ["P5", "Part-time training or employment"],
  ["G4", "Not in education, employment or training: illness or disability"],
  ["G5", "Not in education, employment or training: other"],
  ["G6", "Not in education, employment or training: pregnancy or parenting"],
  ["0", "Not applicable"],
]);

const ACCOM_TYPES: Array<[string, string]> = [
  ["B", "With parents or relatives"],
  ["C", "Community home"],
  ["D", "Semi-independent, transitional accommodation"],
  ["E", "Supported lodgings"],
  ["G", "Gone abroad"],
  ["H", "Deported"],
  ["K", "Ordinary lodgings"],
  ["R", "Residence not known"],
  ["S", "No fixed abode / homeless"],
  ["T", "Foyers"],
  ["U", "Independent living"],
  ["V", "Emergency accommodation"],
  ["W", "Bed and breakfast"],
  ["X", "In custody"],
  ["Y", "Other accommodation"],
  ["Z", "With former foster carers"],
];

/** No fixed abode (S) and custody (X) can only be "not suitable". */
const NEVER_SUITABLE = new Set(["S", "X"]);

export const ACCOM = codes([
  ...ACCOM_TYPES.flatMap(
    ([c, l]): Array<[string, string]> => [
      ...(NEVER_SUITABLE.has(c) ? [] : [[`${c}1`, `${l}: suitable`] as [string, string]]),
      [`${c}2`, `${l}: not suitable`],
    ],
  ),
  ["0", "Not applicable (e.g. died, or in touch not required)"],
]);

export const MISSING = codes([
  ["M", "Missing"],
  ["A", "Away from placement without authorisation"],
]);

export const REVIEW_CODE = codes([
  ["PN0", "Child aged under 4 at the time of the review"],
  ["PN1", "Child physically attends and speaks for him or herself"],
  ["PN2", "Child physically attends: an advocate speaks on his or her behalf"],
  ["PN3", "Child attends and conveys views symbolically (non-verbally)"],
  ["PN4", "Child physically attends but does not speak or convey views"],
  ["PN5", "Child does not attend physically but briefs an advocate to speak for him or her"],
  ["PN6", "Child does not attend but conveys feelings by a facilitative medium"],
  ["PN7", "Child does not attend nor are views conveyed to the review"],
]);

export const PREV_PERM = codes([
  ["P1", "Adoption"],
  ["P2", "Special guardianship order"],
  ["P3", "Residence order or child arrangements order"],
  ["P4", "Adopted abroad"],
  ["Z1", "Child did not have a previous permanence option or not known"],
]);

/** Reason the decision that the child should be placed for adoption was reversed. */
export const REASON_PLACED_CEASED = codes([
  ["RD1", "Child's decision"],
  ["RD2", "Prospective adopters' decision"],
  ["RD3", "Child's needs could not be met"],
  ["RD4", "Court decision"],
]);

export const SEX_ADOPTR = codes([
  ["M1", "Adopter(s) male"],
  ["F1", "Adopter(s) female"],
  ["MM", "Adopters male and male"],
  ["FF", "Adopters female and female"],
  ["MF", "Adopters male and female"],
]);

export const LS_ADOPTR = codes([
  ["L0", "Single adopter"],
  ["L11", "Married couple: opposite sex"],
  ["L12", "Married couple: same sex"],
  ["L2", "Civil partnership couple"],
  ["L3", "Unmarried couple: opposite sex"],
  ["L4", "Unmarried couple: same sex"],
]);

/**
 * Coded fields per table, with their code lists. SW_REASON (SWEpisodes) is
 * not checked: its code list could not be confirmed from a public source.
 */
export const CODED_FIELDS: Record<string, Record<string, Code[]>> = {
  header: { SEX, ETHNIC },
  episodes: { RNE, LS, CIN, PLACE, PLACE_PROVIDER, REC, REASON_PLACE_CHANGE },
  uasc: { SEX },
  reviews: { REVIEW_CODE },
  oc3: { IN_TOUCH, ACTIV, ACCOM },
  missing: { MISSING },
  prevPerm: { PREV_PERM },
  placedAdoption: { REASON_PLACED_CEASED },
  ad1: { SEX_ADOPTR, LS_ADOPTR },
};

export function validIn(code: Code, year: CollectionYear): boolean {
  return (code.from === undefined || year >= code.from) && (code.to === undefined || year <= code.to);
}

const setCache = new Map<Code[], Map<number, Set<string>>>();

/** The codes of a list valid in a collection year. */
export function codesFor(list: Code[], year: CollectionYear): Set<string> {
  let byYear = setCache.get(list);
  if (!byYear) {
    byYear = new Map();
    setCache.set(list, byYear);
  }
  let set = byYear.get(year);
  if (!set) {
    set = new Set(list.filter((c) => validIn(c, year)).map((c) => c.code));
    byYear.set(year, set);
  }
  return set;
}

/** Every code a list has ever had, whatever the year. */
export function allCodes(list: Code[]): Set<string> {
  return new Set(list.map((c) => c.code));
}

export function labelOf(list: Code[], code: string): string | undefined {
  return list.find((c) => c.code === code)?.label;
}

export const SHORT_BREAK_LS: ReadonlySet<string> = new Set(["V3", "V4"]);
export const TEMPORARY_PLACE: ReadonlySet<string> = new Set(["T0", "T1", "T2", "T3", "T4"]);
export const REMAND_LS: ReadonlySet<string> = new Set(["J1", "J2", "J3"]);
export const FOSTER_PLACE: ReadonlySet<string> = new Set(["U1", "U2", "U3", "U4", "U5", "U6"]);
export const ADOPTION_PLACE: ReadonlySet<string> = new Set(["A3", "A4", "A5", "A6"]);
export const OTHER_PLACE: ReadonlySet<string> = new Set(["Z1", "Z11", "Z12", "Z13", "Z14"]);

/** True for a short-break episode, which DfE leaves out of looked-after counts. */
export function isShortBreak(ls: string): boolean {
  return SHORT_BREAK_LS.has(ls);
}
