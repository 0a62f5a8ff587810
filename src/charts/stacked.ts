import { scaleLinear } from "d3-scale";
import { formatNumber, formatValue, type NumberFormat } from "./format.js";
import { fills, GOVUK, seriesColour } from "./palette.js";
import { haloText, legend, valueGridX } from "./parts.js";
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

export interface StackSegment {
  name: string;
  /** One value per category (counts or weeks; each bar is scaled to 100%). */
  values: readonly number[];
  colour?: string;
}

export interface StackedBarOptions extends ChartCommon {
  /** One horizontal bar per category, e.g. age bands. */
  categories: readonly string[];
  /** The parts of each bar, in order from the left, e.g. placement types. */
  segments: readonly StackSegment[];
  /** Write each bar's total at its right end, e.g. { suffix: " weeks", decimals: 1 }; false to leave out. */
  totals?: NumberFormat | false;
}

/**
 * A 100% stacked bar chart: each category's bar is split into the shares of
 * its segments. Shares are written inside the segments wide enough to hold
 * them; every segment has its own colour and pattern, named in the legend.
 */
export function stackedBarChart(o: StackedBarOptions): string {
  if (o.segments.length === 0 || o.categories.length === 0)
    throw new RangeError("a stacked bar chart needs at least one segment and one category");
  for (const seg of o.segments) {
    if (seg.values.length !== o.categories.length)
      throw new RangeError(
        `segment '${seg.name}' has ${seg.values.length} values for ${o.categories.length} categories`,
      );
  }
  const id = cleanId(o.id ?? hashId(`${o.title}\n${o.description}`));
  const width = o.width ?? 640;
  const { defs, fills: fl } = fills(
    id,
    o.segments.map((s, i) => s.colour ?? seriesColour(i)),
  );
  const lg = legend(
    o.segments.map((s, i) => ({ label: s.name, paint: fl[i]!.paint })),
    8,
    8,
    width - 16,
  );
  const totals = o.categories.map((_, ci) =>
    o.segments.reduce((sum, seg) => sum + Math.max(0, seg.values[ci]!), 0),
  );
  const totalTexts = o.totals === false ? [] : totals.map((t) => formatValue(t, o.totals || {}));
  const labelWidth = Math.min(Math.max(...o.categories.map((c) => textWidth(c))), width * 0.3);
  const catLines = o.categories.map((c) => wrap(c, labelWidth));
  const left = labelWidth + 20;
  const right = width - Math.max(24, ...totalTexts.map((t) => textWidth(t) + 16));
  const barH = 32;
  const rowHs = catLines.map((l) => Math.max(barH, l.length * LINE_HEIGHT) + 16);
  const plotTop = 8 + lg.height + 4;
  const plotBottom = plotTop + rowHs.reduce((a, b) => a + b, 0);
  const height = plotBottom + FONT_SIZE + 16;
  const x = scaleLinear().domain([0, 1]).range([left, right]);
  const ticks = [0, 0.25, 0.5, 0.75, 1];

  const rows: string[] = [];
  let rowTop = plotTop;
  o.categories.forEach((_, ci) => {
    const rowH = rowHs[ci]!;
    const lines = catLines[ci]!;
    const by = rowTop + (rowH - barH) / 2;
    const parts: string[] = [
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
    ];
    const total = totals[ci]!;
    if (total <= 0) {
      parts.push(text("none", { x: left + 6, y: by + barH / 2, dy: "0.35em", fill: GOVUK.black }));
    } else {
      let acc = 0;
      o.segments.forEach((seg, si) => {
        const v = Math.max(0, seg.values[ci]!);
        if (v === 0) return;
        const x0 = x(acc / total);
        acc += v;
        const x1 = x(acc / total);
        const share = (v / total) * 100;
        parts.push(
          tag("rect", {
            class: "segment",
            x: x0,
            y: by,
            width: x1 - x0,
            height: barH,
            fill: fl[si]!.paint,
            stroke: GOVUK.white,
            "stroke-width": 1,
            "data-segment": seg.name,
            "data-category": o.categories[ci]!,
            "data-share": Math.round(share * 10) / 10,
          }),
        );
        const label = `${formatNumber(share, 0)}%`;
        if (textWidth(label, undefined, true) + 8 <= x1 - x0)
          parts.push(
            haloText(
              label,
              {
                x: (x0 + x1) / 2,
                y: by + barH / 2,
                dy: "0.35em",
                "text-anchor": "middle",
                fill: GOVUK.white,
                "font-weight": "bold",
                class: "value",
              },
              fl[si]!.colour,
            ),
          );
      });
    }
    if (o.totals !== false)
      parts.push(
        text(totalTexts[ci]!, {
          x: right + 8,
          y: by + barH / 2,
          dy: "0.35em",
          fill: GOVUK.black,
          class: "total",
        }),
      );
    rows.push(tag("g", { class: "row" }, ...parts));
    rowTop += rowH;
  });

  const body = [
    defs,
    lg.svg,
    valueGridX(
      x,
      ticks,
      ticks.map((t) => `${t * 100}%`),
      plotTop,
      plotBottom,
    ),
    tag("g", { class: "bars" }, ...rows),
  ].join("");
  return svgRoot({ id, width, height, title: o.title, description: o.description }, body);
}
