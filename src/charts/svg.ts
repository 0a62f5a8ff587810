/**
 * Small helpers for writing SVG as text. Pure TypeScript (no Node or DOM
 * APIs), so charts render the same on the server and in a browser, and the
 * same input always gives the same string.
 */

/** Escapes text for XML element content and attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A coordinate or length, rounded to 2 decimal places, without "-0" or trailing zeros. */
export function n(x: number): string {
  if (!Number.isFinite(x)) return "0";
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) || r === 0 ? "0" : String(r);
}

export type Attrs = Record<string, string | number | undefined | null | false>;

function attrText(attrs: Attrs): string {
  let out = "";
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${typeof v === "number" ? n(v) : esc(v)}"`;
  }
  return out;
}

/** One element; children are already-built SVG text. With no children the element closes itself. */
export function tag(name: string, attrs: Attrs, ...children: string[]): string {
  const inner = children.join("");
  return inner === "" ? `<${name}${attrText(attrs)}/>` : `<${name}${attrText(attrs)}>${inner}</${name}>`;
}

/** A text element whose content is escaped; several lines become tspans one line-height apart. */
export function text(content: string | readonly string[], attrs: Attrs, lineHeight = 20): string {
  const lines = typeof content === "string" ? [content] : content;
  if (lines.length === 1) return tag("text", attrs, esc(lines[0]!));
  const x = attrs.x ?? 0;
  const spans = lines.map((l, i) =>
    tag("tspan", { x: x as number, dy: i === 0 ? 0 : lineHeight }, esc(l === "" ? " " : l)),
  );
  return tag("text", attrs, ...spans);
}

/** Text size: every label is at least this many pixels at 100% (the SVG's own width). */
export const FONT_SIZE = 16;
export const LINE_HEIGHT = 20;
export const FONT_FAMILY = "arial, helvetica, sans-serif";

/**
 * Estimated width of a line of text in px. Arial averages about 0.5 em per
 * character; the factors here are a little wider (as wide as DejaVu Sans, a
 * common fallback), so labels fit whichever sans-serif font draws them.
 */
export function textWidth(s: string, size = FONT_SIZE, bold = false): number {
  let w = 0;
  for (const ch of s) {
    if ("il.,:;'|!".includes(ch)) w += 0.32;
    else if ("mwMW%".includes(ch)) w += 0.9;
    else if (ch >= "A" && ch <= "Z") w += 0.72;
    else if (ch === " ") w += 0.32;
    else w += 0.62;
  }
  return w * size * (bold ? 1.1 : 1);
}

/** Breaks text into lines no wider than maxWidth (a single long word stays on its own line). */
export function wrap(s: string, maxWidth: number, size = FONT_SIZE, maxLines = 3): string[] {
  const words = s.split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return [""];
  const lines: string[] = [];
  let line = words[0]!;
  for (const w of words.slice(1)) {
    const candidate = `${line} ${w}`;
    if (textWidth(candidate, size) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(" ")}`;
  return kept;
}

/** A short deterministic id from text (FNV-1a), for charts given no id. */
export function hashId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `chart-${h.toString(36)}`;
}

/** Keeps an id to the characters valid in XML ids and CSS selectors. */
export function cleanId(id: string): string {
  const c = id.replace(/[^A-Za-z0-9_-]/g, "-");
  return /^[A-Za-z]/.test(c) ? c : `c-${c}`;
}

export interface ChartCommon {
  /** The accessible name (SVG <title>): what the chart shows. */
  title: string;
  /** The accessible description (SVG <desc>): the main finding in words, and where the numbers are. */
  description: string;
  /** Prefix for the ids inside the SVG; give each chart on a page its own. Default: from the title. */
  id?: string;
  /** Width of the viewBox in px; the SVG is drawn at this width and scales down to fit its container. */
  width?: number;
}

/** Wraps chart content in the root <svg> with role="img", <title> and <desc>. */
export function svgRoot(
  o: { id: string; width: number; height: number; title: string; description: string },
  body: string,
): string {
  const titleId = `${o.id}-title`;
  const descId = `${o.id}-desc`;
  return tag(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${n(o.width)} ${n(o.height)}`,
      width: o.width,
      height: o.height,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      id: o.id,
      class: "sp-chart",
      style: "max-width:100%;height:auto",
      "font-family": FONT_FAMILY,
      "font-size": FONT_SIZE,
    },
    tag("title", { id: titleId }, esc(o.title)),
    tag("desc", { id: descId }, esc(o.description)),
    body,
  );
}

/** Spreads label positions apart so that none are closer than `gap`, keeping them inside [min, max]. */
export function spread(ys: readonly number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const out = order.map((o) => o.y);
  for (let k = 0; k < out.length; k++)
    out[k] = Math.max(out[k]!, min + k * gap, k > 0 ? out[k - 1]! + gap : min);
  for (let k = out.length - 1; k >= 0; k--) {
    const limit = k === out.length - 1 ? max : out[k + 1]! - gap;
    out[k] = Math.min(out[k]!, limit);
  }
  const result = new Array<number>(ys.length);
  order.forEach((o, k) => {
    result[o.i] = out[k]!;
  });
  return result;
}
