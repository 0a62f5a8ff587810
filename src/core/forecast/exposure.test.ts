import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { rebuildHistory } from "../ssda903/history.js";
import { buildReturn, type TextRow } from "../ssda903/test-support/build.js";
import { DEFAULT_AGE_GROUPS } from "./ages.js";
import { DEFAULT_CATEGORIES, EXIT_GROUPS } from "./categories.js";
import { durationBands } from "./durations.js";
import { countWindow, monthsInCare, stockByMonth, type WindowCounts } from "./exposure.js";
import { buildSegments, END_AGE_OUT, END_EXIT, END_OPEN, END_SAME_MOVE, END_TRANSITION } from "./segments.js";

/*
 * A hand-built history, window 1 April 2019 – 31 March 2020 ([from, to) with to = 1 April 2020):
 *
 * 1  DOB 15/06/2009 (10 on 15/06/2019). In-house foster 01/04/2019, agency foster (RNE P) 01/10/2019,
 *    returned home (E4A) 01/03/2020. Exposure: in-house 5–9 75 days (to the birthday), in-house 10–12
 *    108 days, agency 10–12 152 days (Feb 2020 has 29). Events: in-house → agency (a new placement),
 *    agency → returned home. Entry at 117 months of age.
 * 2  DOB 01/01/2015. Children's home since 01/01/2019 (before the window), still there: 1–4 275 days,
 *    5–9 91 days (5 on 01/01/2020). No event, no entry in the window.
 * 3  Short breaks only (V3): left out.
 * 4  DOB 01/01/2012. In-house 01/06/2019, returned home on 01/04/2020 = the day after the window: 305
 *    days in 5–9, no event (it belongs to the next window).
 * 5  DOB 01/01/2008. In-house 01/05/2019, a temporary placement (T3) 01/07–15/07/2019, back to the same
 *    carer: one segment, 336 days in 10–12, no event.
 * 6  DOB 02/01/2008. As 5 but back to a different carer (another postcode): a move within in-house on
 *    15/07/2019.
 * 7  DOB 01/02/2002 (18 on 01/02/2020). Supported accommodation since 01/01/2019, leaves on the 18th
 *    birthday: 306 days at 17, no event (leaving at 18 is certain, not a rate).
 * 8  DOB 01/01/2010. In-house 01/05/2019, legal status change only (RNE L) 01/08/2019: no event;
 *    245 days at 9 (5–9), 91 at 10.
 */
const ep = (o: TextRow): TextRow => ({
  LS: "C2",
  CIN: "N1",
  PLACE_PROVIDER: "PR1",
  PL_POST: "AA1 2AB",
  URN: "",
  ...o,
});
const header = (child: string, dob: string): TextRow => ({ CHILD: child, DOB: dob, UPN: "A123456789012" });

const Y2019 = {
  header: [
    header("1", "15/06/2009"),
    header("2", "01/01/2015"),
    header("3", "01/01/2012"),
    header("4", "01/01/2012"),
    header("5", "01/01/2008"),
    header("6", "02/01/2008"),
    header("7", "01/02/2002"),
    header("8", "01/01/2010"),
  ],
  episodes: [
    ep({ CHILD: "1", DECOM: "01/04/2019", RNE: "S", PLACE: "U4", DEC: "01/10/2019", REC: "X1" }),
    ep({
      CHILD: "1",
      DECOM: "01/10/2019",
      RNE: "P",
      PLACE: "U4",
      PLACE_PROVIDER: "PR4",
      DEC: "01/03/2020",
      REC: "E4A",
    }),
    ep({ CHILD: "2", DECOM: "01/01/2019", RNE: "S", PLACE: "K2", PLACE_PROVIDER: "PR4" }),
    ep({ CHILD: "3", DECOM: "01/05/2019", RNE: "S", LS: "V3", PLACE: "K2", DEC: "03/05/2019", REC: "E13" }),
    ep({ CHILD: "4", DECOM: "01/06/2019", RNE: "S", PLACE: "U6" }),
    ep({ CHILD: "5", DECOM: "01/05/2019", RNE: "S", PLACE: "U6", DEC: "01/07/2019", REC: "X1" }),
    ep({
      CHILD: "5",
      DECOM: "01/07/2019",
      RNE: "P",
      PLACE: "T3",
      PLACE_PROVIDER: "",
      DEC: "15/07/2019",
      REC: "X1",
    }),
    ep({ CHILD: "5", DECOM: "15/07/2019", RNE: "P", PLACE: "U6" }),
    ep({ CHILD: "6", DECOM: "01/05/2019", RNE: "S", PLACE: "U6", DEC: "01/07/2019", REC: "X1" }),
    ep({
      CHILD: "6",
      DECOM: "01/07/2019",
      RNE: "P",
      PLACE: "T3",
      PLACE_PROVIDER: "",
      DEC: "15/07/2019",
      REC: "X1",
    }),
    ep({ CHILD: "6", DECOM: "15/07/2019", RNE: "P", PLACE: "U6", PL_POST: "ZZ9 9ZZ" }),
    ep({
      CHILD: "7",
      DECOM: "01/01/2019",
      RNE: "S",
      PLACE: "H5",
      PLACE_PROVIDER: "PR4",
      DEC: "01/02/2020",
      REC: "E4A",
    }),
    ep({ CHILD: "8", DECOM: "01/05/2019", RNE: "S", PLACE: "U6", DEC: "01/08/2019", REC: "X1" }),
    ep({ CHILD: "8", DECOM: "01/08/2019", RNE: "L", LS: "V2", PLACE: "U6" }),
  ],
};
const Y2020 = {
  header: [
    header("2", "01/01/2015"),
    header("4", "01/01/2012"),
    header("5", "01/01/2008"),
    header("6", "02/01/2008"),
    header("8", "01/01/2010"),
  ],
  episodes: [
    ep({ CHILD: "2", DECOM: "01/01/2019", RNE: "S", PLACE: "K2", PLACE_PROVIDER: "PR4" }),
    ep({ CHILD: "4", DECOM: "01/06/2019", RNE: "S", PLACE: "U6", DEC: "01/04/2020", REC: "E4A" }),
    ep({ CHILD: "5", DECOM: "15/07/2019", RNE: "P", PLACE: "U6" }),
    ep({ CHILD: "6", DECOM: "15/07/2019", RNE: "P", PLACE: "U6", PL_POST: "ZZ9 9ZZ" }),
    ep({ CHILD: "8", DECOM: "01/08/2019", RNE: "L", LS: "V2", PLACE: "U6" }),
  ],
};

const history = rebuildHistory(buildReturn({ 2019: Y2019, 2020: Y2020 }).data);
const seg = buildSegments(history);
const from = dayFromYMD(2019, 4, 1);
const to = dayFromYMD(2020, 4, 1);
const C = DEFAULT_CATEGORIES.length;
const cat = (name: string) => DEFAULT_CATEGORIES.indexOf(name as (typeof DEFAULT_CATEGORIES)[number]);
const exit = (name: string) => C + EXIT_GROUPS.indexOf(name as (typeof EXIT_GROUPS)[number]);
const G = { "1-4": 1, "5-9": 2, "10-12": 3, "17": 6 } as const;

function exposure(w: WindowCounts, g: number, c: number, b = 0) {
  return w.exposure[(0 * w.GA + g * w.NB + b) * w.C + c]!;
}
function events(w: WindowCounts, g: number, c: number, k: number, b = 0) {
  return w.events[((0 * w.GA + g * w.NB + b) * w.C + c) * w.D + k]!;
}

describe("segments", () => {
  it("splits a history into spells in one category, with what ended each", () => {
    const kinds = (child: number) => {
      const out: string[] = [];
      // Segments are in child order; pick by date of birth of the child.
      const dob = history.byId.get(String(child))!.dob!;
      for (let i = 0; i < seg.n; i++) {
        if (seg.dob[i] !== dob) continue;
        const kind = ["open", "transition", "move", "exit", "18"][seg.endKind[i]!]!;
        out.push(`${DEFAULT_CATEGORIES[seg.cat[i]!]}:${kind}`);
      }
      return out;
    };
    expect(kinds(1)).toEqual(["inhouse_fostering:transition", "agency_fostering:exit"]);
    expect(kinds(5)).toEqual(["inhouse_fostering:open"]);
    expect(kinds(6)).toEqual(["inhouse_fostering:move", "inhouse_fostering:open"]);
    expect(kinds(7)).toEqual(["supported_accommodation:18"]);
    expect(kinds(8)).toEqual(["inhouse_fostering:open"]);
    expect([END_OPEN, END_TRANSITION, END_SAME_MOVE, END_EXIT, END_AGE_OUT]).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("exposure and events in a window", () => {
  const w = countWindow(seg, DEFAULT_AGE_GROUPS, durationBands([]), from, to);

  it("splits person-days at birthdays and at the window's edges", () => {
    expect(exposure(w, G["5-9"], cat("inhouse_fostering"))).toBe(75 + 305 + 245);
    expect(exposure(w, G["10-12"], cat("inhouse_fostering"))).toBe(108 + 336 + 336 + 91);
    expect(exposure(w, G["10-12"], cat("agency_fostering"))).toBe(152);
    expect(exposure(w, G["1-4"], cat("childrens_home"))).toBe(275);
    expect(exposure(w, G["5-9"], cat("childrens_home"))).toBe(91);
    expect(exposure(w, G["17"], cat("supported_accommodation"))).toBe(306);
    let total = 0;
    for (const x of w.exposure) total += x;
    expect(total).toBe(75 + 305 + 245 + 108 + 336 + 336 + 91 + 152 + 275 + 91 + 306);
  });

  it("counts each event in the state of its last day, and none on or after the window's end", () => {
    expect(events(w, G["10-12"], cat("inhouse_fostering"), cat("agency_fostering"))).toBe(1);
    expect(events(w, G["10-12"], cat("agency_fostering"), exit("returned_home"))).toBe(1);
    // Child 6's move to another in-house carer after a temporary placement.
    expect(events(w, G["10-12"], cat("inhouse_fostering"), cat("inhouse_fostering"))).toBe(1);
    // Child 4 leaves on 1 April 2020: not in this window. Child 7 leaves at 18: no rate event.
    let n = 0;
    for (const x of w.events) n += x;
    expect(n).toBe(3);
    // The move to the agency carer was a new placement.
    const st = (0 * w.GA + G["10-12"]) * C + cat("inhouse_fostering");
    expect(w.newPlacements[st * C + cat("agency_fostering")]).toBe(1);
  });

  it("counts entries by month of age and first category", () => {
    const entries: Array<[number, number]> = [];
    w.entries.forEach((x, i) => {
      for (let k = 0; k < x; k++) entries.push([Math.floor(i / C), i % C]);
    });
    // Child 1 at 9 years 9 months (117), 4 at 7y5m (89), 5 at 11y4m (136), 6 at 11y3m (135), 8 at 9y4m (112).
    expect(entries.sort((a, b) => a[0] - b[0])).toEqual([
      [89, cat("inhouse_fostering")],
      [112, cat("inhouse_fostering")],
      [117, cat("inhouse_fostering")],
      [135, cat("inhouse_fostering")],
      [136, cat("inhouse_fostering")],
    ]);
  });

  it("splits exposure at the time-in-care bounds too", () => {
    const wd = countWindow(seg, DEFAULT_AGE_GROUPS, durationBands([3]), from, to);
    // In care under 3 months at 5–9: child 1 to his birthday, child 4 01/06–01/09, child 8 01/05–01/08/2019.
    expect(exposure(wd, G["5-9"], cat("inhouse_fostering"), 0)).toBe(75 + 92 + 92);
    expect(wd.exposure.reduce((a, b) => a + b, 0)).toBe(w.exposure.reduce((a, b) => a + b, 0));
    // The move to agency foster happened at 6 months in care (band 1).
    expect(events(wd, G["10-12"], cat("inhouse_fostering"), cat("agency_fostering"), 1)).toBe(1);
  });
});

describe("the stock at the start", () => {
  it("holds each child in care on the day by month of age, months in care and category", () => {
    const day = dayFromYMD(2019, 9, 30);
    const { stock } = stockByMonth(seg, day, 12);
    let n = 0;
    for (const x of stock) n += x;
    // In care on 30/09/2019: children 1, 2, 4, 5, 6, 7, 8.
    expect(n).toBe(7);
    // Child 2: 4 years 8 months (56), in care 9 months (01/01 → 30/09 is 8 months 29 days, nearest 9).
    expect(stock[((0 * 216 + 56) * 13 + 9) * C + cat("childrens_home")]).toBe(1);
    expect(monthsInCare(dayFromYMD(2019, 1, 1), day, 12)).toBe(9);
    expect(monthsInCare(dayFromYMD(2019, 1, 1), dayFromYMD(2019, 9, 10), 12)).toBe(8);
    expect(monthsInCare(dayFromYMD(2015, 1, 1), day, 12)).toBe(12);
  });
});
