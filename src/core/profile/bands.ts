/**
 * Age bands given by their lower bounds in whole years: [0, 5, 10, 13, 16]
 * means 0–4, 5–9, 10–12, 13–15 and 16+. The first bound must be 0.
 */
export interface AgeBands {
  lower: readonly number[];
  labels: readonly string[];
}

/** Bromley's bands, used by many councils' placement tables. */
export const DEFAULT_BANDS = ageBands([0, 5, 10, 13, 16]);
/** DfE's published bands: under 1, 1–4, 5–9, 10–15, 16+. */
export const DFE_BANDS = ageBands([0, 1, 5, 10, 16]);

export function ageBands(lower: readonly number[]): AgeBands {
  if (lower.length === 0 || lower[0] !== 0) throw new RangeError("age bands must start at 0");
  for (let i = 1; i < lower.length; i++) {
    if (!Number.isInteger(lower[i]) || lower[i]! <= lower[i - 1]!) {
      throw new RangeError("age bands must be whole numbers in increasing order");
    }
  }
  const labels = lower.map((lo, i) => {
    const next = lower[i + 1];
    if (next === undefined) return `${lo}+`;
    if (next === lo + 1) return lo === 0 ? "under 1" : String(lo);
    return `${lo}-${next - 1}`;
  });
  return { lower, labels };
}

/** Parses "0,5,10,13,16". */
export function parseBands(text: string): AgeBands {
  const parts = text.split(",").map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.some((p) => p === "") || nums.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new RangeError(`'${text}' is not a list of ages like 0,5,10,13,16`);
  }
  return ageBands(nums);
}

/** Index of the band an age falls in (ages below 0 go in the first band). */
export function bandIndex(bands: AgeBands, age: number): number {
  const { lower } = bands;
  let i = lower.length - 1;
  while (i > 0 && age < lower[i]!) i--;
  return i;
}
