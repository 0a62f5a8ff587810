import type { CollectionYear } from "./years.js";

/** The 903 CSV tables, by the key used throughout the code. */
export type TableKey =
  | "header"
  | "episodes"
  | "uasc"
  | "reviews"
  | "oc2"
  | "oc3"
  | "ad1"
  | "placedAdoption"
  | "prevPerm"
  | "missing"
  | "swEpisodes";

export interface TableSpec {
  key: TableKey;
  /** DfE's name for the table. */
  name: string;
  /** Columns every file of this table has. */
  columns: readonly string[];
  /** Columns a file may also have (DfE-derived fields some extracts carry). */
  optional: readonly string[];
  /** Columns holding dates (DD/MM/YYYY). */
  dates: readonly string[];
  /** First collection year the table exists in, if not always. */
  from?: CollectionYear;
}

export const TABLES: Record<TableKey, TableSpec> = {
  header: {
    key: "header",
    name: "Header",
    columns: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
    optional: [],
    dates: ["DOB", "MC_DOB"],
  },
  episodes: {
    key: "episodes",
    name: "Episodes",
    columns: [
      "CHILD",
      "DECOM",
      "RNE",
      "LS",
      "CIN",
      "PLACE",
      "PLACE_PROVIDER",
      "DEC",
      "REC",
      "REASON_PLACE_CHANGE",
      "HOME_POST",
      "PL_POST",
      "URN",
    ],
    optional: ["PL_DISTANCE", "PL_LA", "PL_LOCATION"],
    dates: ["DECOM", "DEC"],
  },
  uasc: {
    key: "uasc",
    name: "UASC",
    columns: ["CHILD", "SEX", "DOB", "DUC"],
    optional: [],
    dates: ["DOB", "DUC"],
  },
  reviews: {
    key: "reviews",
    name: "Reviews",
    columns: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
    optional: [],
    dates: ["DOB", "REVIEW"],
  },
  oc2: {
    key: "oc2",
    name: "OC2",
    columns: [
      "CHILD",
      "DOB",
      "SDQ_SCORE",
      "SDQ_REASON",
      "CONVICTED",
      "HEALTH_CHECK",
      "IMMUNISATIONS",
      "TEETH_CHECK",
      "HEALTH_ASSESSMENT",
      "SUBSTANCE_MISUSE",
      "INTERVENTION_RECEIVED",
      "INTERVENTION_OFFERED",
    ],
    optional: [],
    dates: ["DOB"],
  },
  oc3: {
    key: "oc3",
    name: "OC3",
    columns: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
    optional: [],
    dates: ["DOB"],
  },
  ad1: {
    key: "ad1",
    name: "AD1",
    columns: [
      "CHILD",
      "DOB",
      "DATE_INT",
      "DATE_MATCH",
      "FOSTER_CARE",
      "NB_ADOPTR",
      "SEX_ADOPTR",
      "LS_ADOPTR",
    ],
    optional: [],
    dates: ["DOB", "DATE_INT", "DATE_MATCH"],
  },
  placedAdoption: {
    key: "placedAdoption",
    name: "PlacedAdoption",
    columns: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    optional: [],
    dates: ["DOB", "DATE_PLACED", "DATE_PLACED_CEASED"],
  },
  prevPerm: {
    key: "prevPerm",
    name: "PrevPerm",
    columns: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
    optional: [],
    // DATE_PERM may carry ZZ for an unknown day or month, so it is read as text.
    dates: ["DOB"],
  },
  missing: {
    key: "missing",
    name: "Missing",
    columns: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
    optional: [],
    dates: ["DOB", "MIS_START", "MIS_END"],
  },
  swEpisodes: {
    key: "swEpisodes",
    name: "SWEpisodes",
    columns: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
    optional: [],
    dates: ["DOB", "SW_DECOM", "SW_DEC"],
    from: 2023,
  },
};

export const TABLE_KEYS = Object.keys(TABLES) as TableKey[];

/** Column names as found in a file, made comparable: trimmed, upper case. */
export function normaliseColumn(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toUpperCase();
}

export type TableMatch =
  | { ok: true; table: TableSpec }
  | { ok: false; nearest?: TableSpec; missing: string[]; extra: string[] };

/**
 * Recognises a table by its column set (order and letter case do not
 * matter). A file matches a table when it has all of the table's columns and
 * nothing outside its columns and optional columns. When nothing matches,
 * the nearest table and the differences are returned so the message can say
 * what is wrong, but the file is never guessed into a table.
 */
export function matchTable(headerRow: readonly string[]): TableMatch {
  const cols = new Set(headerRow.map(normaliseColumn).filter((c) => c !== ""));
  let best: { spec: TableSpec; missing: string[]; extra: string[]; score: number } | undefined;
  for (const spec of Object.values(TABLES)) {
    const allowed = new Set([...spec.columns, ...spec.optional]);
    const missing = spec.columns.filter((c) => !cols.has(c));
    const extra = [...cols].filter((c) => !allowed.has(c));
    if (missing.length === 0 && extra.length === 0) return { ok: true, table: spec };
    const shared = spec.columns.length - missing.length;
    const score = shared - extra.length - missing.length;
    if (shared > 1 && (!best || score > best.score)) best = { spec, missing, extra, score };
  }
  if (!best) return { ok: false, missing: [], extra: [] };
  return { ok: false, nearest: best.spec, missing: best.missing, extra: best.extra };
}
