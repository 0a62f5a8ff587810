/**
 * Placement categories of the forecast, and how a 903 episode's PLACE and
 * PLACE_PROVIDER map to one. The default keeps apart the placements whose
 * cost and supply differ (in-house, agency and connected fostering,
 * children's homes, supported accommodation, placed with parents,
 * adoption, secure) and puts the rest in "other". The mapping is
 * configuration: a council may merge or split categories.
 */

export const DEFAULT_CATEGORIES = [
  "inhouse_fostering",
  "agency_fostering",
  "connected_fostering",
  "childrens_home",
  "supported_accommodation",
  "placed_with_parents",
  "adoption",
  "secure",
  "other",
] as const;

export const CATEGORY_LABELS: Record<string, string> = {
  inhouse_fostering: "In-house fostering",
  agency_fostering: "Agency fostering",
  connected_fostering: "Connected-person fostering",
  childrens_home: "Children's home",
  supported_accommodation: "Supported accommodation",
  placed_with_parents: "Placed with parents",
  adoption: "Placed for adoption",
  secure: "Secure children's home",
  other: "Other",
};

/** Temporary placements (T0–T4): counted as the placement the child came from. */
export const TEMPORARY_PLACES: ReadonlySet<string> = new Set(["T0", "T1", "T2", "T3", "T4"]);

/**
 * A category mapping. `byPlace` names a category for a PLACE code, or one
 * for private and voluntary providers (`agency`, PR4/PR5) and one for the
 * rest (`own`); codes not listed go to `fallback`.
 */
export interface CategoryConfig {
  categories: readonly string[];
  byPlace: Readonly<Record<string, string | { agency: string; own: string }>>;
  /** Providers counted as agency for split codes. */
  agencyProviders: readonly string[];
  fallback: string;
}

const FOSTER_SPLIT = { agency: "agency_fostering", own: "inhouse_fostering" };

export const DEFAULT_CATEGORY_CONFIG: CategoryConfig = {
  categories: DEFAULT_CATEGORIES,
  byPlace: {
    U1: "connected_fostering",
    U2: "connected_fostering",
    U3: "connected_fostering",
    U4: FOSTER_SPLIT,
    U5: FOSTER_SPLIT,
    U6: FOSTER_SPLIT,
    K2: "childrens_home",
    R1: "childrens_home",
    H5: "supported_accommodation",
    K3: "supported_accommodation",
    P2: "supported_accommodation",
    P1: "placed_with_parents",
    A3: "adoption",
    A4: "adoption",
    A5: "adoption",
    A6: "adoption",
    K1: "secure",
  },
  agencyProviders: ["PR4", "PR5"],
  fallback: "other",
};

/** Checks a mapping: every category it names is listed, and the list has no repeats. */
export function checkCategoryConfig(config: CategoryConfig): void {
  const known = new Set(config.categories);
  if (known.size !== config.categories.length) throw new RangeError("categories must not repeat");
  if (known.size === 0) throw new RangeError("give at least one category");
  const named = [config.fallback];
  for (const v of Object.values(config.byPlace)) {
    if (typeof v === "string") named.push(v);
    else named.push(v.agency, v.own);
  }
  for (const c of named) {
    if (!known.has(c)) throw new RangeError(`category '${c}' is used in the mapping but not listed`);
  }
}

/**
 * A fast (PLACE, PLACE_PROVIDER) → category index function for a mapping.
 * Temporary placements map to -1: the caller counts them as the placement
 * the child came from.
 */
export function categoryIndexer(config: CategoryConfig = DEFAULT_CATEGORY_CONFIG) {
  checkCategoryConfig(config);
  const index = new Map(config.categories.map((c, i) => [c, i]));
  const agency = new Set(config.agencyProviders);
  const fallback = index.get(config.fallback)!;
  const simple = new Map<string, number>();
  const split = new Map<string, { agency: number; own: number }>();
  for (const [place, v] of Object.entries(config.byPlace)) {
    if (typeof v === "string") simple.set(place, index.get(v)!);
    else split.set(place, { agency: index.get(v.agency)!, own: index.get(v.own)! });
  }
  return (place: string, provider: string): number => {
    if (TEMPORARY_PLACES.has(place)) return -1;
    const s = simple.get(place);
    if (s !== undefined) return s;
    const sp = split.get(place);
    if (sp) return agency.has(provider) ? sp.agency : sp.own;
    return fallback;
  };
}

/**
 * The category of a placement, by name. A temporary placement (T0–T4) has
 * no category of its own and returns undefined.
 */
export function categoryOf(
  place: string,
  provider: string,
  config: CategoryConfig = DEFAULT_CATEGORY_CONFIG,
): string | undefined {
  const i = categoryIndexer(config)(place, provider);
  return i < 0 ? undefined : config.categories[i];
}

/**
 * How a period of care ends, in the forecast's groups. "age_18" is the
 * rate-driven part (moving to independent living or staying put before the
 * 18th birthday); leaving care on the 18th birthday is certain and is
 * projected from each child's age, not estimated as a rate.
 */
export const EXIT_GROUPS = ["returned_home", "adoption", "special_guardianship", "age_18", "other"] as const;
export type ExitGroup = (typeof EXIT_GROUPS)[number];

export const EXIT_LABELS: Record<ExitGroup, string> = {
  returned_home: "Returned home",
  adoption: "Adopted",
  special_guardianship: "Special guardianship order",
  age_18: "Independent living or staying put before 18",
  other: "Other (child arrangements order, transfer, custody, remand ended, unknown...)",
};

const EXIT_OF: Record<string, ExitGroup> = {
  E4A: "returned_home",
  E4B: "returned_home",
  E13: "returned_home",
  E11: "adoption",
  E12: "adoption",
  E45: "special_guardianship",
  E46: "special_guardianship",
  E47: "special_guardianship",
  E48: "special_guardianship",
  E5: "age_18",
  E6: "age_18",
  E17: "age_18",
};

/** The exit group of a reason episode ceased (REC); blank and other codes are "other". */
export function exitGroupIndex(rec: string): number {
  const g = EXIT_OF[rec];
  return g === undefined ? EXIT_GROUPS.length - 1 : EXIT_GROUPS.indexOf(g);
}
