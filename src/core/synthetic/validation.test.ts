import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../ssda903/validation/rules/index.js";
import { validate } from "../ssda903/validation/validate.js";
import { generateCouncil } from "./generate.js";
import { filesOf, readBack } from "./test-helpers.js";

describe("generated returns against the project's validation", () => {
  it("give no errors for a 300-child council over 2015-2025 (queries allowed)", () => {
    const files = filesOf(generateCouncil({ from: 2015, to: 2025, childrenInCare: 300, seed: 2024 }));
    const { data, issues } = readBack(files);
    expect(issues).toEqual([]);
    const result = validate(data, defaultRegistry, issues);
    const errors = result.issues.filter((i) => i.severity === "error");
    const summary = Object.values(result.summary.byRule)
      .filter((r) => r.severity === "error")
      .map((r) => `${r.rule} ×${r.count}: ${r.message}`);
    expect(
      summary,
      errors
        .slice(0, 5)
        .map((e) => `${e.year} ${e.child} ${e.message}`)
        .join("\n"),
    ).toEqual([]);
  });
});
