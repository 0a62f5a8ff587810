import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { emptyReturn, postcodeSector, readFile903 } from "./read.js";
import { isPlainCsv } from "./read-fast.js";
import { blankValues } from "./read-rows.js";
import { toCsv } from "./test-support/build.js";
import type { Issue } from "./types.js";

const enc = new TextEncoder();
const EP_HEAD =
  "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";

function read(path: string, content: string | Uint8Array, options = {}) {
  const data = emptyReturn();
  const issues: Issue[] = [];
  const file = readFile903(
    { path, bytes: typeof content === "string" ? enc.encode(content) : content },
    data,
    issues,
    options,
  );
  return { data, issues, file };
}

describe("reading 903 files", () => {
  it("recognises a table by its columns, in any order and case, with padding", () => {
    const { data, issues, file } = read(
      "2019-whatever.csv",
      " dob ,Child,Sex,ETHNIC,UPN,MOTHER,MC_DOB\r\n01/01/2010,A1,1,wbri,,,\r\n",
    );
    expect(issues).toEqual([]);
    expect(file?.table).toBe("header");
    expect(data.tables.header[0]).toMatchObject({
      CHILD: "A1",
      SEX: "1",
      ETHNIC: "WBRI",
      DOB: dayFromYMD(2010, 1, 1),
    });
  });

  it("reports a file that matches no table, naming what differs, and keeps nothing", () => {
    const { data, issues } = read(
      "2019-episodes.csv",
      `${EP_HEAD},EXTRA\r\n1,01/04/2019,S,C2,N1,U4,PR1,,,,,,,x\r\n`,
    );
    expect(data.files).toEqual([]);
    expect(data.tables.episodes).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ rule: "READ-TABLE", fatal: true, file: "2019-episodes.csv" });
    expect(issues[0]!.message).toContain("nearest is Episodes");
    expect(issues[0]!.message).toContain("unexpected EXTRA");
  });

  it("accepts DfE's derived distance columns in Episodes", () => {
    const { data, issues } = read(
      "2019-episodes.csv",
      `${EP_HEAD},PL_DISTANCE,PL_LA,PL_LOCATION\n1,01/04/2019,S,C2,N1,U4,PR1,,,,AB1 2CD,AB1 3EF,,12.5,E09000006,IN\n`,
    );
    expect(issues).toEqual([]);
    expect(data.tables.episodes[0]).toMatchObject({
      PL_DISTANCE: 12.5,
      PL_LA: "E09000006",
      PL_LOCATION: "IN",
    });
  });

  it("takes the collection year from the name, the folder, or the option", () => {
    expect(read("x/2019-20/episodes.csv", `${EP_HEAD}\n`).file?.year).toBe(2019);
    expect(read("x/episodes_201718.csv", `${EP_HEAD}\n`).file?.year).toBe(2017);
    expect(read("x/episodes.csv", `${EP_HEAD}\n`, { year: 2021 }).file?.year).toBe(2021);
    const none = read("x/episodes.csv", `${EP_HEAD}\n`);
    expect(none.issues[0]).toMatchObject({ rule: "READ-YEAR", fatal: true });
    expect(read("2012-episodes.csv", `${EP_HEAD}\n`).issues[0]!.message).toContain("not supported");
  });

  it("reads UTF-8 with a BOM, Windows-1252 and UTF-16", () => {
    const bom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...enc.encode(`${EP_HEAD}\n1,01/04/2019,S,C2,N1,U4,PR1,,,,,,\n`),
    ]);
    expect(read("2019-e.csv", bom).file?.encoding).toBe("utf-8-bom");
    expect(read("2019-e.csv", bom).data.tables.episodes).toHaveLength(1);
    // 0xE9 is é in Windows-1252 and not valid UTF-8 on its own
    const cp = new Uint8Array([
      ...enc.encode(`${EP_HEAD}\nRen`),
      0xe9,
      ...enc.encode(",01/04/2019,S,C2,N1,U4,PR1,,,,,,\n"),
    ]);
    const w = read("2019-e.csv", cp);
    expect(w.file?.encoding).toBe("windows-1252");
    expect(w.data.tables.episodes[0]!.CHILD).toBe("René");
    const u16 = `${EP_HEAD}\r\n1,01/04/2019,S,C2,N1,U4,PR1,,,,,,\r\n`;
    const bytes = new Uint8Array(2 + u16.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < u16.length; i++) bytes[2 + 2 * i] = u16.charCodeAt(i);
    expect(read("2019-e.csv", bytes).data.tables.episodes).toHaveLength(1);
  });

  it("refuses binary files", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 1, 2, 3]);
    const r = read("2019-episodes.xlsx", zip);
    expect(r.issues[0]).toMatchObject({ rule: "READ-TEXT", fatal: true });
  });

  it("reads quoted fields, CRLF, padding, lower case and blank trailing rows", () => {
    const text = `${EP_HEAD}\r\n"1", 01/04/2019 ,s,c2,n1,u4,pr1,"",,,"ab1  2cd",AB1 3EF,\r\n\r\n,,,,,,,,,,,,\r\n\r\n`;
    const { data, issues } = read("2019-e.csv", text);
    expect(issues).toEqual([]);
    expect(data.files[0]!.rows).toBe(1);
    expect(data.tables.episodes[0]).toMatchObject({
      CHILD: "1",
      DECOM: dayFromYMD(2019, 4, 1),
      RNE: "S",
      LS: "C2",
      PLACE: "U4",
      DEC: null,
      HOME_POST: "AB1 2CD",
    });
  });

  it("keeps an unreadable date as NaN with its text, for the validation report", () => {
    const { data, issues } = read("2019-e.csv", `${EP_HEAD}\n1,31/02/2020,S,C2,N1,U4,PR1,,,,,,\n`);
    expect(issues).toEqual([]);
    const e = data.tables.episodes[0]!;
    expect(e.DECOM).toBeNaN();
    expect(e.raw).toEqual({ DECOM: "31/02/2020" });
  });

  it("reports a row with the wrong number of fields, naming file and row", () => {
    const text = `${EP_HEAD}\n1,01/04/2019,S,C2,N1,U4,PR1,,,,,,\n2,01/04/2019,S\n3,01/04/2019,S,C2,N1,U4,PR1,,,,,,,\n`;
    const { data, issues } = read("2019-e.csv", text);
    expect(data.tables.episodes.map((e) => e.CHILD)).toEqual(["1", "3"]); // a trailing empty field is harmless
    expect(issues).toEqual([
      expect.objectContaining({
        rule: "READ-ROW",
        file: "2019-e.csv",
        row: 3,
        child: "2",
        severity: "error",
      }),
    ]);
    expect(issues[0]!.message).toContain("3 fields but the header has 13");
  });

  it("refuses a second file of the same table and year", () => {
    const data = emptyReturn();
    const issues: Issue[] = [];
    readFile903({ path: "a/2019-episodes.csv", bytes: enc.encode(`${EP_HEAD}\n`) }, data, issues);
    readFile903({ path: "b/2019-20-episodes.csv", bytes: enc.encode(`${EP_HEAD}\n`) }, data, issues);
    expect(data.files).toHaveLength(1);
    expect(issues[0]).toMatchObject({ rule: "READ-TWICE", fatal: true, file: "b/2019-20-episodes.csv" });
  });

  it("reads a semicolon-separated file when its header is a 903 table, and says so", () => {
    const sc = read("2019-e.csv", `${EP_HEAD.replaceAll(",", ";")}\n1;01/04/2019;S;C2;N1;U4;PR1;;;;;;\n`);
    expect(sc.issues).toEqual([]);
    expect(sc.file?.delimiter).toBe(";");
    const bad = read("2019-e.csv", "CHILD;DECOM;FOO\n1;01/04/2019;x\n");
    expect(bad.issues[0]!.message).toContain("separated by ';'");
  });

  it("minimises on the way in: month of birth, postcode sector, pseudonymous id", () => {
    const header = toCsv("header", [{ CHILD: "123", DOB: "17/08/2010" }]);
    const h = read("2019-h.csv", header, {
      minimise: { dobToMonth: true, childId: (id: string) => `P${id}` },
    });
    expect(h.data.tables.header[0]).toMatchObject({ CHILD: "P123", DOB: dayFromYMD(2010, 8, 1) });
    const ep = toCsv("episodes", [{ HOME_POST: "SW1A 1AA", PL_POST: "m11ae" }]);
    const e = read("2019-e.csv", ep, { minimise: { postcodeToSector: true } });
    expect(e.data.tables.episodes[0]).toMatchObject({ HOME_POST: "SW1A 1", PL_POST: "M1 1" });
    expect(postcodeSector("AB1")).toBe("AB1");
  });
});

describe("reading hostile input (property-based)", () => {
  const anyField = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom("01/04/2019", "31/02/2020", "U4", "", '"', '""', "\r", "\n", ",", ";", "\u0000", "é"),
  );
  const plainField = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9/ ]{0,10}$/),
    fc.constantFrom("01/04/2019", "31/02/2020", "2019-13-01", "U4", "x1", ""),
  );

  it("never throws on random rows under a real header; every issue names the file", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyField, { maxLength: 16 }), { maxLength: 30 }),
        fc.boolean(),
        (body, crlf) => {
          const text = [EP_HEAD, ...body.map((r) => r.join(","))].join(crlf ? "\r\n" : "\n");
          const { issues } = read("2019-e.csv", text);
          for (const i of issues) {
            expect(i.file).toBe("2019-e.csv");
            expect(i.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads or reports every non-blank row exactly once (nothing dropped silently)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(plainField, { minLength: 1, maxLength: 16 }), { maxLength: 30 }),
        (body) => {
          const text = [EP_HEAD, ...body.map((r) => r.join(","))].join("\n");
          const { data, issues } = read("2019-e.csv", text);
          const nonBlank = body.filter((r) => r.some((f) => f.trim() !== "")).length;
          const reported = issues.filter((i) => i.rule === "READ-ROW").length;
          expect(data.tables.episodes.length + reported).toBe(nonBlank);
          for (const e of data.tables.episodes) {
            if (e.DECOM !== null && Number.isNaN(e.DECOM)) expect(e.raw?.DECOM).toBeDefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on random bytes, truncations or huge fields", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(2000), (noise, cut) => {
        const good = enc.encode(`${EP_HEAD}\n1,01/04/2019,S,C2,N1,U4,PR1,,,,,,\n2,"${"x".repeat(5000)}",S\n`);
        expect(() => read("2019-e.csv", noise)).not.toThrow();
        expect(() => read("2019-e.csv", good.subarray(0, cut))).not.toThrow();
        const mixed = new Uint8Array([...good.subarray(0, cut % good.length), ...noise]);
        const r = read("2019-e.csv", mixed);
        expect(Array.isArray(r.issues)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("reports a field thousands of characters long instead of keeping it", () => {
    const r = read("2019-e.csv", `${EP_HEAD}\n2,"${"x".repeat(5000)}",S,C2,N1,U4,PR1,,,,,,\n`);
    expect(r.data.tables.episodes).toEqual([]);
    expect(r.issues[0]).toMatchObject({ rule: "READ-ROW", row: 2, fields: ["DECOM"] });
  });

  it("reports an unclosed quote", () => {
    const r = read(
      "2019-e.csv",
      `${EP_HEAD}\n1,"01/04/2019,S,C2,N1,U4,PR1,,,,,,\n2,01/04/2019,S,C2,N1,U4,PR1,,,,,,\n`,
    );
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues[0]!.rule).toBe("READ-ROW");
  });
});

describe("row factories", () => {
  it("give every table's rows exactly the table's columns", async () => {
    const { ROW_FACTORIES } = await import("./row-factories.js");
    const { TABLES } = await import("./tables.js");
    for (const [key, spec] of Object.entries(TABLES)) {
      const make = ROW_FACTORIES[key as keyof typeof TABLES];
      const cols = [...spec.columns, ...spec.optional];
      const blank = make(2019, 0, 2, blankValues(spec) as never[]) as unknown as Record<string, unknown>;
      expect(Object.keys(blank).sort()).toEqual(["year", "file", "row", "raw", ...cols].sort());
      for (const c of cols)
        expect(blank[c], c).toBe(spec.dates.includes(c) || c === "PL_DISTANCE" ? null : "");
      // Each value lands in its own column: the factory takes them in column order.
      const row = make(2019, 0, 2, cols.map((c) => `v:${c}`) as never[]) as unknown as Record<
        string,
        unknown
      >;
      for (const c of cols) expect(row[c]).toBe(`v:${c}`);
    }
  });
});

describe("the fast tokenizer and Papa Parse agree", () => {
  const field = fc.oneof(
    fc.stringMatching(/^[ A-Za-z0-9/.-]{0,12}$/),
    fc.constantFrom(
      "01/04/2019",
      " 31/02/2020 ",
      "2019-05-01",
      "u4",
      " PR1 ",
      "ab1  2cd",
      "",
      "  ",
      "x".repeat(1001),
      "12.5",
      "abc",
    ),
  );
  const body = fc.array(fc.array(field, { minLength: 0, maxLength: 17 }), { maxLength: 25 });

  it("gives the same rows and issues for any plain file (property)", () => {
    fc.assert(
      fc.property(body, fc.boolean(), fc.boolean(), (rows, crlf, trailing) => {
        const nl = crlf ? "\r\n" : "\n";
        const head = `${EP_HEAD},PL_DISTANCE`;
        const lines = rows.map((r) => r.join(","));
        const plain = [head, ...lines].join(nl) + (trailing ? nl : "");
        // A quoted column name sends the same content through Papa Parse.
        const quoted = [head.replace("CHILD", '"CHILD"'), ...lines].join(nl) + (trailing ? nl : "");
        expect(isPlainCsv(enc.encode(plain), 0)).toBe(true);
        expect(isPlainCsv(enc.encode(quoted), 0)).toBe(false);
        const a = read("2019-e.csv", plain);
        const b = read("2019-e.csv", quoted);
        expect(a.file?.table).toBe("episodes");
        expect(a.data.tables.episodes).toEqual(b.data.tables.episodes);
        expect(a.issues).toEqual(b.issues);
      }),
      { numRuns: 400 },
    );
  });
});

describe("reading one share of the children", () => {
  const id = fc.oneof(fc.stringMatching(/^ ?[A-Z0-9]{0,6} ?$/), fc.constantFrom("", "  ", "Zoë1", "ÅB"));
  const field = fc.constantFrom("01/04/2019", "", "S", "C1", "U1", "x".repeat(1001), "31/02/2020");
  const row = fc.tuple(id, fc.array(field, { minLength: 0, maxLength: 14 }));
  const body = fc.array(row, { maxLength: 30 });

  it("splits the rows and their problems between the shares, every row of a child in one, by either tokenizer (property)", () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 3 }), (rows, of) => {
        const lines = rows.map(([child, rest]) => [child, ...rest].join(","));
        const ascii = lines.every((l) => [...l].every((ch) => ch.charCodeAt(0) < 0x80));
        // The same rows as a plain file (fast tokenizer, when ASCII) and with a quoted column name (Papa Parse).
        const plain = [EP_HEAD, ...lines].join("\n");
        const quoted = [EP_HEAD.replace("CHILD", '"CHILD"'), ...lines].join("\n");
        for (const content of ascii ? [plain, quoted] : [quoted]) {
          const whole = read("2019-e.csv", content);
          const shares = Array.from({ length: of }, (_, index) =>
            read("2019-e.csv", content, { share: { index, of } }),
          );
          const rowsOf = (r: ReturnType<typeof read>) => r.data.tables.episodes.map((e) => e.row);
          const all = shares.flatMap(rowsOf).sort((a, b) => a - b);
          expect(all).toEqual(rowsOf(whole));
          const issuesOf = (r: ReturnType<typeof read>) =>
            r.issues.map((i) => i.row).filter((x) => x !== undefined);
          expect(shares.flatMap(issuesOf).sort((a, b) => a! - b!)).toEqual(issuesOf(whole));
          // A child's rows, and its unreadable rows, all lie in one share.
          const shareOf = new Map<string, number>();
          shares.forEach((s, k) => {
            for (const e of s.data.tables.episodes) {
              expect(shareOf.get(e.CHILD) ?? k).toBe(k);
              shareOf.set(e.CHILD, k);
            }
          });
        }
        if (ascii) {
          // Both tokenizers put each row in the same share.
          for (let index = 0; index < of; index++) {
            const a = read("2019-e.csv", plain, { share: { index, of } });
            const b = read("2019-e.csv", quoted, { share: { index, of } });
            expect(a.data.tables.episodes.map((e) => e.row)).toEqual(
              b.data.tables.episodes.map((e) => e.row),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
