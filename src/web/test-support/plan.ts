import type { Costing } from "../../core/finance/budget.js";
import { type ChildDaysRow, childDays } from "../../core/finance/child-days.js";
import { defaultCostTable } from "../../core/finance/cost-table.js";
import { inflationPath } from "../../core/finance/inflation.js";
import { providerMixFromDays } from "../../core/finance/provider-mix.js";
import type { ForecastDays } from "../../core/finance/run-days.js";
import { DEFAULT_BANDS } from "../../core/profile/bands.js";
import { type History, rebuildHistory } from "../../core/ssda903/history.js";
import { readFiles903 } from "../../core/ssda903/read.js";
import { SYSTEM_ACTOR } from "../services/audit.js";
import { demoFiles } from "../services/demo.js";
import type { StoredForecast } from "../services/forecasts.js";
import { SMALL_DEMO, type World } from "./world.js";

/**
 * Helpers for the tests of the budget and gap pages: a small forecast made
 * and stored the way the service makes one, and the test council's history
 * and costing worked out straight from its files with the core (not through
 * the service), to check the pages' figures against.
 */

/** Makes (and waits for) a forecast of a council's version with few runs; returns its id. */
export async function makeForecast(
  w: World,
  councilId: string,
  versionId: string,
  runs = 40,
): Promise<string> {
  const meta = await w.services.forecasts.request(SYSTEM_ACTOR, councilId, versionId, "forecast", {
    ...w.services.forecasts.defaultParams(),
    years: 3,
    runs,
  });
  await w.services.forecasts.idle();
  const done = await w.services.forecasts.get(councilId, meta.id);
  if (done?.status !== "done") throw new Error(`the test forecast did not finish: ${done?.status}`);
  return meta.id;
}

/** The test councils' history (both have the same generated files), rebuilt with the core. */
export function testHistory(): { history: History; rows: ChildDaysRow[]; last: number } {
  const files = demoFiles(SMALL_DEMO);
  const returns = files.filter((f) => /^\d{4}-/.test(f.name)).map((f) => ({ path: f.name, bytes: f.bytes }));
  const history = rebuildHistory(readFiles903(returns).data);
  const years = [...history.years];
  return { history, rows: childDays(history, years, DEFAULT_BANDS), last: years.at(-1)! };
}

/** The costing of a council with no costs or rates of its own: the national defaults, CPI and 2%, the history's mix. */
export function defaultCosting(): Costing {
  const h = testHistory();
  return {
    table: defaultCostTable(),
    inflation: inflationPath(),
    mix: providerMixFromDays(h.rows, h.last).mix,
  };
}

/** A stored forecast's days as the core takes them. */
export function daysOf(f: StoredForecast): ForecastDays {
  return { runDays: f.runDays, expectedDays: f.expectedDays };
}
