import { createHash } from "node:crypto";
import type { BacktestOptions } from "../../core/forecast/backtest.js";
import type { ForecastOptions } from "../../core/forecast/forecast.js";
import type { Scenario, ScenarioChange } from "../../core/forecast/scenario.js";
import type { ForecastKind } from "../db/schema.js";

/** A forecast's parameters as the service runs and stores them. */
export interface ForecastParams {
  method: "markov" | "trend";
  /** Years ahead, 1 to 10. */
  years: number;
  /** Monte Carlo runs (0 for the trend method, which has none). */
  runs: number;
  seed: number;
  /** Years of history the rates are estimated from. */
  referenceYears: number;
  /** UASC arriving a year: null for as many as in the reference period, a number, or a range drawn from. */
  uasc: number | [number, number] | null;
  /** Scenarios projected beside the base (their own copies, so a result reopens exactly). */
  scenarios: Scenario[];
}

/** A backtest's parameters (run once per dataset version). */
export interface BacktestParams {
  horizonYears: number;
  runs: number;
  seed: number;
  referenceYears: number;
}

export type JobParams = ForecastParams | BacktestParams;

/** Scenarios compared with the base at most (the issue's "up to four side by side"). */
export const MAX_SCENARIOS = 4;

/** JSON with object keys sorted at every level, so equal parameters give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The hash a stored forecast is found by: its kind and canonical parameters. */
export function paramsHash(kind: ForecastKind, params: JobParams): string {
  return createHash("sha256")
    .update(`${kind}\n${canonicalJson(params)}`)
    .digest("hex");
}

/** The engine's options for a forecast's parameters. */
export function forecastOptions(p: ForecastParams): ForecastOptions {
  return {
    method: p.method,
    years: p.years,
    runs: p.method === "trend" ? 0 : p.runs,
    seed: p.seed,
    referenceYears: p.referenceYears,
    ...(p.uasc === null ? {} : { uascPerYear: p.uasc }),
    scenarios: p.method === "markov" ? p.scenarios : [],
  };
}

export function backtestOptions(p: BacktestParams): BacktestOptions {
  return { horizonYears: p.horizonYears, runs: p.runs, seed: p.seed, referenceYears: p.referenceYears };
}

/** "as in the reference years", "12 a year", "10 to 15 a year". */
export function uascText(u: ForecastParams["uasc"]): string {
  if (u === null) return "as many a year as in the reference years";
  if (typeof u === "number") return `${u} a year`;
  return `${u[0]} to ${u[1]} a year (each run draws its number)`;
}

/** Plain words for one scenario change, for the scenario list. */
export function changeText(c: ScenarioChange, labels: Record<string, string>): string {
  const pct = (m: number | undefined) => {
    if (m === undefined) return "";
    const d = Math.round((m - 1) * 1000) / 10;
    return d >= 0 ? `up ${d}%` : `down ${Math.abs(d)}%`;
  };
  const from = c.start ? ` from ${c.start}` : "";
  const ages = "ages" in c && c.ages ? ` (ages ${c.ages[0]} to ${c.ages[1]})` : "";
  const label = (k: string | undefined) => (k ? (labels[k] ?? k) : "every category");
  switch (c.type) {
    case "entries":
      return `Entries into care ${pct(c.multiply)}${ages}${from}`;
    case "transition":
      return `Moves from ${label(c.source).toLowerCase()} to ${label(c.target).toLowerCase()} ${pct(c.multiply)}${ages}${from}`;
    case "exit":
      return `Leaving care (${(labels[c.group] ?? c.group).toLowerCase()}) from ${label(c.category).toLowerCase()} ${pct(c.multiply)}${ages}${from}`;
    case "moves":
      return `Moves within ${label(c.category).toLowerCase()} ${pct(c.multiply)}${ages}${from}`;
    case "uasc":
      return c.perYear !== undefined
        ? `UASC arrivals: ${c.perYear} a year${from}`
        : `UASC arrivals ${pct(c.multiply)}${from}`;
  }
}
