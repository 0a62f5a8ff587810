import { describe, expect, it } from "vitest";
import { rebuildHistory } from "../ssda903/history.js";
import { buildReturn } from "../ssda903/test-support/build.js";
import { childDays } from "./child-days.js";
import { DEFAULT_COSTS } from "./cost-defaults.js";
import {
  type CostEntry,
  costTableCsv,
  defaultCostTable,
  overlayCosts,
  readCostTableCsv,
  weeklyCost,
} from "./cost-table.js";
import { historicSpend } from "./historic-spend.js";
import { inflationPath } from "./inflation.js";
import { defaultProviderMix, providerMixFromDays } from "./provider-mix.js";
import { unitCosts } from "./unit-costs.js";

const entry = (o: Partial<CostEntry>): CostEntry => ({
  category: "agency_fostering",
  provider: "agency",
  year: 2024,
  weekly: 700,
  source: "test",
  origin: "given",
  ...o,
});

/** One agency foster placement from 25 March 2025 to 10 April 2025: 7 days in 2024/25, 9 in 2025/26. */
function oneStay(extra: Array<Record<string, string>> = []) {
  const { data } = buildReturn({
    2025: {
      header: [
        { CHILD: "1", DOB: "01/01/2015" },
        ...extra.map((e) => ({ CHILD: e.CHILD!, DOB: "01/01/2012" })),
      ],
      episodes: [
        {
          CHILD: "1",
          DECOM: "25/03/2025",
          DEC: "10/04/2025",
          REC: "E4A",
          PLACE: "U6",
          PLACE_PROVIDER: "PR4",
        },
        ...extra,
      ],
    },
  });
  return rebuildHistory(data);
}

describe("costing placements", () => {
  it("costs a stay over 1 April by the days in each year, each at its year's price (part weeks pro rata)", () => {
    // £700 a week in 2024/25 (£100 a day); 10% inflation in 2025/26 makes it £770 (£110 a day).
    const table = overlayCosts(defaultCostTable(), [entry({})]);
    const inflation = inflationPath(new Map([[2025, 10]]));
    const rows = childDays(oneStay(), [2024, 2025]);
    expect(rows.map((r) => [r.year, r.category, r.provider, r.days])).toEqual([
      [2024, "agency_fostering", "agency", 7],
      [2025, "agency_fostering", "agency", 9],
    ]);
    const spend = historicSpend(rows, [2024, 2025], table, inflation);
    expect(spend.years.map((y) => y.cost)).toEqual([7 * 100, 9 * 110]);
    expect(spend.years[1]!.byCategory.agency_fostering).toEqual({ childWeeks: 1.3, cost: 990 });
    expect(spend.years[0]!.childWeeks).toBe(1);
  });

  it("deflates a price to earlier years and leaves short breaks out", () => {
    const history = oneStay([
      {
        CHILD: "2",
        DECOM: "01/04/2025",
        DEC: "08/04/2025",
        REC: "E4A",
        LS: "V3",
        PLACE: "U6",
        PLACE_PROVIDER: "PR4",
      },
    ]);
    const table = overlayCosts(defaultCostTable(), [entry({ year: 2025, weekly: 770 })]);
    const inflation = inflationPath(new Map([[2025, 10]]));
    const spend = historicSpend(childDays(history, [2024, 2025]), [2024, 2025], table, inflation);
    expect(spend.years[0]!.cost).toBe(700); // 7 days at £770 ÷ 1.1 a week
    expect(spend.years[1]!.cost).toBe(990); // the short break adds nothing
  });

  it("picks the entry for the latest year at or before the year costed, else the earliest", () => {
    const table = overlayCosts(defaultCostTable(), [
      entry({ year: 2022, weekly: 500 }),
      entry({ year: 2024, weekly: 700 }),
    ]);
    const inflation = inflationPath(
      new Map([
        [2025, 10],
        [2024, 0],
        [2023, 0],
      ]),
    );
    expect(weeklyCost(table, inflation, "agency_fostering", "agency", 2025)!.weekly).toBeCloseTo(770, 9);
    expect(weeklyCost(table, inflation, "agency_fostering", "agency", 2023)!.entry.year).toBe(2022);
    expect(weeklyCost(table, inflation, "agency_fostering", "agency", 2021)!.entry.year).toBe(2022);
    // no in-house entry for agency fostering: the agency one is used and named
    const w = weeklyCost(table, inflation, "agency_fostering", "inhouse", 2024)!;
    expect(w.usedProvider).toBe("agency");
    expect(w.weekly).toBe(700);
    expect(weeklyCost(table, inflation, "other", "agency", 2024)).toBeUndefined();
  });

  it("names old defaults inflated forward, and categories with no cost", () => {
    const costs = unitCosts(
      defaultCostTable(),
      inflationPath(),
      defaultProviderMix().mix,
      [2025],
      ["inhouse_fostering", "other", "unicorns"],
    );
    // In-house fostering's default is the 2016/17 price: CPI to March 2018 … March 2025, then 2% for 2025/26.
    const factor = 1.025 * 1.019 * 1.015 * 1.007 * 1.07 * 1.101 * 1.032 * 1.026 * 1.02;
    expect(costs.rows[0]!.weekly).toBeCloseTo(625 * factor, 6);
    expect(costs.daily[0]).toBeCloseTo((625 * factor) / 7, 6);
    expect(Number.isNaN(costs.daily[1])).toBe(true);
    expect(Number.isNaN(costs.daily[2])).toBe(true);
    expect(costs.notes.join("\n")).toContain("2016/17 price");
    expect(costs.notes.join("\n")).toContain(`×${factor.toFixed(3)}`);
    expect(costs.notes.join("\n")).toContain("No weekly cost for Other placements");
    expect(costs.notes.join("\n")).toContain("'unicorns' is not a cost category");
  });

  it("weights provider costs by the history's split of days within a category", () => {
    const { data } = buildReturn({
      2024: {
        header: [
          { CHILD: "1", DOB: "01/01/2010" },
          { CHILD: "2", DOB: "01/01/2010" },
        ],
        episodes: [
          { CHILD: "1", DECOM: "01/04/2024", DEC: "", PLACE: "K2", PLACE_PROVIDER: "PR4" },
          { CHILD: "2", DECOM: "01/10/2024", DEC: "", PLACE: "K2", PLACE_PROVIDER: "PR1" },
        ],
      },
    });
    const rows = childDays(rebuildHistory(data), [2024]);
    const mix = providerMixFromDays(rows, 2024);
    // 365 agency days, 182 in-house days (1 Oct 2024 to 1 Apr 2025)
    expect(mix.mix.childrens_home.agency).toBeCloseTo(365 / 547, 12);
    expect(mix.mix.childrens_home.inhouse).toBeCloseTo(182 / 547, 12);
    expect(mix.from.childrens_home).toBe("history");
    expect(mix.from.secure).toBe("default");
    const table = overlayCosts(defaultCostTable(), [
      entry({ category: "childrens_home", provider: "agency", weekly: 7000 }),
      entry({ category: "childrens_home", provider: "inhouse", weekly: 3500 }),
    ]);
    const costs = unitCosts(table, inflationPath(new Map([[2024, 0]])), mix.mix, [2024], ["childrens_home"]);
    expect(costs.rows[0]!.weekly).toBeCloseTo((7000 * 365 + 3500 * 182) / 547, 9);
  });

  it("counts a temporary placement as the placement before it, and maps codes as the forecast does", () => {
    const { data } = buildReturn({
      2024: {
        header: [
          { CHILD: "1", DOB: "01/01/2012" },
          { CHILD: "2", DOB: "01/01/2008" },
        ],
        episodes: [
          {
            CHILD: "1",
            DECOM: "01/04/2024",
            DEC: "01/05/2024",
            REC: "X1",
            PLACE: "U4",
            PLACE_PROVIDER: "PR1",
          },
          {
            CHILD: "1",
            DECOM: "01/05/2024",
            DEC: "08/05/2024",
            REC: "X1",
            RNE: "T",
            PLACE: "T1",
            PLACE_PROVIDER: "PR1",
          },
          { CHILD: "1", DECOM: "08/05/2024", DEC: "", RNE: "T", PLACE: "U4", PLACE_PROVIDER: "PR1" },
          // a temporary placement opening a period takes the next placement's category
          {
            CHILD: "2",
            DECOM: "01/04/2024",
            DEC: "11/04/2024",
            REC: "X1",
            PLACE: "T3",
            PLACE_PROVIDER: "PR4",
          },
          { CHILD: "2", DECOM: "11/04/2024", DEC: "", RNE: "P", PLACE: "R1", PLACE_PROVIDER: "PR4" },
        ],
      },
    });
    const rows = childDays(rebuildHistory(data), [2024]);
    const byCat = new Map<string, number>();
    for (const r of rows)
      byCat.set(
        `${r.category}|${r.provider}|${r.longTerm}`,
        (byCat.get(`${r.category}|${r.provider}|${r.longTerm}`) ?? 0) + r.days,
      );
    expect(Object.fromEntries(byCat)).toEqual({
      "inhouse_fostering|inhouse|true": 365,
      "childrens_home|agency|false": 365, // R1 is a children's home in the forecast's mapping
    });
  });

  it("reads a cost table, lays it over the defaults and writes it back the same", () => {
    const text =
      "category,provider,year,weekly_cost,source\r\n" +
      "agency_fostering,IFA,2024/25,900,our contracts 2024\r\n" +
      'childrens_home,agency,2024,"7,200",x\r\n';
    expect(() => readCostTableCsv("costs.csv", text)).toThrow(
      "costs.csv, row 3, weekly_cost: must be a number",
    );
    const good = text.replace('"7,200"', "7200");
    const entries = readCostTableCsv("costs.csv", good);
    expect(entries[0]).toMatchObject({ provider: "agency", year: 2024, weekly: 900, origin: "given" });
    const table = overlayCosts(defaultCostTable(), entries);
    expect(table.entries.filter((e) => e.category === "agency_fostering")).toHaveLength(1);
    expect(table.entries.filter((e) => e.category === "childrens_home")).toHaveLength(3);
    const again = readCostTableCsv("again.csv", costTableCsv(table));
    expect(again.map(({ origin: _, ...e }) => e)).toEqual(
      [...table.entries]
        .sort(
          (a, b) =>
            a.category.localeCompare(b.category) || a.provider.localeCompare(b.provider) || a.year - b.year,
        )
        .map(({ origin: _, ...e }) => e),
    );
  });

  it("names the file, row, field and rule of a bad cost table", () => {
    expect(() =>
      readCostTableCsv("c.csv", "category,provider,year,weekly_cost\nfostering,agency,2024,800\n"),
    ).toThrow("c.csv, row 2, category: must be a placement category");
    expect(() =>
      readCostTableCsv("c.csv", "category,provider,year,weekly_cost\nsecure,council,2024,800\n"),
    ).toThrow("c.csv, row 2, provider: must be a provider type: inhouse, agency, other_la");
    expect(() =>
      readCostTableCsv(
        "c.csv",
        "category,provider,year,weekly_cost\nsecure,agency,2024,800\nsecure,agency,2024/25,900\n",
      ),
    ).toThrow("c.csv, row 3, year: secure, agency, 2024/25 already given in row 2");
    expect(() => readCostTableCsv("c.csv", "category,provider,weekly_cost\nsecure,agency,800\n")).toThrow(
      "c.csv, row 1: missing column(s) year",
    );
    expect(() =>
      readCostTableCsv("c.csv", "category,provider,year,weekly_cost\nsecure,agency,2024,-5\n"),
    ).toThrow("weekly_cost: must not be negative");
  });

  it("gives every default a source and a price year", () => {
    for (const d of DEFAULT_COSTS) {
      expect(d.source.length, d.category).toBeGreaterThan(10);
      expect(d.year).toBeGreaterThanOrEqual(2007);
      expect(d.origin).toBe("default");
    }
  });
});
