import type { Day } from "../dates.js";
import type { ChildDaysRow } from "../finance/child-days.js";
import type { FinancialYear } from "../finance/financial-years.js";
import type { AgeBands } from "../profile/bands.js";
import { type SupplyAt, type SupplyYear, supplyAt, supplyByYear } from "./measures.js";
import { type Occupancy, occupancy } from "./occupancy.js";
import { type RecruitmentRates, recruitmentRates } from "./pipeline.js";
import type { SupplyRegister } from "./register.js";

/** What `sufficiency supply` reports. */
export interface SupplyReport {
  council: string;
  at: SupplyAt;
  years: SupplyYear[];
  /** Mean approvals and deregistrations over the last three years shown. */
  rates: RecruitmentRates;
  /** Null without a 903 history. */
  occupancy: Occupancy | null;
  notes: string[];
}

export interface SupplyInput {
  register: SupplyRegister;
  at: Day;
  years: FinancialYear[];
  bands: AgeBands;
  target?: number;
  history?: ChildDaysRow[];
}

export function supplyReport(input: SupplyInput): SupplyReport {
  const { register: reg, years } = input;
  const notes: string[] = [];
  if (reg.households.length === 0) notes.push("The register has no fostering households.");
  if (!input.history) notes.push("No 903 history given, so no occupancy: give the returns to measure it.");
  return {
    council: reg.council,
    at: supplyAt(reg, input.at, input.bands),
    years: supplyByYear(reg, years, input.target),
    rates: recruitmentRates(reg, years.slice(-3)),
    occupancy: input.history ? occupancy(reg, input.history, years) : null,
    notes,
  };
}
