import { scaleBand, scaleLinear } from "d3-scale";
import { formatValue, type NumberFormat } from "./format.js";
import { fills, GOVUK, seriesColour } from "./palette.js";
import { axisTitle, legend, tickLabels, valueGridX, valueGridY, valueTicks } from "./parts.js";
import {
  type ChartCommon,
  cleanId,
  FONT_SIZE,
  hashId,
  LINE_HEIGHT,
  svgRoot,
  tag,
  text,
  textWidth,
  wrap,
} from "./svg.js";

export interface BarSeries {
  name: string;
  /** One value per category; null draws no bar and the label "n/a". */
  values: ReadonlyArray<number | null>;
  colour?: string;
}

export interface BarChartOptions extends ChartCommon {
  categories: readonly string[];
  /** One series gives plain bars; several give a group of bars per category, with a legend. */
  series: readonly BarSeries[];
  /** Vertical bars (columns) or horizontal bars; default vertical. */
  orientation?: "vertical" | "horizontal";
  /** Value scale limits; the scale always includes 0 and is extended to round numbers. */
  min?: number;
  max?: number;
  format?: NumberFormat;
  /** Write each bar's value at its end (default true; left out where the labels would not fit). */
  valueLabels?: boolean;
  /** What the values are, e.g. "Children" or "% of placements". */
  axisLabel?: string;
  /** Height of a vertical chart (default 360); horizontal charts take the height their rows need. */
  height?: number;
}

function valueDomain(o: BarChartOptions): [number, number] {
  const values = o.series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const lo = Math.min(0, o.min ?? 0, ...values);
  let hi = Math.max(0, o.max ?? 0, ...values);
  if (hi === lo) hi = lo + 1;
  return [lo, hi];
}

/** A bar chart: one or more series of values over categories, as SVG text. */
export function barChart(o: BarChartOptions): string {
  if (o.series.length === 0) throw new RangeError("a bar chart needs at least one series");
  if (o.categories.length === 0) throw new RangeError("a bar chart needs at least one category");
  for (const s of o.series) {
    if (s.values.length !== o.categories.length)
      throw new RangeError(
        `series '${s.name}' has ${s.values.length} values for ${o.categories.length} categories`,
      );
  }
  return (o.orientation ?? "vertical") === "horizontal" ? horizontal(o) : vertical(o);
}

function setup(o: BarChartOptions) {
  const id = cleanId(o.id ?? hashId(`${o.title}\n${o.description}`));
  const width = o.width ?? 640;
  const { defs, fills: fl } = fills(
    id,
    o.series.map((s, i) => s.colour ?? seriesColour(i)),
  );
  const grouped = o.series.length > 1;
  const lg = grouped
    ? legend(
        o.series.map((s, i) => ({ label: s.name, paint: fl[i]!.paint })),
        8,
        8,
        width - 16,
      )
    : { svg: "", height: 0 };
  const scale = scaleLinear().domain(valueDomain(o)).nice(5);
  const all = o.series.flatMap((ser) =>
    ser.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const ticks = valueTicks(scale, all, o.format);
  const labels = tickLabels(ticks, o.format);
  const labelsOn = o.valueLabels ?? true;
  const valueText = (v: number | null) => formatValue(v, o.format);
  return { id, width, defs, fills: fl, lg, scale, ticks, labels, labelsOn, valueText, grouped };
}

function vertical(o: BarChartOptions): string {
  const s = setup(o);
  const { width } = s;
  const head = 8 + s.lg.height + (o.axisLabel ? LINE_HEIGHT + 8 : 0);
  const plotTop = head + (s.labelsOn ? LINE_HEIGHT + 4 : 12);
  const left = Math.max(...s.labels.map((l) => textWidth(l))) + 16;
  const right = width - 12;
  const x0 = scaleBand<number>()
    .domain(o.categories.map((_, i) => i))
    .range([left, right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const catLines = o.categories.map((c) => wrap(c, x0.step() - 4));
  const maxLines = Math.max(1, ...catLines.map((l) => l.length));
  const bottomSpace = maxLines * LINE_HEIGHT + 16;
  const height = Math.max(o.height ?? 360, plotTop + 140 + bottomSpace);
  const plotBottom = height - bottomSpace;
  const y = s.scale.copy().range([plotBottom, plotTop]);
  const x1 = scaleBand<number>()
    .domain(o.series.map((_, i) => i))
    .range([0, x0.bandwidth()])
    .paddingInner(s.grouped ? 0.08 : 0);

  const texts = o.series.flatMap((ser) => ser.values.map(s.valueText));
  const fit = Math.max(...texts.map((t) => textWidth(t))) <= x1.step() + (s.grouped ? 2 : 8);
  const showValues = s.labelsOn && fit;

  const bars: string[] = [];
  const values: string[] = [];
  o.series.forEach((ser, si) => {
    ser.values.forEach((v, ci) => {
      const bx = x0(ci)! + x1(si)!;
      const cx = bx + x1.bandwidth() / 2;
      if (v === null || !Number.isFinite(v)) {
        if (showValues)
          values.push(text("n/a", { x: cx, y: y(0) - 6, "text-anchor": "middle", fill: GOVUK.black }));
        return;
      }
      bars.push(
        tag("rect", {
          class: "bar",
          x: bx,
          y: Math.min(y(v), y(0)),
          width: x1.bandwidth(),
          height: Math.abs(y(v) - y(0)),
          fill: s.fills[si]!.paint,
          "data-series": ser.name,
          "data-category": o.categories[ci]!,
          "data-value": v,
        }),
      );
      if (showValues)
        values.push(
          text(s.valueText(v), {
            x: cx,
            y: v >= 0 ? y(v) - 6 : y(v) + FONT_SIZE + 2,
            "text-anchor": "middle",
            fill: GOVUK.black,
            class: "value",
          }),
        );
    });
  });

  const cats = o.categories.map((_, ci) =>
    text(
      catLines[ci]!,
      {
        x: x0(ci)! + x0.bandwidth() / 2,
        y: plotBottom + FONT_SIZE + 8,
        "text-anchor": "middle",
        fill: GOVUK.black,
        class: "category",
      },
      LINE_HEIGHT,
    ),
  );

  const body = [
    s.defs,
    s.lg.svg,
    axisTitle(o.axisLabel, 8, head - 8),
    valueGridY(y, s.ticks, s.labels, left, right),
    tag("g", { class: "bars" }, ...bars),
    tag("line", {
      class: "baseline",
      x1: left,
      x2: right,
      y1: y(0),
      y2: y(0),
      stroke: GOVUK.black,
      "stroke-width": 1,
    }),
    tag("g", { class: "values" }, ...values),
    tag("g", { class: "categories" }, ...cats),
  ].join("");
  return svgRoot({ id: s.id, width, height, title: o.title, description: o.description }, body);
}

function horizontal(o: BarChartOptions): string {
  const s = setup(o);
  const { width } = s;
  const labelWidth = Math.min(Math.max(...o.categories.map((c) => textWidth(c))), width * 0.38);
  const catLines = o.categories.map((c) => wrap(c, labelWidth));
  const left = labelWidth + 20;
  const texts = o.series.flatMap((ser) => ser.values.map(s.valueText));
  const valueRoom = s.labelsOn ? Math.max(...texts.map((t) => textWidth(t))) + 12 : 0;
  const lastTick = textWidth(s.labels[s.labels.length - 1] ?? "") / 2 + 4;
  const right = width - Math.max(valueRoom, lastTick, 12);
  const barH = s.grouped ? 22 : 28;
  const groupH = o.series.length * barH + (o.series.length - 1) * 2;
  const rowHs = catLines.map((l) => Math.max(groupH, l.length * LINE_HEIGHT) + 14);
  const plotTop = 8 + s.lg.height + 4;
  const plotBottom = plotTop + rowHs.reduce((a, b) => a + b, 0);
  const height = plotBottom + FONT_SIZE + 14 + (o.axisLabel ? LINE_HEIGHT + 8 : 0);
  const x = s.scale.copy().range([left, right]);

  const bars: string[] = [];
  const values: string[] = [];
  const cats: string[] = [];
  let rowTop = plotTop;
  o.categories.forEach((_, ci) => {
    const rowH = rowHs[ci]!;
    const lines = catLines[ci]!;
    cats.push(
      text(
        lines,
        {
          x: left - 12,
          y: rowTop + rowH / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2,
          dy: "0.35em",
          "text-anchor": "end",
          fill: GOVUK.black,
          class: "category",
        },
        LINE_HEIGHT,
      ),
    );
    const groupTop = rowTop + (rowH - groupH) / 2;
    o.series.forEach((ser, si) => {
      const v = ser.values[ci]!;
      const by = groupTop + si * (barH + 2);
      if (v === null || !Number.isFinite(v)) {
        if (s.labelsOn)
          values.push(text("n/a", { x: x(0) + 6, y: by + barH / 2, dy: "0.35em", fill: GOVUK.black }));
        return;
      }
      bars.push(
        tag("rect", {
          class: "bar",
          x: Math.min(x(v), x(0)),
          y: by,
          width: Math.abs(x(v) - x(0)),
          height: barH,
          fill: s.fills[si]!.paint,
          "data-series": ser.name,
          "data-category": o.categories[ci]!,
          "data-value": v,
        }),
      );
      if (s.labelsOn)
        values.push(
          text(s.valueText(v), {
            x: v >= 0 ? x(v) + 6 : x(v) - 6,
            y: by + barH / 2,
            dy: "0.35em",
            "text-anchor": v >= 0 ? "start" : "end",
            fill: GOVUK.black,
            class: "value",
          }),
        );
    });
    rowTop += rowH;
  });

  const body = [
    s.defs,
    s.lg.svg,
    valueGridX(x, s.ticks, s.labels, plotTop, plotBottom),
    tag("g", { class: "bars" }, ...bars),
    tag("line", {
      class: "baseline",
      x1: x(0),
      x2: x(0),
      y1: plotTop,
      y2: plotBottom,
      stroke: GOVUK.black,
      "stroke-width": 1,
    }),
    tag("g", { class: "values" }, ...values),
    tag("g", { class: "categories" }, ...cats),
    axisTitle(o.axisLabel, left, plotBottom + FONT_SIZE + 14 + LINE_HEIGHT),
  ].join("");
  return svgRoot({ id: s.id, width, height, title: o.title, description: o.description }, body);
}
