import { describe, expect, it } from "vitest";
import { dayFromYMD as d } from "../dates.js";
import { rebuildHistory } from "./history.js";
import { buildReturn, type TextRow } from "./test-support/build.js";

const ep = (o: TextRow): TextRow => ({ CHILD: "1", ...o });

describe("rebuilding history across returns", () => {
  it("merges an episode that spans returns into one, keeping the latest version, with no fix", () => {
    const { data } = buildReturn({
      2018: { header: [{}], episodes: [ep({ DECOM: "01/05/2018" })] },
      2019: { header: [{}], episodes: [ep({ DECOM: "01/05/2018", DEC: "10/06/2019", REC: "E4A" })] },
    });
    const h = rebuildHistory(data);
    expect(h.children).toHaveLength(1);
    const eps = h.children[0]!.episodes;
    expect(eps).toHaveLength(1);
    expect(eps[0]).toMatchObject({ DECOM: d(2018, 5, 1), DEC: d(2019, 6, 10), REC: "E4A", year: 2019 });
    expect(h.fixes).toEqual([]);
    expect(h.years).toEqual([2018, 2019]);
    expect(h.dataEnd).toBe(d(2020, 3, 31));
  });

  it("records a later return's correction of an episode", () => {
    const { data } = buildReturn({
      2018: { episodes: [ep({ DECOM: "01/05/2018", PLACE: "U6", PLACE_PROVIDER: "PR4" })] },
      2019: { episodes: [ep({ DECOM: "01/05/2018", PLACE: "U6", PLACE_PROVIDER: "PR1" })] },
    });
    const h = rebuildHistory(data);
    expect(h.children[0]!.episodes[0]!.PLACE_PROVIDER).toBe("PR1");
    expect(h.fixes).toEqual([
      expect.objectContaining({
        rule: "corrected-later",
        child: "1",
        file: "2018/episodes.csv",
        row: 2,
        year: 2018,
      }),
    ]);
  });

  it("closes an open episode at the next episode's start with X1 when care continues", () => {
    const { data } = buildReturn({
      2018: { episodes: [ep({ DECOM: "01/05/2018" })] },
      2019: { episodes: [ep({ DECOM: "01/06/2019", RNE: "P", REASON_PLACE_CHANGE: "CARPL" })] },
    });
    const h = rebuildHistory(data);
    const [a, b] = h.children[0]!.episodes;
    expect(a).toMatchObject({
      DECOM: d(2018, 5, 1),
      DEC: d(2019, 6, 1),
      REC: "X1",
      fixes: ["closed-by-next"],
    });
    expect(b).toMatchObject({ DECOM: d(2019, 6, 1), DEC: null });
    expect(h.fixes.map((f) => f.rule)).toEqual(["closed-by-next"]);
    // the source row itself is left as it was read
    expect(data.tables.episodes[0]!.DEC).toBeNull();
  });

  it("closes at 1 April an open episode the next return no longer shows, before a new period of care", () => {
    const { data } = buildReturn({
      2018: { episodes: [ep({ DECOM: "01/05/2018" })] },
      2019: { episodes: [ep({ CHILD: "2" })] },
      2020: { episodes: [ep({ DECOM: "01/07/2020", RNE: "S" })] },
    });
    const h = rebuildHistory(data);
    const eps = h.byId.get("1")!.episodes;
    expect(eps[0]).toMatchObject({ DEC: d(2019, 4, 1), REC: "", fixes: ["closed-not-returned"] });
    expect(eps[1]).toMatchObject({ DECOM: d(2020, 7, 1), DEC: null });
  });

  it("closes the last open episode when the next year's return was supplied without it", () => {
    const { data } = buildReturn({
      2018: { episodes: [ep({ DECOM: "01/05/2018" })] },
      2019: { episodes: [ep({ CHILD: "2" })] },
    });
    const h = rebuildHistory(data);
    expect(h.byId.get("1")!.episodes[0]).toMatchObject({
      DEC: d(2019, 4, 1),
      fixes: ["closed-not-returned"],
    });
    expect(h.byId.get("2")!.episodes[0]!.DEC).toBeNull(); // latest return: still open
  });

  it("leaves open an episode of the latest return, and one whose next return was not supplied", () => {
    const { data } = buildReturn({
      2017: { episodes: [ep({ DECOM: "01/05/2017" })] },
      2019: { episodes: [ep({ CHILD: "2" })] },
    });
    const h = rebuildHistory(data);
    expect(h.byId.get("1")!.episodes[0]!.DEC).toBeNull();
    expect(h.fixes).toEqual([]);
  });

  it("truncates an overlapping episode to the next one's start", () => {
    const { data } = buildReturn({
      2019: {
        episodes: [
          ep({ DECOM: "01/05/2019", DEC: "20/06/2019", REC: "X1" }),
          ep({ DECOM: "10/06/2019", RNE: "P", REASON_PLACE_CHANGE: "CARPL" }),
        ],
      },
    });
    const h = rebuildHistory(data);
    expect(h.children[0]!.episodes[0]).toMatchObject({ DEC: d(2019, 6, 10), fixes: ["truncated-overlap"] });
    expect(h.fixes[0]).toMatchObject({ rule: "truncated-overlap", row: 2 });
  });

  it("drops exact duplicates in one return and reports same-start conflicts", () => {
    const row = ep({ DECOM: "01/05/2019" });
    const { data } = buildReturn({
      2019: {
        episodes: [row, row, ep({ CHILD: "2", PLACE: "U6" }), ep({ CHILD: "2", PLACE: "K2", URN: "SC1" })],
      },
    });
    const h = rebuildHistory(data);
    expect(h.byId.get("1")!.episodes).toHaveLength(1);
    expect(h.byId.get("2")!.episodes).toHaveLength(1);
    expect(h.byId.get("2")!.episodes[0]!.PLACE).toBe("K2");
    expect(h.fixes.map((f) => [f.rule, f.row])).toEqual([
      ["duplicate", 3],
      ["same-start-conflict", 4],
    ]);
  });

  it("keeps a same-day move as two episodes, the first ending the day the second starts", () => {
    const { data } = buildReturn({
      2019: {
        episodes: [
          ep({ DECOM: "01/05/2019", DEC: "01/05/2019", REC: "X1" }),
          ep({ DECOM: "01/05/2019", RNE: "P", PLACE: "U6", REASON_PLACE_CHANGE: "CARPL" }),
        ],
      },
    });
    // Same DECOM in one return with different content: the later row is kept, and that is reported.
    const h = rebuildHistory(data);
    expect(h.children[0]!.episodes).toHaveLength(1);
    expect(h.fixes[0]!.rule).toBe("same-start-conflict");
  });

  it("leaves out rows with no child or no readable start, and says so", () => {
    const { data } = buildReturn({
      2019: { episodes: [ep({ CHILD: "" }), ep({ DECOM: "32/01/2019" }), ep({})] },
    });
    const h = rebuildHistory(data);
    expect(h.children.map((c) => c.id)).toEqual(["1"]);
    expect(h.fixes.map((f) => [f.rule, f.row])).toEqual([
      ["unusable-row", 2],
      ["unusable-row", 3],
    ]);
  });

  it("merges Header rows (latest wins) and keeps a child with no Header row", () => {
    const { data } = buildReturn({
      2018: {
        header: [{ SEX: "1", ETHNIC: "WBRI" }],
        episodes: [ep({ DECOM: "01/05/2018", DEC: "01/06/2018", REC: "E4A" })],
      },
      2024: {
        header: [{ SEX: "F", ETHNIC: "BAFR" }],
        episodes: [ep({ DECOM: "01/05/2024" }), ep({ CHILD: "9", DECOM: "01/05/2024" })],
        uasc: [{ CHILD: "9", SEX: "M", DOB: "03/03/2008", DUC: "" }],
      },
    });
    const h = rebuildHistory(data);
    expect(h.byId.get("1")).toMatchObject({
      sex: "F",
      ethnic: "BAFR",
      dob: d(2010, 1, 1),
      dobFrom: "header",
    });
    expect(h.byId.get("9")).toMatchObject({ sex: "M", dob: d(2008, 3, 3), dobFrom: "other" });
    expect(h.byId.get("9")!.uasc?.CHILD).toBe("9");
    expect(h.withoutHeader).toEqual(["9"]);
  });
});

describe("routine closing is not a correction", () => {
  it("does not record a fix when a later return adds DEC, REC and the reason for the placement change", () => {
    const { data } = buildReturn({
      2018: { episodes: [ep({ DECOM: "01/05/2018" })] },
      2019: {
        episodes: [
          ep({ DECOM: "01/05/2018", DEC: "02/06/2019", REC: "X1", REASON_PLACE_CHANGE: "CARPL" }),
          ep({ DECOM: "02/06/2019", RNE: "P", PLACE: "U6" }),
        ],
      },
    });
    const h = rebuildHistory(data);
    expect(h.fixes).toEqual([]);
    expect(h.children[0]!.episodes[0]!.REASON_PLACE_CHANGE).toBe("CARPL");
  });
});
