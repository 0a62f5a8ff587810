import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../../core/dates.js";
import { rebuildHistory } from "../../core/ssda903/history.js";
import { buildReturn } from "../../core/ssda903/test-support/build.js";
import type { ProfileTable } from "../../reports/profile-tables.js";
import { slug, tableCsv } from "./exports.js";
import { decodeHistory, encodeHistory } from "./history-codec.js";
import { LruCache } from "./lru.js";
import { hashPassword, randomPassword, verifyPassword } from "./passwords.js";
import { withoutInlineStyle } from "./profiles.js";

describe("the stored history", () => {
  it("loads back exactly what was stored, dates that could not be read included", async () => {
    const { data } = buildReturn({
      2022: {
        header: [{ CHILD: "1", SEX: "1", DOB: "01/02/2010", ETHNIC: "WBRI" }],
        episodes: [
          {
            CHILD: "1",
            DECOM: "01/05/2022",
            RNE: "S",
            LS: "C2",
            CIN: "N1",
            PLACE: "U1",
            PLACE_PROVIDER: "PR1",
            DEC: "31/13/2022",
            REC: "E11",
          },
        ],
      },
    });
    const history = rebuildHistory(data);
    const ep = history.children[0]!.episodes[0]!;
    expect(Number.isNaN(ep.DEC)).toBe(true);
    const back = await decodeHistory(await encodeHistory(history));
    expect(Number.isNaN(back.children[0]!.episodes[0]!.DEC)).toBe(true);
    expect(back.children[0]!.episodes[0]!.DECOM).toBe(dayFromYMD(2022, 5, 1));
    expect(back.children[0]!.dob).toBe(dayFromYMD(2010, 2, 1));
    expect(back.byId.get("1")).toBe(back.children[0]);
    expect(back.years).toEqual(history.years);
    expect(back.dataEnd).toBe(history.dataEnd);
    const { byId: _a, ...restBack } = back;
    const { byId: _b, ...rest } = history;
    expect(JSON.parse(JSON.stringify(restBack, (_k, v) => (Number.isNaN(v) ? "NaN" : v)))).toEqual(
      JSON.parse(JSON.stringify(rest, (_k, v) => (Number.isNaN(v) ? "NaN" : v))),
    );
  });

  it("refuses a stored form it does not know", async () => {
    const { gzipJson } = await import("./history-codec.js");
    await expect(decodeHistory(await gzipJson({ format: 99, history: {} }))).rejects.toThrow(/format 99/);
  });
});

describe("passwords", () => {
  it("are hashed with argon2id and verified", async () => {
    const h = await hashPassword("correct horse battery staple");
    expect(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await verifyPassword(h, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(h, "correct horse battery stapler")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });

  it("are generated at the length asked, from the alphabet without look-alikes", () => {
    for (let i = 0; i < 200; i++) {
      const p = randomPassword();
      expect(p).toMatch(/^[a-hjkmnp-zA-HJKLMNP-Z2-9]{20}$/);
    }
    expect(new Set(Array.from({ length: 50 }, () => randomPassword())).size).toBe(50);
  });
});

describe("exports", () => {
  const table: ProfileTable = {
    id: "cla.sex",
    section: "cla",
    name: "sex",
    title: "By sex",
    sheet: "Sex",
    columns: ["Sex", "Children", "%"],
    columnKeys: ["label", "count", "pct"],
    formats: ["text", "count", "pct"],
    rows: [
      ["Boys", 30, 60],
      ["Girls", 20, 40],
      ['=HYPERLINK("x")', null, null],
    ],
    rowKeys: ["m", "f", "x"],
    totalRows: [],
    definition: "",
    notes: [],
  };

  it("write a table as CSV: headings, raw numbers, blanks for n/a, formulas escaped", () => {
    expect(tableCsv(table)).toBe(
      'Sex,Children,%\r\nBoys,30,60\r\nGirls,20,40\r\n"\'=HYPERLINK(""x"")",,\r\n',
    );
  });

  it("make file names from council names", () => {
    expect(slug("Demo council (synthetic data)")).toBe("demo-council-synthetic-data");
    expect(slug("!!!")).toBe("council");
  });
});

describe("charts on pages", () => {
  it("lose the root style attribute (the stylesheet gives the same rule) and nothing else", () => {
    const svg =
      '<svg xmlns="x" class="sp-chart" style="max-width:100%;height:auto" width="10"><rect style="fill:red"/></svg>';
    expect(withoutInlineStyle(svg)).toBe(
      '<svg xmlns="x" class="sp-chart" width="10"><rect style="fill:red"/></svg>',
    );
  });
});

describe("the LRU cache", () => {
  it("evicts the least recently used entry", () => {
    const c = new LruCache<string, number>(2);
    c.set("a", 1);
    c.set("b", 2);
    expect(c.get("a")).toBe(1);
    c.set("c", 3);
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBe(1);
    expect(c.get("c")).toBe(3);
    expect(c.size).toBe(2);
  });
});
