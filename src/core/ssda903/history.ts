import type { Day } from "../dates.js";
import { formatUK } from "../dates.js";
import { groupByChild } from "./by-child.js";
import type { EpisodeRow, HeaderRow, Oc3Row, Return903, SourceFile, UascRow } from "./types.js";
import { type CollectionYear, yearEnd, yearLabel, yearStart } from "./years.js";

/**
 * Rebuilding each child's history from several years of returns.
 *
 * Each year's Episodes file holds every episode open during that year, so an
 * episode appears once per year it spans, and later returns correct earlier
 * ones. The rules (see docs/history.md):
 *  1. key episodes by (CHILD, DECOM); keep the version from the latest return;
 *  2. drop exact duplicates within a return;
 *  3. close an episode left open when a later return shows the child's next
 *     episode (at the next DECOM, with X1 when the next episode continues the
 *     period of care), or, when the next year's return was supplied but no
 *     longer shows the episode, at 1 April of that year;
 *  4. truncate an episode that overlaps the next to end where the next starts.
 * Every change is recorded as a Fix naming the source row.
 */
export type FixRule =
  | "unusable-row"
  | "duplicate"
  | "same-start-conflict"
  | "corrected-later"
  | "closed-by-next"
  | "closed-not-returned"
  | "truncated-overlap";

export const FIX_DESCRIPTIONS: Record<FixRule, string> = {
  "unusable-row": "left out: no child id or no readable start date (DECOM)",
  duplicate: "left out: exact duplicate of another row in the same return",
  "same-start-conflict":
    "left out: another row in the same return has the same child and start date; the later row was kept",
  "corrected-later": "replaced by a later return's different version of the same episode",
  "closed-by-next": "open episode closed where the child's next episode starts",
  "closed-not-returned":
    "open episode closed at the start of the next collection year, whose return no longer shows it (reason ceased unknown)",
  "truncated-overlap": "end date moved back to where the child's next episode starts (episodes overlapped)",
};

export interface Fix {
  rule: FixRule;
  child: string;
  /** The source row the fix is about. */
  file: string;
  row: number;
  year: CollectionYear;
  detail: string;
}

/** An episode of the rebuilt history: a source row, or a corrected copy of it. */
export interface HistoryEpisode extends EpisodeRow {
  DECOM: Day;
  /** The fixes applied to this episode, if any. */
  fixes?: FixRule[];
}

export type Sex = "M" | "F" | "U" | "";

export interface ChildRecord {
  id: string;
  /** From the latest Header row; 1/2 (to 2023/24) and M/F are both read as M/F. */
  sex: Sex;
  dob: Day | null;
  /** Where the date of birth came from: Header, another table (no Header row), or nowhere. */
  dobFrom: "header" | "other" | "none";
  ethnic: string;
  /** Latest UASC row, if the child was ever an unaccompanied asylum-seeking child. */
  uasc: UascRow | null;
  episodes: HistoryEpisode[];
}

export interface History {
  children: ChildRecord[];
  byId: Map<string, ChildRecord>;
  fixes: Fix[];
  /** Collection years with an Episodes file. */
  years: CollectionYear[];
  /** 31 March of the latest year with an Episodes file. */
  dataEnd: Day;
  /** Children with episodes but no Header row in any year (kept; ages come from other tables where possible). */
  withoutHeader: string[];
  oc3: Oc3Row[];
  /** The files the history was built from (rows point into this list). */
  files: SourceFile[];
}

function normaliseSex(s: string): Sex {
  if (s === "1" || s === "M") return "M";
  if (s === "2" || s === "F") return "F";
  if (s === "U") return "U";
  return "";
}

const CONTENT_FIELDS = [
  "RNE",
  "LS",
  "CIN",
  "PLACE",
  "PLACE_PROVIDER",
  "REASON_PLACE_CHANGE",
  "HOME_POST",
  "PL_POST",
  "URN",
] as const;

function sameDay(a: Day | null, b: Day | null): boolean {
  return a === b || (a !== null && b !== null && Number.isNaN(a) && Number.isNaN(b));
}

function identical(a: EpisodeRow, b: EpisodeRow): boolean {
  return CONTENT_FIELDS.every((f) => a[f] === b[f]) && sameDay(a.DEC, b.DEC) && a.REC === b.REC;
}

/** Fields filled in when an episode closes: a later return adding them is routine, not a correction. */
const CLOSING_FIELDS = ["REC", "REASON_PLACE_CHANGE"] as const;

/** A later return's version only closes the episode (or repeats it): routine, not a correction. */
function onlyCloses(older: EpisodeRow, newer: EpisodeRow): boolean {
  return (
    CONTENT_FIELDS.every((f) => older[f] === newer[f] || (f === "REASON_PLACE_CHANGE" && older[f] === "")) &&
    (older.DEC === null || sameDay(older.DEC, newer.DEC)) &&
    CLOSING_FIELDS.every((f) => older[f] === "" || older[f] === newer[f])
  );
}

function isOpen(e: EpisodeRow): boolean {
  return e.DEC === null || Number.isNaN(e.DEC);
}

function validDay(d: Day | null | undefined): d is Day {
  return d !== null && d !== undefined && !Number.isNaN(d);
}

/** Rebuilds one history per child from all the returns given. */
export function rebuildHistory(data: Return903): History {
  const fixes: Fix[] = [];
  const path = (e: { file: number }) => data.files[e.file]?.path ?? "";
  const record = (rule: FixRule, e: EpisodeRow, detail: string) =>
    fixes.push({ rule, child: e.CHILD, file: path(e), row: e.row, year: e.year, detail });

  const years = [...new Set(data.files.filter((f) => f.table === "episodes").map((f) => f.year))].sort(
    (a, b) => a - b,
  );
  const returned = new Set(years);

  // Group usable rows by child, in submission order (year, then file, then row).
  const byChild = groupByChild(data.tables.episodes, (e) => {
    if (e.CHILD !== "" && validDay(e.DECOM)) return false;
    record("unusable-row", e, e.CHILD === "" ? "CHILD is blank" : "DECOM is blank or not a date");
    return true;
  });

  const episodesByChild = new Map<string, HistoryEpisode[]>();
  for (const [child, rows] of byChild) {
    // In start order, and for one start in submission order (year, file, row),
    // so the versions of an episode sit together with the latest last.
    rows.sort(
      (a, b) => (a.DECOM as Day) - (b.DECOM as Day) || a.year - b.year || a.file - b.file || a.row - b.row,
    );
    const eps: HistoryEpisode[] = [];
    for (const row of rows) {
      const kept = eps[eps.length - 1];
      if (!kept || kept.DECOM !== row.DECOM) {
        eps.push(row as HistoryEpisode);
      } else if (kept.year === row.year) {
        if (identical(kept, row)) {
          record("duplicate", row, `same as row ${kept.row}`);
        } else {
          record("same-start-conflict", kept, `row ${row.row} of the same return was kept`);
          eps[eps.length - 1] = row as HistoryEpisode;
        }
      } else {
        if (!onlyCloses(kept, row)) {
          record(
            "corrected-later",
            kept,
            `${yearLabel(row.year)} return, row ${row.row}, has a different version`,
          );
        }
        eps[eps.length - 1] = row as HistoryEpisode;
      }
    }
    for (let i = 0; i < eps.length; i++) {
      const e = eps[i]!;
      const next = eps[i + 1];
      const nextReturnStart = yearStart(e.year + 1);
      const nextReturnShowsIt = returned.has(e.year + 1);
      if (isOpen(e)) {
        // A continuation (RNE other than S) proves the child was in care up to it:
        // close there with X1. A new period of care (S) proves only that the
        // episode ended before it; if the next year's return no longer shows
        // the episode, it ended by 1 April of that year.
        const continued = next !== undefined && next.RNE !== "S";
        const closeAtNext =
          next !== undefined && (continued || !(nextReturnShowsIt && next.DECOM > nextReturnStart));
        if (next && closeAtNext) {
          const rec = continued ? "X1" : "";
          eps[i] = amend(e, { DEC: next.DECOM, REC: rec }, "closed-by-next");
          record(
            "closed-by-next",
            e,
            `closed on ${formatUK(next.DECOM)}${rec ? " with X1" : " (reason ceased unknown)"}`,
          );
        } else if (nextReturnShowsIt) {
          eps[i] = amend(e, { DEC: nextReturnStart, REC: "" }, "closed-not-returned");
          record(
            "closed-not-returned",
            e,
            `closed on ${formatUK(nextReturnStart)}: not in the ${yearLabel(e.year + 1)} return`,
          );
        }
      } else if (next && (e.DEC as Day) > next.DECOM) {
        eps[i] = amend(e, { DEC: next.DECOM }, "truncated-overlap");
        record("truncated-overlap", e, `end moved from ${formatUK(e.DEC as Day)} to ${formatUK(next.DECOM)}`);
      }
    }
    episodesByChild.set(child, eps);
  }

  return assemble(data, episodesByChild, fixes, years);
}

function amend(e: HistoryEpisode, change: Partial<EpisodeRow>, fix: FixRule): HistoryEpisode {
  return { ...e, ...change, fixes: [...(e.fixes ?? []), fix] } as HistoryEpisode;
}

function latestByChild<R extends { CHILD: string; year: CollectionYear }>(
  rows: readonly R[],
): Map<string, R> {
  const m = new Map<string, R>();
  for (const r of rows) {
    const had = m.get(r.CHILD);
    if (!had || r.year >= had.year) m.set(r.CHILD, r);
  }
  return m;
}

function assemble(
  data: Return903,
  episodesByChild: Map<string, HistoryEpisode[]>,
  fixes: Fix[],
  years: CollectionYear[],
): History {
  const headers = latestByChild<HeaderRow>(data.tables.header);
  const uasc = latestByChild<UascRow>(data.tables.uasc);
  // Fallback dates of birth for children with no Header row: any table that carries DOB.
  const otherDob = new Map<string, Day>();
  for (const table of [
    data.tables.uasc,
    data.tables.oc3,
    data.tables.reviews,
    data.tables.oc2,
    data.tables.missing,
  ]) {
    for (const r of table as Array<{ CHILD: string; DOB: Day | null }>) {
      if (validDay(r.DOB)) otherDob.set(r.CHILD, r.DOB);
    }
  }
  const children: ChildRecord[] = [];
  const withoutHeader: string[] = [];
  for (const id of [...episodesByChild.keys()].sort()) {
    const h = headers.get(id);
    let dob: Day | null = null;
    let dobFrom: ChildRecord["dobFrom"] = "none";
    if (h && validDay(h.DOB)) {
      dob = h.DOB;
      dobFrom = "header";
    } else if (otherDob.has(id)) {
      dob = otherDob.get(id)!;
      dobFrom = "other";
    }
    if (!h) withoutHeader.push(id);
    children.push({
      id,
      sex: normaliseSex(h?.SEX ?? uasc.get(id)?.SEX ?? ""),
      dob,
      dobFrom,
      ethnic: h?.ETHNIC ?? "",
      uasc: uasc.get(id) ?? null,
      episodes: episodesByChild.get(id)!,
    });
  }
  return {
    children,
    byId: new Map(children.map((c) => [c.id, c])),
    fixes,
    years,
    dataEnd: years.length ? yearEnd(years[years.length - 1]!) : Number.NaN,
    withoutHeader,
    oc3: data.tables.oc3,
    files: data.files,
  };
}
