import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../dates.js";
import { generateRegister } from "./generate.js";
import { FosterHouseholdSchema } from "./register.js";
import {
  householdsCsv,
  REGISTER_COLUMNS,
  REGISTER_FILES,
  type RegisterKind,
  readHouseholdsCsv,
  readRegister,
  registerFiles,
} from "./register-csv.js";

const files = (reg: ReturnType<typeof generateRegister>) =>
  Object.fromEntries(
    Object.entries(registerFiles(reg)).map(([k, text]) => [
      k,
      { file: REGISTER_FILES[k as RegisterKind], text },
    ]),
  );

describe("the supply register as CSV", () => {
  it("reads back what it writes (import → export → import gives the same register)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 20, max: 2000 }), (seed, cic) => {
        const reg = generateRegister({ council: "Testshire", childrenInCare: cic, to: 2024, seed, years: 6 });
        const again = readRegister("Testshire", files(reg));
        expect(again).toEqual(reg);
        expect(registerFiles(again)).toEqual(registerFiles(reg));
      }),
      { numRuns: 15 },
    );
  });

  it("keeps text with commas and quotes, lists, and blanks for defaults", () => {
    const text =
      "ID,Kind,Approved,Deregistered,Deregistration_Reason,Places,Age_Min,Age_Max,Sibling_Capacity,Term,Specialisms,Area\n" +
      'h1,,01/06/2019,2022-01-10,"retired, after 20 years ""with thanks""",2,,,,Long-term,Parent-Child; respite,north\n';
    const [h] = readHouseholdsCsv("households.csv", text, "Testshire");
    expect(h).toEqual({
      council: "Testshire",
      id: "h1",
      kind: "mainstream",
      approved: dayFromYMD(2019, 6, 1),
      deregistered: dayFromYMD(2022, 1, 10),
      deregistrationReason: 'retired, after 20 years "with thanks"',
      places: 2,
      ageMin: 0,
      ageMax: 17,
      siblingCapacity: 1,
      term: "long_term",
      specialisms: ["parent_child", "respite"],
      area: "north",
    });
    expect(readHouseholdsCsv("again.csv", householdsCsv([h!]), "Testshire")).toEqual([h]);
    expect(householdsCsv([h!]).split("\r\n")[0]).toBe(REGISTER_COLUMNS.households.join(","));
    expect(FosterHouseholdSchema.safeParse(h).success).toBe(true);
  });

  it("names the file, row, field and rule of each problem", () => {
    const head = `${REGISTER_COLUMNS.households.join(",")}\n`;
    const bad = (row: string) => () => readHouseholdsCsv("households.csv", head + row, "T");
    expect(bad("h1,mainstream,01/06/2019,,,2,12,5,1,any,,")).toThrow(
      "households.csv, row 2, age_max: must not be below the lowest age",
    );
    expect(bad("h1,mainstream,01/06/2019,01/01/2019,,2,0,17,1,any,,")).toThrow(
      "households.csv, row 2, deregistered: must not be before the approval date",
    );
    expect(bad("h1,mainstream,01/06/2019,,,2,0,17,1,any,knitting,")).toThrow(
      "households.csv, row 2, specialisms: 'knitting' not known",
    );
    expect(bad("h1,mainstream,01/06/2019,,,0,0,17,1,any,,")).toThrow(
      "households.csv, row 2, places: must be a whole number of places from 1 to 10",
    );
    expect(bad("h1,mainstream,2019-13-01,,,1,0,17,1,any,,")).toThrow(
      "households.csv, row 2, approved: must be a date",
    );
    expect(
      bad("h1,mainstream,01/06/2019,,,1,0,17,1,any,,\nh1,connected,01/06/2019,,,1,0,17,1,any,,"),
    ).toThrow("households.csv, row 3, id: 'h1' is already used in row 2");
    expect(bad("h1,kinship,01/06/2019,,,1,0,17,1,any,,")).toThrow(
      "households.csv, row 2, kind: must be one of mainstream, connected",
    );
    expect(() =>
      readRegister("T", {
        homes: {
          file: "supply/homes.csv",
          text: "id,name,urn,beds,ofsted_rating,registered,closed\nc1,A,SC1,0,good,01/01/2020,\n",
        },
        blocks: {
          file: "supply/block-contracts.csv",
          text: "id,provider,category,places,weekly_price,start\nb1,P,castles,2,900,01/01/2024\n",
        },
      }),
    ).toThrow(
      "supply/homes.csv, row 2, beds: must be a whole number of beds from 1 to 50 (and 1 more problems)",
    );
  });
});
