/**
 * Invented places for the synthetic council: postcode sectors inside it,
 * near it and far from it, with grid references, and the pools of
 * children's homes, secure homes, residential schools and supported
 * accommodation it places children with.
 *
 * The postcode areas (YY, YW, YT) have the shape of real postcodes but no
 * real postcode area uses them, so the data cannot be mistaken for real
 * addresses. SYNTHETIC_SECTORS gives each sector an invented easting and
 * northing (metres) and local authority so that a test postcode lookup can
 * be built from it.
 */
import type { Rng } from "../random/rng.js";
import { PR1, PR2, PR3, PR4, PR5, S1 } from "./codes.js";

export interface SyntheticSector {
  /** Postcode sector, e.g. "YY3 2". */
  sector: string;
  easting: number;
  northing: number;
  /** Invented local authority code; the synthetic council is E99999901. */
  la: string;
  /** 0 inside the council, 1 near (10–25 miles), 2 far (40–180 miles). */
  ring: 0 | 1 | 2;
}

/** The synthetic council's local authority code. */
export const SYNTHETIC_LA = "E99999901";

const CENTRE_E = 450000;
const CENTRE_N = 250000;
const MILE = 1609.344;

function sector(sectorText: string, miles: number, bearingDeg: number, la: string, ring: 0 | 1 | 2) {
  const rad = (bearingDeg * Math.PI) / 180;
  return {
    sector: sectorText,
    easting: Math.round(CENTRE_E + Math.sin(rad) * miles * MILE),
    northing: Math.round(CENTRE_N + Math.cos(rad) * miles * MILE),
    la,
    ring,
  } satisfies SyntheticSector;
}

export const SYNTHETIC_SECTORS: readonly SyntheticSector[] = [
  sector("YY1 1", 0.5, 10, SYNTHETIC_LA, 0),
  sector("YY1 2", 1.2, 80, SYNTHETIC_LA, 0),
  sector("YY1 3", 1.5, 200, SYNTHETIC_LA, 0),
  sector("YY2 1", 2.4, 300, SYNTHETIC_LA, 0),
  sector("YY2 4", 3.0, 20, SYNTHETIC_LA, 0),
  sector("YY3 1", 2.8, 120, SYNTHETIC_LA, 0),
  sector("YY3 2", 3.5, 160, SYNTHETIC_LA, 0),
  sector("YY4 1", 4.1, 240, SYNTHETIC_LA, 0),
  sector("YY4 5", 4.6, 60, SYNTHETIC_LA, 0),
  sector("YY5 2", 5.2, 330, SYNTHETIC_LA, 0),
  sector("YY6 1", 5.8, 100, SYNTHETIC_LA, 0),
  sector("YY6 3", 6.3, 190, SYNTHETIC_LA, 0),
  sector("YW1 2", 11, 45, "E99999902", 1),
  sector("YW2 4", 14, 95, "E99999902", 1),
  sector("YW3 1", 17, 150, "E99999903", 1),
  sector("YW4 5", 20, 230, "E99999903", 1),
  sector("YW5 2", 23, 290, "E99999904", 1),
  sector("YW7 3", 25, 350, "E99999904", 1),
  sector("YT1 1", 42, 70, "E99999905", 2),
  sector("YT2 6", 65, 130, "E99999905", 2),
  sector("YT4 2", 90, 200, "E99999906", 2),
  sector("YT5 3", 120, 260, "E99999906", 2),
  sector("YT8 1", 150, 320, "E99999907", 2),
  sector("YT9 4", 180, 20, "E99999907", 2),
];

/** Letters valid in the last two places of a postcode. */
const UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
export const UNITS_PER_SECTOR = UNIT_LETTERS.length * UNIT_LETTERS.length;

const RING_SECTORS: number[][] = [[], [], []];
SYNTHETIC_SECTORS.forEach((s, i) => {
  RING_SECTORS[s.ring]!.push(i);
});

const postcodeCache: string[] = [];

/** A postcode is held as sector index × UNITS_PER_SECTOR + unit. */
export function postcodeText(code: number): string {
  let text = postcodeCache[code];
  if (text === undefined) {
    const s = SYNTHETIC_SECTORS[Math.floor(code / UNITS_PER_SECTOR)]!;
    const unit = code % UNITS_PER_SECTOR;
    const a = UNIT_LETTERS[Math.floor(unit / UNIT_LETTERS.length)]!;
    const b = UNIT_LETTERS[unit % UNIT_LETTERS.length]!;
    text = `${s.sector}${a}${b}`;
    postcodeCache[code] = text;
  }
  return text;
}

/** A random postcode in a ring (0 inside, 1 near, 2 far). */
export function postcodeIn(rng: Rng, ring: number): number {
  const sectors = RING_SECTORS[ring]!;
  const s = sectors[rng.int(sectors.length)]!;
  return s * UNITS_PER_SECTOR + rng.int(UNITS_PER_SECTOR);
}

/** A random postcode, the ring drawn with weights [inside, near, far]. */
export function postcodeFrom(rng: Rng, weights: readonly number[]): number {
  return postcodeIn(rng, rng.weighted(weights));
}

/** A provider the council places with: its provider code, postcode and Ofsted URN (0 if none). */
export interface Provider {
  provider: number;
  post: number;
  urn: number;
}

/** Pools of providers, drawn once per council. */
export interface ProviderPools {
  /** The council's own fostering service (PR1) and adoption agency. */
  ownFostering: Provider;
  ownAdoption: Provider;
  /** Other councils' fostering services (PR2) and regional adoption agencies. */
  otherFostering: Provider[];
  otherAdoption: Provider[];
  /** Independent fostering agencies (PR4, PR5) and voluntary adoption agencies (PR5). */
  ifa: Provider[];
  vaa: Provider[];
  k2: Provider[];
  k1: Provider[];
  r1: Provider[];
  r3: Provider[];
  s1: Provider[];
  /** Semi-independent and supported accommodation (URN used once registered). */
  supported: Provider[];
}

function draw(
  rng: Rng,
  n: number,
  providers: readonly number[],
  providerWeights: readonly number[],
  ringWeights: readonly number[],
  urnKind: "social" | "school" | "none",
  urns: Set<number>,
): Provider[] {
  const out: Provider[] = [];
  for (let i = 0; i < n; i++) {
    const provider = providers[rng.weighted(providerWeights)]!;
    // A council's own homes are in its area; another council's mostly near.
    const ring =
      provider === PR1 ? 0 : provider === PR2 ? 1 + (rng.chance(0.5) ? 1 : 0) : rng.weighted(ringWeights);
    let urn = 0;
    if (urnKind !== "none") {
      // Ofsted social care URNs (written SC + 6 digits); 6-digit school URNs for S1.
      const lo = urnKind === "school" ? 100000 : 10000;
      const hi = urnKind === "school" ? 149999 : 999999;
      do {
        urn = rng.between(lo, hi);
      } while (urns.has(urn));
      urns.add(urn);
    }
    out.push({ provider, post: postcodeIn(rng, ring), urn });
  }
  return out;
}

/**
 * Pools sized to the council: about one children's home for every 17
 * children in care (a council uses many homes, each with a few of its
 * children), 14 secure homes (England has 13–14), a handful of residential
 * schools, care homes and family centres, supported accommodation
 * providers, and fostering and adoption agencies.
 */
export function providerPools(rng: Rng, childrenInCare: number): ProviderPools {
  const urns = new Set<number>();
  const n = (share: number, min: number) => Math.max(min, Math.round(childrenInCare * share));
  return {
    ownFostering: draw(rng, 1, [PR1], [1], [1, 0, 0], "social", urns)[0]!,
    ownAdoption: draw(rng, 1, [PR1], [1], [1, 0, 0], "social", urns)[0]!,
    otherFostering: draw(rng, 6, [PR2], [1], [0, 1, 1], "social", urns),
    otherAdoption: draw(rng, 3, [PR2], [1], [0, 1, 1], "social", urns),
    ifa: draw(rng, n(0.01, 6), [PR4, PR5], [85, 15], [2, 5, 3], "social", urns),
    vaa: draw(rng, 8, [PR5], [1], [1, 4, 5], "social", urns),
    k2: draw(rng, n(0.06, 6), [PR4, PR1, PR5, PR2], [78, 12, 8, 2], [2, 4, 4], "social", urns),
    k1: draw(rng, 14, [PR2, PR4], [90, 10], [0, 2, 8], "social", urns),
    r1: draw(rng, n(0.005, 3), [PR4, PR3], [70, 30], [1, 3, 6], "none", urns),
    r3: draw(rng, n(0.004, 3), [PR4, PR1, PR5], [55, 30, 15], [3, 4, 3], "social", urns),
    s1: draw(rng, n(0.01, 4), [PR4, PR5, PR2], [60, 20, 20], [1, 3, 6], "school", urns),
    supported: draw(rng, n(0.03, 5), [PR4, PR5, PR1], [75, 15, 10], [45, 40, 15], "social", urns),
  };
}

/** URN held as -1: DfE's placeholder for a placement with no URN. */
export const URN_NONE = -1;

/** The URN as written: blank, XXXXXXX, SC + 6 digits for social care, 6 digits for schools. */
export function urnText(place: number, urn: number): string {
  if (urn === 0) return "";
  if (urn === URN_NONE) return "XXXXXXX";
  if (place === S1) return String(urn);
  return `SC${String(urn).padStart(6, "0")}`;
}
