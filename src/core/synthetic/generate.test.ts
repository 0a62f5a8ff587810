import { describe, expect, it } from "vitest";
import { ageOn, birthday } from "../dates.js";
import {
  ACCOM,
  ACTIV,
  CIN,
  type Code,
  codesFor,
  ETHNIC,
  IN_TOUCH,
  LS,
  PLACE,
  PLACE_PROVIDER,
  REASON_PLACE_CHANGE,
  REC,
  RNE,
  SEX,
} from "../ssda903/codes.js";
import { yearEnd, yearStart } from "../ssda903/years.js";
import { generateCouncil } from "./generate.js";
import { SYNTHETIC_SECTORS } from "./geography.js";
import { byChild, filesOf, generated, readBack, sequenceProblems } from "./test-helpers.js";
import { childId } from "./write.js";

const BOROUGH = { from: 2015, to: 2024, childrenInCare: 1500, seed: 7 };

describe("generateCouncil", () => {
  it("writes four tables per year and a population file", () => {
    const { council, files } = generated({ from: 2019, to: 2021, childrenInCare: 300, seed: 1 });
    expect(council.years).toEqual([2019, 2020, 2021]);
    const names = [...files.keys()];
    expect(names[0]).toBe("population.csv");
    for (const y of [2019, 2020, 2021]) {
      for (const t of ["header", "episodes", "uasc", "oc3"]) expect(names).toContain(`${y}-${t}.csv`);
    }
    expect(files.get("2019-episodes.csv")!.split("\r\n")[0]).toBe(
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
    );
    expect(files.get("2019-header.csv")!.split("\r\n")[0]).toBe("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB");
    expect(files.get("2019-uasc.csv")!.split("\r\n")[0]).toBe("CHILD,SEX,DOB,DUC");
    expect(files.get("2019-oc3.csv")!.split("\r\n")[0]).toBe("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM");
  });

  it("gives byte-identical files for the same options, and different files for another seed", () => {
    const opts = { from: 2020, to: 2021, childrenInCare: 200, seed: 11 };
    const a = filesOf(generateCouncil(opts));
    const b = filesOf(generateCouncil(opts));
    expect([...a.entries()]).toEqual([...b.entries()]);
    const c = filesOf(generateCouncil({ ...opts, seed: 12 }));
    expect(c.get("2020-episodes.csv")).not.toBe(a.get("2020-episodes.csv"));
  });

  it("gives the same files for a year whatever the last year generated", () => {
    const short = filesOf(generateCouncil({ from: 2016, to: 2018, childrenInCare: 250, seed: 5 }));
    const long = filesOf(generateCouncil({ from: 2016, to: 2021, childrenInCare: 250, seed: 5 }));
    for (const [name, text] of short) {
      if (name === "population.csv") continue;
      expect(long.get(name), name).toBe(text);
    }
  });

  it("rejects options it cannot honour", () => {
    expect(() => generateCouncil({ from: 2014, to: 2016, childrenInCare: 10, seed: 1 })).toThrow(RangeError);
    expect(() => generateCouncil({ from: 2020, to: 2019, childrenInCare: 10, seed: 1 })).toThrow(RangeError);
    expect(() => generateCouncil({ from: 2020, to: 2020, childrenInCare: 0, seed: 1 })).toThrow(RangeError);
    expect(() =>
      generateCouncil({ from: 2020, to: 2020, childrenInCare: 10, seed: 1, entryRates: [1, 2] }),
    ).toThrow(RangeError);
  });

  it("lands near childrenInCare at every 31 March for a 1,500 council", () => {
    const { council } = generated(BOROUGH);
    for (const y of council.summary.byYear) {
      expect(y.inCareAt31March, String(y.year)).toBeGreaterThan(1500 * 0.85);
      expect(y.inCareAt31March, String(y.year)).toBeLessThan(1500 * 1.15);
      expect(y.uascAt31March).toBeGreaterThan(0);
      expect(y.started).toBeGreaterThan(0);
      expect(y.shortBreakChildren).toBeGreaterThan(0);
      expect(y.oc3Rows).toBeGreaterThan(0);
    }
  });

  it("writes a gently changing population for every year to `to` + 10", () => {
    const { files, council } = generated(BOROUGH);
    const lines = files.get("population.csv")!.trim().split("\r\n");
    expect(lines[0]).toBe("year,age,population");
    expect(lines.length - 1).toBe(20 * 18);
    const total = new Map<number, number>();
    for (const l of lines.slice(1)) {
      const [y, , p] = l.split(",").map(Number);
      total.set(y!, (total.get(y!) ?? 0) + p!);
    }
    expect(Math.abs(total.get(2015)! - council.summary.settings.population)).toBeLessThan(20);
    for (let y = 2016; y <= 2034; y++) {
      expect(Math.abs(total.get(y)! / total.get(y - 1)! - 1)).toBeLessThan(0.03);
    }
  });

  it("places children by age as English councils do", () => {
    const { files } = generated(BOROUGH);
    const { data } = readBack(files);
    const dob = new Map(data.tables.header.filter((h) => h.year === 2022).map((h) => [h.CHILD, h.DOB!]));
    const census = yearEnd(2022);
    let under10 = 0;
    let under10Fostered = 0;
    let older = 0;
    let olderSupportedOrFostered = 0;
    let teens = 0;
    let teensInHomes = 0;
    for (const e of data.tables.episodes) {
      if (e.year !== 2022 || e.DEC !== null || e.LS === "V3" || e.LS === "V4") continue;
      const age = ageOn(dob.get(e.CHILD)!, census);
      const fostered = /^U[1-6]$/.test(e.PLACE);
      if (age < 10) {
        under10++;
        if (fostered) under10Fostered++;
      } else if (age >= 16) {
        older++;
        if (fostered || ["H5", "K3", "P2"].includes(e.PLACE)) olderSupportedOrFostered++;
      } else {
        teens++;
        if (e.PLACE === "K2") teensInHomes++;
      }
    }
    expect(under10Fostered / under10).toBeGreaterThan(0.7);
    expect(olderSupportedOrFostered / older).toBeGreaterThan(0.7);
    expect(teensInHomes / teens).toBeGreaterThan(0.05);
    expect(teensInHomes / teens).toBeLessThan(0.3);
  });

  it("writes in each year's Episodes file exactly the episodes open at some time in the year", () => {
    const opts = { from: 2017, to: 2020, childrenInCare: 400, seed: 3 };
    const { council, files } = generated(opts);
    const { data, issues } = readBack(files);
    expect(issues).toEqual([]);
    const ep = council.simulation.episodes;
    for (const year of council.years) {
      const start = yearStart(year);
      const end = yearEnd(year);
      const expected = new Map<string, number>();
      for (let e = 0; e < ep.n; e++) {
        if (ep.start[e]! <= end && ep.end[e]! >= start) {
          expected.set(`${childId(ep.child[e]!)}|${ep.start[e]}`, ep.end[e]! > end ? -1 : ep.end[e]!);
        }
      }
      const rows = data.tables.episodes.filter((e) => e.year === year);
      const got = new Map(rows.map((e) => [`${e.CHILD}|${e.DECOM}`, e.DEC === null ? -1 : e.DEC]));
      expect(got.size).toBe(rows.length);
      expect(got).toEqual(expected);
      // Header: every child with an episode, and care leavers with an OC3 row.
      const header = new Set(data.tables.header.filter((h) => h.year === year).map((h) => h.CHILD));
      for (const e of rows) expect(header.has(e.CHILD)).toBe(true);
      for (const o of data.tables.oc3.filter((r) => r.year === year)) expect(header.has(o.CHILD)).toBe(true);
    }
  });

  it("uses only codes valid in each year, and the pairings DfE requires", () => {
    const { files } = generated({ from: 2015, to: 2025, childrenInCare: 800, seed: 21 });
    const { data, issues } = readBack(files);
    expect(issues).toEqual([]);
    const inList = (list: Code[], v: string, year: number) => codesFor(list, year).has(v);
    const dob = new Map(data.tables.header.map((h) => [`${h.year}|${h.CHILD}`, h.DOB!]));
    for (const h of data.tables.header) {
      expect(inList(SEX, h.SEX, h.year), `${h.year} SEX ${h.SEX}`).toBe(true);
      expect(inList(ETHNIC, h.ETHNIC, h.year)).toBe(true);
      expect(h.UPN).toMatch(/^([A-HJ-NP-RT-Z]\d{12}|UN[1-5])$/);
    }
    const v3Days = new Map<string, number>();
    for (const e of data.tables.episodes) {
      const y = e.year;
      const where = `${y} child ${e.CHILD} row ${e.row}`;
      expect(inList(RNE, e.RNE, y), where).toBe(true);
      expect(inList(LS, e.LS, y), where).toBe(true);
      expect(inList(CIN, e.CIN, y), where).toBe(true);
      expect(inList(PLACE, e.PLACE, y), `${where} PLACE ${e.PLACE}`).toBe(true);
      if (e.DEC !== null) expect(inList(REC, e.REC, y), where).toBe(true);
      if (e.REASON_PLACE_CHANGE) expect(inList(REASON_PLACE_CHANGE, e.REASON_PLACE_CHANGE, y)).toBe(true);
      const temporary = /^T[0-4]$/.test(e.PLACE);
      if (temporary) expect(e.PLACE_PROVIDER, where).toBe("");
      else expect(inList(PLACE_PROVIDER, e.PLACE_PROVIDER, y), where).toBe(true);
      expect(e.PLACE_PROVIDER === "PR0", where).toBe(e.PLACE === "P1");
      if (["K1", "K2", "S1"].includes(e.PLACE)) expect(e.URN, where).toMatch(/^(SC\d{6}|\d{6})$/);
      if (["P1", "R1", "R2", "R5"].includes(e.PLACE) || temporary) expect(e.URN, where).toBe("");
      expect(e.HOME_POST).toMatch(/^[A-Z]{2}\d \d[A-Z]{2}$/);
      expect(e.PL_POST).toMatch(/^[A-Z]{2}\d \d[A-Z]{2}$/);
      const age = ageOn(dob.get(`${y}|${e.CHILD}`)!, e.DECOM!);
      if (["H5", "K3", "P2"].includes(e.PLACE)) expect(age, where).toBeGreaterThanOrEqual(16);
      if (e.PLACE === "R5") expect(age, where).toBeGreaterThanOrEqual(10);
      if (e.LS === "J1") expect(age, where).toBeGreaterThanOrEqual(10);
      if (e.LS === "V3") {
        const days = e.DEC! - e.DECOM!;
        expect(days).toBeLessThanOrEqual(17);
        const key = `${y}|${e.CHILD}`;
        v3Days.set(key, (v3Days.get(key) ?? 0) + days + 1);
      }
      if (e.REC === "E11" || e.REC === "E12") expect(e.PLACE, where).toMatch(/^A[3-6]$/);
      if (/^A[56]$/.test(e.PLACE)) expect(e.LS, where).toBe("E1");
      if (e.REC === "E17") expect(e.PLACE, where).toMatch(/^U[1-6]$/);
    }
    for (const [key, days] of v3Days) expect(days, key).toBeLessThanOrEqual(75);
    for (const o of data.tables.oc3) {
      expect(inList(IN_TOUCH, o.IN_TOUCH, o.year)).toBe(true);
      expect(inList(ACTIV, o.ACTIV, o.year)).toBe(true);
      expect(inList(ACCOM, o.ACCOM, o.year)).toBe(true);
      if (o.IN_TOUCH === "YES") {
        expect(o.ACTIV).not.toBe("0");
        expect(o.ACCOM).not.toBe("0");
      } else {
        expect([o.ACTIV, o.ACCOM]).toEqual(["0", "0"]);
      }
      const start = yearStart(o.year);
      const end = yearEnd(o.year);
      const birthdays = [17, 18, 19, 20, 21].map((n) => birthday(o.DOB!, n));
      expect(birthdays.some((b) => b >= start && b <= end)).toBe(true);
    }
    for (const u of data.tables.uasc) {
      if (u.DUC !== null) {
        expect(u.DUC).toBeGreaterThanOrEqual(yearStart(u.year));
        expect(u.DUC).toBeLessThanOrEqual(Math.min(yearEnd(u.year), birthday(u.DOB!, 18)));
      }
    }
  });

  it("keeps each child's episodes in a consistent sequence within and across years", () => {
    const { files } = generated(BOROUGH);
    const { data } = readBack(files);
    const years = byChild(data.tables.episodes);
    for (const [child, rows] of years) {
      for (let y = 2015; y <= 2024; y++) {
        const eps = rows.filter((e) => e.year === y).sort((a, b) => a.DECOM! - b.DECOM!);
        const problems = sequenceProblems(eps);
        expect(problems, `child ${child} in ${y}`).toEqual([]);
        const next = rows.filter((e) => e.year === y + 1);
        const open = eps.find((e) => e.DEC === null);
        if (open && y < 2024) {
          // Last year's open episode opens next year's file, unchanged but for its end.
          const first = next.sort((a, b) => a.DECOM! - b.DECOM!)[0]!;
          expect(first.DECOM).toBe(open.DECOM);
          expect([first.RNE, first.LS, first.PLACE, first.PLACE_PROVIDER, first.URN, first.PL_POST]).toEqual([
            open.RNE,
            open.LS,
            open.PLACE,
            open.PLACE_PROVIDER,
            open.URN,
            open.PL_POST,
          ]);
        }
      }
    }
  });

  it("uses the synthetic postcode sectors and a plausible share placed far away", () => {
    const { files } = generated(BOROUGH);
    const { data } = readBack(files);
    const ring = new Map(SYNTHETIC_SECTORS.map((s) => [s.sector, s.ring]));
    let n = 0;
    let far = 0;
    for (const e of data.tables.episodes) {
      if (e.year !== 2021 || e.DEC !== null || e.LS === "V3" || e.LS === "V4") continue;
      const r = ring.get(e.PL_POST.slice(0, -2));
      expect(r).toBeDefined();
      n++;
      if (r === 2) far++;
    }
    expect(far / n).toBeGreaterThan(0.05);
    expect(far / n).toBeLessThan(0.35);
  });

  it("starts the first written year at steady state: children then in care entered over many years", () => {
    const { council } = generated(BOROUGH);
    const ep = council.simulation.episodes;
    const day = yearStart(2015);
    // For each child in care on 1 April 2015, the start of the period of care.
    const periodStart = new Map<number, number>();
    const inCare = new Set<number>();
    for (let e = 0; e < ep.n; e++) {
      if (ep.ls[e] === 4 || ep.ls[e] === 5) continue; // short breaks
      const c = ep.child[e]!;
      if (ep.rne[e] === 0 && ep.start[e]! <= day) periodStart.set(c, ep.start[e]!);
      if (ep.start[e]! <= day && ep.end[e]! > day) inCare.add(c);
    }
    const years = [...inCare].map((c) => (day - periodStart.get(c)!) / 365.25);
    expect(years.length).toBeGreaterThan(1200);
    const share = (min: number) => years.filter((y) => y >= min).length / years.length;
    // England: about a third of children in care have been in care for 3 years or more.
    expect(share(1)).toBeGreaterThan(0.45);
    expect(share(3)).toBeGreaterThan(0.2);
    expect(share(8)).toBeGreaterThan(0.02);
    expect(share(8)).toBeLessThan(0.25);
  });
});
