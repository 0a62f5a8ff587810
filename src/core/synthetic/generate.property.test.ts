import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LAST_SUPPORTED_YEAR } from "../ssda903/years.js";
import { generateCouncil } from "./generate.js";
import { byChild, filesOf, readBack, sequenceProblems } from "./test-helpers.js";

describe("generateCouncil (property)", () => {
  it("writes files that read back with no issues and hold consistent episodes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
        fc.integer({ min: 2015, max: LAST_SUPPORTED_YEAR }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 20, max: 150 }),
        (seed, from, span, childrenInCare) => {
          const to = Math.min(from + span, LAST_SUPPORTED_YEAR);
          const files = filesOf(generateCouncil({ from, to, childrenInCare, seed }));
          const { data, issues } = readBack(files);
          expect(issues).toEqual([]);
          expect(data.files.length).toBe(4 * (to - from + 1));
          const headers = new Set(data.tables.header.map((h) => `${h.year}|${h.CHILD}`));
          for (const [child, rows] of byChild(data.tables.episodes)) {
            for (let y = from; y <= to; y++) {
              const eps = rows.filter((e) => e.year === y).sort((a, b) => a.DECOM! - b.DECOM!);
              if (eps.length === 0) continue;
              expect(headers.has(`${y}|${child}`)).toBe(true);
              expect(sequenceProblems(eps), `child ${child} in ${y} (seed ${seed})`).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
