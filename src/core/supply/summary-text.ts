import { formatLong, parseDateStrict } from "../dates.js";
/**
 * Plain-language sentences built from a result object, each number read
 * from a path of that object and listed with it, so every figure a strategy
 * quotes can be traced to a field of the JSON.
 */
/** "moneyAbs" and "decimalAbs" write a figure without its sign (for "would add £X", "a net loss of 3"). */
export type FactFormat = "count" | "pct" | "money" | "moneyAbs" | "text" | "decimal" | "decimalAbs" | "date";

export interface SummaryRef {
  /** Dotted path into the result, e.g. "recruitment.additionalHouseholds" or "years.2.year". */
  path: string;
  value: number | string;
  format: FactFormat;
}

export interface SummarySentence {
  text: string;
  refs: SummaryRef[];
}

/** The value at a dotted path; undefined when the path does not exist. */
export function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** How a figure is written in a sentence ("date": an ISO date as 31 March 2025). */
export function formatFact(value: number | string, format: FactFormat): string {
  if (format === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return formatLong(parseDateStrict(value));
  }
  if (typeof value === "string" || format === "text") return String(value);
  switch (format) {
    case "date":
    case "count":
      return Math.round(value).toLocaleString("en-GB");
    case "decimalAbs":
      return formatFact(Math.abs(value), "decimal");
    case "decimal":
      return (Math.round(value * 10) / 10).toLocaleString("en-GB");
    case "pct":
      return `${Math.round(value * 100)}%`;
    case "moneyAbs":
      return formatFact(Math.abs(value), "money");
    case "money": {
      const a = Math.abs(value);
      const sign = value < 0 ? "−" : "";
      if (a >= 1_000_000) return `${sign}£${(a / 1_000_000).toFixed(1)} million`;
      return `${sign}£${Math.round(a).toLocaleString("en-GB")}`;
    }
  }
}

export interface Fact {
  path: string;
  format: FactFormat;
}

export const f = (path: string, format: FactFormat = "count"): Fact => ({ path, format });

/** Builds sentences against one result object; a path that does not exist is a programming error. */
export function sentenceBuilder(result: unknown) {
  return (strings: TemplateStringsArray, ...facts: Fact[]): SummarySentence => {
    let text = strings[0]!;
    const refs: SummaryRef[] = [];
    facts.forEach((fact, i) => {
      const v = valueAt(result, fact.path);
      if (typeof v !== "number" && typeof v !== "string")
        throw new Error(`summary: no value at ${fact.path}`);
      refs.push({ path: fact.path, value: v, format: fact.format });
      text += formatFact(v, fact.format) + strings[i + 1]!;
    });
    return { text, refs };
  };
}
