import { formatLong, parseDateStrict } from "../core/dates.js";
import { CIN, ETHNIC, LS, labelOf, REC } from "../core/ssda903/codes.js";

/** "2022-03-31" → "31 March 2022". */
export function longDate(iso: string): string {
  return formatLong(parseDateStrict(iso));
}

/** "2022-03-31" → "31/03/2022". */
export function ukDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** An age band's column heading: "0-4" → "0 to 4", "16+" → "16 and over", "unknown" → "Age not known". */
export function bandLabel(band: string): string {
  if (band === "unknown") return "Age not known";
  if (band === "under 1") return "Under 1";
  if (band === "total") return "All ages";
  const range = /^(\d+)-(\d+)$/.exec(band);
  if (range) return `${range[1]} to ${range[2]}`;
  const plus = /^(\d+)\+$/.exec(band);
  if (plus) return `${plus[1]} and over`;
  return band;
}

export const SEX_LABELS: Record<string, string> = {
  F: "Female",
  M: "Male",
  U: "Unknown or not stated",
  unknown: "Not recorded",
};

/** Reason groups for ceasing to be looked after (keys of CEASE_GROUPS in src/core/profile/flows.ts). */
export const CEASE_GROUP_LABELS: Record<string, string> = {
  returned_home: "Returned home to parents or relatives",
  adoption: "Adopted",
  special_guardianship: "Special guardianship order",
  child_arrangements_order: "Child arrangements or residence order",
  independent_living: "Moved to independent living",
  staying_put: "Staying put (aged 18, stayed with carers)",
  custody: "Sentenced to custody",
  transferred: "Transferred to another council or adult services",
  other: "Other reason",
  not_recorded: "Reason not recorded",
};

function withCode(label: string | undefined, code: string): string {
  if (code === "unknown" || code === "blank" || code === "") return "Not recorded";
  return label ? `${label} (${code})` : `${code} (not a valid code)`;
}

export const legalStatusLabel = (code: string) => withCode(labelOf(LS, code), code);
export const needLabel = (code: string) => withCode(labelOf(CIN, code), code);
export const ethnicLabel = (code: string) => withCode(labelOf(ETHNIC, code), code);
export const reasonCodeLabel = (code: string) => withCode(labelOf(REC, code), code);
