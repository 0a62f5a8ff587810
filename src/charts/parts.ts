import type { ScaleLinear } from "d3-scale";
import { formatNumber, type NumberFormat, tickDecimals } from "./format.js";
import { GOVUK } from "./palette.js";
import { FONT_SIZE, LINE_HEIGHT, tag, text, textWidth } from "./svg.js";

export interface LegendItem {
  label: string;
  /** A fill for a swatch (bars), or a stroke colour and dash for a line sample. */
  paint?: string;
  stroke?: string;
  dash?: string;
}

const SWATCH = 18;

/** A legend laid out in rows across the top of a chart; returns its SVG and height. */
export function legend(items: readonly LegendItem[], x: number, y: number, maxWidth: number) {
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const item of items) {
    const w = SWATCH + 8 + textWidth(item.label) + 20;
    if (cx > x && cx + w > x + maxWidth) {
      cx = x;
      cy += LINE_HEIGHT + 8;
    }
    const sample = item.paint
      ? tag("rect", {
          x: cx,
          y: cy,
          width: SWATCH,
          height: SWATCH,
          fill: item.paint,
          stroke: GOVUK.black,
          "stroke-width": 1,
        })
      : tag("line", {
          x1: cx,
          x2: cx + SWATCH,
          y1: cy + SWATCH / 2,
          y2: cy + SWATCH / 2,
          stroke: item.stroke ?? GOVUK.black,
          "stroke-width": 3,
          "stroke-dasharray": item.dash,
        });
    parts.push(
      tag(
        "g",
        { class: "legend-item" },
        sample,
        text(item.label, { x: cx + SWATCH + 8, y: cy + SWATCH / 2, dy: "0.35em", fill: GOVUK.black }),
      ),
    );
    cx += w;
  }
  return {
    svg: tag("g", { class: "legend" }, ...parts),
    height: items.length === 0 ? 0 : cy - y + SWATCH + 12,
  };
}

/**
 * Ticks for a value scale. Whole-number data written without decimals (counts)
 * gets whole-number ticks only: no "0.5 children".
 */
export function valueTicks(
  scale: { ticks(count: number): number[] },
  values: readonly number[],
  f: NumberFormat = {},
): number[] {
  const ticks = scale.ticks(5);
  const whole = (f.decimals ?? 0) === 0 && values.every((v) => Number.isInteger(v));
  return whole ? ticks.filter((t) => Number.isInteger(t)) : ticks;
}

export function tickLabels(ticks: readonly number[], f: NumberFormat = {}): string[] {
  const d = Math.max(tickDecimals(ticks), 0);
  return ticks.map((t) => formatNumber(t, d) + (f.suffix ?? ""));
}

/** Horizontal gridlines with labels at the left (a vertical value axis). */
export function valueGridY(
  y: ScaleLinear<number, number>,
  ticks: readonly number[],
  labels: readonly string[],
  left: number,
  right: number,
): string {
  return tag(
    "g",
    { class: "axis axis-y" },
    ...ticks.map((t, i) =>
      tag(
        "g",
        { class: "tick" },
        tag("line", {
          class: "grid",
          x1: left,
          x2: right,
          y1: y(t),
          y2: y(t),
          stroke: GOVUK.border,
          "stroke-width": 1,
          "data-value": t,
        }),
        text(labels[i]!, { x: left - 8, y: y(t), dy: "0.35em", "text-anchor": "end", fill: GOVUK.black }),
      ),
    ),
  );
}

/** Vertical gridlines with labels underneath (a horizontal value axis). */
export function valueGridX(
  x: ScaleLinear<number, number>,
  ticks: readonly number[],
  labels: readonly string[],
  top: number,
  bottom: number,
): string {
  return tag(
    "g",
    { class: "axis axis-x" },
    ...ticks.map((t, i) =>
      tag(
        "g",
        { class: "tick" },
        tag("line", {
          class: "grid",
          x1: x(t),
          x2: x(t),
          y1: top,
          y2: bottom,
          stroke: GOVUK.border,
          "stroke-width": 1,
          "data-value": t,
        }),
        text(labels[i]!, { x: x(t), y: bottom + FONT_SIZE + 6, "text-anchor": "middle", fill: GOVUK.black }),
      ),
    ),
  );
}

/** Text drawn with a halo of the background colour behind it, so it stays readable over lines and patterns. */
export function haloText(
  content: string,
  attrs: Record<string, string | number | undefined>,
  halo: string = GOVUK.white,
): string {
  return text(content, {
    ...attrs,
    stroke: halo,
    "stroke-width": 4,
    "stroke-linejoin": "round",
    "paint-order": "stroke",
  });
}

/** A value axis title, written horizontally above the plot so it reads without turning the head. */
export function axisTitle(label: string | undefined, x: number, y: number): string {
  return label ? text(label, { x, y, class: "axis-title", fill: GOVUK.black, "font-weight": "bold" }) : "";
}
