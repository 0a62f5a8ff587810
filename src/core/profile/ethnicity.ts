import { z } from "zod";
import { InputFileError, numberField, readCsvTable } from "../inputs/csv-table.js";
import type { StockOnDay } from "./stock.js";

/** DfE's broad ethnic groups, from the ETHNIC codes. */
export const ETHNIC_GROUPS: Record<string, readonly string[]> = {
  White: ["WBRI", "WIRI", "WOTH", "WIRT", "WROM"],
  Mixed: ["MWBC", "MWBA", "MWAS", "MOTH"],
  Asian: ["AIND", "APKN", "ABAN", "AOTH"],
  Black: ["BCRB", "BAFR", "BOTH"],
  Other: ["CHNE", "OOTH"],
};
export const GROUP_NAMES = Object.keys(ETHNIC_GROUPS);

export function ethnicGroup(code: string): string {
  for (const [g, codes] of Object.entries(ETHNIC_GROUPS)) if (codes.includes(code)) return g;
  return "Not known";
}

const Row = z.object({
  group: z.string().trim().min(1, "must not be blank"),
  share: numberField().pipe(z.number().nonnegative("must not be negative")),
});

/**
 * Reads the 0–17 population's ethnic make-up: `group,share` with the broad
 * groups White, Mixed, Asian, Black, Other. Shares may be fractions or
 * percentages or counts; they are scaled to sum to 1.
 */
export function readEthnicityShares(file: string, text: string): Record<string, number> {
  const rows = readCsvTable(file, text, Row);
  const out: Record<string, number> = {};
  const problems = [];
  for (const [i, r] of rows.entries()) {
    const name = GROUP_NAMES.find((g) => g.toLowerCase() === r.group.toLowerCase());
    if (!name)
      problems.push({ file, row: i + 2, field: "group", rule: `must be one of ${GROUP_NAMES.join(", ")}` });
    else out[name] = (out[name] ?? 0) + r.share;
  }
  if (problems.length) throw new InputFileError(problems);
  const total = Object.values(out).reduce((a, b) => a + b, 0);
  if (total <= 0) throw new InputFileError([{ file, rule: "shares add up to nothing" }]);
  for (const k of Object.keys(out)) out[k] = out[k]! / total;
  return out;
}

export interface EthnicityRow {
  group: string;
  count: number;
  /** Share of children looked after whose ethnicity is known. */
  share: number | null;
  populationShare: number | null;
  /** share ÷ populationShare: above 1 means over-represented among children in care. */
  ratio: number | null;
}

export function ethnicity(stock: StockOnDay, populationShares?: Record<string, number>): EthnicityRow[] {
  const counts: Record<string, number> = Object.fromEntries([...GROUP_NAMES, "Not known"].map((g) => [g, 0]));
  for (const [code, n] of Object.entries(stock.byEthnicity)) counts[ethnicGroup(code)]! += n;
  const known = GROUP_NAMES.reduce((s, g) => s + counts[g]!, 0);
  return Object.entries(counts).map(([group, count]) => {
    const isKnown = group !== "Not known";
    const share = isKnown && known > 0 ? count / known : null;
    const pop = isKnown ? (populationShares?.[group] ?? null) : null;
    return {
      group,
      count,
      share: share === null ? null : round3(share),
      populationShare: pop === null ? null : round3(pop),
      ratio: share !== null && pop ? Math.round((share / pop) * 100) / 100 : null,
    };
  });
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
