import type { Oc3Row } from "../ssda903/types.js";
import type { CollectionYear } from "../ssda903/years.js";
import type { YearFlows } from "./flows.js";
import { type Share, share } from "./placement-mix.js";

const EET = new Set(["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"]);

export interface Outcomes {
  year: CollectionYear;
  ceased: number;
  returnedHome: Share;
  adopted: Share;
  specialGuardianship: Share;
  stayingPutCessations: number;
  careLeavers: {
    /** OC3 rows for the year, leaving out care leavers who died. */
    cohort: number;
    inTouch: Share;
    suitableAccommodation: Share;
    educationEmploymentTraining: Share;
    /** Living with former foster carers (ACCOM Z1 or Z2). */
    withFormerFosterCarers: Share;
  } | null;
}

/**
 * Outcomes for a collection year: how children left care (from the flows) and
 * how care leavers are doing (OC3). Care-leaver percentages have all care
 * leavers in the year as denominator, except those who died; an unrecorded
 * answer counts as "no", as in DfE's tables.
 */
export function outcomes(flows: YearFlows, oc3: readonly Oc3Row[], supplied: boolean): Outcomes {
  const r = flows.ceasedByReason;
  const out: Outcomes = {
    year: flows.year,
    ceased: flows.ceased,
    returnedHome: share(r.returned_home ?? 0, flows.ceased),
    adopted: share(r.adoption ?? 0, flows.ceased),
    specialGuardianship: share(r.special_guardianship ?? 0, flows.ceased),
    stayingPutCessations: flows.ceasedByCode.E17 ?? 0,
    careLeavers: null,
  };
  if (!supplied) return out;
  const rows = oc3.filter((o) => o.year === flows.year && o.IN_TOUCH !== "DIED");
  const n = rows.length;
  const count = (f: (o: Oc3Row) => boolean) => rows.filter(f).length;
  out.careLeavers = {
    cohort: n,
    inTouch: share(
      count((o) => o.IN_TOUCH === "YES"),
      n,
    ),
    suitableAccommodation: share(
      count((o) => /^[A-Z]1$/.test(o.ACCOM)),
      n,
    ),
    educationEmploymentTraining: share(
      count((o) => EET.has(o.ACTIV)),
      n,
    ),
    withFormerFosterCarers: share(
      count((o) => o.ACCOM.startsWith("Z")),
      n,
    ),
  };
  return out;
}
