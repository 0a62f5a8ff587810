import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { collectionYearOf, yearEnd, yearFromName, yearFromPath, yearLabel, yearStart } from "./years.js";

describe("collection years", () => {
  it("runs from 1 April to 31 March", () => {
    expect(yearStart(2019)).toBe(dayFromYMD(2019, 4, 1));
    expect(yearEnd(2019)).toBe(dayFromYMD(2020, 3, 31));
    expect(collectionYearOf(dayFromYMD(2020, 3, 31))).toBe(2019);
    expect(collectionYearOf(dayFromYMD(2020, 4, 1))).toBe(2020);
    expect(collectionYearOf(dayFromYMD(2020, 1, 1))).toBe(2019);
    expect(yearLabel(2019)).toBe("2019/20");
    expect(yearLabel(2099)).toBe("2099/00");
  });

  it("reads the year from the names councils use", () => {
    for (const name of [
      "2019-episodes",
      "episodes_2019-20",
      "2019_20 header",
      "903_201920",
      "2019-2020",
      "SSDA903 2019-20 v2",
    ]) {
      expect(yearFromName(name), name).toBe(2019);
    }
    expect(yearFromName("episodes")).toBeUndefined();
    expect(yearFromName("2019-23")).toBe(2019); // the bare 2019 stands; "-23" is not the next year
    expect(yearFromName("2018 and 2019")).toBeUndefined(); // two different years: refuse to guess
    expect(yearFromName("child20195")).toBeUndefined();
  });

  it("falls back to the folders, nearest first", () => {
    expect(yearFromPath("/data/2019-20/episodes.csv")).toBe(2019);
    expect(yearFromPath("C:\\903\\2017\\header.csv")).toBe(2017);
    expect(yearFromPath("/data/2019/2020-episodes.csv")).toBe(2020);
    expect(yearFromPath("/data/episodes.csv")).toBeUndefined();
    expect(yearFromPath("2021-oc3.csv")).toBe(2021);
  });
});
