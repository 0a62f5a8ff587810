import { area, line } from "d3-shape";
import { isoToTime, type NumberFormat } from "./format.js";
import { GOVUK } from "./palette.js";
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
} from "./svg.js";
import { timeFrame } from "./time.js";

export interface FanPoint {
  /** ISO date. */
  date: string;
  median: number;
  lower50: number;
  upper50: number;
  lower90: number;
  upper90: number;
}

export interface FanChartOptions extends ChartCommon {
  forecast: readonly FanPoint[];
  /** What happened, drawn as a solid line (usually up to the forecast's start). */
  observed?: ReadonlyArray<{ date: string; value: number | null }>;
  yLabel?: string;
  min?: number;
  max?: number;
  format?: NumberFormat;
  xTicks?: readonly string[];
  marchMarkers?: boolean;
  height?: number;
}

const LABELS = { band90: "90% range", band50: "50% range", median: "Median", observed: "Observed" };

/**
 * A fan chart: the median forecast as a dashed line inside its 50% and 90%
 * ranges (shaded, the 90% range edged with a fine line), with what was
 * observed as a solid line. Each part is named at the right-hand end.
 */
export function fanChart(o: FanChartOptions): string {
  if (o.forecast.length === 0) throw new RangeError("a fan chart needs at least one forecast point");
  const id = cleanId(o.id ?? hashId(`${o.title}\n${o.description}`));
  const width = o.width ?? 640;
  const height = o.height ?? 360;
  const fc = o.forecast.map((p) => ({ ...p, t: isoToTime(p.date) }));
  const obs = (o.observed ?? []).map((p) => ({ t: isoToTime(p.date), v: p.value }));
  const labelWidth = Math.max(...Object.values(LABELS).map((l) => textWidth(l, undefined, true)));
  const f = timeFrame({
    width,
    height,
    times: [...fc.map((p) => p.t), ...obs.map((p) => p.t)],
    values: [
      ...fc.flatMap((p) => [p.lower90, p.upper90, p.median]),
      ...obs.flatMap((p) => (p.v === null ? [] : [p.v])),
    ],
    min: o.min,
    max: o.max,
    format: o.format,
    yLabel: o.yLabel,
    xTicks: o.xTicks,
    marchMarkers: o.marchMarkers,
    rightSpace: labelWidth + 20,
  });
  const { x, y } = f;
  type P = (typeof fc)[number];
  const band = (lo: (p: P) => number, hi: (p: P) => number) =>
    area<P>()
      .x((p) => x(p.t))
      .y0((p) => y(lo(p)))
      .y1((p) => y(hi(p)))
      .digits(2)(fc) ?? "";
  const edge = (v: (p: P) => number) =>
    line<P>()
      .x((p) => x(p.t))
      .y((p) => y(v(p)))
      .digits(2)(fc) ?? "";
  const obsPath =
    line<{ t: number; v: number | null }>()
      .defined((p) => p.v !== null && Number.isFinite(p.v))
      .x((p) => x(p.t))
      .y((p) => y(p.v!))
      .digits(2)(obs) ?? "";

  const last = fc[fc.length - 1]!;
  const items = [
    { label: LABELS.band90, y: y((last.upper90 + last.upper50) / 2), colour: GOVUK.black },
    { label: LABELS.band50, y: y((last.upper50 + last.median) / 2), colour: GOVUK.black },
    { label: LABELS.median, y: y(last.median), colour: GOVUK.blueShade50 },
  ];
  const ys = spread(
    items.map((i) => i.y),
    LINE_HEIGHT,
    f.plotTop,
    f.plotBottom,
  );
  const labels = items.map((it, k) =>
    text(it.label, {
      x: f.right + 10,
      y: ys[k]!,
      dy: "0.35em",
      fill: it.colour,
      "font-weight": "bold",
      class: "series-label",
    }),
  );
  const lastObs = [...obs].reverse().find((p) => p.v !== null && Number.isFinite(p.v));
  if (lastObs)
    labels.push(
      haloText(LABELS.observed, {
        x: x(lastObs.t) - 6,
        y: y(lastObs.v!) - 12,
        "text-anchor": "end",
        fill: GOVUK.black,
        "font-weight": "bold",
        class: "series-label",
      }),
    );

  const body = [
    f.svg,
    tag(
      "g",
      { class: "fan" },
      tag("path", {
        class: "band-90",
        d: band(
          (p) => p.lower90,
          (p) => p.upper90,
        ),
        fill: GOVUK.blueTint80,
      }),
      tag("path", {
        class: "band-50",
        d: band(
          (p) => p.lower50,
          (p) => p.upper50,
        ),
        fill: GOVUK.blueTint50,
      }),
      tag("path", {
        class: "edge-90",
        d: `${edge((p) => p.lower90)}${edge((p) => p.upper90)}`,
        fill: "none",
        stroke: GOVUK.blue,
        "stroke-width": 1,
      }),
      tag("path", {
        class: "median",
        d: edge((p) => p.median),
        fill: "none",
        stroke: GOVUK.blueShade50,
        "stroke-width": 3,
        "stroke-dasharray": "8 4",
      }),
      obs.length
        ? tag("path", {
            class: "observed",
            d: obsPath,
            fill: "none",
            stroke: GOVUK.black,
            "stroke-width": 3,
            "stroke-linejoin": "round",
          })
        : "",
    ),
    tag("g", { class: "labels" }, ...labels),
  ].join("");
  return svgRoot({ id, width, height, title: o.title, description: o.description }, body);
}
