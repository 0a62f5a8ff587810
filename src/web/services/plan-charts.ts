/**
 * The charts of the budget, supply, gap and actual-costs pages (server-side
 * SVG from src/charts), each keyed by the id of the table that holds its
 * numbers, so the page shows them together.
 */
import { barChart } from "../../charts/bar.js";
import { fanChart } from "../../charts/fan.js";
import { formatNumber } from "../../charts/format.js";
import { lineChart } from "../../charts/line.js";
import type { ActualCostSummary } from "../../core/finance/actual-costs.js";
import { COST_CATEGORY_LABELS, type CostCategory, PROVIDER_LABELS } from "../../core/finance/categories.js";
import type { CostsReport } from "../../core/finance/costs-report.js";
import type { Gap } from "../../core/supply/gap.js";
import type { SupplyReport } from "../../core/supply/supply-report.js";
import { withoutInlineStyle } from "./profiles.js";

/** "2025/26" → "2026-03-31", the year's last day. */
export function yearEndDate(label: string): string {
  return `${Number(label.slice(0, 4)) + 1}-03-31`;
}

const million = (x: number) => x / 1_000_000;
const money = (x: number) =>
  Math.abs(x) >= 1_000_000 ? `£${formatNumber(x / 1_000_000, 1)} million` : `£${formatNumber(x, 0)}`;

export function budgetCharts(r: CostsReport): Record<string, string> {
  const charts: Record<string, string> = {};
  const b = r.budget;
  const past = (r.historic?.years ?? []).map((y) => ({ date: yearEndDate(y.year), value: million(y.cost) }));
  if (b) {
    const first = b.years[0]!;
    const last = b.years.at(-1)!;
    if (b.runs > 0 && b.years.every((y) => y.runs)) {
      charts["budget.runs"] = withoutInlineStyle(
        fanChart({
          id: "chart-budget-runs",
          title: "Placement budget by financial year, with its 50% and 90% ranges",
          description: `Fan chart of the placement budget in £ million at each year's prices: the median is ${money(first.runs!.p50)} in ${first.year} and ${money(last.runs!.p50)} in ${last.year}, when the 90% range is ${money(last.runs!.p5)} to ${money(last.runs!.p95)}.${past.length ? " A solid line shows past spend rebuilt from the 903 history." : ""} Each point is a financial year, drawn at its end. The numbers are in the table with the chart.`,
          forecast: b.years.map((y) => ({
            date: yearEndDate(y.year),
            median: million(y.runs!.p50),
            lower50: million(y.runs!.p25),
            upper50: million(y.runs!.p75),
            lower90: million(y.runs!.p5),
            upper90: million(y.runs!.p95),
          })),
          observed: past,
          yLabel: "£ million a year",
          format: { decimals: 1 },
          min: 0,
        }),
      );
    } else if (first.expected) {
      charts["budget.expected_cost"] = withoutInlineStyle(
        lineChart({
          id: "chart-budget-expected",
          title: "Placement budget by financial year (expected path)",
          description: `Line chart of the placement budget in £ million: ${money(first.expected.total)} in ${first.year} and ${money(last.expected?.total ?? 0)} in ${last.year}. The numbers are in the table with the chart.`,
          series: [
            ...(past.length ? [{ name: "Past spend", points: past }] : []),
            {
              name: "Budget",
              points: b.years.map((y) => ({
                date: yearEndDate(y.year),
                value: y.expected ? million(y.expected.total) : null,
              })),
            },
          ],
          yLabel: "£ million a year",
          format: { decimals: 1 },
          min: 0,
        }),
      );
    }
  }
  if (r.scenarios.length && b) {
    const years = b.years.map((y) => y.year);
    charts["scenarios.side_by_side"] = withoutInlineStyle(
      barChart({
        id: "chart-budget-savings",
        title: "Saving of each scenario against the base by financial year (expected)",
        description: `Bar chart of each scenario's saving in £ thousand (base cost − scenario cost): ${r.scenarios
          .map((s) => `${s.name} ${money(s.years.at(-1)?.expected?.saving ?? 0)} in ${years.at(-1)}`)
          .join("; ")}. The numbers are in the table with the chart.`,
        categories: years,
        series: r.scenarios.map((s) => ({
          name: s.name,
          values: years.map((y) => {
            const e = s.years.find((x) => x.year === y)?.expected;
            return e ? Math.round(e.saving / 1000) : null;
          }),
        })),
        axisLabel: "Saving, £ thousand",
      }),
    );
  }
  if (r.historic?.years.length && !b) {
    charts["historic.spend"] = withoutInlineStyle(
      lineChart({
        id: "chart-historic-spend",
        title: "Past placement spend rebuilt from the 903 history",
        description: `Line chart of past spend in £ million at each year's prices, from ${money(r.historic.years[0]!.cost)} in ${r.historic.years[0]!.year} to ${money(r.historic.years.at(-1)!.cost)} in ${r.historic.years.at(-1)!.year}. The numbers are in the table with the chart.`,
        series: [{ name: "Past spend", points: past }],
        yLabel: "£ million a year",
        format: { decimals: 1 },
        min: 0,
      }),
    );
  }
  return charts;
}

export function supplyCharts(r: SupplyReport): Record<string, string> {
  if (r.years.length === 0) return {};
  const last = r.years.at(-1)!;
  return {
    "supply.years": withoutInlineStyle(
      barChart({
        id: "chart-supply-years",
        title: "Mainstream fostering households approved and deregistered each year",
        description: `Bar chart of approvals and deregistrations of mainstream fostering households by financial year: in ${last.year}, ${last.mainstream.approvals} approved and ${last.mainstream.deregistrations} deregistered${last.target ? `, against a target of ${last.target.target}` : ""}. The numbers are in the table with the chart.`,
        categories: r.years.map((y) => y.year),
        series: [
          { name: "Approvals", values: r.years.map((y) => y.mainstream.approvals) },
          { name: "Deregistrations", values: r.years.map((y) => y.mainstream.deregistrations) },
        ],
        axisLabel: "Households",
      }),
    ),
  };
}

export function gapCharts(g: Gap): Record<string, string> {
  const charts: Record<string, string> = {};
  const years = g.years.map((y) => y.year);
  const fostering = g.years.map((y) => y.lines.find((l) => l.group === "fostering")!);
  const last = fostering.at(-1)!;
  charts["gap.capacity"] = withoutInlineStyle(
    barChart({
      id: "chart-gap-capacity",
      title: "Fostering: demand against in-house and block capacity (children on an average day)",
      description: `Bar chart by financial year of fostering demand (in-house and agency together) against the in-house and block capacity: in ${years.at(-1)} demand is ${formatNumber(last.demand.expected, 1)} children on an average day, in-house capacity ${formatNumber(last.inHouse, 1)} and block capacity ${formatNumber(last.block, 1)}, leaving ${formatNumber(last.shortfall.expected, 1)} to agencies. The numbers, with the other placement types, are in the table with the chart.`,
      categories: years,
      series: [
        { name: "Demand", values: fostering.map((l) => l.demand.expected) },
        { name: "In-house capacity", values: fostering.map((l) => l.inHouse) },
        { name: "Block capacity", values: fostering.map((l) => l.block) },
      ],
      axisLabel: "Children on an average day",
    }),
  );
  const needed = g.recruitment.householdsNeeded;
  charts["gap.pipeline"] = withoutInlineStyle(
    lineChart({
      id: "chart-gap-pipeline",
      title: "Mainstream fostering households at each year end, against the households needed",
      description: `Line chart of mainstream fostering households at the end of each financial year at recent recruitment rates${g.pipeline.target ? " and at the target" : ""}, against the ${formatNumber(needed)} households needed by ${g.recruitment.year}. At recent rates there would be ${formatNumber(g.pipeline.current.at(-1)?.end ?? 0, 1)} at the end of ${years.at(-1)}. The numbers are in the table with the chart.`,
      series: [
        {
          name: "At recent rates",
          points: g.pipeline.current.map((p) => ({ date: yearEndDate(p.year), value: p.end })),
        },
        ...(g.pipeline.target
          ? [
              {
                name: "At the target",
                points: g.pipeline.target.map((p) => ({ date: yearEndDate(p.year), value: p.end })),
              },
            ]
          : []),
        {
          name: "Needed",
          points: g.pipeline.current.map((p) => ({ date: yearEndDate(p.year), value: needed })),
        },
      ],
      yLabel: "Households",
      min: 0,
    }),
  );
  // The saving of each way of closing the gap, over the first scenario's table (each has its own table).
  const first = g.scenarios[0];
  if (first) {
    charts[`scenarios.${first.id}`] = withoutInlineStyle(
      barChart({
        id: "chart-gap-savings",
        title: "Saving of each way of closing the gap by financial year (expected)",
        description: `Bar chart of each scenario's saving in £ thousand (base cost − scenario cost): ${g.scenarios
          .map(
            (s) => `${s.name}, ${money(s.comparison.years.at(-1)?.expected?.saving ?? 0)} in ${years.at(-1)}`,
          )
          .join("; ")}. The numbers are in the scenarios' tables.`,
        categories: years,
        series: g.scenarios.map((s) => ({
          name: s.name,
          values: years.map((y) => {
            const e = s.comparison.years.find((x) => x.year === y)?.expected;
            return e ? Math.round(e.saving / 1000) : null;
          }),
        })),
        axisLabel: "Saving, £ thousand",
      }),
    );
  }
  return charts;
}

/** The spread of actual weekly costs and the high-cost tail (for the analysts' page). */
export function actualCharts(a: ActualCostSummary): Record<string, string> {
  if (a.groups.length === 0) return {};
  const label = (g: ActualCostSummary["groups"][number]) =>
    `${COST_CATEGORY_LABELS[g.category as CostCategory]}: ${PROVIDER_LABELS[g.provider].toLowerCase()}`;
  const top = [...a.groups].sort((x, y) => y.maxWeekly - x.maxWeekly)[0]!;
  return {
    "actual.summary": withoutInlineStyle(
      barChart({
        id: "chart-actual-spread",
        title: "The spread of actual weekly costs by category and provider",
        description: `Horizontal bar chart of the median, 90th percentile and highest weekly cost of the placements in each category and provider. The highest is £${formatNumber(top.maxWeekly)} a week (${label(top).toLowerCase()}). The numbers, with the placements at £10,000 a week or more, are in the table with the chart.`,
        orientation: "horizontal",
        categories: a.groups.map(label),
        series: [
          { name: "Median", values: a.groups.map((g) => g.medianWeekly) },
          { name: "90th percentile", values: a.groups.map((g) => g.p90Weekly) },
          { name: "Highest", values: a.groups.map((g) => g.maxWeekly) },
        ],
        axisLabel: "£ a week",
      }),
    ),
  };
}
