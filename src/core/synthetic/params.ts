/**
 * The rates and mixes the generator simulates from. Every number here is a
 * default chosen to make a council that looks like an English council's 903
 * return; docs/synthetic-data.md lists them with their sources. Where a
 * number comes from published statistics it is "England" (DfE, Children
 * looked after in England including adoptions, years ending 31 March
 * 2019–2023, rounded) or "Bromley" (Bromley's sufficiency strategy
 * 2022–24: placements by type and age 2021/22); the rest are stated
 * modelling assumptions, tuned so that the results land near England's
 * headline measures (stock by age, placement mix, 3+ moves about 10%).
 */

/** Children looked after per 10,000 aged 0–17 that sets the default population (England 2023: 71). */
export const DEFAULT_RATE_PER_10000 = 70;

/**
 * Relative first-entry rates per 10,000 children of each single year of age
 * 0–17 (not UASC). Shape from England's starters by age (2023: under 1
 * about 18% of indigenous starts, 1–4 14%, 5–9 15%, 10–15 33%, 16–17 20%)
 * divided by each age's population. The level is rescaled so that the
 * steady-state stock is `childrenInCare` (see calibrate in simulate.ts)
 * unless the caller gives rates.
 */
export const DEFAULT_ENTRY_SHAPE: readonly number[] = [
  85, 17, 13, 11, 10, 10, 10, 10, 11, 12, 14, 17, 21, 26, 28, 28, 26, 20,
];

/**
 * UASC arriving per year as a share of `childrenInCare`. England 2023: 7,290
 * UASC of 83,840 (9%), staying about 1.5 years; Bromley plans for 10–15 a
 * year with about 330 in care. 6.5% a year gives UASC about 8% of the stock.
 */
export const DEFAULT_UASC_SHARE_PER_YEAR = 0.065;

/** UASC age at arrival (14, 15, 16, 17): mostly 16–17 (England: 85% of UASC in care are 16+). */
export const UASC_AGE_WEIGHTS: readonly number[] = [5, 15, 40, 40];
/** Share of UASC who are boys (England: about 95%). */
export const UASC_MALE = 0.94;

/**
 * Children receiving short breaks (LS V3/V4) at any time, as a share of
 * `childrenInCare`. An assumption: 903 returns hold a few short-break
 * children per hundred looked-after children.
 */
export const DEFAULT_SHORT_BREAK_SHARE = 0.025;

/**
 * Share of fostering placements (U4–U6) made with the council's own carers
 * (PR1). England: about half of foster placements are in-house; Bromley:
 * "just over half".
 */
export const DEFAULT_IN_HOUSE_FOSTER_SHARE = 0.52;

/** Years simulated before the first written year, so that it starts at steady state (no child stays longer than 18 years). */
export const DEFAULT_BURN_IN_YEARS = 18;

/** Share of boys among indigenous children (England: 56%). */
export const MALE_SHARE = 0.56;

/** From 2024/25 SEX may be U: share of new children recorded so. */
export const SEX_UNKNOWN_SHARE = 0.003;

/**
 * Ethnicity weights in ETHNIC_CODES order. Indigenous children: England's
 * children looked after less UASC (White about 74%, Mixed 11%, Black 7%,
 * Asian 4%, other 3%, not obtained or refused 1%).
 */
export const ETHNIC_WEIGHTS: readonly number[] = [
  63, 0.4, 5.5, 0.3, 0.8, 3.6, 1.4, 1.6, 3.4, 0.6, 1.3, 0.6, 1.6, 1.5, 3.5, 1.6, 0.1, 2.8, 0.2, 0.9,
];
/** UASC: mostly any other ethnic group (e.g. Afghan, Kurdish), Asian other, Black African (Eritrean, Sudanese). */
export const UASC_ETHNIC_WEIGHTS: readonly number[] = [
  0, 0, 10, 0, 0, 0, 0, 0, 1, 0, 0, 0, 25, 0, 22, 0, 0, 38, 0, 4,
];

/**
 * Category of need weights (N1..N8). England's starters: abuse or neglect
 * about 60%, family dysfunction 15%, acute stress 8%, absent parenting
 * (nearly all UASC) 8%.
 */
export const CIN_SHORT: readonly number[] = [45, 2, 5, 15, 20, 7, 1, 5];
export const CIN_LONG: readonly number[] = [75, 3, 4, 4, 10, 1, 0, 3];
export const CIN_REMAND: readonly number[] = [10, 0, 0, 10, 20, 60, 0, 0];

// ---------------------------------------------------------------------------
// Pathways: how a period of care ends. Weights by age at entry for
// [return home, adoption, special guardianship, child arrangements order,
// long stay (to 18, independence, or a later return home)].
// England 2023 ceased: returned home about 30%, adopted 9%, SGO 13%, CAO 4%,
// moved to independent living or 18+ about 30%, other 14%.
// ---------------------------------------------------------------------------

export const PATH_WEIGHTS_BY_AGE: ReadonlyArray<readonly number[]> = [
  [15, 32, 27, 3, 23], // under 1
  [20, 22, 28, 5, 25], // 1
  [20, 22, 28, 5, 25], // 2
  [24, 12, 28, 5, 31], // 3
  [24, 12, 28, 5, 31], // 4
  [33, 2, 19, 5, 41], // 5–9
  [42, 0, 8, 3, 47], // 10–12
  [45, 0, 3, 1, 51], // 13–15
  [35, 0, 0, 0, 65], // 16–17
];

export function pathBand(age: number): number {
  if (age < 5) return age;
  if (age < 10) return 5;
  if (age < 13) return 6;
  if (age < 16) return 7;
  return 8;
}

/** Share of entries aged 12+ that begin with a remand (J1). England: about 3% of starts aged 10+. */
export const REMAND_SHARE_12_PLUS = 0.045;

/** Share of adoptions with parental consent (A3/A4, LS V2) rather than a placement order (E1). */
export const ADOPTION_BY_CONSENT = 0.12;

/** Chance that a child who went home (or left under a CAO) comes back into care, and the gap (median days, log-sd). */
export const REENTRY_AFTER_RETURN = 0.18;
export const REENTRY_AFTER_CAO = 0.05;
export const REENTRY_AFTER_SGO = 0.03;
export const REENTRY_AFTER_REMAND = 0.15;
export const REENTRY_GAP: readonly [number, number] = [300, 0.9];

/** Return-home durations: a mixture of very short stays and months-long ones (England: about 1 in 5 periods ceasing lasted under 8 weeks). */
export const SHORT_VERY_SHORT_SHARE = 0.3;
export const SHORT_VERY_SHORT: readonly [number, number] = [12, 1.0];
export const SHORT_USUAL: readonly [number, number] = [190, 0.9];

/** Long stays: mean years before an unplanned return home, for children entering under 16. */
export const LONG_RETURN_HOME_MEAN_YEARS = 10;
/** Long stays: chance the long-term foster carers take an SGO (entries under 12), 2–6 years in. */
export const LONG_SGO_BY_FOSTER_CARERS = 0.12;
/** Long stays reaching 17: chance of moving to independent living before 18 (E5/E6). */
export const LONG_EARLY_INDEPENDENCE = 0.12;

/** Adoption timeline: entry to placement order, order to placement with adopters, placement to order (median days, log-sd). England: entry to placement with adopters about 15 months; adoption order at least 10 weeks after placement. */
export const ADOPT_TO_ORDER: readonly [number, number] = [300, 0.3];
export const ADOPT_ORDER_TO_PLACED: readonly [number, number] = [90, 0.6];
export const ADOPT_PLACED_TO_ADOPTED: readonly [number, number] = [210, 0.35];
export const ADOPT_CONSENT_TO_PLACED: readonly [number, number] = [80, 0.4];

export const SGO_DURATION: readonly [number, number] = [480, 0.45];
export const CAO_DURATION: readonly [number, number] = [400, 0.5];
export const REMAND_DURATION: readonly [number, number] = [40, 0.7];

/** Rare exits at a random point of any non-UASC period: care taken over by another council (E3), moved abroad (E16). */
export const TRANSFER_SHARE = 0.015;
export const ABROAD_SHARE = 0.003;

/** UASC exits before 18: transfer under the National Transfer Scheme (E3), age assessed 18+ (E15), went missing (E8). */
export const UASC_TRANSFER = 0.08;
export const UASC_AGE_ASSESSED = 0.03;
export const UASC_MISSING = 0.03;

// ---------------------------------------------------------------------------
// Legal status.
// ---------------------------------------------------------------------------

/** Interim care order to full care order (median days, log-sd): the 26-week court timetable, often longer. */
export const C1_TO_C2: readonly [number, number] = [270, 0.35];
/** Section 20 to interim care order when proceedings follow (median days). */
export const V2_TO_C1: readonly [number, number] = [70, 0.6];
/** Emergency starts: police protection (L1, 1–3 days) and emergency protection orders (L2, 2–8 days). */
export const START_L1 = 0.05;
export const START_L2 = 0.03;

// ---------------------------------------------------------------------------
// Placements.
// ---------------------------------------------------------------------------

/** Placement choices of the natural process. */
export const CH_FOSTER = 0;
export const CH_CONNECTED = 1;
export const CH_FFA = 2;
export const CH_K2 = 3;
export const CH_K1 = 4;
export const CH_SUPPORTED = 5;
export const CH_P2 = 6;
export const CH_P1 = 7;
export const CH_R1 = 8;
export const CH_R2 = 9;
export const CH_R3 = 10;
export const CH_R5 = 11;
export const CH_S1 = 12;
export const CH_P3 = 13;
export const CHOICES = 14;

/**
 * Placement type weights by age band (under 1, 1–4, 5–9, 10–12, 13–15,
 * 16–17) in CH_ order. From Bromley's placements made in 2021/22 by age
 * (fostering 69/82/82/65/34% by band; children's homes mostly 12–15;
 * semi-independent most of 16+) and England's placements at 31 March
 * (fostered 68%, children's homes and semi-independent 17%, with parents
 * 6%, placed for adoption 2%). R2 and R3 apply only to a first placement.
 */
export const PLACE_WEIGHTS: ReadonlyArray<readonly number[]> = [
  //  FOS  CON  FFA  K2   K1   SUP  P2   P1   R1   R2   R3   R5   S1   P3
  [62, 25, 0, 0, 0, 0, 0, 10, 0, 3, 14, 0, 0, 0],
  [62, 24, 0, 0.5, 0, 0, 0, 10, 0, 0.5, 3, 0, 0, 0],
  [68, 17, 0, 5, 0, 0, 0, 8, 0.3, 0.2, 0, 0, 0.5, 0],
  [60, 12, 0, 22, 0.5, 0, 0, 4, 0.5, 0.2, 0, 0, 2, 0],
  [44, 8, 0, 38, 1.5, 0, 0, 4, 1, 0.2, 0, 0.5, 2.5, 0],
  [26, 4, 0, 13, 0.5, 45, 3, 4, 0.5, 0.2, 0, 1, 1, 0.3],
];
/** UASC: fostering (mostly agency) at 14–15; supported accommodation for most at 16–17. */
export const UASC_PLACE_WEIGHTS: ReadonlyArray<readonly number[]> = [
  [82, 0, 0, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [33, 0, 0, 2, 0, 60, 5, 0, 0, 0, 0, 0, 0, 0],
];

export function placeBand(age: number): number {
  if (age < 1) return 0;
  if (age < 5) return 1;
  if (age < 10) return 2;
  if (age < 13) return 3;
  if (age < 16) return 4;
  return 5;
}

/** How long a placement lasts before a move (median days, log-sd), by PLACE code index. */
export const SHORT_FOSTER_DURATION: readonly [number, number] = [240, 1.0];
export const LONG_FOSTER_DURATION: readonly [number, number] = [1800, 0.7];
export const EMERGENCY_DURATION: readonly [number, number] = [10, 0.7];
/** Share of periods whose first placement is a short emergency foster placement. */
export const EMERGENCY_FIRST = 0.25;
/** Long-stay children in a short-term foster placement: chance it becomes long-term (U1/U4, same carer) and when (median days). */
export const LONG_TERM_MATCH = 0.65;
export const LONG_TERM_MATCH_AFTER: readonly [number, number] = [300, 0.4];

/** Reasons a placement ends (REASON_PLACE_CHANGE) for a move to another carer, in REASON_CODES order from CARPL. */
export const REASON_WEIGHTS_FOSTER: readonly number[] = [30, 2, 2, 3, 1, 18, 14, 5, 8, 0, 0, 17];
export const REASON_WEIGHTS_OTHER: readonly number[] = [35, 5, 2, 5, 0, 15, 5, 15, 10, 0, 0, 8];

/** Temporary placements per placement-year (foster carers' holidays are the most common, T3). */
export const TEMP_RATE_FOSTER = 0.12;
export const TEMP_RATE_OTHER = 0.05;

/** Staying put (E17): chance a fostered young person stays with the carers at 18 (England: about 1 in 3). */
export const STAYING_PUT = 0.35;

/** A girl in care from 15 becomes a mother at this rate per year (first child only). */
export const MOTHER_RATE_PER_YEAR = 0.035;

// ---------------------------------------------------------------------------
// Short breaks.
// ---------------------------------------------------------------------------

/** Share of short-break children recorded under an agreement (V4) rather than as individual episodes (V3). */
export const SHORT_BREAK_V4 = 0.15;
/** Years a child receives short breaks (uniform range). */
export const SHORT_BREAK_YEARS: readonly [number, number] = [1, 6];
/** Nights per break and their weights (1..4). */
export const SHORT_BREAK_NIGHTS: readonly number[] = [30, 45, 15, 10];
/** Most days of short breaks in any 365 days the generator allows (DfE's limit is 75). */
export const SHORT_BREAK_MAX_DAYS = 66;

// ---------------------------------------------------------------------------
// Population.
// ---------------------------------------------------------------------------

/** Births trend per year and its year-to-year noise (sd): a gently falling birth rate, as in England since 2012. */
export const BIRTHS_TREND = -0.004;
export const BIRTHS_NOISE = 0.012;
/** Net migration: each year of age is this much larger than the cohort's births. */
export const MIGRATION_PER_YEAR_OF_AGE = 0.006;
