import { z } from "zod";
import { InputFileError, numberField, readCsvTable } from "../inputs/csv-table.js";
import { COST_CATEGORIES, isCostCategory } from "./categories.js";
import { type FinancialYear, fyLabel, parseFinancialYear } from "./financial-years.js";

/**
 * Price inflation by financial year, in percent: a rate of 7 for 2025/26
 * means prices in 2025/26 are 7% above 2024/25. Rates compound year on year.
 *
 * The rate for a category c in year y is the first of:
 *  1. a rate given for c and y;
 *  2. a rate given for all categories and y;
 *  3. for a year after one given, the rate of the latest year given before
 *     it (for c or for all; c's on a tie): "7, 9, 4" goes on at 4%;
 *  4. for past years, the CPI 12-month rate to the March that ends the year
 *     (HISTORIC_CPI), so old unit costs are brought up to date;
 *  5. the default future rate (2%, the Bank of England's CPI target).
 */
export interface InflationPath {
  all: ReadonlyMap<FinancialYear, number>;
  byCategory: ReadonlyMap<string, ReadonlyMap<FinancialYear, number>>;
  /** Percent for years neither given nor in HISTORIC_CPI. */
  defaultRate: number;
}

/**
 * ONS Consumer Prices Index, 12-month rate to March, used as the inflation
 * of the financial year ending that March (2021 = 2021/22: 7.0%, the CPI
 * rate to March 2022). Source: ONS, "Consumer price inflation, UK", the
 * March bulletin of each year (series D7G7).
 */
export const HISTORIC_CPI: ReadonlyMap<FinancialYear, number> = new Map([
  [2015, 0.5],
  [2016, 2.3],
  [2017, 2.5],
  [2018, 1.9],
  [2019, 1.5],
  [2020, 0.7],
  [2021, 7.0],
  [2022, 10.1],
  [2023, 3.2],
  [2024, 2.6],
]);

export const HISTORIC_CPI_SOURCE = "ONS CPI 12-month rate to March (Consumer price inflation bulletins)";

/** The Bank of England's CPI target: the default for future years nobody gave a rate for. */
export const DEFAULT_FUTURE_RATE = 2;

export function inflationPath(
  all: ReadonlyMap<FinancialYear, number> = new Map(),
  byCategory: ReadonlyMap<string, ReadonlyMap<FinancialYear, number>> = new Map(),
  defaultRate = DEFAULT_FUTURE_RATE,
): InflationPath {
  return { all, byCategory, defaultRate };
}

export type RateSource = "given" | "given, last rate continued" | "CPI" | "default";

/** The latest year before y given for the category or for all (the category's on a tie), and its rate. */
function latestBefore(
  cat: ReadonlyMap<FinancialYear, number> | undefined,
  all: ReadonlyMap<FinancialYear, number>,
  y: FinancialYear,
): number | undefined {
  let best: { year: FinancialYear; rate: number } | undefined;
  for (const [k, v] of all) if (k < y && (!best || k > best.year)) best = { year: k, rate: v };
  if (cat) for (const [k, v] of cat) if (k < y && (!best || k >= best.year)) best = { year: k, rate: v };
  return best?.rate;
}

/** The rate (percent) for a category and year, and where it came from. */
export function rateFor(
  path: InflationPath,
  category: string,
  year: FinancialYear,
): { rate: number; source: RateSource } {
  const cat = path.byCategory.get(category);
  const givenCat = cat?.get(year);
  if (givenCat !== undefined) return { rate: givenCat, source: "given" };
  const given = path.all.get(year);
  if (given !== undefined) return { rate: given, source: "given" };
  const cont = latestBefore(cat, path.all, year);
  if (cont !== undefined) return { rate: cont, source: "given, last rate continued" };
  const cpi = HISTORIC_CPI.get(year);
  if (cpi !== undefined) return { rate: cpi, source: "CPI" };
  return { rate: path.defaultRate, source: "default" };
}

/**
 * The price factor from financial year `from` to `to` for a category:
 * Π (1 + r(y)/100) over the years after `from` up to `to`; its inverse when
 * `to` is earlier (deflating a price back).
 */
export function inflationFactor(
  path: InflationPath,
  category: string,
  from: FinancialYear,
  to: FinancialYear,
): number {
  let f = 1;
  if (to >= from) {
    for (let y = from + 1; y <= to; y++) f *= 1 + rateFor(path, category, y).rate / 100;
    return f;
  }
  for (let y = to + 1; y <= from; y++) f *= 1 + rateFor(path, category, y).rate / 100;
  return 1 / f;
}

/**
 * Reads "7,9,4" (percent) as the rates of the financial years from
 * `firstYear` on. Throws RangeError naming the bad item.
 */
export function parseRateList(text: string, firstYear: FinancialYear): Map<FinancialYear, number> {
  const parts = text.split(",").map((s) => s.trim());
  const out = new Map<FinancialYear, number>();
  parts.forEach((p, i) => {
    const n = Number(p.replace(/%$/, ""));
    if (p === "" || !Number.isFinite(n) || n <= -100 || n > 100)
      throw new RangeError(
        `'${text}' is not a list of yearly inflation rates in percent like 7,9,4 (item ${i + 1})`,
      );
    out.set(firstYear + i, n);
  });
  return out;
}

const Row = z.object({
  year: z.string({ error: "must not be blank" }).refine((s) => parseFinancialYear(s) !== undefined, {
    message: "must be a financial year like 2025/26 or 2025",
  }),
  rate: numberField().pipe(
    z.number().gt(-100, "must be a percentage above -100").max(100, "must be a percentage up to 100"),
  ),
  category: z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .refine((s) => s === "" || s === "all" || isCostCategory(s), {
      message: `must be blank, 'all' or a placement category: ${COST_CATEGORIES.join(", ")}`,
    }),
});

/**
 * Reads an inflation file `year,rate[,category]` (rate in percent; a blank
 * category or "all" for every category). A year given twice for the same
 * category is refused.
 */
export function readInflationCsv(file: string, text: string): InflationPath {
  const rows = readCsvTable(file, text, Row);
  const all = new Map<FinancialYear, number>();
  const byCategory = new Map<string, Map<FinancialYear, number>>();
  const problems = [];
  for (const [i, r] of rows.entries()) {
    const year = parseFinancialYear(r.year)!;
    const target =
      r.category === "" || r.category === "all"
        ? all
        : (byCategory.get(r.category) ?? byCategory.set(r.category, new Map()).get(r.category)!);
    if (target.has(year))
      problems.push({
        file,
        row: i + 2,
        field: "year",
        rule: `${fyLabel(year)} given twice${r.category ? ` for ${r.category}` : ""}`,
      });
    target.set(year, r.rate);
  }
  if (problems.length) throw new InputFileError(problems);
  return inflationPath(all, byCategory);
}
