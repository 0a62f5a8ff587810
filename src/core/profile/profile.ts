import { type Day, formatISO, ymdFromDay } from "../dates.js";
import { type Comparator, comparatorsFor } from "../inputs/comparators.js";
import { type Population, populationFor31March } from "../inputs/population.js";
import type { PostcodeLookup } from "../inputs/postcodes.js";
import type { History } from "../ssda903/history.js";
import { type CollectionYear, collectionYearOf, yearEnd, yearLabel, yearStart } from "../ssda903/years.js";
import { type AgeBands, DEFAULT_BANDS } from "./bands.js";
import { careEpisodes } from "./care.js";
import { type EthnicityRow, ethnicity } from "./ethnicity.js";
import { entrantsChange, flowsInYear, round1, type YearFlows } from "./flows.js";
import { type LocationMeasures, likelyCouncilLa, location } from "./location.js";
import { type Outcomes, outcomes } from "./outcomes.js";
import {
  fosteringProviders,
  fosteringShare,
  type PlacementMix,
  placementMix,
  type Share,
  share,
} from "./placement-mix.js";
import { FOSTERING_TYPES } from "./placement-types.js";
import { type StabilityMeasures, stability } from "./stability.js";
import { type CaredChild, type MonthEndPoint, monthEndSeries, type StockOnDay, stockOn } from "./stock.js";

export interface ProfileOptions {
  /** The date of the stock measures; default the last 31 March in the data. */
  at?: Day;
  /** The collection year of the flow, placement and stability measures; default the year ending at `at`. */
  year?: CollectionYear;
  bands?: AgeBands;
  population?: Population;
  comparators?: readonly Comparator[];
  postcodes?: PostcodeLookup;
  /** The council's LA code (for inside / outside the area when the data lacks PL_LOCATION). */
  councilLa?: string;
  /** The 0–17 population's shares by broad ethnic group. */
  ethnicityShares?: Record<string, number>;
}

export interface ComparatorRow {
  measure: string;
  label: string;
  value: number | null;
  areas: Record<string, number>;
}

export interface Profile {
  at: string;
  year: CollectionYear;
  yearLabel: string;
  bands: readonly string[];
  cla: StockOnDay & {
    monthEnd: MonthEndPoint[];
    at31March: Array<{ date: string; total: number; uasc: number }>;
  };
  starts: number;
  ceased: { total: number; byReason: Record<string, number>; byCode: Record<string, number> };
  flows: YearFlows[];
  entrants: {
    byYear: Array<{ year: CollectionYear; byAgeBand: Record<string, number>; total: number }>;
    change: ReturnType<typeof entrantsChange>;
  };
  ratePer10k?: {
    value: number;
    cla: number;
    population: number;
    populationYear: number;
    note?: string;
    series: Array<{ date: string; cla: number; population: number; rate: number }>;
  };
  comparators: ComparatorRow[];
  placementMix: PlacementMix & {
    fosteringShare: { episodes: Record<string, Share>; weeks: Record<string, Share> };
    providers: {
      episodes: ReturnType<typeof fosteringProviders>;
      weeks: ReturnType<typeof fosteringProviders>;
    };
  };
  stability: StabilityMeasures;
  location: LocationMeasures;
  ethnicity: EthnicityRow[];
  outcomes: Outcomes;
  dataQuality: {
    fixes: number;
    childrenWithoutHeader: number;
    childrenWithoutDob: number;
    years: CollectionYear[];
  };
}

function rate(n: number, pop: number): number {
  return Math.round((n / pop) * 10_000 * 10) / 10;
}

/** The whole profile: every measure of docs/indicators.md for one date and one collection year. */
export function buildProfile(history: History, options: ProfileOptions = {}): Profile {
  if (history.years.length === 0)
    throw new RangeError("the data has no Episodes file, so there is nothing to profile");
  const bands = options.bands ?? DEFAULT_BANDS;
  const at = options.at ?? history.dataEnd;
  const year = options.year ?? collectionYearOf(at + 1) - 1;
  const children: CaredChild[] = history.children.map((child) => ({ child, episodes: careEpisodes(child) }));
  const firstDay = yearStart(history.years[0]!);

  const stock = stockOn(children, at, bands);
  const monthEnd = monthEndSeries(children, firstDay, history.dataEnd);
  const at31March = history.years.map((y) => {
    const s = stockOn(children, yearEnd(y), bands);
    return { date: s.date, total: s.total, uasc: s.uasc.uasc };
  });

  const flows = history.years.map((y) => flowsInYear(children, y, bands));
  const yearFlows = flows.find((f) => f.year === year) ?? flowsInYear(children, year, bands);

  const mix = placementMix(children, year, bands);
  const stab = stability(children, year);
  const councilLa =
    options.councilLa ?? (options.postcodes ? likelyCouncilLa(children, options.postcodes) : undefined);
  const loc = location(children, year, options.postcodes, councilLa);
  const oc3Supplied = history.files.some((f) => f.table === "oc3" && f.year === year);

  const profile: Profile = {
    at: formatISO(at),
    year,
    yearLabel: yearLabel(year),
    bands: bands.labels,
    cla: { ...stock, monthEnd, at31March },
    starts: yearFlows.started,
    ceased: { total: yearFlows.ceased, byReason: yearFlows.ceasedByReason, byCode: yearFlows.ceasedByCode },
    flows,
    entrants: {
      byYear: flows.map((f) => ({ year: f.year, byAgeBand: f.startedByAgeBand, total: f.started })),
      change: entrantsChange(flows, 5),
    },
    comparators: [],
    placementMix: {
      ...mix,
      fosteringShare: {
        episodes: fosteringShare(mix.episodes, mix.bands),
        weeks: fosteringShare(mix.weeks, mix.bands),
      },
      providers: { episodes: fosteringProviders(mix.episodes), weeks: fosteringProviders(mix.weeks) },
    },
    stability: stab,
    location: loc,
    ethnicity: ethnicity(stock, options.ethnicityShares),
    outcomes: outcomes(yearFlows, history.oc3, oc3Supplied),
    dataQuality: {
      fixes: history.fixes.length,
      childrenWithoutHeader: history.withoutHeader.length,
      childrenWithoutDob: history.children.filter((c) => c.dob === null).length,
      years: history.years,
    },
  };

  if (options.population) {
    const calendarYear = ymdFromDay(at).y;
    const p = populationFor31March(options.population, calendarYear);
    profile.ratePer10k = {
      value: rate(stock.total, p.total),
      cla: stock.total,
      population: p.total,
      populationYear: p.year,
      ...(p.note ? { note: p.note } : {}),
      series: at31March.map((s) => {
        const py = populationFor31March(options.population!, Number(s.date.slice(0, 4)));
        return { date: s.date, cla: s.total, population: py.total, rate: rate(s.total, py.total) };
      }),
    };
  }
  profile.comparators = comparatorRows(profile, options.comparators ?? [], ymdFromDay(at).y);
  return profile;
}

/** The council's own value of each measure that comparators may give. */
export function headlineMeasures(
  p: Profile,
): Array<{ measure: string; label: string; value: number | null }> {
  const fostered = FOSTERING_TYPES.reduce((s, t) => s + (p.cla.byPlacementType[t] ?? 0), 0);
  const cl = p.outcomes.careLeavers;
  return [
    { measure: "cla_total", label: "Children looked after", value: p.cla.total },
    {
      measure: "cla_rate_per_10k",
      label: "Children looked after per 10,000 aged 0–17",
      value: p.ratePer10k?.value ?? null,
    },
    {
      measure: "uasc_pct",
      label: "UASC, % of children looked after",
      value: share(p.cla.uasc.uasc, p.cla.total).pct,
    },
    { measure: "fostering_pct", label: "In foster placements, %", value: share(fostered, p.cla.total).pct },
    {
      measure: "three_plus_placements_pct",
      label: "3 or more placements in the year, %",
      value: p.stability.threePlus.pct,
    },
    { measure: "long_term_stability_pct", label: "Long-term stability, %", value: p.stability.longTerm.pct },
    {
      measure: "over_20_miles_pct",
      label: "Placed more than 20 miles from home, %",
      value: p.location.over20Miles.pct,
    },
    {
      measure: "outside_la_pct",
      label: "Placed outside the council's area, %",
      value: p.location.outside.pct,
    },
    { measure: "returned_home_pct", label: "Ceased: returned home, %", value: p.outcomes.returnedHome.pct },
    {
      measure: "care_leavers_in_touch_pct",
      label: "Care leavers in touch, %",
      value: cl?.inTouch.pct ?? null,
    },
    {
      measure: "care_leavers_suitable_accommodation_pct",
      label: "Care leavers in suitable accommodation, %",
      value: cl?.suitableAccommodation.pct ?? null,
    },
    {
      measure: "care_leavers_eet_pct",
      label: "Care leavers in education, employment or training, %",
      value: cl?.educationEmploymentTraining.pct ?? null,
    },
  ];
}

function comparatorRows(p: Profile, list: readonly Comparator[], calendarYear: number): ComparatorRow[] {
  return headlineMeasures(p).map((m) => ({
    ...m,
    value: m.value === null ? null : round1(m.value),
    areas: comparatorsFor(list, m.measure, calendarYear),
  }));
}
