import { ADOPTION_PLACE } from "../ssda903/codes.js";

/**
 * Placement types of the profile's placement-mix tables (after Bromley's
 * strategy), from PLACE and PLACE_PROVIDER. Foster placements U4–U6 count as
 * agency when the provider is private or voluntary (PR4, PR5) and in-house
 * otherwise (PR1–PR3; a missing provider is flagged by validation and counted
 * in-house).
 */
export const PLACEMENT_TYPES = [
  "connected_long_term",
  "connected_other",
  "inhouse_foster_long_term",
  "inhouse_foster_other",
  "agency_foster_long_term",
  "agency_foster_other",
  "adoption",
  "childrens_home",
  "secure_home",
  "mother_baby",
  "supported_accommodation",
  "independent_living",
  "placed_with_parents",
  "residential_care",
  "residential_school",
  "medical",
  "custody",
  "other",
] as const;

export type PlacementType = (typeof PLACEMENT_TYPES)[number];

export const FOSTERING_TYPES: readonly PlacementType[] = PLACEMENT_TYPES.slice(0, 6);
export const OTHER_TYPES: readonly PlacementType[] = PLACEMENT_TYPES.slice(6);

export const PLACEMENT_TYPE_LABELS: Record<PlacementType, string> = {
  connected_long_term: "Connected person foster: long term",
  connected_other: "Connected person foster: not long term",
  inhouse_foster_long_term: "In-house foster: long term",
  inhouse_foster_other: "In-house foster: not long term",
  agency_foster_long_term: "Agency foster: long term",
  agency_foster_other: "Agency foster: not long term",
  adoption: "Placed for adoption",
  childrens_home: "Children's home",
  secure_home: "Secure children's home",
  mother_baby: "Family centre or mother and baby unit",
  supported_accommodation: "Supported / semi-independent accommodation",
  independent_living: "Independent living",
  placed_with_parents: "Placed with parents",
  residential_care: "Residential care home",
  residential_school: "Residential school",
  medical: "NHS / medical establishment",
  custody: "Young offender institution or prison",
  other: "Other (temporary and other placements)",
};

const AGENCY = new Set(["PR4", "PR5"]);

const SIMPLE: Record<string, PlacementType> = {
  U1: "connected_long_term",
  U2: "connected_other",
  U3: "connected_other",
  K2: "childrens_home",
  K1: "secure_home",
  R3: "mother_baby",
  K3: "supported_accommodation",
  H5: "supported_accommodation",
  P2: "independent_living",
  P1: "placed_with_parents",
  R1: "residential_care",
  S1: "residential_school",
  R2: "medical",
  R5: "custody",
};

export function placementType(place: string, provider: string): PlacementType {
  const simple = SIMPLE[place];
  if (simple) return simple;
  if (place === "U4") return AGENCY.has(provider) ? "agency_foster_long_term" : "inhouse_foster_long_term";
  if (place === "U5" || place === "U6")
    return AGENCY.has(provider) ? "agency_foster_other" : "inhouse_foster_other";
  if (ADOPTION_PLACE.has(place)) return "adoption";
  return "other";
}
