import { z } from "zod";
import { numberField, readCsvTable } from "./csv-table.js";

/**
 * A postcode lookup: a subset of the ONS Postcode Directory (postcode,
 * easting, northing, local authority code). Sector centroids (the mean of
 * a sector's postcodes) are derived so that sector-level postcodes such as
 * "AB1 2" can still be placed, approximately.
 */
export interface PostcodePoint {
  easting: number;
  northing: number;
  la: string;
  /** True when the point is a sector centroid, not the postcode itself. */
  approximate: boolean;
}

export interface PostcodeLookup {
  find(postcode: string): PostcodePoint | undefined;
  size: number;
}

const Row = z.object({
  postcode: z.string().trim().min(2, "must be a postcode"),
  easting: numberField().pipe(z.number().min(0).max(800_000, "must be an OS grid easting in metres")),
  northing: numberField().pipe(z.number().min(0).max(1_400_000, "must be an OS grid northing in metres")),
  la: z.string().trim().default(""),
});

/** ONS directory column names accepted as ours. */
const ALIASES = {
  pcds: "postcode",
  pcd: "postcode",
  oseast1m: "easting",
  osnrth1m: "northing",
  oslaua: "la",
  lad: "la",
};

export function compactPostcode(p: string): string {
  return p.replace(/\s+/g, "").toUpperCase();
}

/** "AB12CD" or "AB1 2CD" → "AB1 2"; a sector stays as it is. */
export function sectorOf(p: string): string {
  const c = compactPostcode(p);
  if (c.length >= 5 && c.length <= 7 && /\d[A-Z]{2}$/.test(c))
    return `${c.slice(0, -3)} ${c.charAt(c.length - 3)}`;
  return p.trim().toUpperCase().replace(/\s+/g, " ");
}

export function buildLookup(
  rows: ReadonlyArray<{ postcode: string; easting: number; northing: number; la: string }>,
): PostcodeLookup {
  const exact = new Map<string, PostcodePoint>();
  const sums = new Map<string, { e: number; n: number; count: number; las: Map<string, number> }>();
  for (const r of rows) {
    exact.set(compactPostcode(r.postcode), {
      easting: r.easting,
      northing: r.northing,
      la: r.la,
      approximate: false,
    });
    const s = sectorOf(r.postcode);
    let acc = sums.get(s);
    if (!acc) {
      acc = { e: 0, n: 0, count: 0, las: new Map() };
      sums.set(s, acc);
    }
    acc.e += r.easting;
    acc.n += r.northing;
    acc.count += 1;
    acc.las.set(r.la, (acc.las.get(r.la) ?? 0) + 1);
  }
  const sectors = new Map<string, PostcodePoint>();
  for (const [s, acc] of sums) {
    const la = [...acc.las].sort((a, b) => b[1] - a[1])[0]![0];
    sectors.set(s, { easting: acc.e / acc.count, northing: acc.n / acc.count, la, approximate: true });
  }
  return {
    size: exact.size,
    find(postcode) {
      if (!postcode) return undefined;
      return exact.get(compactPostcode(postcode)) ?? sectors.get(sectorOf(postcode));
    },
  };
}

export function readPostcodes(file: string, text: string): PostcodeLookup {
  return buildLookup(readCsvTable(file, text, Row, ALIASES));
}

const METRES_PER_MILE = 1609.344;

/** Straight-line distance in miles between two grid points, to one decimal place (as DfE's PL_DISTANCE). */
export function milesBetween(a: PostcodePoint, b: PostcodePoint): number {
  const d = Math.hypot(a.easting - b.easting, a.northing - b.northing) / METRES_PER_MILE;
  return Math.round(d * 10) / 10;
}
