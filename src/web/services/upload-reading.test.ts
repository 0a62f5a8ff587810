import { describe, expect, it } from "vitest";
import { toCsv } from "../../core/ssda903/test-support/build.js";
import { readUpload, safeName, sha256 } from "./upload-reading.js";

const enc = (s: string) => new TextEncoder().encode(s);
const episodes = (rows = [{ CHILD: "1" }]) => enc(toCsv("episodes", rows));
const header = () => enc(toCsv("header", [{ CHILD: "1" }]));

describe("reading an upload", () => {
  it("reads 903 files by their columns and the year in their names, and the small input files by their headers", () => {
    const r = readUpload([
      { name: "2019-episodes.csv", bytes: episodes() },
      { name: "2019-header.csv", bytes: header() },
      {
        name: "pop.csv",
        bytes: enc(
          `year,age,population\r\n${Array.from({ length: 18 }, (_, a) => `2019,${a},100`).join("\r\n")}\r\n`,
        ),
      },
      {
        name: "neighbours.csv",
        bytes: enc("area,year,measure,value\r\nEngland,2020,cla_rate_per_10k,67\r\n"),
      },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.read.files.map((f) => [f.name, f.kind, f.table, f.year, f.rows])).toEqual([
      ["2019-episodes.csv", "903", "episodes", 2019, 1],
      ["2019-header.csv", "903", "header", 2019, 1],
      ["pop.csv", "population", null, null, null],
      ["neighbours.csv", "comparators", null, null, null],
    ]);
    expect(r.read.files[0]!.sha256).toBe(sha256(episodes()));
    expect(r.read.data.tables.episodes.length).toBe(1);
  });

  it("names every file it cannot take, and why", () => {
    const r = readUpload([
      { name: "2019-episodes.csv", bytes: episodes() },
      { name: "notes.txt", bytes: enc("hello") },
      { name: "2019-wrong.csv", bytes: enc("A,B,C\r\n1,2,3\r\n") },
      { name: "episodes.csv", bytes: episodes() },
      { name: "2019-empty.csv", bytes: new Uint8Array() },
      { name: "2019-binary.csv", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0, 0]) },
      { name: "pop.csv", bytes: enc("year,age,population\r\n2019,0,lots\r\n") },
      { name: "2019-episodes.csv", bytes: episodes() },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.problems.map((p) => p.message);
    expect(messages[0]).toBe("notes.txt must be a CSV file");
    expect(messages[1]).toMatch(/^2019-wrong\.csv cannot be read: the columns match no 903 table/);
    expect(messages[2]).toBe(
      "episodes.csv cannot be read: its name does not say which collection year it is for; rename it like 2019-episodes.csv (for 2019/20)",
    );
    expect(messages[3]).toBe("2019-empty.csv is empty");
    expect(messages[4]).toMatch(/^2019-binary\.csv cannot be read: /);
    expect(messages[5]).toMatch(/^pop\.csv is not a valid population file: pop\.csv, row 2, population/);
    expect(messages[6]).toBe("2019-episodes.csv was selected twice");
    expect(r.problems.map((p) => p.file)).toEqual([
      "notes.txt",
      "2019-wrong.csv",
      "episodes.csv",
      "2019-empty.csv",
      "2019-binary.csv",
      "pop.csv",
      "2019-episodes.csv",
    ]);
  });

  it("needs an Episodes file", () => {
    const r = readUpload([{ name: "2019-header.csv", bytes: header() }]);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      "Include at least one Episodes file (named like 2024-episodes.csv)",
    ]);
    const none = readUpload([]);
    expect(none.ok ? [] : none.problems.map((p) => p.message)).toEqual(["Select at least one file"]);
  });

  it("refuses two files of one table and year, even named differently", () => {
    const twice = readUpload([
      { name: "2019-episodes.csv", bytes: episodes() },
      { name: "episodes_201920.csv", bytes: episodes() },
    ]);
    expect(twice.ok ? [] : twice.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^episodes_201920\.csv cannot be read: a Episodes file for 2019\/20 was already given/,
      ),
    ]);
  });
});

describe("file names", () => {
  it("keep only the name, without folders or control characters", () => {
    expect(safeName("C:\\Users\\me\\2019-episodes.csv")).toBe("2019-episodes.csv");
    expect(safeName("../../etc/passwd")).toBe("passwd");
    expect(safeName("a\u0000b\n.csv")).toBe("ab.csv");
    expect(safeName("")).toBe("unnamed.csv");
    expect(safeName("x".repeat(300)).length).toBe(200);
  });
});
