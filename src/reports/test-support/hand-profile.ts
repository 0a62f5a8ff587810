import { readComparators } from "../../core/inputs/comparators.js";
import { readPopulation } from "../../core/inputs/population.js";
import { readPostcodes } from "../../core/inputs/postcodes.js";
import { HAND_BUILT, HAND_POSTCODES } from "../../core/profile/hand-built.fixture.js";
import { buildProfile, type Profile } from "../../core/profile/profile.js";
import { rebuildHistory } from "../../core/ssda903/history.js";
import { buildReturn } from "../../core/ssda903/test-support/build.js";

/** The profile of the hand-built history (src/core/profile/hand-built.fixture.ts), with every input given. */
export function handProfile(): Profile {
  const history = rebuildHistory(buildReturn(HAND_BUILT).data);
  return buildProfile(history, {
    postcodes: readPostcodes("postcodes.csv", HAND_POSTCODES),
    population: readPopulation(
      "population.csv",
      ["year,age,population", ...Array.from({ length: 18 }, (_, a) => `2021,${a},4000`)].join("\n"),
    ),
    comparators: readComparators(
      "comparators.csv",
      [
        "area,year,measure,value",
        "England,2022,cla_rate_per_10k,70",
        "London,2022,cla_rate_per_10k,47",
        "England,2022,three_plus_placements_pct,9",
      ].join("\n"),
    ),
    ethnicityShares: { White: 0.6, Black: 0.1, Mixed: 0.1, Asian: 0.15, Other: 0.05 },
  });
}

/** The same history with no optional inputs (no population, comparators, postcodes or ethnicity). */
export function bareProfile(): Profile {
  return buildProfile(rebuildHistory(buildReturn(HAND_BUILT).data));
}
