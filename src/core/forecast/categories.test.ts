import { describe, expect, it } from "vitest";
import {
  type CategoryConfig,
  categoryOf,
  checkCategoryConfig,
  DEFAULT_CATEGORY_CONFIG,
  EXIT_GROUPS,
  exitGroupIndex,
} from "./categories.js";

describe("placement categories", () => {
  it("map PLACE and provider to the default categories", () => {
    expect(categoryOf("U4", "PR1")).toBe("inhouse_fostering");
    expect(categoryOf("U6", "PR4")).toBe("agency_fostering");
    expect(categoryOf("U5", "PR5")).toBe("agency_fostering");
    expect(categoryOf("U5", "")).toBe("inhouse_fostering");
    expect(categoryOf("U2", "PR1")).toBe("connected_fostering");
    expect(categoryOf("K2", "PR4")).toBe("childrens_home");
    expect(categoryOf("K1", "PR1")).toBe("secure");
    expect(categoryOf("K3", "PR4")).toBe("supported_accommodation");
    expect(categoryOf("H5", "PR4")).toBe("supported_accommodation");
    expect(categoryOf("P1", "PR0")).toBe("placed_with_parents");
    expect(categoryOf("A5", "PR1")).toBe("adoption");
    expect(categoryOf("R5", "")).toBe("other");
    expect(categoryOf("Z1", "")).toBe("other");
    expect(categoryOf("T3", "")).toBeUndefined(); // temporary: counted as the placement before
  });

  it("take a council's own mapping", () => {
    const config: CategoryConfig = {
      categories: ["fostering", "residential", "other"],
      byPlace: { U1: "fostering", U4: "fostering", U6: "fostering", K2: "residential", R1: "residential" },
      agencyProviders: [],
      fallback: "other",
    };
    expect(categoryOf("U6", "PR4", config)).toBe("fostering");
    expect(categoryOf("R1", "", config)).toBe("residential");
    expect(categoryOf("P1", "", config)).toBe("other");
    expect(() => checkCategoryConfig({ ...config, fallback: "elsewhere" })).toThrow(/'elsewhere'/);
    expect(() => checkCategoryConfig(DEFAULT_CATEGORY_CONFIG)).not.toThrow();
  });

  it("group the reasons episodes ceased", () => {
    const g = (rec: string) => EXIT_GROUPS[exitGroupIndex(rec)];
    expect(g("E4A")).toBe("returned_home");
    expect(g("E13")).toBe("returned_home");
    expect(g("E12")).toBe("adoption");
    expect(g("E47")).toBe("special_guardianship");
    expect(g("E5")).toBe("age_18");
    expect(g("E17")).toBe("age_18");
    expect(g("E41")).toBe("other");
    expect(g("")).toBe("other");
  });
});
