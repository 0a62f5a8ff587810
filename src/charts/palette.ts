import { tag } from "./svg.js";

/**
 * Colours from the GOV.UK Frontend palette (govuk-frontend 6, brand colours).
 * Every series colour has at least 4.4:1 contrast with white, so white text
 * on it and the shape against a white page are both readable; each series
 * also gets its own pattern, so colour is never the only difference.
 */
export const GOVUK = {
  black: "#0b0c0c",
  darkGrey: "#484949",
  secondaryText: "#484949",
  midGrey: "#858686",
  border: "#cecece",
  lightGrey: "#f3f3f3",
  white: "#ffffff",
  blue: "#1d70b8",
  blueShade50: "#0f385c",
  blueTint25: "#5694ca",
  blueTint50: "#8eb8dc",
  blueTint80: "#d2e2f1",
} as const;

export const SERIES_COLOURS: readonly string[] = [
  "#1d70b8", // blue
  "#b7592a", // orange, shade 25
  "#0f7a52", // green
  "#54319f", // purple
  "#ca357c", // magenta
  "#158187", // teal
  "#484949", // black, tint 25
  "#0f385c", // blue, shade 50
  "#ca3535", // red
  "#806f00", // yellow, shade 50
];

/** Line styles for line charts: a dash pattern per series, so lines differ without colour. */
export const DASHES: readonly (string | undefined)[] = [undefined, "8 4", "2 4", "12 4 2 4", "4 4", "16 6"];

export type PatternKind =
  | "solid"
  | "diagonal"
  | "dots"
  | "horizontal"
  | "crosshatch"
  | "backdiagonal"
  | "vertical"
  | "grid";

export const PATTERNS: readonly PatternKind[] = [
  "solid",
  "diagonal",
  "dots",
  "horizontal",
  "crosshatch",
  "backdiagonal",
  "vertical",
  "grid",
];

export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length]!;
}

export function seriesPattern(i: number): PatternKind {
  return PATTERNS[i % PATTERNS.length]!;
}

function patternMarks(kind: PatternKind): string {
  const s = { stroke: GOVUK.white, "stroke-width": 1.5 };
  switch (kind) {
    case "diagonal":
      return tag("path", { d: "M-2 2L2 -2M0 8L8 0M6 10L10 6", ...s });
    case "backdiagonal":
      return tag("path", { d: "M-2 6L2 10M0 0L8 8M6 -2L10 2", ...s });
    case "horizontal":
      return tag("path", { d: "M0 4H8", ...s });
    case "vertical":
      return tag("path", { d: "M4 0V8", ...s });
    case "crosshatch":
      return tag("path", { d: "M0 0L8 8M8 0L0 8", ...s, "stroke-width": 1 });
    case "dots":
      return tag("circle", { cx: 4, cy: 4, r: 1.6, fill: GOVUK.white });
    case "grid":
      return tag("path", { d: "M0 4H8M4 0V8", ...s, "stroke-width": 1 });
    default:
      return "";
  }
}

/** Fill for series i: its colour, with its pattern drawn in white over it. */
export interface Fill {
  colour: string;
  pattern: PatternKind;
  /** The value of a fill attribute: a colour, or a url() to the pattern. */
  paint: string;
}

export function fills(chartId: string, colours: readonly string[]): { defs: string; fills: Fill[] } {
  const list: Fill[] = [];
  let defs = "";
  colours.forEach((colour, i) => {
    const pattern = seriesPattern(i);
    if (pattern === "solid") {
      list.push({ colour, pattern, paint: colour });
      return;
    }
    const id = `${chartId}-pattern-${i}`;
    defs += tag(
      "pattern",
      { id, patternUnits: "userSpaceOnUse", width: 8, height: 8 },
      tag("rect", { width: 8, height: 8, fill: colour }),
      patternMarks(pattern),
    );
    list.push({ colour, pattern, paint: `url(#${id})` });
  });
  return { defs: defs === "" ? "" : tag("defs", {}, defs), fills: list };
}
