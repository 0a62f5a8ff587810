/**
 * Demand forecasting: children in care and placements needed, with
 * prediction intervals and backtested accuracy (docs/forecasting.md).
 *
 *   forecast(history, population, options) → ForecastResult
 *   backtest(history, population, options) → BacktestResult
 */
export { DEFAULT_AGE_GROUPS, MONTHS, REPORT_BANDS } from "./ages.js";
export {
  type BacktestOptions,
  type BacktestResult,
  backtest,
  backtestOrigins,
  backtestSegments,
  type Comparison,
  type HorizonAccuracy,
  type OriginResult,
} from "./backtest.js";
export {
  CATEGORY_LABELS,
  type CategoryConfig,
  categoryIndexer,
  categoryOf,
  checkCategoryConfig,
  DEFAULT_CATEGORIES,
  DEFAULT_CATEGORY_CONFIG,
  EXIT_GROUPS,
  EXIT_LABELS,
  type ExitGroup,
} from "./categories.js";
export { DEFAULT_DURATION_BANDS, type DurationBands, durationBands } from "./durations.js";
export {
  assembleForecast,
  checkForecastOptions,
  expectedPaths,
  type ForecastMethod,
  type ForecastOptions,
  type ForecastResult,
  forecast,
  forecastSegments,
  type PreparedForecast,
  type Projection,
  prepareForecast,
  type RunBlock,
  type RunDays,
  type SeriesPoint,
  simulateRuns,
  type YearPoint,
} from "./forecast.js";
export { PERCENTILES, percentileSorted, type Summary, summarise } from "./percentiles.js";
export { PopulationCurve } from "./population-curve.js";
export type { RatesReport, StateRates } from "./rates-report.js";
export { parseScenarios, type Scenario, type ScenarioChange } from "./scenario.js";
export { buildSegments, type Segments } from "./segments.js";
export { DEFAULT_SHRINKAGE, type ShrinkageOptions } from "./shrinkage.js";
export { backtestTables, type ForecastTable, forecastJson, forecastTables, longRows } from "./tables.js";
export type { TrendMethodOptions } from "./trend-method.js";
