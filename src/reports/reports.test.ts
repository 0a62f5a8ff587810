import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { PLACEMENT_TYPE_LABELS } from "../core/profile/placement-types.js";
import { profileCsv, profileTables } from "./profile-csv.js";
import { profileHtml, readableTimestamp } from "./profile-html.js";
import { formatCell, profileSections } from "./profile-tables.js";
import { profileXlsx, sheetNames } from "./profile-xlsx.js";
import { bareProfile, handProfile } from "./test-support/hand-profile.js";

const p = handProfile();
const tables = profileTables(p);
const table = (id: string) => tables.find((t) => t.id === id)!;
const row = (id: string, key: string) => {
  const t = table(id);
  return t.rows[t.rowKeys.indexOf(key)]!;
};

describe("profile tables (one definition for every output)", () => {
  it("have unique ids, short unique sheet names and rows as wide as their columns", () => {
    expect(new Set(tables.map((t) => t.id)).size).toBe(tables.length);
    expect(new Set(tables.map((t) => t.sheet.toLowerCase())).size).toBe(tables.length);
    for (const t of tables) {
      expect(t.sheet.length, t.id).toBeLessThanOrEqual(31);
      expect(t.columnKeys[0]).toBe("label");
      expect(t.columns).toHaveLength(t.formats.length);
      expect(t.rowKeys).toHaveLength(t.rows.length);
      expect(new Set(t.rowKeys).size, t.id).toBe(t.rowKeys.length);
      for (const r of t.rows) expect(r).toHaveLength(t.columns.length);
      expect(t.definition.length).toBeGreaterThan(20);
      expect(profileSections(p).some((s) => s.id === t.section)).toBe(true);
    }
  });

  it("lay out the placement mix as Bromley does: Fostering, its types, Other, its types, total", () => {
    const t = table("placements.weeks");
    expect(t.columns).toEqual([
      "Placement type",
      "0 to 4",
      "5 to 9",
      "10 to 12",
      "13 to 15",
      "16 and over",
      "Age not known",
      "All ages",
    ]);
    expect(t.rows.map((r) => r[0])).toContain(PLACEMENT_TYPE_LABELS.agency_foster_other);
    expect(t.totalRows).toEqual([0, 7, 20]);
    expect(t.rowKeys[0]).toBe("fostering");
    expect(row("placements.weeks", "agency_foster_other").slice(3, 5)).toEqual([57.3, 54.4]);
    expect(row("placements.weeks", "total").at(-1)).toBe(348.1);
    expect(row("placements.episodes", "total")).toEqual(["All placements", 3, 1, 3, 5, 2, 1, 15]);
    expect(row("placements.episodes", "fostering").at(-1)).toBe(9);
  });

  it("put each percentage beside its count and denominator", () => {
    // 0-4: 2 of 3 placements; 356 of 365 days (50.9 of 52.1 weeks) in foster care
    expect(row("placements.fostering_share", "0-4")).toEqual(["0 to 4", 2, 3, 66.7, 50.9, 52.1, 97.7]);
    expect(row("placements.providers", "agency").slice(0, 4)).toEqual([
      "Agency (independent fostering agencies)",
      5,
      9,
      55.6,
    ]);
    expect(row("stability.measures", "three_plus").slice(1)).toEqual([1, 7, 14.3]);
    expect(row("location.measures", "over_20_miles").slice(1)).toEqual([2, 5, 40]);
    expect(row("outcomes.care_leavers", "in_touch").slice(1)).toEqual([2, 3, 66.7]);
    expect(row("cla.uasc", "uasc").slice(1)).toEqual([1, 7, 14.3]);
    expect(row("ethnicity.population", "white").slice(1)).toEqual([2, 6, 33.3, 60, 0.56]);
    for (const t of tables) {
      t.columnKeys.forEach((k, c) => {
        if (k === "pct" || (k.endsWith("_pct") && k !== "pct_change" && k !== "population_pct")) {
          expect(t.formats[c - 2], `${t.id} ${k}`).toBe(t.formats[c - 1]);
          expect(["count", "weeks"]).toContain(t.formats[c - 1]);
        }
      });
    }
  });

  it("carry the headline measures with other areas' figures", () => {
    const t = table("headline.measures");
    expect(t.columns).toEqual(["Measure", "This council", "Count", "Out of", "England", "London"]);
    expect(row("headline.measures", "cla_rate_per_10k").slice(1)).toEqual([1, 7, 72000, 70, 47]);
    expect(row("headline.measures", "three_plus_placements_pct").slice(1)).toEqual([14.3, 1, 7, 9, null]);
    expect(t.rowFormats![t.rowKeys.indexOf("cla_rate_per_10k")]).toBe("rate");
  });

  it("cover the stock, the series and the flows", () => {
    expect(row("cla.age_band", "total").slice(1)).toEqual([7, 7, 100]);
    expect(row("cla.age_band", "unknown")[0]).toBe("Age not known");
    expect(row("cla.sex", "F")).toEqual(["Female", 3, 7, 42.9]);
    expect(row("cla.legal_status", "C2")).toEqual(["Full care order (C2)", 4, 7, 57.1]);
    expect(row("cla.placement_type", "fostering").slice(1)).toEqual([5, 7, 71.4]);
    expect(row("trend.month_end", "2021-05-31")).toEqual(["2021-05-31", 6, 0, 6]);
    expect(row("trend.march31", "2022-03-31")).toEqual(["2022-03-31", 7, 1, 6]);
    expect(row("trend.rate", "2021-03-31")).toEqual(["2021-03-31", 5, 72000, 0.7]);
    expect(row("flows.by_year", "2021/22").slice(1, 4)).toEqual([3, 2, 1]);
    expect(row("flows.ceased_by_reason", "returned_home").slice(1)).toEqual([1, 2, 50]);
    expect(row("flows.ceased_by_code", "E4A")[0]).toMatch(/\(E4A\)$/);
    expect(row("flows.entrants_by_age", "13-15")).toEqual(["13 to 15", 0, 2]);
    expect(row("flows.entrants_change", "13-15")).toEqual(["13 to 15", 0, 2, 2, null]);
    expect(table("flows.entrants_change").notes[0]).toMatch(/fewer than five years/);
  });

  it("still build with no optional inputs, saying what is missing", () => {
    const bare = profileTables(bareProfile());
    const rate = bare.find((t) => t.id === "trend.rate")!;
    expect(rate.rows).toEqual([]);
    expect(rate.notes[0]).toMatch(/No population/);
    expect(bare.find((t) => t.id === "headline.measures")!.columns).toHaveLength(4);
  });

  it("format cells for reading", () => {
    expect(formatCell(12345, "count")).toBe("12,345");
    expect(formatCell(57.3, "weeks")).toBe("57.3");
    expect(formatCell(26, "weeks")).toBe("26.0");
    expect(formatCell(66.7, "pct")).toBe("66.7%");
    expect(formatCell(0.5, "ratio")).toBe("0.50");
    expect(formatCell("2022-03-31", "date")).toBe("31/03/2022");
    expect(formatCell(null, "count")).toBe("n/a");
  });
});

describe("profile CSV", () => {
  const csv = profileCsv(p);
  const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;

  it("is one long table of section,table,row,column,value", () => {
    expect(parsed[0]).toEqual(["section", "table", "row", "column", "value"]);
    for (const r of parsed) expect(r).toHaveLength(5);
    expect(csv).toContain("\r\nplacements,weeks,agency_foster_other,10-12,57.3\r\n");
    expect(csv).toContain("\r\nplacements,weeks,total,total,348.1\r\n");
    expect(csv).toContain("\r\nplacements,fostering_share,0-4,placements_pct,66.7\r\n");
    expect(csv).toContain("\r\nheadline,measures,cla_rate_per_10k,England,70\r\n");
    expect(csv).toContain("\r\ncla,age_band,total,count,7\r\n");
    const keys = parsed.slice(1).map((r) => r.slice(0, 4).join("|"));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("has a line for every cell of every table, and is the same each time", () => {
    const cells = tables.reduce((s, t) => s + t.rows.length * (t.columns.length - 1), 0);
    expect(parsed.length - 1).toBe(cells);
    expect(profileCsv(p)).toBe(csv);
  });
});

describe("profile workbook", () => {
  it("writes an About sheet and one formatted sheet per table", async () => {
    const bytes = await profileXlsx(p, { council: "Hand-built", generatedAt: "2024-01-01" });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("About");
    expect(names.slice(1)).toEqual(tables.map((t) => t.sheet));

    const about = wb.getWorksheet("About")!;
    const aboutText: string[] = [];
    about.eachRow((r) => {
      r.eachCell((c) => {
        aboutText.push(String(c.text));
      });
    });
    expect(aboutText.join("\n")).toContain("2021/22");
    expect(aboutText.join("\n")).toContain("Hand-built");
    expect(aboutText.join("\n")).toContain("Weeks by type and age");
    expect(about.getCell("B3").value).toEqual(new Date(Date.UTC(2022, 2, 31)));

    const weeks = wb.getWorksheet("Weeks by type and age")!;
    expect(weeks.getCell("A1").value).toBe(table("placements.weeks").title);
    expect(weeks.getRow(2).getCell(4).value).toBe("10 to 12");
    expect(weeks.getRow(2).font?.bold).toBe(true);
    expect((weeks.getCell("A2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFD2E2F1");
    expect(weeks.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const agency = 3 + table("placements.weeks").rowKeys.indexOf("agency_foster_other");
    expect(weeks.getRow(agency).getCell(1).value).toBe(PLACEMENT_TYPE_LABELS.agency_foster_other);
    expect(weeks.getRow(agency).getCell(4).value).toBe(57.3);
    expect(weeks.getRow(agency).getCell(4).numFmt).toBe("#,##0.0");
    const total = 3 + table("placements.weeks").rowKeys.indexOf("total");
    expect(weeks.getRow(total).getCell(8).value).toBe(348.1);
    expect(weeks.getRow(total).getCell(8).font?.bold).toBe(true);
    expect(weeks.getRow(3).getCell(1).font?.bold).toBe(true); // Fostering roll-up
    expect(weeks.getColumn(1).width).toBeGreaterThanOrEqual(
      PLACEMENT_TYPE_LABELS.supported_accommodation.length,
    );
    for (let c = 2; c <= 8; c++) expect(weeks.getColumn(c).width).toBeGreaterThanOrEqual(10);

    const share = wb.getWorksheet("Fostering share by age")!;
    const pct = share.getRow(3).getCell(4);
    expect(share.getRow(3).getCell(1).value).toBe("0 to 4");
    expect(pct.value).toBeCloseTo(0.667, 6);
    expect(pct.numFmt).toBe("0.0%");
    expect(share.getRow(3).getCell(2).numFmt).toBe("#,##0");

    const months = wb.getWorksheet("Month-end series")!;
    expect(months.getCell("A3").value).toEqual(new Date(Date.UTC(2020, 3, 30)));
    expect(months.getCell("A3").numFmt).toBe("dd/mm/yyyy");
  });

  it("keeps sheet names within Excel's rules", () => {
    expect(sheetNames(["A very long sheet name that goes past the limit", "a/b", "About", "X", "x"])).toEqual(
      ["A very long sheet name that goe", "a b", "About (2)", "X", "x (2)"],
    );
  });
});

describe("profile HTML", () => {
  const html = profileHtml(p, { council: "Hand-built <Council> & Co", generatedAt: "1 January 2024" });

  it("has every section heading, every table caption and the profile's numbers", () => {
    for (const s of profileSections(p)) expect(html).toContain(`. ${s.title.replace(/'/g, "&#39;")}</h2>`);
    tables.forEach((t) => {
      if (t.rows.length)
        expect(html).toMatch(new RegExp(`<caption[^>]*>Table \\d+\\.\\d+: ${escapeRe(t.title)}</caption>`));
    });
    expect(html).toContain(">348.1</td>");
    expect(html).toContain(">57.3</td>");
    expect(html).toContain(">66.7%</td>");
    expect(html).toContain("Hand-built &lt;Council&gt; &amp; Co");
    expect(html).not.toContain("<Council>");
  });

  it("is standalone and script-free, with charts inside figures", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|src=|@import|url\((?!#)/i);
    expect(html.match(/https?:\/\/[^"\s)]+/g)?.every((u) => u === "http://www.w3.org/2000/svg")).toBe(true);
    const svgs = html.match(/<svg /g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(10);
    expect((html.match(/<figure class="sp-figure">\s*<svg /g) ?? []).length).toBe(svgs.length);
    expect(html).toContain('role="img"');
    expect(html).toMatch(/@media print[\s\S]*break-before: page/);
  });

  it("parses: tags balanced, headings in order, header cells scoped", () => {
    checkBalanced(html);
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    for (const th of html.match(/<th\b[^>]*>/g) ?? []) expect(th).toMatch(/scope="(col|row)"/);
    expect((html.match(/<table/g) ?? []).length).toBe((html.match(/<caption/g) ?? []).length);
  });
});

function escapeRe(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/'/g, "&#39;")
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const VOID = new Set(["meta", "link", "br", "hr", "img", "input", "col", "source", "wbr"]);

/** Every non-void tag is closed, in order (style content skipped). */
function checkBalanced(html: string): void {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, "<style></style>").replace(/<!DOCTYPE html>/i, "");
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    const tagName = name!.toLowerCase();
    if (self || VOID.has(tagName)) continue;
    if (close) {
      const open = stack.pop();
      if (open !== tagName) throw new Error(`</${tagName}> closes <${open}>`);
    } else stack.push(tagName);
  }
  expect(stack).toEqual([]);
}

describe("outputs with no optional inputs", () => {
  it("render, saying what was not supplied", async () => {
    const bare = bareProfile();
    const html = profileHtml(bare, { generatedAt: "2024-01-05T16:08:37.123Z" });
    checkBalanced(html);
    expect(html).toContain("No population figures were supplied");
    expect(html).toContain("5 January 2024 at 16:08 UTC");
    expect(html).not.toContain(`<span class="govuk-caption-xl">`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await profileXlsx(bare)).buffer as ArrayBuffer);
    expect(wb.getWorksheet("Rate per 10,000")!.getCell("A3").value).toMatch(/No figures/);
    expect(profileCsv(bare)).not.toContain("trend,rate,");
  });
});

describe("readable timestamps", () => {
  it("writes ISO times in words and keeps other text", () => {
    expect(readableTimestamp("2024-01-05T16:08:37.123Z")).toBe("5 January 2024 at 16:08 UTC");
    expect(readableTimestamp("2024-01-05")).toBe("5 January 2024");
    expect(readableTimestamp("yesterday")).toBe("yesterday");
  });
});
