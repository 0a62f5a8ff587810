import { type Day, dayFromYMD, parseDate, validDay, ymdFromDay } from "../dates.js";
import type { LineFilter } from "./read-fast.js";
import { type FieldValues, ROW_FACTORIES, type RowFactory } from "./row-factories.js";
import type { TableSpec } from "./tables.js";
import type { AnyRow, Issue } from "./types.js";
import type { CollectionYear } from "./years.js";

/**
 * Turning the fields of one CSV row into a typed row. Shared by the two
 * tokenizers (read-fast.ts for plain files, Papa Parse for everything else)
 * so both give exactly the same rows and the same issues.
 */

/** Options that reduce what is kept of each child on the way in (docs/data-protection.md). */
export interface Minimise {
  /** Keep only the month and year of dates of birth (stored as the 1st of the month). */
  dobToMonth?: boolean;
  /** Keep only the postcode sector ("AB1 2XY" becomes "AB1 2"). */
  postcodeToSector?: boolean;
  /** Replace each CHILD id, e.g. with a keyed hash (the caller supplies it: the core does no cryptography). */
  childId?: (id: string) => string;
}

/** Fields that keep their letter case (identifiers); every other field is upper-cased. */
const CASE_KEPT = new Set(["CHILD", "SW_ID"]);
const POSTCODE_FIELDS = new Set(["HOME_POST", "PL_POST"]);
const NUMBER_FIELDS = new Set(["PL_DISTANCE"]);
const DOB_FIELDS = new Set(["DOB", "MC_DOB"]);

/** Limits that keep a hostile file from exhausting memory or flooding the report. */
export const MAX_FIELD_LENGTH = 1000;
/** Unreadable rows listed per file; the last listed says so. */
export const MAX_ROW_ISSUES_PER_FILE = 1000;
export const MORE_ROWS_NOT_LISTED = " (further unreadable rows in this file are not listed)";

type FieldKind = "date" | "number" | "postcode" | "id" | "code";

/** How one column of a table is read: where it is in the file and what it holds. */
interface FieldPlan {
  col: string;
  kind: FieldKind;
  /** Position in the file's rows, or -1 for an optional column the file lacks. */
  at: number;
  isDob: boolean;
  /** Converted values by the text as found in the file (values repeat heavily). */
  cache: Map<string, unknown>;
  /** The same, keyed by the raw bytes (fast tokenizer). */
  byBytes: ByteCache;
}

/** What a blank field holds: null for dates and numbers, "" for text. */
function blankOf(kind: FieldKind): string | null {
  return kind === "date" || kind === "number" ? null : "";
}

/** The blank values of a table's fields, in the order row factories take them. */
export function blankValues(spec: TableSpec): (string | null)[] {
  return [...spec.columns, ...spec.optional].map((col) => blankOf(fieldKind(spec, col)));
}

function fieldKind(spec: TableSpec, col: string): FieldKind {
  if (spec.dates.includes(col)) return "date";
  if (NUMBER_FIELDS.has(col)) return "number";
  if (POSTCODE_FIELDS.has(col)) return "postcode";
  if (CASE_KEPT.has(col)) return "id";
  return "code";
}

/** "AB1 2XY" → "AB1 2"; anything not shaped like a full postcode is left as it is. */
export function postcodeSector(postcode: string): string {
  const compact = postcode.replace(/\s+/g, "");
  if (compact.length < 5 || compact.length > 7) return postcode;
  return `${compact.slice(0, -3)} ${compact.charAt(compact.length - 3)}`;
}

function normalisePostcode(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, " ");
}

function firstOfMonth(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYMD(y, m, 1);
}

/**
 * V8 keeps a substring of 13 characters or more as a view into the whole file
 * text, which would keep every file in memory as long as one such value
 * lives. Copying those few long values lets each file's text be freed.
 */
const DETACH_LENGTH = 13;
function detach(s: string): string {
  return s.length >= DETACH_LENGTH ? `${s} `.slice(0, -1) : s;
}

/** Cache size limit per column, so a file of all-distinct values cannot grow a cache without end. */
const CACHE_LIMIT = 1_000_000;

/**
 * Converted values keyed by the raw bytes of a field, found without making a
 * string for the field: an FNV-1a hash into an open-addressing table, then a
 * byte-by-byte check against a copy of the bytes kept in one pool (comparing
 * bytes with bytes: comparing with a stored string by charCodeAt was a third
 * of the read).
 */
export class ByteCache {
  private slots = new Int32Array(1024); // entry index + 1, 0 = empty
  private hashes: number[] = [];
  private values: unknown[] = [];
  /** Where each entry's bytes start in `pool`, and their length. */
  private starts: number[] = [];
  private lengths: number[] = [];
  private pool = new Uint8Array(4096);
  private used = 0;

  get size(): number {
    return this.values.length;
  }

  static hash(bytes: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    return h & 0x3fffffff; // small integers stay unboxed in V8
  }

  /** The cached value, or `MISSING`. */
  get(bytes: Uint8Array, s: number, e: number, h: number): unknown {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return MISSING;
      const k = slot - 1;
      if (this.hashes[k] === h && this.lengths[k] === e - s && this.sameBytes(this.starts[k]!, bytes, s, e))
        return this.values[k];
    }
  }

  set(h: number, bytes: Uint8Array, s: number, e: number, value: unknown): void {
    if (this.values.length >= CACHE_LIMIT) return;
    if ((this.values.length + 1) * 2 > this.slots.length) this.grow();
    const n = e - s;
    if (this.used + n > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.used + n));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    this.pool.set(bytes.subarray(s, e), this.used);
    this.hashes.push(h);
    this.starts.push(this.used);
    this.lengths.push(n);
    this.values.push(value);
    this.used += n;
    this.place(h, this.values.length);
  }

  private sameBytes(at: number, bytes: Uint8Array, s: number, e: number): boolean {
    const pool = this.pool;
    for (let i = s, j = at; i < e; i++, j++) if (pool[j] !== bytes[i]) return false;
    return true;
  }

  private place(h: number, slotValue: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = slotValue;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let k = 0; k < this.values.length; k++) this.place(this.hashes[k]!, k + 1);
  }
}

/** Returned by ByteCache.get when the bytes are not cached. */
export const MISSING: unique symbol = Symbol("missing");

/**
 * The caches of one return, shared by all its files: a child's id, a code or a
 * postcode is converted once however many files and years it appears in.
 */
export interface ReadCaches {
  strings: Map<string, Map<string, unknown>>;
  bytes: Map<string, ByteCache>;
}

export function newReadCaches(): ReadCaches {
  return { strings: new Map(), bytes: new Map() };
}

function cacheKey(kind: FieldKind, col: string): string {
  // Ids and postcodes mean the same in every table and column; codes are per column.
  if (kind === "id") return "id";
  if (kind === "postcode") return "postcode";
  return `${kind}:${col}`;
}

/** ASCII text of bytes[s, e). */
export function ascii(bytes: Uint8Array, s: number, e: number): string {
  if (e - s <= 64) return String.fromCharCode.apply(null, bytes.subarray(s, e) as unknown as number[]);
  let out = "";
  for (let i = s; i < e; i += 4096) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(e, i + 4096)) as unknown as number[]);
  }
  return out;
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0b || b === 0x0c || b === 0x0d;
const DIGIT = (b: number) => b >= 0x30 && b <= 0x39;

/**
 * One of `of` shares of the children, for reading a return on several
 * threads: a thread keeps only the rows (and reports only the problems) of
 * the children whose id hashes to its `index`; rows without a child id go
 * to share 0. Every row of a child lands in the same share, whichever file
 * and whichever tokenizer it comes through.
 */
export interface ChildShare {
  index: number;
  of: number;
}

/** The share of a child id given as bytes [s, e) (already trimmed): the hash the read caches use. */
export function shareOfBytes(bytes: Uint8Array, s: number, e: number, of: number): number {
  return e <= s ? 0 : ByteCache.hash(bytes, s, e) % of;
}

/** The share of a child id given as text (trimmed): that of its UTF-8 bytes, as the fast tokenizer sees them. */
export function shareOfText(id: string, of: number): number {
  const bytes = new TextEncoder().encode(id);
  return shareOfBytes(bytes, 0, bytes.length, of);
}

export interface RowContext {
  path: string;
  year: CollectionYear;
  fileIndex: number;
  minimise: Minimise;
  issues: Issue[];
  caches: ReadCaches;
  /** Keep only this share of the children (all when absent). */
  share?: ChildShare;
}

/** Builds rows of one table from one file, counting what it reads and reporting what it cannot. */
export class RowBuilder {
  readonly rows: AnyRow[] = [];
  rowsRead = 0;
  private rowIssues = 0;
  private readonly plan: FieldPlan[];
  private readonly makeRow: RowFactory;
  private readonly childAt: number;
  /**
   * One row's values, filled field by field and handed to the row factory,
   * which builds the row as one object literal: storing each value into the
   * row by its column name was a keyed store V8 could not specialise (an
   * eighth of the read).
   */
  private readonly values: unknown[];
  private readonly blanks: (string | null)[];

  constructor(
    readonly spec: TableSpec,
    readonly width: number,
    colIndex: Map<string, number>,
    private readonly ctx: RowContext,
  ) {
    this.plan = [...spec.columns, ...spec.optional].map((col) => {
      const kind = fieldKind(spec, col);
      const key = cacheKey(kind, col);
      let cache = ctx.caches.strings.get(key);
      if (!cache) {
        cache = new Map();
        ctx.caches.strings.set(key, cache);
      }
      let byBytes = ctx.caches.bytes.get(key);
      if (!byBytes) {
        byBytes = new ByteCache();
        ctx.caches.bytes.set(key, byBytes);
      }
      return { col, kind, at: colIndex.get(col) ?? -1, isDob: DOB_FIELDS.has(col), cache, byBytes };
    });
    this.makeRow = ROW_FACTORIES[spec.key];
    this.blanks = blankValues(spec);
    this.values = [...this.blanks];
    this.childAt = colIndex.get("CHILD") ?? -1;
  }

  issue(rowNumber: number, column: string | undefined, message: string, child?: string): void {
    this.rowIssues += 1;
    if (this.rowIssues > MAX_ROW_ISSUES_PER_FILE) return;
    this.ctx.issues.push({
      rule: "READ-ROW",
      severity: "error",
      message: this.rowIssues === MAX_ROW_ISSUES_PER_FILE ? `${message}${MORE_ROWS_NOT_LISTED}` : message,
      file: this.ctx.path,
      row: rowNumber,
      child,
      fields: column ? [column] : [],
      year: this.ctx.year,
    });
  }

  /** The value of a field from its text; the same for both tokenizers. */
  private convert(f: FieldPlan, text: string, raw: { v?: Record<string, string> }): unknown {
    switch (f.kind) {
      case "date": {
        let d = parseDate(text);
        if (d !== null && Number.isNaN(d)) {
          raw.v ??= {};
          raw.v[f.col] = detach(text.trim());
        } else if (d !== null && f.isDob && this.ctx.minimise.dobToMonth) d = firstOfMonth(d);
        return d;
      }
      case "number": {
        const t = text.trim();
        const n = t === "" ? null : Number(t);
        if (n !== null && !Number.isFinite(n)) {
          raw.v ??= {};
          raw.v[f.col] = detach(t);
          return Number.NaN;
        }
        return n;
      }
      case "postcode": {
        const pc = normalisePostcode(text);
        return detach(this.ctx.minimise.postcodeToSector ? postcodeSector(pc) : pc);
      }
      case "id": {
        const id = text.trim();
        return detach(
          f.col === "CHILD" && this.ctx.minimise.childId && id !== "" ? this.ctx.minimise.childId(id) : id,
        );
      }
      default:
        return detach(text.trim().toUpperCase());
    }
  }

  /** A row from Papa Parse's fields. */
  fromStrings(fields: string[], rowNumber: number, quoteError?: string): void {
    if (fields.every((f) => f.trim() === "")) return; // a blank row carries no data
    const share = this.ctx.share;
    if (
      share &&
      shareOfText(this.childAt < 0 ? "" : (fields[this.childAt] ?? "").trim(), share.of) !== share.index
    )
      return;
    const child = this.childAt < 0 ? undefined : fields[this.childAt]?.trim().slice(0, 40);
    if (quoteError) {
      this.issue(rowNumber, undefined, `row not read: a quoted field is not closed (${quoteError})`, child);
      return;
    }
    if (
      !this.widthOk(
        fields.length,
        (i) => (fields[i] ?? "").trim() !== "",
        rowNumber,
        () => child,
      )
    )
      return;
    const values = this.values;
    const raw: { v?: Record<string, string> } = {};
    for (let p = 0; p < this.plan.length; p++) {
      const f = this.plan[p]!;
      values[p] = this.blanks[p];
      const text = f.at < 0 ? "" : (fields[f.at] ?? "");
      if (text.length > MAX_FIELD_LENGTH && text.trim().length > MAX_FIELD_LENGTH) {
        this.issue(
          rowNumber,
          f.col,
          `row not read: ${f.col} is ${text.trim().length} characters long`,
          child,
        );
        return;
      }
      if (text === "") continue; // the value stays blank
      let value = f.cache.get(text);
      if (value === undefined || f.kind === "date" || f.kind === "number") {
        value = this.convert(f, text, raw);
        if (f.kind !== "date" && f.kind !== "number" && f.cache.size < CACHE_LIMIT)
          f.cache.set(detach(text), value);
      }
      values[p] = value;
    }
    this.push(
      this.makeRow(this.ctx.year, this.ctx.fileIndex, rowNumber, values as unknown as FieldValues),
      raw.v,
    );
  }

  /**
   * For the fast tokenizer: whether a line (bytes [start, end)) holds a child of this thread's
   * share, found from its CHILD field alone before the line is split (a line without a child,
   * a blank one too, is share 0's). Undefined when every line is wanted.
   */
  lineFilter(): LineFilter | undefined {
    const share = this.ctx.share;
    const c = this.childAt;
    if (!share) return undefined;
    return (bytes, start, end) => {
      // Field c starts after the c-th comma (CHILD is the first field of every 903 table).
      let s = start;
      for (let k = 0; k < c && s <= end; s++) if (s === end || bytes[s] === 0x2c) k++;
      if (c < 0 || s > end) return share.index === 0;
      let e = s;
      while (e < end && bytes[e] !== 0x2c) e++;
      while (s < e && isSpace(bytes[s]!)) s++;
      while (e > s && isSpace(bytes[e - 1]!)) e--;
      return shareOfBytes(bytes, s, e, share.of) === share.index;
    };
  }

  /**
   * A row from the fast tokenizer: fields are byte ranges [starts[i], ends[i])
   * of ASCII text, already known to hold no quotes.
   */
  fromBytes(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, rowNumber: number): void {
    // Trim each field's spaces once; a row of blank fields carries no data.
    let blank = true;
    for (let i = 0; i < count; i++) {
      let s = starts[i]!;
      let e = ends[i]!;
      while (s < e && isSpace(bytes[s]!)) s++;
      while (e > s && isSpace(bytes[e - 1]!)) e--;
      starts[i] = s;
      ends[i] = e;
      if (e > s) blank = false;
    }
    if (blank) return;
    // The child's id is needed only for a message, so it is made only then.
    const child = () =>
      this.childAt < 0 || this.childAt >= count
        ? undefined
        : ascii(bytes, starts[this.childAt]!, Math.min(ends[this.childAt]!, starts[this.childAt]! + 40));
    if (count !== this.width && !this.widthOk(count, (i) => ends[i]! > starts[i]!, rowNumber, child)) return;
    const values = this.values;
    const raw: { v?: Record<string, string> } = {};
    for (let p = 0; p < this.plan.length; p++) {
      const f = this.plan[p]!;
      values[p] = this.blanks[p];
      if (f.at < 0 || f.at >= count) continue;
      const s = starts[f.at]!;
      const e = ends[f.at]!;
      if (e - s > MAX_FIELD_LENGTH) {
        this.issue(rowNumber, f.col, `row not read: ${f.col} is ${e - s} characters long`, child());
        return;
      }
      if (e === s) continue;
      if (f.kind === "date") {
        values[p] = this.dateFromBytes(f, bytes, s, e, raw);
        continue;
      }
      if (f.kind === "number") {
        values[p] = this.convert(f, ascii(bytes, s, e), raw);
        continue;
      }
      const h = ByteCache.hash(bytes, s, e);
      const hit = f.byBytes.get(bytes, s, e, h);
      if (hit !== MISSING) values[p] = hit;
      else {
        const value = this.convert(f, ascii(bytes, s, e), raw);
        f.byBytes.set(h, bytes, s, e, value);
        values[p] = value;
      }
    }
    this.push(
      this.makeRow(this.ctx.year, this.ctx.fileIndex, rowNumber, values as unknown as FieldValues),
      raw.v,
    );
  }

  /** DD/MM/YYYY read straight from the bytes; anything else goes through parseDate. */
  private dateFromBytes(
    f: FieldPlan,
    bytes: Uint8Array,
    s: number,
    e: number,
    raw: { v?: Record<string, string> },
  ): unknown {
    if (
      e - s === 10 &&
      bytes[s + 2] === 0x2f &&
      bytes[s + 5] === 0x2f &&
      DIGIT(bytes[s]!) &&
      DIGIT(bytes[s + 1]!) &&
      DIGIT(bytes[s + 3]!) &&
      DIGIT(bytes[s + 4]!) &&
      DIGIT(bytes[s + 6]!) &&
      DIGIT(bytes[s + 7]!) &&
      DIGIT(bytes[s + 8]!) &&
      DIGIT(bytes[s + 9]!)
    ) {
      const d = (bytes[s]! - 48) * 10 + bytes[s + 1]! - 48;
      const m = (bytes[s + 3]! - 48) * 10 + bytes[s + 4]! - 48;
      const y =
        (bytes[s + 6]! - 48) * 1000 +
        (bytes[s + 7]! - 48) * 100 +
        (bytes[s + 8]! - 48) * 10 +
        bytes[s + 9]! -
        48;
      const day = validDay(y, m, d);
      if (day !== undefined) return f.isDob && this.ctx.minimise.dobToMonth ? firstOfMonth(day) : day;
    }
    return this.convert(f, ascii(bytes, s, e), raw);
  }

  /** A row's field count must match the header's; extra trailing fields are allowed only when empty. */
  private widthOk(
    count: number,
    filled: (i: number) => boolean,
    rowNumber: number,
    child: () => string | undefined,
  ): boolean {
    if (count === this.width) return true;
    let extraFilled = false;
    for (let i = this.width; i < count; i++) if (filled(i)) extraFilled = true;
    if (count < this.width || extraFilled) {
      this.issue(
        rowNumber,
        undefined,
        `row not read: it has ${count} fields but the header has ${this.width}`,
        child(),
      );
      return false;
    }
    return true;
  }

  private push(row: AnyRow, raw: Record<string, string> | undefined): void {
    if (raw) row.raw = raw;
    this.rows.push(row);
    this.rowsRead += 1;
  }
}
