import type { Day } from "../../dates.js";
import { groupByChild } from "../by-child.js";
import type { TableKey } from "../tables.js";
import type { AnyRow, EpisodeRow, HeaderRow, Return903, TableRows, UascRow } from "../types.js";
import { emptyTables } from "../types.js";
import { type CollectionYear, yearEnd, yearStart } from "../years.js";
import { countInPlacementsByYear, mostCommon } from "./home-la.js";

/** Facts about a year that need every child's rows. */
export interface YearFacts {
  homeLa?: string | undefined;
}

/** The rows of one collection year and the tables supplied for it. */
export interface YearData {
  year: CollectionYear;
  t: TableRows;
  supplied: ReadonlySet<TableKey>;
}

/** Episodes first by DECOM; unreadable or blank start dates go last, in file order. */
export function byStart(a: EpisodeRow, b: EpisodeRow): number {
  const ad = a.DECOM ?? Number.NaN;
  const bd = b.DECOM ?? Number.NaN;
  const an = Number.isNaN(ad);
  const bn = Number.isNaN(bd);
  if (an || bn) return an === bn ? a.row - b.row : an ? 1 : -1;
  return ad - bd || a.row - b.row;
}

// Indexes belong to a year's data, not to one context, so that year y's
// episodes index is built once and serves as year y+1's previous-year index.
const episodeIndexes = new WeakMap<YearData, Map<string, EpisodeRow[]>>();
const headerIndexes = new WeakMap<YearData, Map<string, HeaderRow>>();
const rowJoins = new WeakMap<readonly unknown[], Map<string, unknown>>();
const EMPTY_EPISODES = new Map<string, EpisodeRow[]>();
const EMPTY_HEADERS = new Map<string, HeaderRow>();

function episodeIndex(y: YearData): Map<string, EpisodeRow[]> {
  let m = episodeIndexes.get(y);
  if (!m) {
    m = groupByChild(y.t.episodes);
    for (const list of m.values()) if (list.length > 1) list.sort(byStart);
    episodeIndexes.set(y, m);
  }
  return m;
}

function headerIndex(y: YearData): Map<string, HeaderRow> {
  let m = headerIndexes.get(y);
  if (!m) {
    m = new Map();
    for (const h of y.t.header) if (!m.has(h.CHILD)) m.set(h.CHILD, h);
    headerIndexes.set(y, m);
  }
  return m;
}

/**
 * What a rule sees: the year's rows, its bounds, the previous year's rows
 * when supplied, and indexes built once per year and shared by all rules.
 */
export class YearContext {
  readonly year: CollectionYear;
  /** 1 April of the collection year. */
  readonly start: Day;
  /** 31 March at the end of the collection year. */
  readonly end: Day;
  readonly t: TableRows;
  readonly supplied: ReadonlySet<TableKey>;
  readonly prev: YearData | undefined;
  private readonly cache: Map<string, unknown> = new Map();
  private headers: Map<string, HeaderRow> | undefined;
  private dobOf: string | undefined;
  private dobIs: Day | undefined;

  /** Set on a context cut down to a slice of one table (`slice`). */
  private readonly sliced: boolean;

  constructor(
    private readonly current: YearData,
    prev?: YearData,
    /** Facts about the whole year worked out elsewhere (by threads that each hold some of the children). */
    private readonly given: YearFacts = {},
    /** For `slice`: the year's memos, and its tables with one cut down. */
    from?: { cache: Map<string, unknown>; t: TableRows },
  ) {
    this.year = current.year;
    this.start = yearStart(current.year);
    this.end = yearEnd(current.year);
    this.t = from?.t ?? current.t;
    this.supplied = current.supplied;
    this.prev = prev;
    this.sliced = from !== undefined;
    if (from) this.cache = from.cache;
  }

  /**
   * The same year with one table cut down to a slice of its rows, for rowwise rules: the
   * indexes, facts and memos are the year's (built from all its rows); `shared` is refused,
   * since an index a rule built from the slice would be wrong.
   */
  slice(table: TableKey, rows: readonly AnyRow[]): YearContext {
    return new YearContext(this.current, this.prev, this.given, {
      cache: this.cache,
      t: { ...this.t, [table]: rows },
    });
  }

  private memo<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  /** This year's episodes per child, in start order. */
  episodesByChild(): Map<string, EpisodeRow[]> {
    return episodeIndex(this.current);
  }

  /** The previous year's episodes per child, in start order (empty when not supplied). */
  prevEpisodesByChild(): Map<string, EpisodeRow[]> {
    return this.prev ? episodeIndex(this.prev) : EMPTY_EPISODES;
  }

  /** This year's header row per child (the first, if a child has several). */
  headerByChild(): Map<string, HeaderRow> {
    return headerIndex(this.current);
  }

  prevHeaderByChild(): Map<string, HeaderRow> {
    return this.prev ? headerIndex(this.prev) : EMPTY_HEADERS;
  }

  uascByChild(): Map<string, UascRow> {
    return this.memo("uasc", () => {
      const m = new Map<string, UascRow>();
      for (const u of this.current.t.uasc) if (!m.has(u.CHILD)) m.set(u.CHILD, u);
      return m;
    });
  }

  /** A child's date of birth from this year's Header, if readable. */
  dob(child: string): Day | undefined {
    // Rules ask for each of a child's episodes in turn: the last answer is kept.
    if (child === this.dobOf) return this.dobIs;
    this.headers ??= headerIndex(this.current);
    const d = this.headers.get(child)?.DOB;
    this.dobOf = child;
    this.dobIs = d === null || d === undefined || Number.isNaN(d) ? undefined : d;
    return this.dobIs;
  }

  /** Children with a row in this year's OC3 table. */
  oc3Children(): ReadonlySet<string> {
    return this.memo("oc3Children", () => new Set(this.current.t.oc3.map((r) => r.CHILD)));
  }

  /**
   * Something worked out for each row of `rows` (this year's table, or the slice of it a rowwise
   * rule is given), once for all the rules that read the same rows.
   */
  perRow<R, T>(rows: readonly R[], key: string, make: (row: R) => T): readonly T[] {
    let joins = rowJoins.get(rows);
    if (!joins) {
      joins = new Map();
      rowJoins.set(rows, joins);
    }
    let out = joins.get(key) as T[] | undefined;
    if (!out) {
      out = rows.map(make);
      joins.set(key, out);
    }
    return out;
  }

  /** The council's own LA code as the year's extract shows it (home-la.ts). */
  homeLa(): string | undefined {
    if ("homeLa" in this.given) return this.given.homeLa;
    return this.memo("homeLa", () =>
      mostCommon(countInPlacementsByYear(this.current.t.episodes).get(this.year) ?? new Map()),
    );
  }

  /** Memoise any other index a group of rules shares. */
  shared<T>(key: string, make: () => T): T {
    if (this.sliced)
      throw new Error("a rowwise rule may not use ctx.shared (it sees only a slice of the table)");
    return this.memo(`shared:${key}`, make);
  }
}

/** Splits a return into its collection years. */
export function splitByYear(data: Return903): Map<CollectionYear, YearData> {
  const years = new Map<CollectionYear, YearData>();
  const get = (year: CollectionYear): YearData & { supplied: Set<TableKey> } => {
    let y = years.get(year) as (YearData & { supplied: Set<TableKey> }) | undefined;
    if (!y) {
      y = { year, t: emptyTables(), supplied: new Set() };
      years.set(year, y);
    }
    return y;
  };
  for (const f of data.files) get(f.year).supplied.add(f.table);
  // A file's rows are read one after another, so a year's rows come in runs: each run is copied
  // in one slice (an array of exactly its size, where pushing row by row leaves spare room).
  for (const key of Object.keys(data.tables) as TableKey[]) {
    const rows = data.tables[key] as AnyRow[];
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i]!.year === rows[start]!.year) continue;
      const t = get(rows[start]!.year).t as unknown as Record<TableKey, AnyRow[]>;
      if (t[key].length === 0) t[key] = rows.slice(start, i);
      else for (let j = start; j < i; j++) t[key].push(rows[j]!);
      start = i;
    }
  }
  return years;
}
