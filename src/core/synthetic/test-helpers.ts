/**
 * Helpers for the generator's tests: read the generated files back through
 * the project's own reader, and check a child's episodes hang together.
 */
import { readFiles903 } from "../ssda903/read.js";
import type { EpisodeRow, Issue, Return903 } from "../ssda903/types.js";
import { type GeneratedCouncil, type GeneratorOptions, generateCouncil } from "./generate.js";

export function filesOf(council: GeneratedCouncil): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of council.files()) out.set(f.name, f.text);
  return out;
}

export function readBack(files: Map<string, string>): { data: Return903; issues: Issue[] } {
  const enc = new TextEncoder();
  const inputs = [...files]
    .filter(([name]) => name !== "population.csv")
    .map(([path, text]) => ({ path, bytes: enc.encode(text) }));
  return readFiles903(inputs);
}

const cache = new Map<string, { council: GeneratedCouncil; files: Map<string, string> }>();

/** Generates once per set of options within a test file. */
export function generated(options: GeneratorOptions) {
  const key = JSON.stringify(options);
  let g = cache.get(key);
  if (!g) {
    const council = generateCouncil(options);
    g = { council, files: filesOf(council) };
    cache.set(key, g);
  }
  return g;
}

export function byChild<R extends { CHILD: string }>(rows: readonly R[]): Map<string, R[]> {
  const m = new Map<string, R[]>();
  for (const r of rows) {
    const list = m.get(r.CHILD);
    if (list) list.push(r);
    else m.set(r.CHILD, [r]);
  }
  return m;
}

const TEMPORARY = new Set(["T0", "T1", "T2", "T3", "T4"]);

/**
 * Problems in one child's episodes of one year's file, in DECOM order:
 * overlaps, an open episode that is not the last, X1 not followed by an
 * episode the same day, a continuation that does not start the day the
 * previous one ended, RNE S straight after X1, a temporary placement not
 * followed by a return to the placement before it.
 */
export function sequenceProblems(eps: readonly EpisodeRow[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < eps.length; i++) {
    const e = eps[i]!;
    const next = eps[i + 1];
    if (e.DECOM === null || Number.isNaN(e.DECOM)) out.push(`row ${e.row}: no DECOM`);
    if ((e.DEC === null) !== (e.REC === "")) out.push(`row ${e.row}: DEC and REC not both given`);
    if (e.DEC !== null && e.DECOM !== null && e.DEC <= e.DECOM) out.push(`row ${e.row}: DEC not after DECOM`);
    if (!next) continue;
    if (e.DEC === null) out.push(`row ${e.row}: open but not the last`);
    else if (next.DECOM! < e.DEC) out.push(`row ${next.row}: overlaps the previous episode`);
    if (e.REC === "X1" && next.DECOM !== e.DEC) out.push(`row ${e.row}: X1 but the next starts another day`);
    if (e.REC === "X1" && next.RNE === "S") out.push(`row ${next.row}: RNE S after X1`);
    if (e.REC !== "X1" && e.DEC !== null && next.RNE !== "S")
      out.push(`row ${next.row}: not S after leaving`);
    if (e.REC !== "X1" && e.DEC !== null && next.DECOM! <= e.DEC) {
      out.push(`row ${next.row}: a new start on the day care ended`);
    }
    if (TEMPORARY.has(e.PLACE)) {
      const prev = eps[i - 1];
      if (e.RNE !== "P" || e.REC !== "X1") out.push(`row ${e.row}: temporary placement not RNE P / X1`);
      if (prev && (prev.PLACE !== next.PLACE || prev.PL_POST !== next.PL_POST || prev.URN !== next.URN)) {
        out.push(`row ${next.row}: no return to the placement before the temporary one`);
      }
    }
  }
  return out;
}
