import { describe, expect, it } from "vitest";
import { barChart } from "./bar.js";
import { fanChart } from "./fan.js";
import { formatNumber, tickDecimals } from "./format.js";
import { lineChart } from "./line.js";
import { SERIES_COLOURS } from "./palette.js";
import { stackedBarChart } from "./stacked.js";
import { spread, textWidth, wrap } from "./svg.js";
import { findAll, hasClass, parseXml, textOf, type XmlElement } from "./test-support/xml.js";

const num = (el: XmlElement, a: string) => Number(el.attrs[a]);
const byClass = (root: XmlElement, name: string, cls: string) =>
  findAll(root, name).filter((e) => hasClass(e, cls));
/** The y (or x) of the gridline for a value. */
function grid(root: XmlElement, value: number, attr: "y1" | "x1"): number {
  const line = byClass(root, "line", "grid").find((l) => Number(l.attrs["data-value"]) === value);
  if (!line) throw new Error(`no gridline at ${value}`);
  return num(line, attr);
}

/** Checks every chart shares: role, title and desc named by aria-labelledby, viewBox, text ≥ 14px. */
function checkCommon(svg: string, title: string): XmlElement {
  const root = parseXml(svg);
  expect(root.name).toBe("svg");
  expect(root.attrs.role).toBe("img");
  expect(root.attrs.viewBox).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  const [titleId, descId] = root.attrs["aria-labelledby"]!.split(" ");
  const t = root.children[0]!;
  const d = root.children[1]!;
  expect([t.name, t.attrs.id, t.text]).toEqual(["title", titleId, title]);
  expect([d.name, d.attrs.id]).toEqual(["desc", descId]);
  const sizes = [root, ...findAll(root, "text")].flatMap((e) =>
    e.attrs["font-size"] ? [Number(e.attrs["font-size"])] : [],
  );
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  // every url(#id) points at an element defined in the chart
  const ids = new Set(findAll(root, "pattern").map((p) => p.attrs.id));
  for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids.has(m[1])).toBe(true);
  return root;
}

describe("bar chart", () => {
  const base = {
    title: "Children by age band",
    description: "Most children looked after are 10 or older.",
    categories: ["0-4", "5-9", "A <&> B"],
    series: [{ name: "Children", values: [50, 100, 25] }],
    max: 100,
  };

  it("is well-formed, accessible SVG with one bar per value", () => {
    const svg = barChart(base);
    const root = checkCommon(svg, base.title);
    expect(byClass(root, "rect", "bar")).toHaveLength(3);
    const ticks = byClass(root, "g", "tick").map((g) => textOf(g));
    expect(ticks).toEqual(["0", "20", "40", "60", "80", "100"]);
    expect(byClass(root, "text", "value").map((t) => t.text)).toEqual(["50", "100", "25"]);
    expect(findAll(root, "pattern")).toHaveLength(0); // one series: plain fill, no legend
    expect(byClass(root, "g", "legend")).toHaveLength(0);
  });

  it("escapes <, & and > in labels and titles", () => {
    const svg = barChart({ ...base, title: "Ages <5 & >15" });
    expect(svg).toContain("A &lt;&amp;&gt; B");
    expect(svg).toContain('<title id="chart-');
    expect(svg).toContain("Ages &lt;5 &amp; &gt;15");
    const root = parseXml(svg);
    expect(byClass(root, "text", "category").map(textOf)).toContain("A <&> B");
    expect(root.children[0]!.text).toBe("Ages <5 & >15");
  });

  it("is deterministic, and ids follow the id option", () => {
    expect(barChart(base)).toBe(barChart(base));
    const a = barChart({ ...base, id: "age-chart" });
    expect(a).toContain('aria-labelledby="age-chart-title age-chart-desc"');
    expect(barChart({ ...base, id: "age chart!" })).toContain('id="age-chart-"');
  });

  it("draws a value of 50 on a 0–100 scale half the plot height, from the baseline", () => {
    const root = parseXml(barChart(base));
    const y0 = grid(root, 0, "y1");
    const y100 = grid(root, 100, "y1");
    const [b50, b100, b25] = byClass(root, "rect", "bar");
    expect(num(b50!, "height")).toBeCloseTo((y0 - y100) / 2, 1);
    expect(num(b50!, "y") + num(b50!, "height")).toBeCloseTo(y0, 1);
    expect(num(b100!, "y")).toBeCloseTo(y100, 1);
    expect(num(b25!, "height")).toBeCloseTo((y0 - y100) / 4, 1);
    // equal widths, left to right in category order
    expect(num(b50!, "width")).toBeCloseTo(num(b100!, "width"), 2);
    expect(num(b50!, "x")).toBeLessThan(num(b100!, "x"));
  });

  it("draws horizontal bars from the left, 25 of 100 a quarter of the plot width", () => {
    const svg = barChart({ ...base, orientation: "horizontal", format: { suffix: "%" } });
    const root = checkCommon(svg, base.title);
    const x0 = grid(root, 0, "x1");
    const x100 = grid(root, 100, "x1");
    const bars = byClass(root, "rect", "bar");
    expect(num(bars[2]!, "x")).toBeCloseTo(x0, 1);
    expect(num(bars[2]!, "width")).toBeCloseTo((x100 - x0) / 4, 1);
    expect(num(bars[0]!, "y")).toBeLessThan(num(bars[1]!, "y")); // first category on top
    expect(byClass(root, "text", "value").map((t) => t.text)).toEqual(["50%", "100%", "25%"]);
    expect(byClass(root, "g", "tick").map(textOf)).toContain("100%");
  });

  it("groups several series, each with its own pattern and a legend", () => {
    const svg = barChart({
      title: "Entrants by age band",
      description: "d",
      categories: ["0-4", "5-9"],
      series: [
        { name: "2020/21", values: [4, 6] },
        { name: "2021/22", values: [2, null] },
        { name: "2022/23", values: [0, 1] },
      ],
    });
    const root = checkCommon(svg, "Entrants by age band");
    expect(byClass(root, "rect", "bar")).toHaveLength(5); // null draws no bar
    expect(findAll(root, "pattern")).toHaveLength(2); // the first series is solid
    expect(byClass(root, "g", "legend-item").map(textOf)).toEqual(["2020/21", "2021/22", "2022/23"]);
    const fills = new Set(byClass(root, "rect", "bar").map((b) => b.attrs.fill));
    expect(fills.size).toBe(3);
    expect(svg).toContain(">n/a<");
  });

  it("keeps negative values below the baseline", () => {
    const root = parseXml(
      barChart({
        title: "Change",
        description: "d",
        categories: ["a", "b"],
        series: [{ name: "x", values: [-10, 10] }],
      }),
    );
    const y0 = grid(root, 0, "y1");
    const [neg, pos] = byClass(root, "rect", "bar");
    expect(num(neg!, "y")).toBeCloseTo(y0, 1);
    expect(num(pos!, "y") + num(pos!, "height")).toBeCloseTo(y0, 1);
    expect(num(neg!, "height")).toBeCloseTo(num(pos!, "height"), 1);
  });

  it("refuses series of the wrong length", () => {
    expect(() => barChart({ ...base, series: [{ name: "x", values: [1] }] })).toThrow(/1 values for 3/);
  });
});

describe("stacked 100% bar chart", () => {
  const o = {
    title: "Placement type by age band",
    description: "d",
    categories: ["0-4", "16+"],
    segments: [
      { name: "Fostering", values: [1, 0] },
      { name: "Other & <more>", values: [3, 0] },
    ],
    totals: { suffix: " weeks" },
  };

  it("splits each bar into shares of its total", () => {
    const svg = stackedBarChart(o);
    const root = checkCommon(svg, o.title);
    const x0 = grid(root, 0, "x1");
    const x1 = grid(root, 1, "x1");
    const segs = byClass(root, "rect", "segment");
    expect(segs).toHaveLength(2); // the empty bar has no segments
    expect(num(segs[0]!, "x")).toBeCloseTo(x0, 1);
    expect(num(segs[0]!, "width")).toBeCloseTo((x1 - x0) / 4, 1);
    expect(num(segs[1]!, "x")).toBeCloseTo(x0 + (x1 - x0) / 4, 1);
    expect(num(segs[1]!, "width")).toBeCloseTo(((x1 - x0) * 3) / 4, 1);
    expect(segs.map((s) => s.attrs["data-share"])).toEqual(["25", "75"]);
    expect(byClass(root, "text", "value").map((t) => t.text)).toEqual(["25%", "75%"]);
    expect(byClass(root, "text", "total").map((t) => t.text)).toEqual(["4 weeks", "0 weeks"]);
    expect(byClass(root, "g", "tick").map(textOf)).toEqual(["0%", "25%", "50%", "75%", "100%"]);
    expect(svg).toContain(">none<");
    expect(byClass(root, "g", "legend-item").map(textOf)).toEqual(["Fostering", "Other & <more>"]);
    expect(stackedBarChart(o)).toBe(svg);
  });
});

describe("line chart", () => {
  const months = ["2021-01-31", "2021-02-28", "2021-03-31", "2021-04-30", "2021-05-31"];
  const o = {
    title: "Children looked after at each month end",
    description: "d",
    series: [
      { name: "All children", points: months.map((date, i) => ({ date, value: [100, 80, 50, 60, 0][i]! })) },
      { name: "UASC", points: months.map((date, i) => ({ date, value: i === 3 ? null : 10 })) },
    ],
    max: 100,
    marchMarkers: true,
  };

  it("draws one path per series, labelled at its end, with 31 March marked", () => {
    const svg = lineChart(o);
    const root = checkCommon(svg, o.title);
    const paths = byClass(root, "path", "line");
    expect(paths).toHaveLength(2);
    expect(paths[1]!.attrs["stroke-dasharray"]).toBeDefined(); // lines differ by dash, not colour alone
    expect(paths[0]!.attrs["stroke-dasharray"]).toBeUndefined();
    expect(paths[1]!.attrs.d!.match(/M/g)).toHaveLength(2); // the gap splits the line
    expect(byClass(root, "text", "series-label").map(textOf)).toEqual(["All children", "UASC"]);
    expect(byClass(root, "line", "march-marker")).toHaveLength(1);
    expect(byClass(root, "circle", "march-point")).toHaveLength(2);
    expect(
      byClass(root, "text", "value")
        .map((t) => t.text)
        .sort(),
    ).toEqual(["10", "50"]);
    expect(lineChart(o)).toBe(svg);
  });

  it("places points on the scales: 50 of 100 halfway up, dates in proportion", () => {
    const root = parseXml(lineChart(o));
    const y0 = grid(root, 0, "y1");
    const y100 = grid(root, 100, "y1");
    const pt = byClass(root, "circle", "march-point").find((c) => c.attrs.fill === SERIES_COLOURS[0])!;
    expect(num(pt, "cy")).toBeCloseTo((y0 + y100) / 2, 1);
    const d = byClass(root, "path", "line")[0]!.attrs.d!;
    const xs = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => Number(m[1]));
    // 31 Jan → 31 Mar is 59 days of the 120 from 31 Jan to 31 May
    expect((xs[2]! - xs[0]!) / (xs[4]! - xs[0]!)).toBeCloseTo(59 / 120, 3);
    expect(num(pt, "cx")).toBeCloseTo(xs[2]!, 1);
  });

  it("labels date ticks by month", () => {
    const root = parseXml(lineChart({ ...o, marchMarkers: false, xTicks: ["2021-01-31", "2021-03-31"] }));
    expect(
      byClass(root, "g", "axis-x")
        .flatMap((g) => findAll(g, "text"))
        .map((t) => t.text),
    ).toEqual(["Jan 2021", "Mar 2021"]);
  });
});

describe("fan chart", () => {
  const forecast = ["2022-03-31", "2023-03-31", "2024-03-31"].map((date, i) => ({
    date,
    median: 50,
    lower50: 50 - 5 * i,
    upper50: 50 + 5 * i,
    lower90: 50 - 10 * i,
    upper90: 50 + 10 * i,
  }));
  const o = {
    title: "Forecast of children looked after",
    description: "d",
    forecast,
    observed: [
      { date: "2021-03-31", value: 40 },
      { date: "2022-03-31", value: 50 },
    ],
    max: 100,
  };

  it("draws the two ranges, the median and what was observed, each named", () => {
    const svg = fanChart(o);
    const root = checkCommon(svg, o.title);
    for (const cls of ["band-90", "band-50", "median", "observed", "edge-90"])
      expect(byClass(root, "path", cls)).toHaveLength(1);
    expect(byClass(root, "text", "series-label").map(textOf)).toEqual([
      "90% range",
      "50% range",
      "Median",
      "Observed",
    ]);
    expect(fanChart(o)).toBe(svg);
  });

  it("puts a median of 50 on a 0–100 scale halfway up", () => {
    const root = parseXml(fanChart(o));
    const mid = (grid(root, 0, "y1") + grid(root, 100, "y1")) / 2;
    const d = byClass(root, "path", "median")[0]!.attrs.d!;
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(3);
    for (const y of ys) expect(y).toBeCloseTo(mid, 1);
  });
});

describe("helpers", () => {
  it("formats numbers with separators and fixed decimals", () => {
    expect(formatNumber(12345.67, 1)).toBe("12,345.7");
    expect(formatNumber(-1234, 0)).toBe("-1,234");
    expect(formatNumber(0.05, 1)).toBe("0.1");
    expect(formatNumber(-0.04, 1)).toBe("0.0");
    expect(tickDecimals([0, 0.25, 0.5])).toBe(2);
    expect(tickDecimals([0, 20, 40])).toBe(0);
  });

  it("wraps text and spreads labels apart", () => {
    const lines = wrap("Supported / semi-independent accommodation", 200);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Supported / semi-independent accommodation");
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(200);
    expect(wrap("one two three four five six", 10, 16, 2)).toEqual(["one", "two three four five six"]);
    expect(wrap("short", 200)).toEqual(["short"]);
    expect(spread([100, 105, 300], 20, 0, 400)).toEqual([100, 120, 300]);
    expect(spread([395, 398], 20, 0, 400)).toEqual([380, 400]);
  });

  it("uses GOV.UK colours with at least 4.5:1 contrast against white", () => {
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
      const l = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * l[0]! + 0.7152 * l[1]! + 0.0722 * l[2]!;
    };
    for (const c of SERIES_COLOURS) expect(1.05 / (lum(c) + 0.05) >= 4.5, c).toBe(true);
  });
});

describe("charts stay portable", () => {
  it("import only d3-scale, d3-shape and each other (no Node APIs), for use in the browser too", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL(".", import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))) {
      const src = readFileSync(new URL(f, dir), "utf8");
      for (const m of src.matchAll(/from "([^"]+)"/g)) expect(m[1], f).toMatch(/^(\.\/|d3-scale$|d3-shape$)/);
    }
  });
});
