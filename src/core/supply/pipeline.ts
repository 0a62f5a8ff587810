import { type FinancialYear, fyLabel } from "../finance/financial-years.js";
import { supplyByYear } from "./measures.js";
import type { SupplyRegister } from "./register.js";

/** Recent recruitment of mainstream fostering households, from the register. */
export interface RecruitmentRates {
  /** The financial years averaged over. */
  years: string[];
  /** Mean approvals a year. */
  approvals: number;
  /** Mean deregistrations a year. */
  deregistrations: number;
  /** Deregistrations per household per year: Σ deregistrations ÷ Σ households at the start of each year. */
  deregistrationRate: number;
}

/**
 * Approval and deregistration rates over the given years (usually the last
 * three complete financial years). The deregistration rate is pooled,
 * events ÷ households exposed (Σ deregistrations ÷ Σ households on 1 April),
 * so a small year does not weigh as much as a large one.
 */
export function recruitmentRates(reg: SupplyRegister, years: readonly FinancialYear[]): RecruitmentRates {
  const rows = supplyByYear(reg, years);
  const n = rows.length || 1;
  const approvals = rows.reduce((s, r) => s + r.mainstream.approvals, 0);
  const leavers = rows.reduce((s, r) => s + r.mainstream.deregistrations, 0);
  const exposed = rows.reduce((s, r) => s + r.mainstream.start.households, 0);
  return {
    years: rows.map((r) => r.year),
    approvals: approvals / n,
    deregistrations: leavers / n,
    deregistrationRate: exposed > 0 ? leavers / exposed : 0,
  };
}

export interface PipelineYear {
  year: string;
  /** Households on 1 April. */
  start: number;
  approvals: number;
  deregistrations: number;
  /** Households at the end of the year: start + approvals − deregistrations. */
  end: number;
  /** end × places per household. */
  places: number;
}

/**
 * Projects mainstream households year by year: H(t+1) = H(t) + A − d × H(t),
 * with A approvals a year and deregistrations a rate d of the households at
 * the start of the year. Values are expected numbers (not rounded).
 */
export function projectPipeline(
  startHouseholds: number,
  approvals: number,
  deregistrationRate: number,
  years: readonly FinancialYear[],
  placesPerHousehold: number,
): PipelineYear[] {
  let h = startHouseholds;
  return years.map((y) => {
    const leavers = deregistrationRate * h;
    const end = h + approvals - leavers;
    const row = {
      year: fyLabel(y),
      start: h,
      approvals,
      deregistrations: leavers,
      end,
      places: end * placesPerHousehold,
    };
    h = end;
    return row;
  });
}

/** Where the pipeline settles: approvals ÷ rate (null with no deregistrations). */
export function steadyState(approvals: number, deregistrationRate: number): number | null {
  return deregistrationRate > 0 ? approvals / deregistrationRate : null;
}

/**
 * Approvals a year needed to reach `households` at the end of `years` years
 * from `start`, with deregistrations at rate d: solving
 * H_n = (1−d)^n H_0 + A (1 − (1−d)^n) / d for A (A = (H_n − H_0) / n with d = 0).
 */
export function approvalsToReach(
  start: number,
  households: number,
  deregistrationRate: number,
  years: number,
): number {
  if (years <= 0) return Number.NaN;
  const d = deregistrationRate;
  if (d === 0) return (households - start) / years;
  const keep = (1 - d) ** years;
  return ((households - keep * start) * d) / (1 - keep);
}
