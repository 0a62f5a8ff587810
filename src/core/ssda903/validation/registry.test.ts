import { describe, expect, it } from "vitest";
import { RuleRegistry } from "./registry.js";
import { rule } from "./rule.js";

const r = (id: string, message = id) =>
  rule({ id, dfe: false, severity: "error", message, tables: ["episodes"], fields: [], check() {} });

describe("rule registry", () => {
  it("gives each year the previous year's rules with that year's changes", () => {
    const a = r("A");
    const b = r("B");
    const b2 = r("B", "B, 2020 version");
    const c = r("C");
    const reg = new RuleRegistry(
      [a, b],
      [
        { year: 2020, replace: [b2], add: [c] },
        { year: 2022, retire: ["A"] },
      ],
    );
    expect(reg.rulesFor(2019)).toEqual([a, b]);
    expect(reg.rulesFor(2020)).toEqual([a, b2, c]);
    expect(reg.rulesFor(2021)).toEqual([a, b2, c]);
    expect(reg.rulesFor(2022)).toEqual([b2, c]);
    expect(reg.rulesFor(2030)).toEqual([]);
    const cat = reg.catalogue();
    expect(cat.find((x) => x.rule === b)!.years).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(cat.find((x) => x.rule === a)!.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021]);
  });

  it("refuses a duplicate id, a replacement of nothing and a retirement of nothing", () => {
    expect(() => new RuleRegistry([r("A"), r("A")])).toThrow(/twice/);
    expect(() => new RuleRegistry([r("A")], [{ year: 2018, replace: [r("Z")] }])).toThrow(/does not exist/);
    expect(() => new RuleRegistry([r("A")], [{ year: 2018, retire: ["Z"] }])).toThrow(/does not exist/);
    expect(() => new RuleRegistry([r("A")], [{ year: 2018, add: [r("A")] }])).toThrow(/already exists/);
  });
});
