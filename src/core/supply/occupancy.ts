import type { ChildDaysRow } from "../finance/child-days.js";
import { type FinancialYear, fyLabel, fyStart } from "../finance/financial-years.js";
import { daysCurrent, type SupplyRegister } from "./register.js";

export interface OccupancyYear {
  year: string;
  /** Child-weeks placed with the council's own carers (or homes). */
  childWeeks: number;
  /** Place-weeks available: Σ places × days approved in the year ÷ 7. */
  placeWeeks: number;
  /** childWeeks ÷ placeWeeks; null with no places. */
  occupancy: number | null;
}

export interface Occupancy {
  /** Mainstream households' places against in-house foster placements (U4–U6 with PR1). */
  fostering: OccupancyYear[];
  /** Connected-person households' places against connected-person placements (U1–U3 with PR1). */
  connected: OccupancyYear[];
  /** In-house children's homes' beds against children's home placements with PR1 (K2). */
  homes: OccupancyYear[];
}

function year(year: FinancialYear, childDays: number, placeDays: number): OccupancyYear {
  return {
    year: fyLabel(year),
    childWeeks: Math.round((childDays / 7) * 10) / 10,
    placeWeeks: Math.round((placeDays / 7) * 10) / 10,
    occupancy: placeDays > 0 ? Math.round((childDays / placeDays) * 1000) / 1000 : null,
  };
}

/**
 * Occupancy per financial year: child-days placed in-house ÷ place-days,
 * where place-days = Σ over households of places × the days of the year the
 * household was approved (so a carer approved in October counts half a
 * year). With whole years this is child-weeks ÷ (places × 52). Child-days
 * come from the rebuilt history, counting only placements with the
 * council's own provision (PLACE_PROVIDER PR1).
 */
export function occupancy(
  reg: SupplyRegister,
  rows: readonly ChildDaysRow[],
  years: readonly FinancialYear[],
): Occupancy {
  const out: Occupancy = { fostering: [], connected: [], homes: [] };
  for (const y of years) {
    const from = fyStart(y);
    const to = fyStart(y + 1);
    const placeDays = (kind: "mainstream" | "connected") =>
      reg.households
        .filter((h) => h.kind === kind)
        .reduce((s, h) => s + h.places * daysCurrent(h.approved, h.deregistered, from, to), 0);
    const bedDays = reg.homes.reduce((s, h) => s + h.beds * daysCurrent(h.registered, h.closed, from, to), 0);
    const placed = (category: string) =>
      rows
        .filter((r) => r.year === y && r.category === category && r.placeProvider === "PR1")
        .reduce((s, r) => s + r.days, 0);
    out.fostering.push(year(y, placed("inhouse_fostering"), placeDays("mainstream")));
    out.connected.push(year(y, placed("connected_fostering"), placeDays("connected")));
    out.homes.push(year(y, placed("childrens_home"), bedDays));
  }
  return out;
}
