import { z } from "zod";
import { InputFileError } from "../inputs/csv-table.js";
import { type ForecastDays, type RunDays, runCount, runDaysYears } from "./run-days.js";

/**
 * Reads the forecast days a budget and the gap need from a forecast saved as
 * JSON (`sufficiency forecast --format json`): `runDays` and/or
 * `expectedDays` ({years, categories, values}), at the top level or under
 * `forecast` or `result`, optional `scenarios` ([{name, runDays,
 * expectedDays}]) and optional `placementsNeeded` ([{year, byCategory:
 * {category: {expected, mean, …}}}]). `values` may be an array or the object JSON makes of a
 * Float64Array ({"0": …, "1": …}).
 */
const Values = z.union([
  z.array(z.number()),
  z.record(z.string(), z.number()).transform((o) => {
    const out = new Float64Array(Object.keys(o).length);
    for (const [k, v] of Object.entries(o)) {
      const i = Number(k);
      if (!Number.isInteger(i) || i < 0 || i >= out.length) throw new Error(`index ${k}`);
      out[i] = v;
    }
    return out;
  }),
]);

const RunDaysJson = z.object({
  years: z.array(z.string()),
  categories: z.array(z.string()),
  values: Values,
});

const Days = z.object({ runDays: RunDaysJson.optional(), expectedDays: RunDaysJson.optional() });
const Scenario = Days.extend({ name: z.string().optional(), id: z.string().optional() });

/** New placements started per financial year by category (the forecast's placementsNeeded), as far as the gap uses them. */
export type PlacementsNeeded = Array<{
  year: string;
  byCategory: Record<string, { expected?: number; mean: number }>;
}>;

const PlacementsNeededJson = z.array(
  z.object({
    year: z.string(),
    byCategory: z.record(z.string(), z.object({ expected: z.number().optional(), mean: z.number() })),
  }),
);

export interface ForecastFile extends ForecastDays {
  scenarios: Array<{ name: string; days: ForecastDays }>;
  placementsNeeded?: PlacementsNeeded;
}

function check(file: string, where: string, d: RunDays | undefined): void {
  if (!d) return;
  try {
    runCount(d);
    runDaysYears(d);
  } catch (e) {
    throw new InputFileError([{ file, field: where, rule: (e as Error).message }]);
  }
}

export function readForecastJson(file: string, text: string): ForecastFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputFileError([{ file, rule: `not JSON (${(e as Error).message})` }]);
  }
  const obj = json as Record<string, unknown> | null;
  const holder = [obj, obj?.forecast, obj?.result].find(
    (o) => o && typeof o === "object" && ("runDays" in o || "expectedDays" in o),
  );
  if (!holder)
    throw new InputFileError([
      {
        file,
        rule: "no runDays or expectedDays: give a forecast saved with 'sufficiency forecast --format json'",
      },
    ]);
  const parsed = Days.safeParse(holder);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputFileError([{ file, field: issue.path.join("."), rule: issue.message }]);
  }
  const base: ForecastDays = {
    ...(parsed.data.runDays ? { runDays: parsed.data.runDays } : {}),
    ...(parsed.data.expectedDays ? { expectedDays: parsed.data.expectedDays } : {}),
  };
  check(file, "runDays", base.runDays);
  check(file, "expectedDays", base.expectedDays);
  const scenarios: ForecastFile["scenarios"] = [];
  const list = (holder as Record<string, unknown>).scenarios ?? obj?.scenarios;
  if (Array.isArray(list)) {
    list.forEach((s, i) => {
      const p = Scenario.safeParse(s);
      if (!p.success || !(p.data.runDays || p.data.expectedDays)) return;
      const days: ForecastDays = {
        ...(p.data.runDays ? { runDays: p.data.runDays } : {}),
        ...(p.data.expectedDays ? { expectedDays: p.data.expectedDays } : {}),
      };
      check(file, `scenarios.${i}`, days.runDays);
      check(file, `scenarios.${i}`, days.expectedDays);
      scenarios.push({ name: p.data.name ?? p.data.id ?? `scenario ${i + 1}`, days });
    });
  }
  const needed = PlacementsNeededJson.safeParse((holder as Record<string, unknown>).placementsNeeded);
  return { ...base, scenarios, ...(needed.success ? { placementsNeeded: needed.data } : {}) };
}
