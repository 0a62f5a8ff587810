import { barChart } from "../charts/bar.js";
import { formatNumber } from "../charts/format.js";
import { lineChart } from "../charts/line.js";
import { stackedBarChart } from "../charts/stacked.js";
import { FOSTERING_TYPES, OTHER_TYPES, PLACEMENT_TYPE_LABELS } from "../core/profile/placement-types.js";
import type { Profile } from "../core/profile/profile.js";
import { yearLabel } from "../core/ssda903/years.js";
import { bandLabel, CEASE_GROUP_LABELS, longDate } from "./labels.js";

/** Groups of placement types for the placement-mix chart (a chart of all 18 types would not be readable). */
export const PLACEMENT_GROUPS: ReadonlyArray<{ name: string; types: readonly string[]; colour: string }> = [
  { name: "Connected person foster", types: ["connected_long_term", "connected_other"], colour: "#0f7a52" },
  { name: "In-house foster", types: ["inhouse_foster_long_term", "inhouse_foster_other"], colour: "#1d70b8" },
  { name: "Agency foster", types: ["agency_foster_long_term", "agency_foster_other"], colour: "#54319f" },
  {
    name: "Children's homes",
    types: ["childrens_home", "secure_home", "residential_care"],
    colour: "#b7592a",
  },
  {
    name: "Supported or independent",
    types: ["supported_accommodation", "independent_living"],
    colour: "#ca357c",
  },
  { name: "Placed with parents", types: ["placed_with_parents"], colour: "#158187" },
  { name: "Adoption", types: ["adoption"], colour: "#0f385c" },
  {
    name: "Other",
    types: ["mother_baby", "residential_school", "medical", "custody", "other"],
    colour: "#484949",
  },
];

const pctFormat = { decimals: 1, suffix: "%" };
const nz = (x: number | null | undefined) => x ?? null;

/**
 * The charts of the profile report, keyed by the id of the table that holds
 * the same numbers (the report shows each chart above its table). Chart ids
 * are the table ids, so each is unique on the page.
 */
export function profileCharts(p: Profile): Record<string, string> {
  const charts: Record<string, string> = {};
  const id = (tableId: string) => `chart-${tableId.replace(/\./g, "-")}`;
  const date = longDate(p.at);

  const bands = Object.keys(p.cla.byAgeBand);
  const biggest = bands.reduce(
    (a, b) => ((p.cla.byAgeBand[b] ?? 0) > (p.cla.byAgeBand[a] ?? 0) ? b : a),
    bands[0]!,
  );
  charts["cla.age_band"] = barChart({
    id: id("cla.age_band"),
    title: `Children looked after on ${date}, by age band`,
    description: `Bar chart. ${p.cla.total} children were looked after; the largest age band was ${bandLabel(biggest)} with ${p.cla.byAgeBand[biggest] ?? 0}. The numbers are in the table below.`,
    categories: bands.map(bandLabel),
    series: [{ name: "Children", values: bands.map((b) => p.cla.byAgeBand[b] ?? 0) }],
    axisLabel: "Children",
  });

  const types = [...FOSTERING_TYPES, ...OTHER_TYPES];
  charts["cla.placement_type"] = barChart({
    id: id("cla.placement_type"),
    title: `Children looked after on ${date}, by placement type`,
    description: `Horizontal bar chart of the number of children in each type of placement. The numbers are in the table below.`,
    orientation: "horizontal",
    categories: types.map((t) => PLACEMENT_TYPE_LABELS[t]),
    series: [{ name: "Children", values: types.map((t) => p.cla.byPlacementType[t] ?? 0) }],
  });

  if (p.cla.monthEnd.length > 0) {
    const totals = p.cla.monthEnd.map((m) => m.total);
    const recent = totals.slice(-12);
    charts["trend.month_end"] = lineChart({
      id: id("trend.month_end"),
      title: "Children looked after at each month end",
      description: `Line chart from ${longDate(p.cla.monthEnd[0]!.date)} to ${longDate(p.cla.monthEnd.at(-1)!.date)}. Over the last ${recent.length} months the number was between ${Math.min(...recent)} and ${Math.max(...recent)}. A dashed line shows UASC. Each 31 March is marked with its number. The numbers are in the table below.`,
      series: [
        { name: "All children", points: p.cla.monthEnd.map((m) => ({ date: m.date, value: m.total })) },
        { name: "UASC", points: p.cla.monthEnd.map((m) => ({ date: m.date, value: m.uasc })) },
      ],
      yLabel: "Children looked after",
      marchMarkers: true,
    });
  }

  if (p.ratePer10k && p.ratePer10k.series.length > 0) {
    const s = p.ratePer10k.series;
    charts["trend.rate"] = barChart({
      id: id("trend.rate"),
      title: "Children looked after per 10,000 children aged 0 to 17, at each 31 March",
      description: `Bar chart. The rate was ${formatNumber(s.at(-1)!.rate, 1)} per 10,000 on ${longDate(s.at(-1)!.date)}. The numbers are in the table below.`,
      categories: s.map((r) => longDate(r.date)),
      series: [{ name: "Rate per 10,000", values: s.map((r) => r.rate) }],
      format: { decimals: 1 },
      axisLabel: "Per 10,000 children",
    });
  }

  if (p.flows.length > 0) {
    charts["flows.by_year"] = barChart({
      id: id("flows.by_year"),
      title: "Children starting and ceasing to be looked after, each year",
      description: `Bar chart with two bars a year. In ${p.yearLabel}, ${p.starts} children started and ${p.ceased.total} ceased to be looked after. The numbers are in the table below.`,
      categories: p.flows.map((f) => yearLabel(f.year)),
      series: [
        { name: "Started", values: p.flows.map((f) => f.started) },
        { name: "Ceased", values: p.flows.map((f) => f.ceased) },
      ],
      axisLabel: "Children",
    });
  }

  const reasons = Object.keys(CEASE_GROUP_LABELS);
  charts["flows.ceased_by_reason"] = barChart({
    id: id("flows.ceased_by_reason"),
    title: `Children who ceased to be looked after in ${p.yearLabel}, by reason`,
    description: `Horizontal bar chart of ${p.ceased.total} children by the reason they ceased to be looked after. The numbers are in the table below.`,
    orientation: "horizontal",
    categories: reasons.map((r) => CEASE_GROUP_LABELS[r]!),
    series: [{ name: "Children", values: reasons.map((r) => p.ceased.byReason[r] ?? 0) }],
  });

  const lastYears = p.entrants.byYear.slice(-5);
  const entrantBands = [...p.bands];
  if (lastYears.some((y) => (y.byAgeBand.unknown ?? 0) > 0)) entrantBands.push("unknown");
  if (lastYears.length > 0) {
    charts["flows.entrants_by_age"] = barChart({
      id: id("flows.entrants_by_age"),
      title: "Children starting to be looked after, by age band and year",
      description: `Bar chart with one bar per year in each age band, for ${lastYears.length === p.entrants.byYear.length ? "every year in the data" : `the last ${lastYears.length} years`}. The numbers are in the table below.`,
      categories: entrantBands.map(bandLabel),
      series: lastYears.map((y) => ({
        name: yearLabel(y.year),
        values: entrantBands.map((b) => y.byAgeBand[b] ?? 0),
      })),
      axisLabel: "Children starting",
    });
  }

  const mix = p.placementMix;
  const weeksTotal = mix.weeks.total!.total ?? 0;
  const groupWeeks = (g: (typeof PLACEMENT_GROUPS)[number], band: string) =>
    g.types.reduce((s, t) => s + (mix.weeks[t]?.[band] ?? 0), 0);
  const fosterShare = mix.fosteringShare.weeks.total?.pct;
  charts["placements.weeks"] = stackedBarChart({
    id: id("placements.weeks"),
    title: `Weeks of placement during ${p.yearLabel}: share by placement group and age band`,
    description: `Stacked bar chart; each bar is one age band split into the share of its placement weeks in each group of placement types. ${formatNumber(weeksTotal, 1)} weeks in all${fosterShare === null || fosterShare === undefined ? "" : `, ${formatNumber(fosterShare, 1)}% of them in foster care`}. The weeks for each type are in the table below.`,
    categories: mix.bands.map(bandLabel),
    segments: PLACEMENT_GROUPS.map((g) => ({
      name: g.name,
      colour: g.colour,
      values: mix.bands.map((b) => groupWeeks(g, b)),
    })),
    totals: { decimals: 1, suffix: " wks" },
  });

  const fs = mix.fosteringShare;
  charts["placements.fostering_share"] = barChart({
    id: id("placements.fostering_share"),
    title: `Share of placements in foster care during ${p.yearLabel}, by age band`,
    description: `Horizontal bar chart of the percentage of placements, and of placement weeks, that were in foster care in each age band. Overall: ${fs.episodes.total?.pct ?? "n/a"}% of placements and ${fs.weeks.total?.pct ?? "n/a"}% of weeks. The numbers are in the table below.`,
    orientation: "horizontal",
    categories: [...mix.bands, "total"].map(bandLabel),
    series: [
      { name: "% of placements", values: [...mix.bands, "total"].map((b) => nz(fs.episodes[b]?.pct)) },
      { name: "% of weeks", values: [...mix.bands, "total"].map((b) => nz(fs.weeks[b]?.pct)) },
    ],
    max: 100,
    format: pctFormat,
  });

  const pr = mix.providers;
  charts["placements.providers"] = barChart({
    id: id("placements.providers"),
    title: `Foster placements during ${p.yearLabel} by carer`,
    description: `Horizontal bar chart of the share of foster placements, and of foster weeks, with connected persons, in-house carers and agencies. The numbers are in the table below.`,
    orientation: "horizontal",
    categories: ["Connected person", "In-house", "Agency"],
    series: [
      {
        name: "% of foster placements",
        values: [pr.episodes.connected.pct, pr.episodes.inHouse.pct, pr.episodes.agency.pct],
      },
      {
        name: "% of foster weeks",
        values: [pr.weeks.connected.pct, pr.weeks.inHouse.pct, pr.weeks.agency.pct],
      },
    ],
    max: 100,
    format: pctFormat,
  });

  const st = p.stability;
  charts["stability.measures"] = barChart({
    id: id("stability.measures"),
    title: `Placement stability, ${p.yearLabel}`,
    description: `Horizontal bar chart. ${st.threePlus.pct ?? "n/a"}% of children looked after on 31 March had three or more placements in the year; ${st.longTerm.pct ?? "n/a"}% of those looked after long term had been in the same placement for two years. The numbers are in the table below.`,
    orientation: "horizontal",
    categories: ["Three or more placements", "Long-term stability"],
    series: [{ name: "%", values: [st.threePlus.pct, st.longTerm.pct] }],
    max: 100,
    format: pctFormat,
  });

  const loc = p.location;
  charts["location.measures"] = barChart({
    id: id("location.measures"),
    title: `Where children looked after on 31 March ${loc.year + 1} were placed`,
    description: `Horizontal bar chart of the percentages placed more than 20 miles from home, outside the council's area, and both. The numbers are in the table below.`,
    orientation: "horizontal",
    categories: ["More than 20 miles from home", "Outside the council's area", "Outside and over 20 miles"],
    series: [{ name: "%", values: [loc.over20Miles.pct, loc.outside.pct, loc.outsideAndOver20Miles.pct] }],
    max: 100,
    format: pctFormat,
  });

  const eth = p.ethnicity.filter((r) => r.group !== "Not known");
  const hasPop = eth.some((r) => r.populationShare !== null);
  const to100 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  charts["ethnicity.population"] = barChart({
    id: id("ethnicity.population"),
    title: `Ethnicity of children looked after on ${date}${hasPop ? ", compared with all children" : ""}`,
    description: `Horizontal bar chart of the percentage of children looked after in each broad ethnic group${hasPop ? ", beside the percentage of all children aged 0 to 17" : ""}. The numbers are in the table below.`,
    orientation: "horizontal",
    categories: eth.map((r) => r.group),
    series: [
      { name: "Children looked after", values: eth.map((r) => to100(r.share)) },
      ...(hasPop
        ? [{ name: "All children aged 0 to 17", values: eth.map((r) => to100(r.populationShare)) }]
        : []),
    ],
    max: 100,
    format: pctFormat,
  });

  const cl = p.outcomes.careLeavers;
  if (cl) {
    charts["outcomes.care_leavers"] = barChart({
      id: id("outcomes.care_leavers"),
      title: `Care leavers aged 19 to 21 in ${yearLabel(p.outcomes.year)}`,
      description: `Horizontal bar chart of the percentage of ${cl.cohort} care leavers in touch, in suitable accommodation, in education, employment or training, and living with former foster carers. The numbers are in the table below.`,
      orientation: "horizontal",
      categories: [
        "In touch",
        "Suitable accommodation",
        "Education, employment or training",
        "With former foster carers",
      ],
      series: [
        {
          name: "%",
          values: [
            cl.inTouch.pct,
            cl.suitableAccommodation.pct,
            cl.educationEmploymentTraining.pct,
            cl.withFormerFosterCarers.pct,
          ],
        },
      ],
      max: 100,
      format: pctFormat,
    });
  }
  return charts;
}
