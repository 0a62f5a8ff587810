import { type ScaleLinear, type ScaleTime, scaleLinear, scaleUtc } from "d3-scale";
import { isoToTime, monthYear, type NumberFormat } from "./format.js";
import { GOVUK } from "./palette.js";
import { axisTitle, tickLabels, valueGridY, valueTicks } from "./parts.js";
import { FONT_SIZE, LINE_HEIGHT, tag, text, textWidth } from "./svg.js";

export interface TimeFrameInput {
  width: number;
  height: number;
  /** Every date drawn (ms since 1970, UTC) and every value, to size the scales. */
  times: readonly number[];
  values: readonly number[];
  min?: number;
  max?: number;
  format?: NumberFormat;
  yLabel?: string;
  xTicks?: readonly string[];
  marchMarkers?: boolean;
  /** Room kept at the right for direct labels. */
  rightSpace: number;
}

export interface TimeFrame {
  x: ScaleTime<number, number>;
  y: ScaleLinear<number, number>;
  left: number;
  right: number;
  plotTop: number;
  plotBottom: number;
  /** Gridlines, axes and 31 March reference lines. */
  svg: string;
  /** The 31 March dates inside the chart, when markers were asked for. */
  marches: number[];
}

/** Each 31 March from the first to the last date. */
export function marchEnds(from: number, to: number): number[] {
  const out: number[] = [];
  const y0 = new Date(from).getUTCFullYear();
  const y1 = new Date(to).getUTCFullYear();
  for (let y = y0; y <= y1; y++) {
    const t = Date.UTC(y, 2, 31);
    if (t >= from && t <= to) out.push(t);
  }
  return out;
}

/** Scales, gridlines and axes for a chart of values over dates. */
export function timeFrame(o: TimeFrameInput): TimeFrame {
  const t0 = Math.min(...o.times);
  const t1 = Math.max(...o.times);
  const finite = o.values.filter((v) => Number.isFinite(v));
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (o.min !== undefined) lo = Math.min(o.min, ...finite);
  if (o.max !== undefined) hi = Math.max(o.max, ...finite);
  if (hi === lo) hi = lo + 1;
  const yScale = scaleLinear().domain([lo, hi]).nice(5);
  const yTicks = valueTicks(yScale, finite, o.format);
  const yLabels = tickLabels(yTicks, o.format);
  const left = Math.max(...yLabels.map((l) => textWidth(l))) + 16;
  const right = o.width - o.rightSpace;
  const plotTop = 12 + (o.yLabel ? LINE_HEIGHT + 16 : 0) + 8;
  const plotBottom = o.height - (FONT_SIZE + 22);
  const x = scaleUtc()
    .domain([t0, t1 === t0 ? t0 + 86_400_000 : t1])
    .range([left, right]);
  const y = yScale.range([plotBottom, plotTop]);

  const marches = o.marchMarkers ? marchEnds(t0, t1) : [];
  let tickTimes: number[];
  if (o.xTicks) tickTimes = o.xTicks.map(isoToTime);
  else if (marches.length >= 2) tickTimes = marches;
  else tickTimes = x.ticks(Math.max(2, Math.floor((right - left) / 110))).map((d) => d.getTime());
  const allJanuary = tickTimes.every((t) => {
    const d = new Date(t);
    return d.getUTCMonth() === 0 && d.getUTCDate() === 1;
  });
  const tickText = tickTimes.map((t) => (allJanuary ? String(new Date(t).getUTCFullYear()) : monthYear(t)));
  // Leave out labels (keeping every k-th) until they no longer overlap.
  const widest = Math.max(0, ...tickText.map((s) => textWidth(s))) + 12;
  let every = 1;
  while (tickTimes.length > 1 && ((right - left) / tickTimes.length) * every < widest) every++;

  const xAxis = tag(
    "g",
    { class: "axis axis-x" },
    tag("line", {
      x1: left,
      x2: right,
      y1: plotBottom,
      y2: plotBottom,
      stroke: GOVUK.black,
      "stroke-width": 1,
    }),
    ...tickTimes.map((t, i) =>
      tag(
        "g",
        { class: "tick" },
        tag("line", { x1: x(t), x2: x(t), y1: plotBottom, y2: plotBottom + 6, stroke: GOVUK.black }),
        i % every === 0
          ? text(tickText[i]!, {
              x: x(t),
              y: plotBottom + FONT_SIZE + 8,
              "text-anchor": "middle",
              fill: GOVUK.black,
            })
          : "",
      ),
    ),
  );
  const marchLines = marches.map((t) =>
    tag("line", {
      class: "march-marker",
      x1: x(t),
      x2: x(t),
      y1: plotTop,
      y2: plotBottom,
      stroke: GOVUK.midGrey,
      "stroke-width": 1,
      "stroke-dasharray": "3 3",
    }),
  );
  const svg = [
    axisTitle(o.yLabel, 8, plotTop - 24),
    valueGridY(y, yTicks, yLabels, left, right),
    tag("g", { class: "markers" }, ...marchLines),
    xAxis,
  ].join("");
  return { x, y, left, right, plotTop, plotBottom, svg, marches };
}
