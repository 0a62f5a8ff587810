import type { Day } from "../../core/dates.js";
import {
  type ActualCostSummary,
  actualCostEntries,
  summariseActualCosts,
} from "../../core/finance/actual-costs.js";
import type { Costing } from "../../core/finance/budget.js";
import { COST_CATEGORIES } from "../../core/finance/categories.js";
import { type ChildDaysRow, childDays } from "../../core/finance/child-days.js";
import { overlayCosts } from "../../core/finance/cost-table.js";
import { type CostsReport, costsReport } from "../../core/finance/costs-report.js";
import { type FinancialYear, financialYearOf, fyLabel } from "../../core/finance/financial-years.js";
import type { PlacementsNeeded } from "../../core/finance/forecast-json.js";
import { defaultProviderMix, providerMixFromDays } from "../../core/finance/provider-mix.js";
import type { ForecastDays } from "../../core/finance/run-days.js";
import { DEFAULT_BANDS } from "../../core/profile/bands.js";
import type { History } from "../../core/ssda903/history.js";
import { BROMLEY_FOSTERING_PROFILE, fosteringProfile } from "../../core/supply/fostering-profile.js";
import { type Gap, type GapSettings, sufficiencyGap } from "../../core/supply/gap.js";
import { type SupplyReport, supplyReport } from "../../core/supply/supply-report.js";
import type { CostService } from "./costs.js";
import type { DatasetService } from "./datasets.js";
import type { StoredForecast, StoredProjection } from "./forecasts.js";
import { LruCache } from "./lru.js";
import type { SupplyService } from "./supply.js";

/** A version's history with its child-days by financial year (what costs, supply and the gap read of it). */
export interface HistoryDays {
  history: History;
  years: FinancialYear[];
  rows: ChildDaysRow[];
}

/** The forecast days of a stored projection, as the budget and gap take them. */
export function forecastDays(p: StoredProjection): ForecastDays {
  return {
    ...(p.runDays.runs > 0 && p.runDays.values.length > 0 ? { runDays: p.runDays } : {}),
    expectedDays: p.expectedDays,
  };
}

export interface Council {
  id: string;
  name: string;
}

/**
 * Costs, the budget, supply measures and the gap of a council's data: the
 * core's functions (src/core/finance, src/core/supply) on the stored
 * history, forecast, costs and register, exactly as the command line runs them.
 */
export class PlanService {
  private readonly days = new LruCache<string, Promise<HistoryDays | undefined>>(4);

  constructor(
    private readonly datasets: DatasetService,
    private readonly costs: CostService,
    private readonly supply: SupplyService,
  ) {}

  /** Child-days of the version's history, by financial year (kept for the few most recent versions). */
  historyDays(councilId: string, versionId: string): Promise<HistoryDays | undefined> {
    const key = `${councilId}/${versionId}`;
    let d = this.days.get(key);
    if (!d) {
      d = this.datasets.history(councilId, versionId).then((history) => {
        if (!history) return undefined;
        const years = [...history.years];
        return { history, years, rows: childDays(history, years, DEFAULT_BANDS) };
      });
      this.days.set(key, d);
      d.then(
        (v) => v ?? this.days.delete(key),
        () => this.days.delete(key),
      );
    }
    return d;
  }

  /** The actual costs summarised (child-level: for the analysts' page only). */
  async actualSummary(councilId: string, versionId: string): Promise<ActualCostSummary | undefined> {
    const actual = await this.costs.actual(councilId);
    if (!actual) return undefined;
    const h = await this.historyDays(councilId, versionId);
    return summariseActualCosts(actual.rows, asOf(h, actual.rows));
  }

  /**
   * The costs report (`sufficiency costs`): unit costs, inflation, past
   * spend and, with a forecast, the budget and each of its scenarios'
   * savings. Without a forecast the unit costs are shown for `years`.
   */
  async costsReport(
    council: Council,
    versionId: string,
    forecast: StoredForecast | undefined,
    years: readonly FinancialYear[] = [],
  ): Promise<CostsReport> {
    const h = await this.historyDays(council.id, versionId);
    const actual = await this.costs.actual(council.id);
    const base = forecast
      ? forecastDays(forecast)
      : years.length
        ? {
            expectedDays: {
              years: years.map(fyLabel),
              categories: [...COST_CATEGORIES],
              values: new Array(years.length * COST_CATEGORIES.length).fill(0),
            },
          }
        : undefined;
    return costsReport({
      table: await this.costs.table(council.id),
      inflation: await this.costs.inflation(council.id),
      ...(h ? { history: { rows: h.rows, years: h.years } } : {}),
      ...(base ? { forecast: base } : {}),
      ...(forecast
        ? { scenarios: forecast.scenarios.map((s) => ({ name: s.name, days: forecastDays(s) })) }
        : {}),
      ...(actual?.useInBudget ? { actual: { rows: actual.rows, asOf: asOf(h, actual.rows) } } : {}),
    });
  }

  /** The costing the gap uses: the same table (with actual costs when chosen), inflation and provider mix. */
  async costing(councilId: string, versionId: string): Promise<Costing> {
    const h = await this.historyDays(councilId, versionId);
    let table = await this.costs.table(councilId);
    const actual = await this.costs.actual(councilId);
    if (actual?.useInBudget)
      table = overlayCosts(table, actualCostEntries(summariseActualCosts(actual.rows, asOf(h, actual.rows))));
    const last = h?.years.at(-1);
    const mix = h && last !== undefined ? providerMixFromDays(h.rows, last).mix : defaultProviderMix().mix;
    return { table, inflation: await this.costs.inflation(councilId), mix };
  }

  /** Supply measures (`sufficiency supply`) on a day, by year up to it, with occupancy from the history. */
  async supplyReport(
    council: Council,
    versionId: string,
    at: Day | undefined,
    target: number | undefined,
  ): Promise<{ report: SupplyReport; at: Day }> {
    const h = await this.historyDays(council.id, versionId);
    const day = at ?? h?.history.dataEnd ?? 0;
    const lastYear = financialYearOf(day + 1) - 1;
    const years = h
      ? h.years.filter((y) => y <= lastYear)
      : Array.from({ length: 5 }, (_, i) => lastYear - 4 + i);
    const report = supplyReport({
      register: await this.supply.register(council),
      at: day,
      years: years.length ? years : [lastYear],
      bands: DEFAULT_BANDS,
      ...(target !== undefined ? { target } : {}),
      ...(h ? { history: h.rows } : {}),
    });
    return { report, at: day };
  }

  /** The sufficiency gap (`sufficiency gap`) of a stored forecast. */
  async gap(
    council: Council,
    versionId: string,
    forecast: StoredForecast,
    settings: GapSettings,
  ): Promise<Gap> {
    const h = await this.historyDays(council.id, versionId);
    const last = h?.years.at(-1);
    const profile =
      (h && last !== undefined ? fosteringProfile(h.rows, last, DEFAULT_BANDS) : undefined) ??
      BROMLEY_FOSTERING_PROFILE;
    const placementsNeeded: PlacementsNeeded = forecast.placementsNeeded.map((y) => ({
      year: y.year,
      byCategory: y.byCategory,
    }));
    return sufficiencyGap({
      forecast: { ...forecastDays(forecast), placementsNeeded },
      register: await this.supply.register(council),
      costing: await this.costing(council.id, versionId),
      fostering: profile,
      settings,
    });
  }
}

/** The day ongoing placements of actual costs are counted to: the day after the history ends (else after the file's latest date). */
function asOf(h: HistoryDays | undefined, rows: readonly { start: Day; end: Day | null }[]): Day {
  if (h) return h.history.dataEnd + 1;
  let d = Number.NEGATIVE_INFINITY;
  for (const r of rows) d = Math.max(d, r.start, r.end ?? r.start);
  return d + 1;
}
