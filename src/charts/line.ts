import { line } from "d3-shape";
import { formatValue, isoToTime, type NumberFormat } from "./format.js";
import { DASHES, GOVUK, seriesColour } from "./palette.js";
import { haloText } from "./parts.js";
import {
  type ChartCommon,
  cleanId,
  hashId,
  LINE_HEIGHT,
  spread,
  svgRoot,
  tag,
  text,
  textWidth,
  wrap,
} from "./svg.js";
import { timeFrame } from "./time.js";

export interface LinePoint {
  /** ISO date, e.g. "2022-03-31". */
  date: string;
  /** null leaves a gap in the line. */
  value: number | null;
}

export interface LineSeries {
  name: string;
  points: readonly LinePoint[];
  colour?: string;
}

export interface LineChartOptions extends ChartCommon {
  series: readonly LineSeries[];
  /** What the values are, written above the value axis, e.g. "Children looked after". */
  yLabel?: string;
  min?: number;
  max?: number;
  format?: NumberFormat;
  /** Dates for the ticks of the date axis (default: each 31 March with markers, else round dates). */
  xTicks?: readonly string[];
  /** Draw a reference line at each 31 March and write each series' value there. */
  marchMarkers?: boolean;
  height?: number;
}

interface Pt {
  t: number;
  v: number | null;
}

/**
 * A line chart of one or more series over dates. Each line has its own
 * colour and dash pattern and is named at its right-hand end.
 */
export function lineChart(o: LineChartOptions): string {
  if (o.series.length === 0 || o.series.every((s) => s.points.length === 0))
    throw new RangeError("a line chart needs at least one point");
  const id = cleanId(o.id ?? hashId(`${o.title}\n${o.description}`));
  const width = o.width ?? 640;
  const height = o.height ?? 360;
  const data = o.series.map((s) => s.points.map((p): Pt => ({ t: isoToTime(p.date), v: p.value })));
  const nameWidth = Math.min(
    Math.max(...o.series.map((s) => textWidth(s.name, undefined, true))),
    width * 0.25,
  );
  const f = timeFrame({
    width,
    height,
    times: data.flat().map((p) => p.t),
    values: data.flat().flatMap((p) => (p.v === null ? [] : [p.v])),
    min: o.min,
    max: o.max,
    format: o.format,
    yLabel: o.yLabel,
    xTicks: o.xTicks,
    marchMarkers: o.marchMarkers,
    rightSpace: nameWidth + 20,
  });
  const { x, y } = f;
  const path = line<Pt>()
    .defined((p) => p.v !== null && Number.isFinite(p.v))
    .x((p) => x(p.t))
    .y((p) => y(p.v!))
    .digits(2);

  const colours = o.series.map((s, i) => s.colour ?? seriesColour(i));
  const lines = data.map((pts, i) =>
    tag("path", {
      class: "line",
      d: path(pts) ?? "",
      fill: "none",
      stroke: colours[i]!,
      "stroke-width": 3,
      "stroke-linejoin": "round",
      "stroke-linecap": "round",
      "stroke-dasharray": DASHES[i % DASHES.length],
      "data-series": o.series[i]!.name,
    }),
  );

  // Points standing alone (no neighbour to join) get a dot so they show.
  const dots: string[] = [];
  data.forEach((pts, i) => {
    pts.forEach((p, k) => {
      if (p.v === null) return;
      const before = pts[k - 1]?.v ?? null;
      const after = pts[k + 1]?.v ?? null;
      if (before === null && after === null)
        dots.push(tag("circle", { cx: x(p.t), cy: y(p.v), r: 4, fill: colours[i]! }));
    });
  });

  // 31 March values, written above the point (below when it would collide with the label above).
  const marks: string[] = [];
  for (const t of f.marches) {
    const found = data
      .map((pts, i) => ({ i, p: pts.find((p) => p.t === t && p.v !== null) }))
      .filter((m): m is { i: number; p: Pt } => m.p !== undefined)
      .sort((a, b) => y(a.p.v!) - y(b.p.v!));
    let lastLabelY = Number.NEGATIVE_INFINITY;
    for (const { i, p } of found) {
      const py = y(p.v!);
      let ly = py - 10;
      if (ly - lastLabelY < LINE_HEIGHT) ly = py + 22;
      lastLabelY = ly;
      marks.push(
        tag("circle", {
          class: "march-point",
          cx: x(t),
          cy: py,
          r: 5,
          fill: colours[i]!,
          stroke: GOVUK.white,
        }),
        haloText(formatValue(p.v, o.format), {
          x: x(t),
          y: ly,
          "text-anchor": "middle",
          fill: GOVUK.black,
          class: "value",
        }),
      );
    }
  }

  // Direct labels at the end of each line.
  const ends = data.map((pts) => [...pts].reverse().find((p) => p.v !== null && Number.isFinite(p.v)));
  const labelled = o.series
    .map((s, i) => ({ s, i, end: ends[i] }))
    .filter((e): e is { s: LineSeries; i: number; end: Pt } => e.end !== undefined);
  const wrapped = labelled.map((e) => wrap(e.s.name, nameWidth / 1.1, undefined, 2));
  const gap = Math.max(...wrapped.map((w) => w.length)) * LINE_HEIGHT;
  const ys = spread(
    labelled.map((e) => y(e.end.v!)),
    gap,
    f.plotTop,
    f.plotBottom,
  );
  const names = labelled.map((e, k) =>
    text(
      wrapped[k]!,
      {
        x: f.right + 10,
        y: ys[k]!,
        dy: "0.35em",
        fill: colours[e.i]!,
        "font-weight": "bold",
        class: "series-label",
      },
      LINE_HEIGHT,
    ),
  );

  const body = [
    f.svg,
    tag("g", { class: "lines" }, ...lines, ...dots),
    tag("g", { class: "march-values" }, ...marks),
    tag("g", { class: "labels" }, ...names),
  ].join("");
  return svgRoot({ id, width, height, title: o.title, description: o.description }, body);
}
