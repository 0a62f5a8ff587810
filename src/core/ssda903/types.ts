import type { Day } from "../dates.js";
import type { TableKey } from "./tables.js";
import type { CollectionYear } from "./years.js";

/**
 * Rows keep DfE's column names as their property names, so a rule or a
 * message names a field exactly as the data officer sees it in the file.
 *
 * Dates are Days (see ../dates.ts): null when blank, NaN when present but not
 * a real date; the unreadable text is then kept in `raw` for the message.
 * Codes are trimmed and upper-cased on the way in; free text is trimmed.
 */

export interface RowMeta {
  /** Collection year of the file the row came from. */
  year: CollectionYear;
  /** Where the row came from: the file's index in Return903.files, and its row there (the header is row 1). */
  file: number;
  row: number;
  /** Text of fields that could not be read (dates, numbers), by column; undefined when all were read. */
  raw: Record<string, string> | undefined;
}

export interface HeaderRow extends RowMeta {
  CHILD: string;
  SEX: string;
  DOB: Day | null;
  ETHNIC: string;
  UPN: string;
  MOTHER: string;
  MC_DOB: Day | null;
}

export interface EpisodeRow extends RowMeta {
  CHILD: string;
  DECOM: Day | null;
  RNE: string;
  LS: string;
  CIN: string;
  PLACE: string;
  PLACE_PROVIDER: string;
  DEC: Day | null;
  REC: string;
  REASON_PLACE_CHANGE: string;
  HOME_POST: string;
  PL_POST: string;
  URN: string;
  /** DfE-derived; present only in some extracts. Miles, one decimal place. */
  PL_DISTANCE: number | null;
  PL_LA: string;
  PL_LOCATION: string;
}

export interface UascRow extends RowMeta {
  CHILD: string;
  SEX: string;
  DOB: Day | null;
  DUC: Day | null;
}

export interface ReviewRow extends RowMeta {
  CHILD: string;
  DOB: Day | null;
  REVIEW: Day | null;
  REVIEW_CODE: string;
}

export interface Oc2Row extends RowMeta {
  CHILD: string;
  DOB: Day | null;
  SDQ_SCORE: string;
  SDQ_REASON: string;
  CONVICTED: string;
  HEALTH_CHECK: string;
  IMMUNISATIONS: string;
  TEETH_CHECK: string;
  HEALTH_ASSESSMENT: string;
  SUBSTANCE_MISUSE: string;
  INTERVENTION_RECEIVED: string;
  INTERVENTION_OFFERED: string;
}

export interface Oc3Row extends RowMeta {
  CHILD: string;
  DOB: Day | null;
  IN_TOUCH: string;
  ACTIV: string;
  ACCOM: string;
}

export interface Ad1Row extends RowMeta {
  CHILD: string;
  DOB: Day | null;
  DATE_INT: Day | null;
  DATE_MATCH: Day | null;
  FOSTER_CARE: string;
  NB_ADOPTR: string;
  SEX_ADOPTR: string;
  LS_ADOPTR: string;
}

export interface PlacedAdoptionRow extends RowMeta {
  CHILD: string;
  DOB: Day | null;
  DATE_PLACED: Day | null;
  DATE_PLACED_CEASED: Day | null;
  REASON_PLACED_CEASED: string;
}

export interface PrevPermRow extends RowMeta {
  CHILD: string;
  DOB: Day | null;
  PREV_PERM: string;
  LA_PERM: string;
  /** DD/MM/YYYY where day and month may be ZZ (unknown); kept as text. */
  DATE_PERM: string;
}

export interface MissingRow extends RowMeta {
  CHILD: string;
  DOB: Day | null;
  MISSING: string;
  MIS_START: Day | null;
  MIS_END: Day | null;
}

export interface SwEpisodeRow extends RowMeta {
  CHILD: string;
  DOB: Day | null;
  SW_ID: string;
  SW_DECOM: Day | null;
  SW_DEC: Day | null;
  SW_REASON: string;
}

export interface TableRows {
  header: HeaderRow[];
  episodes: EpisodeRow[];
  uasc: UascRow[];
  reviews: ReviewRow[];
  oc2: Oc2Row[];
  oc3: Oc3Row[];
  ad1: Ad1Row[];
  placedAdoption: PlacedAdoptionRow[];
  prevPerm: PrevPermRow[];
  missing: MissingRow[];
  swEpisodes: SwEpisodeRow[];
}

export type AnyRow = TableRows[TableKey][number];

export function emptyTables(): TableRows {
  return {
    header: [],
    episodes: [],
    uasc: [],
    reviews: [],
    oc2: [],
    oc3: [],
    ad1: [],
    placedAdoption: [],
    prevPerm: [],
    missing: [],
    swEpisodes: [],
  };
}

/** A file that was read into a table. */
export interface SourceFile {
  path: string;
  table: TableKey;
  year: CollectionYear;
  /** Data rows read (blank rows not counted). */
  rows: number;
  encoding: string;
  delimiter: string;
}

/** All the 903 files given to the product, read into rows (not yet merged across years). */
export interface Return903 {
  files: SourceFile[];
  tables: TableRows;
}

export type Severity = "error" | "query";

/**
 * One problem found in the input. `fatal` marks a file that could not be read
 * at all (nothing of it was used); other issues point at a row.
 */
export interface Issue {
  rule: string;
  severity: Severity;
  message: string;
  file?: string;
  row?: number;
  child?: string;
  fields: string[];
  year?: CollectionYear;
  fatal?: boolean;
}
