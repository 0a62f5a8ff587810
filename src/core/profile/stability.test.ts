import { describe, expect, it } from "vitest";
import { dayFromYMD as d } from "../dates.js";
import { rebuildHistory } from "../ssda903/history.js";
import { buildReturn, type TextRow } from "../ssda903/test-support/build.js";
import { careEpisodes } from "./care.js";
import { placementSegments, placementsDuring, stability } from "./stability.js";

function child(episodes: TextRow[], dob = "01/01/2012") {
  const { data } = buildReturn({ 2021: { header: [{ DOB: dob }], episodes } });
  const h = rebuildHistory(data);
  return h.children.map((c) => ({ child: c, episodes: careEpisodes(c) }));
}

const S = { DECOM: "01/01/2019", RNE: "S", PLACE: "U4", PLACE_PROVIDER: "PR1" };

describe("placements and stability", () => {
  it("does not count a legal-status change, a same-carer change, a temporary move or the return from it", () => {
    const [c] = child([
      { ...S, DEC: "01/05/2021", REC: "X1" },
      { DECOM: "01/05/2021", RNE: "L", LS: "E1", DEC: "01/06/2021", REC: "X1" },
      {
        DECOM: "01/06/2021",
        RNE: "T",
        PLACE: "U5",
        DEC: "01/07/2021",
        REC: "X1",
        REASON_PLACE_CHANGE: "PLACE",
      },
      {
        DECOM: "01/07/2021",
        RNE: "P",
        PLACE: "T2",
        PLACE_PROVIDER: "",
        DEC: "10/07/2021",
        REC: "X1",
        REASON_PLACE_CHANGE: "OTHER",
      },
      { DECOM: "10/07/2021", RNE: "P", PLACE: "U5", REASON_PLACE_CHANGE: "OTHER" },
    ]);
    expect(placementSegments(c!.episodes)).toEqual([0, 0, 0, 0, 0]);
    expect(placementsDuring(c!.episodes, d(2021, 4, 1), d(2022, 3, 31))).toBe(1);
  });

  it("counts a move to another carer after a temporary placement as a new placement", () => {
    const [c] = child([
      { ...S, DEC: "01/07/2021", REC: "X1" },
      {
        DECOM: "01/07/2021",
        RNE: "P",
        PLACE: "T4",
        PLACE_PROVIDER: "",
        DEC: "05/07/2021",
        REC: "X1",
        REASON_PLACE_CHANGE: "OTHER",
      },
      { DECOM: "05/07/2021", RNE: "P", PLACE: "U6", PLACE_PROVIDER: "PR4", REASON_PLACE_CHANGE: "CREQB" },
    ]);
    expect(placementSegments(c!.episodes)).toEqual([0, 0, 1]);
  });

  it("counts three placements, and the long-term measure at its 2.5-year and 2-year edges", () => {
    // in care from 30/09/2019 exactly (2.5 years before 31/03/2022), same placement from 31/03/2020 exactly
    const edge = child([
      { DECOM: "30/09/2019", RNE: "S", PLACE: "U6", PLACE_PROVIDER: "PR4", DEC: "31/03/2020", REC: "X1" },
      { DECOM: "31/03/2020", RNE: "P", PLACE: "U4", PLACE_PROVIDER: "PR1", REASON_PLACE_CHANGE: "CARPL" },
    ]);
    expect(stability(edge, 2021).longTerm).toEqual({ count: 1, of: 1, pct: 100 });
    const dayLate = child([
      { DECOM: "01/10/2019", RNE: "S", PLACE: "U6", PLACE_PROVIDER: "PR4", DEC: "31/03/2020", REC: "X1" },
      { DECOM: "31/03/2020", RNE: "P", PLACE: "U4", PLACE_PROVIDER: "PR1", REASON_PLACE_CHANGE: "CARPL" },
    ]);
    expect(stability(dayLate, 2021).longTerm.of).toBe(0);
    const moved = child([
      { DECOM: "30/09/2019", RNE: "S", PLACE: "U6", PLACE_PROVIDER: "PR4", DEC: "01/04/2020", REC: "X1" },
      { DECOM: "01/04/2020", RNE: "P", PLACE: "U4", PLACE_PROVIDER: "PR1", REASON_PLACE_CHANGE: "CARPL" },
    ]);
    expect(stability(moved, 2021).longTerm).toEqual({ count: 0, of: 1, pct: 0 });
  });

  it("counts an adoptive placement together with the placement before it", () => {
    const adopted = child([
      { DECOM: "01/01/2019", RNE: "S", PLACE: "U4", PLACE_PROVIDER: "PR1", DEC: "01/12/2021", REC: "X1" },
      {
        DECOM: "01/12/2021",
        RNE: "B",
        LS: "E1",
        PLACE: "A5",
        PLACE_PROVIDER: "PR1",
        REASON_PLACE_CHANGE: "CARPL",
      },
    ]);
    expect(stability(adopted, 2021).longTerm).toEqual({ count: 1, of: 1, pct: 100 });
  });

  it("leaves children of 16 and over out of the long-term measure", () => {
    const old = child([{ ...S }], "31/03/2006"); // 16 on 31/03/2022
    expect(stability(old, 2021).longTerm.of).toBe(0);
    const young = child([{ ...S }], "01/04/2006");
    expect(stability(young, 2021).longTerm.of).toBe(1);
  });

  it("counts the three-plus measure over children in care at 31 March only", () => {
    const c = child([
      { DECOM: "01/05/2021", RNE: "S", PLACE: "U6", PLACE_PROVIDER: "PR4", DEC: "01/06/2021", REC: "X1" },
      {
        DECOM: "01/06/2021",
        RNE: "P",
        PLACE: "U6",
        PLACE_PROVIDER: "PR1",
        DEC: "01/07/2021",
        REC: "X1",
        REASON_PLACE_CHANGE: "CARPL",
      },
      {
        DECOM: "01/07/2021",
        RNE: "P",
        PLACE: "K2",
        PLACE_PROVIDER: "PR4",
        URN: "SC1",
        REASON_PLACE_CHANGE: "CARPL",
      },
    ]);
    expect(stability(c, 2021).threePlus).toEqual({ count: 1, of: 1, pct: 100 });
    expect(stability(c, 2020).threePlus).toEqual({ count: 0, of: 0, pct: null });
  });
});
