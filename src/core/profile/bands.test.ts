import { describe, expect, it } from "vitest";
import { ageBands, bandIndex, DEFAULT_BANDS, DFE_BANDS, parseBands } from "./bands.js";
import { placementType } from "./placement-types.js";

describe("age bands", () => {
  it("labels bands from their lower bounds", () => {
    expect(DEFAULT_BANDS.labels).toEqual(["0-4", "5-9", "10-12", "13-15", "16+"]);
    expect(DFE_BANDS.labels).toEqual(["under 1", "1-4", "5-9", "10-15", "16+"]);
    expect(ageBands([0, 18]).labels).toEqual(["0-17", "18+"]);
  });
  it("finds the band of an age at the edges", () => {
    expect([0, 4, 5, 9, 10, 12, 13, 15, 16, 17, 20].map((a) => bandIndex(DEFAULT_BANDS, a))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4,
    ]);
  });
  it("refuses bands that do not start at 0 or do not increase", () => {
    expect(() => parseBands("5,10")).toThrow(/start at 0/);
    expect(() => parseBands("0,10,5")).toThrow(/increasing/);
    expect(() => parseBands("0,x")).toThrow(/not a list/);
    expect(parseBands(" 0, 5 ,10").labels).toEqual(["0-4", "5-9", "10+"]);
  });
});

describe("placement types", () => {
  it("maps PLACE and provider as the profile issue lays out", () => {
    expect(placementType("U1", "PR1")).toBe("connected_long_term");
    expect(placementType("U3", "PR4")).toBe("connected_other");
    expect(placementType("U4", "PR2")).toBe("inhouse_foster_long_term");
    expect(placementType("U4", "PR5")).toBe("agency_foster_long_term");
    expect(placementType("U5", "PR3")).toBe("inhouse_foster_other");
    expect(placementType("U6", "PR4")).toBe("agency_foster_other");
    expect(placementType("A5", "PR1")).toBe("adoption");
    expect(placementType("K3", "PR4")).toBe("supported_accommodation");
    expect(placementType("H5", "PR4")).toBe("supported_accommodation");
    expect(placementType("K1", "PR1")).toBe("secure_home");
    expect(placementType("T1", "")).toBe("other");
    expect(placementType("Z12", "")).toBe("other");
    expect(placementType("P3", "PR4")).toBe("other");
  });
});
