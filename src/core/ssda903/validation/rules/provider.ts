/**
 * Provider rules: who provides the placement (PLACE_PROVIDER), its Ofsted
 * unique reference number (URN) and the DfE-derived location fields
 * (PL_LA, PL_LOCATION, PL_DISTANCE) when an extract carries them.
 *
 * "XXXXXXX" (seven X) is DfE's placeholder URN for a placement that has
 * none; from 2025/26 only foster and adoption placements may use it. A
 * placement outside England (PL_LA CON, NIR, SCO, WAL or NUK, or a Welsh,
 * Scottish or Northern Irish ONS code) is not registered with Ofsted.
 * Blank PLACE_PROVIDER (526) and an unreadable or out-of-range distance
 * (164) are format rules.
 */
import { dayFromYMD } from "../../../dates.js";
import { ADOPTION_PLACE, FOSTER_PLACE, OTHER_PLACE, PLACE, TEMPORARY_PLACE } from "../../codes.js";
import type { EpisodeRow } from "../../types.js";
import type { YearContext } from "../context.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { endOf, uk, valid } from "./sequence.js";

const NO_URN = "XXXXXXX";
const NON_ENGLISH_PL_LA: ReadonlySet<string> = new Set(["CON", "NIR", "SCO", "WAL", "NUK"]);

/** The placement is outside England, so it has no Ofsted registration. */
function outsideEngland(plLa: string): boolean {
  return NON_ENGLISH_PL_LA.has(plLa) || /^[WSN]\d{8}$/.test(plLa);
}

/** Rows with a valid placement type for the year (worked out once per year). */
function placed(ctx: YearContext): readonly EpisodeRow[] {
  return ctx.shared("provider:placed", () => ctx.t.episodes.filter((e) => valid(ctx, PLACE, e.PLACE)));
}

/** A placement type that cannot go with a given provider. */
function providerNotWith(
  id: string,
  provider: string,
  place: string,
  message: string,
  when: "is" | "isNot",
): Rule {
  return rule({
    id,
    dfe: true,
    severity: "error",
    message,
    tables: ["episodes"],
    fields: ["PLACE", "PLACE_PROVIDER"],
    check(ctx, flag) {
      for (const e of placed(ctx)) {
        if (e.PLACE_PROVIDER !== provider) continue;
        if (when === "is" ? e.PLACE === place : e.PLACE !== place) {
          flag(e, undefined, `PLACE ${e.PLACE} with PLACE_PROVIDER ${e.PLACE_PROVIDER}`);
        }
      }
    },
  });
}

const parentOnlyWithP1 = providerNotWith(
  "550",
  "PR0",
  "P1",
  "Placement provider PR0 (parent or person with parental responsibility) goes only with placement type P1",
  "isNot",
);
const privateNotWithP1 = providerNotWith(
  "530",
  "PR4",
  "P1",
  "Placement provider PR4 (private) cannot go with placement type P1 (placed with parents)",
  "is",
);
const voluntaryNotWithP1 = providerNotWith(
  "531",
  "PR5",
  "P1",
  "Placement provider PR5 (voluntary or third sector) cannot go with placement type P1 (placed with parents)",
  "is",
);

const providerNotNeeded = rule({
  id: "213",
  dfe: true,
  severity: "error",
  message:
    "Placement provider (PLACE_PROVIDER) must be blank for temporary placements (T0–T4) and other placements (Z1, Z11–Z14)",
  tables: ["episodes"],
  fields: ["PLACE_PROVIDER"],
  check(ctx, flag) {
    for (const e of placed(ctx)) {
      if ((TEMPORARY_PLACE.has(e.PLACE) || OTHER_PLACE.has(e.PLACE)) && e.PLACE_PROVIDER !== "") {
        flag(e, undefined, `PLACE ${e.PLACE} with PLACE_PROVIDER ${e.PLACE_PROVIDER}`);
      }
    }
  },
});

const connectedPrivate = rule({
  id: "SP340",
  dfe: false,
  severity: "query",
  message:
    "Foster care with a relative or friend (U1–U3) is recorded as provided by a private or voluntary provider (PR4, PR5): connected carers are usually approved by a local authority",
  tables: ["episodes"],
  fields: ["PLACE", "PLACE_PROVIDER"],
  check(ctx, flag) {
    for (const e of placed(ctx)) {
      if (/^U[1-3]$/.test(e.PLACE) && (e.PLACE_PROVIDER === "PR4" || e.PLACE_PROVIDER === "PR5")) {
        flag(e, undefined, `PLACE ${e.PLACE} with PLACE_PROVIDER ${e.PLACE_PROVIDER}`);
      }
    }
  },
});

/** Placement types DfE does not expect to be registered with Ofsted, up to 2022/23. */
const NO_URN_UNTIL_2022 = ["H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"];
/** From 2023/24 semi-independent (H5) and independent living (P2) need a URN; Z11–Z14 replace Z1 in 2025/26. */
const NO_URN_FROM_2023 = [
  "P1",
  "P3",
  "R1",
  "R2",
  "R5",
  "T0",
  "T1",
  "T2",
  "T3",
  "T4",
  "Z1",
  "Z11",
  "Z12",
  "Z13",
  "Z14",
];

function urnRequired(exempt: readonly string[]): Rule {
  const skip = new Set(exempt);
  return rule({
    id: "218",
    dfe: true,
    severity: "error",
    message:
      "Ofsted unique reference number (URN) is blank: give the placement's URN, or XXXXXXX where it has none",
    tables: ["episodes"],
    fields: ["URN"],
    check(ctx, flag) {
      for (const e of placed(ctx)) {
        if (e.URN !== "" || skip.has(e.PLACE) || outsideEngland(e.PL_LA)) continue;
        const end = endOf(e);
        if (end === undefined || (end !== null && end < ctx.start)) continue;
        flag(e, undefined, `PLACE ${e.PLACE}`);
      }
    },
  });
}

function urnNotExpected(places: readonly string[]): Rule {
  const set = new Set(places);
  return rule({
    id: "222",
    dfe: true,
    severity: "error",
    message: "An Ofsted unique reference number (URN) should not be recorded for this placement type",
    tables: ["episodes"],
    fields: ["URN"],
    check(ctx, flag) {
      for (const e of placed(ctx)) {
        if (set.has(e.PLACE) && e.URN !== "" && e.URN !== NO_URN)
          flag(e, undefined, `PLACE ${e.PLACE}, URN ${e.URN}`);
      }
    },
  });
}

/** Semi-independent accommodation has been regulated by Ofsted since 28 October 2023. */
const H5_REGULATED_FROM = dayFromYMD(2023, 10, 28);

const h5RealUrn = rule({
  id: "230",
  dfe: true,
  severity: "error",
  message:
    "Semi-independent accommodation (PLACE H5) in England in use on or after 28 October 2023 needs its real Ofsted URN, not XXXXXXX",
  tables: ["episodes"],
  fields: ["URN", "PLACE", "DEC"],
  check(ctx, flag) {
    for (const e of placed(ctx)) {
      if (e.PLACE !== "H5" || e.URN !== NO_URN || outsideEngland(e.PL_LA)) continue;
      const end = endOf(e);
      if (end === null || (end !== undefined && end > H5_REGULATED_FROM)) {
        flag(e, ["URN"], end === null ? "episode still open" : `episode ended ${uk(end)}`);
      }
    }
  },
});

const placeholderOnlyFosterAdoption = rule({
  id: "242",
  dfe: true,
  severity: "error",
  message:
    "URN XXXXXXX (no URN) may be used only for foster placements (U1–U6) and adoption placements (A3–A6)",
  tables: ["episodes"],
  fields: ["URN", "PLACE"],
  check(ctx, flag) {
    for (const e of placed(ctx)) {
      if (e.URN === NO_URN && !FOSTER_PLACE.has(e.PLACE) && !ADOPTION_PLACE.has(e.PLACE)) {
        flag(e, undefined, `PLACE ${e.PLACE}`);
      }
    }
  },
});

const urnOutsideEngland = rule({
  id: "243",
  dfe: true,
  severity: "error",
  message: "A placement outside England is not registered with Ofsted, so it should have no URN",
  tables: ["episodes"],
  fields: ["URN", "PL_LA"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.URN !== "" && outsideEngland(e.PL_LA)) flag(e, undefined, `PL_LA ${e.PL_LA}, URN ${e.URN}`);
    }
  },
});

// Ofsted social care URNs are SC and six digits; other URNs are six or seven digits.
const URN_SHAPE = /^(SC\d{6}|\d{6,7})$/;

const urnShape = rule({
  id: "SP341",
  dfe: false,
  severity: "query",
  message:
    "The URN does not look like an Ofsted URN (SC and six digits, or six or seven digits) nor the placeholder XXXXXXX",
  tables: ["episodes"],
  fields: ["URN"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.URN !== "" && e.URN !== NO_URN && !URN_SHAPE.test(e.URN)) flag(e, undefined, `'${e.URN}'`);
    }
  },
});

const locationDisagrees = rule({
  id: "SP342",
  dfe: false,
  severity: "query",
  message:
    "Placement location (PL_LOCATION) disagrees with the LA of placement (PL_LA): IN placements should be in the council's own area and OUT placements elsewhere",
  tables: ["episodes"],
  fields: ["PL_LOCATION", "PL_LA"],
  rowwise: "episodes",
  check(ctx, flag) {
    const home = ctx.homeLa();
    if (home === undefined) return;
    for (const e of ctx.t.episodes) {
      if (e.PL_LA === "") continue;
      if (e.PL_LOCATION === "IN" && e.PL_LA !== home) {
        flag(e, undefined, `PL_LOCATION IN with PL_LA ${e.PL_LA}; most IN placements have PL_LA ${home}`);
      } else if (e.PL_LOCATION === "OUT" && e.PL_LA === home) {
        flag(e, undefined, `PL_LOCATION OUT with PL_LA ${e.PL_LA}, the council's own area`);
      }
    }
  },
});

const locationCode = rule({
  id: "SP343",
  dfe: false,
  severity: "error",
  message: "Placement location (PL_LOCATION) must be IN or OUT when given",
  tables: ["episodes"],
  fields: ["PL_LOCATION"],
  rowwise: "episodes",
  check(ctx, flag) {
    for (const e of ctx.t.episodes) {
      if (e.PL_LOCATION !== "" && e.PL_LOCATION !== "IN" && e.PL_LOCATION !== "OUT") {
        flag(e, undefined, `'${e.PL_LOCATION}'`);
      }
    }
  },
});

/**
 * 999.9 is DfE's value for a distance that cannot be worked out (e.g. a
 * placement abroad); values above it are rule 164's.
 */
function farAway(id: string, dfe: boolean): Rule {
  return rule({
    id,
    dfe,
    severity: "query",
    message: "The placement is more than 350 miles from home (PL_DISTANCE): check the postcodes",
    tables: ["episodes"],
    fields: ["PL_DISTANCE", "HOME_POST", "PL_POST"],
    rowwise: "episodes",
    check(ctx, flag) {
      for (const e of ctx.t.episodes) {
        const d = e.PL_DISTANCE;
        if (typeof d === "number" && d > 350 && d < 999.9) {
          flag(e, ["PL_DISTANCE"], `${d} miles from ${e.HOME_POST || "?"} to ${e.PL_POST || "?"}`);
        }
      }
    },
  });
}

/**
 * Own provision (PR1) placed outside the council's area. DfE compares PL_LA
 * with the council's code; PL_LOCATION OUT says the same thing, so the rule
 * reads that. Foster and adoption placements (from 2025/26 also supported
 * accommodation, K3) and short breaks are left out, as DfE does.
 */
function ownProvisionOutside(alsoSkip: readonly string[]): Rule {
  const skip = new Set([...FOSTER_PLACE, ...ADOPTION_PLACE, ...alsoSkip]);
  return rule({
    id: "1015",
    dfe: true,
    severity: "query",
    message:
      "Placement provider is the council's own provision (PR1) but the child is placed outside the council's area",
    tables: ["episodes"],
    fields: ["PLACE_PROVIDER", "PL_LOCATION", "PL_LA"],
    check(ctx, flag) {
      for (const e of placed(ctx)) {
        if (e.PLACE_PROVIDER !== "PR1" || e.PL_LOCATION !== "OUT" || skip.has(e.PLACE)) continue;
        if (e.LS === "V3" || e.LS === "V4") continue;
        flag(e, undefined, `PLACE ${e.PLACE}, PL_LOCATION OUT${e.PL_LA ? `, PL_LA ${e.PL_LA}` : ""}`);
      }
    },
  });
}

export const providerRules: Rule[] = [
  parentOnlyWithP1,
  privateNotWithP1,
  voluntaryNotWithP1,
  providerNotNeeded,
  connectedPrivate,
  urnRequired(NO_URN_UNTIL_2022),
  urnNotExpected(NO_URN_UNTIL_2022),
  urnShape,
  locationDisagrees,
  locationCode,
  farAway("SP345", false),
  ownProvisionOutside([]),
];

/**
 * 2023/24: H5 and P2 need a URN (218), H5 may carry one (222), and H5 in use
 * from 28 October 2023 needs a real one (230). 2024/25: P2 may carry a URN.
 * 2025/26: H5 is no longer a placement type (230 retires); XXXXXXX only for
 * foster and adoption placements (242); no URN outside England (243); DfE
 * adopts the 350-mile check as rule 454, replacing SP345; K3 joins the
 * placements exempt from 1015.
 */
export const providerOverlays: YearOverlay[] = [
  {
    year: 2023,
    replace: [
      urnRequired(NO_URN_FROM_2023),
      urnNotExpected(["P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"]),
    ],
    add: [h5RealUrn],
  },
  {
    year: 2024,
    replace: [urnNotExpected(["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"])],
  },
  {
    year: 2025,
    retire: ["230", "SP345"],
    add: [placeholderOnlyFosterAdoption, urnOutsideEngland, farAway("454", true)],
    replace: [
      urnNotExpected([
        "P1",
        "P3",
        "R1",
        "R2",
        "R5",
        "T0",
        "T1",
        "T2",
        "T3",
        "T4",
        "Z11",
        "Z12",
        "Z13",
        "Z14",
      ]),
      ownProvisionOutside(["K3"]),
    ],
  },
];
