import type { CostCategory, Provider } from "./categories.js";
import type { CostEntry } from "./cost-table.js";

/**
 * Default weekly unit costs for England, per child per week, each with its
 * source and the financial year of its price. A figure published in year Y
 * is taken as the price of financial year (Y−1)/Y unless the source names
 * the year (NAO 2023–24). Every default is editable: a council's own cost
 * table or its actual costs replace them (docs/costs-supply-gap.md).
 *
 * Facts from /work/shared/reference/market.md:
 *  - in-house fostering about £600–650 a week all-in: PSSRU unit costs (2017), DfE answer (c. 2016);
 *  - agency (IFA) fostering about £820 a week: Competition and Markets Authority market study (2021);
 *  - children's home £6,108 a week average (2024; £3,935 in 2019): County Councils Network (2024);
 *    about £6,100 a week (£318,400 a place a year): NAO (2023–24);
 *  - supported accommodation (16–17) about £620 a week (range £260–£6,800): a county council FOI answer (2023);
 *  - secure children's home about £5,200 a week: MoJ (2022), the youth custody figure.
 */
const PSSRU = "PSSRU unit costs (2017) and a DfE answer (c. 2016): about £600–650 a week all-in; midpoint";
const NAO = "NAO (2023–24): about £6,100 a week (£318,400 a place a year), all providers";
const FOI = "County council FOI answer (2023): average about £620 a week (range £260–£6,800)";
const MOJ = "MoJ (2022): about £5,200 a week (youth custody figure; the welfare price is not published)";

function d(
  category: CostCategory,
  provider: Provider,
  year: number,
  weekly: number,
  source: string,
): CostEntry {
  return { category, provider, year, weekly, source, origin: "default" };
}

export const DEFAULT_COSTS: readonly CostEntry[] = [
  d("inhouse_fostering", "inhouse", 2016, 625, PSSRU),
  d(
    "connected_fostering",
    "inhouse",
    2016,
    625,
    `assumed equal to in-house fostering (no national figure); ${PSSRU}`,
  ),
  d(
    "agency_fostering",
    "agency",
    2020,
    820,
    "Competition and Markets Authority children's social care market study (2021): average IFA price about £820 a week",
  ),
  d(
    "childrens_home",
    "agency",
    2023,
    6108,
    "County Councils Network (2024): average £6,108 a week (£3,935 in 2019)",
  ),
  d("childrens_home", "inhouse", 2023, 6100, NAO),
  d("childrens_home", "other_la", 2023, 6100, NAO),
  d("supported_accommodation", "agency", 2022, 620, FOI),
  d("supported_accommodation", "inhouse", 2022, 620, FOI),
  d("supported_accommodation", "other_la", 2022, 620, FOI),
  d("secure", "other_la", 2021, 5200, MOJ),
  d("secure", "inhouse", 2021, 5200, MOJ),
  d("secure", "agency", 2021, 5200, MOJ),
  d(
    "placed_with_parents",
    "inhouse",
    2024,
    0,
    "assumption: no weekly placement fee while placed with parents (support costs sit elsewhere)",
  ),
  d(
    "adoption",
    "inhouse",
    2024,
    0,
    "assumption: no weekly placement fee once placed for adoption (inter-agency fees are one-off)",
  ),
];

/**
 * How a category's placements split between providers when the history does
 * not say (no placements of that category in the year, or no provider code).
 */
export const DEFAULT_PROVIDER_MIX: Record<CostCategory, Partial<Record<Provider, number>>> = {
  inhouse_fostering: { inhouse: 1 },
  agency_fostering: { agency: 1 },
  connected_fostering: { inhouse: 1 },
  // NAO: about 84% of children's home places are private.
  childrens_home: { agency: 0.84, inhouse: 0.16 },
  supported_accommodation: { agency: 1 },
  secure: { other_la: 1 },
  placed_with_parents: { inhouse: 1 },
  adoption: { inhouse: 1 },
  other: { agency: 1 },
};

/** Reference figures with no category of their own (parent-and-child placements fall under "other"). */
export const REFERENCE_COSTS = [
  { what: "Parent-and-child foster placement", weekly: "£500–600", source: "trade press (2008, dated)" },
  {
    what: "Parent-and-child residential assessment",
    weekly: "£2,500–4,600",
    source: "trade press (2008, dated)",
  },
  {
    what: "Children's home, high-cost tail",
    weekly: "£10,000 or more (1,510 placements in 2022/23; maximum £63,000)",
    source: "LGA survey (2023)",
  },
] as const;
