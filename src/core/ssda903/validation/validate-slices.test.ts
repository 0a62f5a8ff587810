import { describe, expect, it } from "vitest";
import { generated } from "../../synthetic/test-helpers.js";
import { type ChildShare, readFiles903 } from "../read.js";
import { addCounts, countInPlacementsByYear, mostCommon } from "./home-la.js";
import { defaultRegistry } from "./rules/index.js";
import { validate } from "./validate.js";

/**
 * Generated returns (clean) made messy by a seeded hand: fields blanked, swapped with another
 * row's, dates moved, codes made up, rows duplicated and dropped. Most rules then fire.
 */
function messyFiles(): Map<string, string> {
  const { files } = generated({ from: 2019, to: 2022, childrenInCare: 120, seed: 31 });
  let s = 99;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const out = new Map<string, string>();
  for (const [name, text] of files) {
    if (name === "population.csv") continue;
    const [head, ...lines] = text.split(/\r?\n/).filter(Boolean);
    const rows = lines.map((l) => l.split(","));
    const kept: string[] = [];
    for (const r of rows) {
      if (rnd() < 0.02) continue;
      const row = r.map((v, i) => {
        const u = rnd();
        if (u >= 0.04) return v;
        if (u < 0.01) return "";
        if (u < 0.02) return rows[Math.floor(rnd() * rows.length)]![i]!;
        if (u < 0.03) return /^\d\d\/\d\d\/\d{4}$/.test(v) ? `0${1 + Math.floor(rnd() * 9)}${v.slice(2)}` : v;
        return "ZZ";
      });
      kept.push(row.join(","));
      if (rnd() < 0.02) kept.push(row.join(","));
    }
    out.set(name, [head, ...kept].join("\r\n"));
  }
  return out;
}

function read(files: Map<string, string>, share?: ChildShare) {
  const enc = new TextEncoder();
  return readFiles903(
    [...files].map(([path, text]) => ({ path, bytes: enc.encode(text) })),
    share ? { share } : {},
  );
}

describe("running rules together over slices of a table", () => {
  const files = messyFiles();
  const { data, issues } = read(files);
  const whole = validate(data, defaultRegistry, issues, { sliceRows: Number.MAX_SAFE_INTEGER });

  it("finds what each rule finds alone, in the same order, with slices of any size", () => {
    expect(new Set(whole.issues.map((i) => i.rule)).size).toBeGreaterThan(60);
    for (const sliceRows of [1, 7, 2048]) {
      const sliced = validate(data, defaultRegistry, issues, { sliceRows });
      expect(JSON.stringify(sliced.issues)).toBe(JSON.stringify(whole.issues));
    }
  });

  it("gives the same findings from two halves of the children as from all of them, once the halves agree the council's LA code", () => {
    const halves = [0, 1].map((index) => read(files, { index, of: 2 }));
    // Every row lands in exactly one half.
    for (const key of Object.keys(data.tables) as Array<keyof typeof data.tables>) {
      expect(halves[0]!.data.tables[key].length + halves[1]!.data.tables[key].length).toBe(
        data.tables[key].length,
      );
    }
    const counts = countInPlacementsByYear(halves[0]!.data.tables.episodes);
    addCounts(counts, countInPlacementsByYear(halves[1]!.data.tables.episodes));
    const facts = new Map([...counts].map(([year, c]) => [year, { homeLa: mostCommon(c) }]));
    const found = halves.flatMap((h) => validate(h.data, defaultRegistry, [], { facts }).issues);
    const key = (i: (typeof found)[number]) => JSON.stringify(i);
    const rulesOnly = whole.issues.filter((i) => !i.rule.startsWith("READ-"));
    expect(found.map(key).sort()).toEqual(rulesOnly.map(key).sort());
  });
});

describe("the council's own LA code", () => {
  it("is the code most IN placements give, the first in code order on a tie, whatever the order of counting", () => {
    const a = new Map([
      ["316", 4],
      ["209", 4],
      ["874", 1],
    ]);
    expect(mostCommon(a)).toBe("209");
    expect(mostCommon(new Map([...a].reverse()))).toBe("209");
    expect(mostCommon(new Map([...a, ["316", 5]]))).toBe("316");
    expect(mostCommon(new Map())).toBeUndefined();
  });
});
