import { z } from "zod";
import { intField, numberField, readCsvTable } from "./csv-table.js";

/**
 * Other areas' published figures to show beside the council's:
 * `area,year,measure,value`, e.g. `England,2022,cla_rate_per_10k,70`.
 * `year` is the year of the 31 March the figure is for (DfE's "2022" = year
 * ending 31 March 2022). Measure names are those of docs/indicators.md.
 */
export interface Comparator {
  area: string;
  year: number;
  measure: string;
  value: number;
}

const Row = z.object({
  area: z.string().trim().min(1, "must not be blank"),
  year: intField(1990, 2100, "a year"),
  measure: z.string().trim().min(1, "must not be blank"),
  value: numberField(),
});

export function readComparators(file: string, text: string): Comparator[] {
  return readCsvTable(file, text, Row);
}

/** Comparators for one measure and year, by area. */
export function comparatorsFor(
  list: readonly Comparator[],
  measure: string,
  year: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of list) if (c.measure === measure && c.year === year) out[c.area] = c.value;
  return out;
}
