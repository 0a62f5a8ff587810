import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlainCsv } from "./read-fast.js";
import { ByteCache, MISSING } from "./read-rows.js";

/** The byte-by-byte scan isPlainCsv replaced, kept as the reference it must agree with. */
function plainByteByByte(bytes: Uint8Array, from: number): boolean {
  let crlf = -1;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 || b === 0x22) return false;
    if (b === 0x0d) {
      if (bytes[i + 1] !== 0x0a || crlf === 0) return false;
      crlf = 1;
      i++;
    } else if (b === 0x0a) {
      if (crlf === 1) return false;
      crlf = 0;
    }
  }
  return true;
}

describe("isPlainCsv", () => {
  // Few distinct bytes, so quotes, line ends and high bytes meet often; a
  // random offset into a larger buffer tests the word-aligned scan.
  const byte = fc.constantFrom(0x61, 0x2c, 0x0a, 0x0a, 0x0d, 0x22, 0x80, 0xff, 0x7f, 0x30);
  it("agrees with a byte-by-byte scan on any bytes, at any offset (property)", () => {
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 60 }),
        fc.nat(7),
        fc.nat(10),
        fc.boolean(),
        (body, pad, from, asciiOnly) => {
          const content = asciiOnly ? body.filter((b) => b < 0x80 && b !== 0x22) : body;
          const whole = new Uint8Array(pad + content.length);
          whole.set(content, pad);
          const bytes = whole.subarray(pad);
          const start = Math.min(from, bytes.length);
          expect(isPlainCsv(bytes, start)).toBe(plainByteByByte(bytes, start));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("says no to a high byte anywhere in a long file, and yes to plain CRLF text", () => {
    const text = new TextEncoder().encode("CHILD,DECOM\r\n1,01/04/2019\r\n".repeat(100));
    expect(isPlainCsv(text, 0)).toBe(true);
    for (const at of [0, 5, 1001, text.length - 1]) {
      const copy = text.slice();
      copy[at] = 0xc3;
      expect(isPlainCsv(copy, 0)).toBe(false);
    }
    const mixed = new TextEncoder().encode("A,B\r\n1,2\n");
    expect(isPlainCsv(mixed, 0)).toBe(false);
  });
});

describe("ByteCache", () => {
  it("finds each value by its bytes, wherever they lie, and misses bytes never stored (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z0-9 ]{0,6}$/), { minLength: 1, maxLength: 3000 }),
        fc.stringMatching(/^[a-z]{1,4}$/),
        (keys, absent) => {
          const cache = new ByteCache();
          const enc = new TextEncoder();
          keys.forEach((k, i) => {
            const b = enc.encode(`,${k},`); // the field sits inside a larger buffer
            cache.set(ByteCache.hash(b, 1, b.length - 1), b, 1, b.length - 1, i);
          });
          expect(cache.size).toBe(keys.length);
          keys.forEach((k, i) => {
            const b = enc.encode(`xx${k}`);
            expect(cache.get(b, 2, b.length, ByteCache.hash(b, 2, b.length))).toBe(i);
          });
          const a = enc.encode(absent);
          expect(cache.get(a, 0, a.length, ByteCache.hash(a, 0, a.length))).toBe(MISSING);
        },
      ),
      { numRuns: 50 },
    );
  });
});
