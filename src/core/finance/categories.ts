import { categoryIndexer, DEFAULT_CATEGORIES, DEFAULT_CATEGORY_CONFIG } from "../forecast/categories.js";

/**
 * Placement categories for costs, supply and the gap: the forecast's default
 * categories (src/core/forecast/categories.ts), chosen because their costs
 * and supply differ. Episodes are mapped by the forecast's own mapping, so
 * the 903 codes are read one way for forecasting and costing.
 */
export const COST_CATEGORIES = DEFAULT_CATEGORIES;

export type CostCategory = (typeof COST_CATEGORIES)[number];

export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  inhouse_fostering: "In-house fostering",
  agency_fostering: "Agency (IFA) fostering",
  connected_fostering: "Connected-person fostering",
  childrens_home: "Children's homes",
  supported_accommodation: "Supported accommodation (16+)",
  placed_with_parents: "Placed with parents",
  adoption: "Placed for adoption",
  secure: "Secure children's homes",
  other: "Other placements",
};

export function isCostCategory(s: string): s is CostCategory {
  return (COST_CATEGORIES as readonly string[]).includes(s);
}

/**
 * Who provides a placement: the council itself ("inhouse", PR1), a private or
 * voluntary provider ("agency", PR4/PR5), or another council or public body
 * ("other_la", PR2/PR3).
 */
export const PROVIDERS = ["inhouse", "agency", "other_la"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const PROVIDER_LABELS: Record<Provider, string> = {
  inhouse: "In-house",
  agency: "Agency / private or voluntary",
  other_la: "Other council or public body",
};

export function isProvider(s: string): s is Provider {
  return (PROVIDERS as readonly string[]).includes(s);
}

let forecastIndex: ReturnType<typeof categoryIndexer> | undefined;

/**
 * The cost category of an episode's PLACE and PLACE_PROVIDER, by the
 * forecast's own mapping (src/core/forecast/categories.ts), so past spend and
 * the budget count the same placements in each category; undefined for a
 * temporary placement (T0–T4), which counts as the placement before it.
 */
export function costCategory(place: string, placeProvider: string): CostCategory | undefined {
  forecastIndex ??= categoryIndexer(DEFAULT_CATEGORY_CONFIG);
  const i = forecastIndex(place, placeProvider);
  if (i < 0) return undefined;
  const name = DEFAULT_CATEGORY_CONFIG.categories[i]!;
  return isCostCategory(name) ? name : "other";
}

/**
 * The provider type of an episode. Fostering categories fix it (in-house and
 * connected-person fostering are the council's own carers; agency fostering
 * is agency); otherwise PLACE_PROVIDER decides: PR1 in-house, PR2/PR3 other
 * council or public body, PR4/PR5 agency; PR0 or blank gives undefined
 * (a placement with no provider to pay, or unknown).
 */
export function providerOf(category: CostCategory, placeProvider: string): Provider | undefined {
  if (category === "inhouse_fostering" || category === "connected_fostering") return "inhouse";
  if (category === "agency_fostering") return "agency";
  switch (placeProvider) {
    case "PR1":
      return "inhouse";
    case "PR2":
    case "PR3":
      return "other_la";
    case "PR4":
    case "PR5":
      return "agency";
    default:
      return undefined;
  }
}

/** True when the placement is a long-term foster placement (U1 connected, U4 other). */
export function isLongTermFoster(place: string): boolean {
  return place === "U1" || place === "U4";
}
