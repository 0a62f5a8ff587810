/**
 * A tokenizer for the plain CSV that case-management systems almost always
 * produce: ASCII text, commas, no quotes, every line ending in LF or every
 * line in CRLF. It reads fields as byte ranges, so a national return's
 * millions of cells are read without making a string for each (Papa Parse,
 * which handles everything else, spends most of its time allocating those
 * strings; measured in docs/decisions.md). Any file it is not sure of goes
 * to Papa Parse, and a property test checks both give the same rows.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * True when the bytes from `from` can take the fast path. Scans with
 * indexOf and whole words rather than byte by byte: on a national return
 * the byte loop cost a tenth of the read.
 */
export function isPlainCsv(bytes: Uint8Array, from: number): boolean {
  if (bytes.indexOf(QUOTE, from) >= 0 || hasHighBit(bytes, from)) return false;
  // Either no CR at all (LF endings) or every line in CRLF: each CR followed
  // by an LF, and as many CRs as LFs, so no LF stands alone.
  let cr = bytes.indexOf(CR, from);
  if (cr < 0) return true;
  let crs = 0;
  for (; cr >= 0; cr = bytes.indexOf(CR, cr + 2)) {
    if (bytes[cr + 1] !== LF) return false;
    crs++;
  }
  let lfs = 0;
  for (let lf = bytes.indexOf(LF, from); lf >= 0; lf = bytes.indexOf(LF, lf + 1)) lfs++;
  return crs === lfs;
}

/** True when some byte from `from` on is 0x80 or above (not ASCII), OR-ing four bytes at a time. */
function hasHighBit(bytes: Uint8Array, from: number): boolean {
  const end = bytes.length;
  let i = from;
  let acc = 0;
  while (i < end && (bytes.byteOffset + i) % 4 !== 0) acc |= bytes[i++]!;
  const words = (end - i) >> 2;
  if (words > 0) {
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    for (let w = 0; w < words; w++) acc |= view[w]!;
    i += words * 4;
  }
  while (i < end) acc |= bytes[i++]!;
  return (acc & 0x80808080) !== 0;
}

export type LineHandler = (starts: Int32Array, ends: Int32Array, count: number, lineNumber: number) => void;

/** Whether a line (bytes [start, end), line end excluded) is wanted at all; asked before it is split into fields. */
export type LineFilter = (bytes: Uint8Array, start: number, end: number) => boolean;

/**
 * Calls `onLine` for each line after the first (the header), with the byte
 * ranges of its fields, numbered as a spreadsheet numbers rows (header = 1);
 * lines `keep` turns down are passed over without being split.
 */
export function eachLine(bytes: Uint8Array, from: number, onLine: LineHandler, keep?: LineFilter): void {
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let pos = from;
  let line = 0;
  while (pos <= bytes.length) {
    let end = bytes.indexOf(LF, pos);
    const next = end < 0 ? bytes.length + 1 : end + 1;
    if (end < 0) end = bytes.length;
    let lineEnd = end;
    if (lineEnd > pos && bytes[lineEnd - 1] === CR) lineEnd--;
    line += 1;
    if (
      line > 1 &&
      !(end === bytes.length && lineEnd === pos) &&
      (keep === undefined || keep(bytes, pos, lineEnd))
    ) {
      let count = 0;
      let s = pos;
      for (let i = pos; i <= lineEnd; i++) {
        if (i === lineEnd || bytes[i] === COMMA) {
          if (count === starts.length) {
            const grownS = new Int32Array(count * 2);
            const grownE = new Int32Array(count * 2);
            grownS.set(starts);
            grownE.set(ends);
            starts = grownS;
            ends = grownE;
          }
          starts[count] = s;
          ends[count] = i;
          count++;
          s = i + 1;
        }
      }
      onLine(starts, ends, count, line);
    }
    pos = next;
  }
}

/** The first line (the header row) of the bytes from `from`, without its line end. */
export function firstLineOf(bytes: Uint8Array, from: number): { start: number; end: number } {
  let end = bytes.indexOf(LF, from);
  if (end < 0) end = bytes.length;
  let lineEnd = end;
  if (lineEnd > from && bytes[lineEnd - 1] === CR) lineEnd--;
  return { start: from, end: lineEnd };
}
