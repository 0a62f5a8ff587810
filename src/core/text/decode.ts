/**
 * Turns the bytes of a file from a council's case-management export into
 * text. Extracts come as UTF-8 (with or without a byte-order mark), as
 * Windows-1252 from older systems and Excel's "CSV" save, and occasionally as
 * UTF-16 from Excel's "Unicode text". Uses the standard TextDecoder, which
 * browsers and Node share.
 */
export interface Decoded {
  text: string;
  encoding: "utf-8" | "utf-8-bom" | "windows-1252" | "utf-16le" | "utf-16be";
}

export type DecodeResult = { ok: true; value: Decoded } | { ok: false; reason: string };

/** Share of control bytes above which a file is taken to be binary, not text. */
const BINARY_CONTROL_SHARE = 0.01;

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > BINARY_CONTROL_SHARE;
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      ok: true,
      value: { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" },
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      ok: true,
      value: { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" },
    };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) {
    return {
      ok: false,
      reason: "the file is not text (it looks like a binary file, e.g. a spreadsheet saved as .xlsx)",
    };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, value: { text, encoding: bom ? "utf-8-bom" : "utf-8" } };
  } catch {
    // Not valid UTF-8: Windows-1252 maps every byte, so this always succeeds.
    return {
      ok: true,
      value: { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" },
    };
  }
}
