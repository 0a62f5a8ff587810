export { type BarChartOptions, type BarSeries, barChart } from "./bar.js";
export { type FanChartOptions, type FanPoint, fanChart } from "./fan.js";
export { formatNumber, formatValue, type NumberFormat } from "./format.js";
export { type LineChartOptions, type LinePoint, type LineSeries, lineChart } from "./line.js";
export { GOVUK, SERIES_COLOURS } from "./palette.js";
export { type StackedBarOptions, type StackSegment, stackedBarChart } from "./stacked.js";
export { type ChartCommon, esc } from "./svg.js";
