import type { TextRow } from "../../test-support/build.js";
import type { RuleExample } from "../../test-support/rule-examples.js";

// Collection year 2019/20 (01/04/2019 to 31/03/2020) unless stated.
const review = (dob: string, date: string, code: string): TextRow => ({
  CHILD: "1",
  DOB: dob,
  REVIEW: date,
  REVIEW_CODE: code,
});

const missing = (child: string, start: string, end: string, type = "M"): TextRow => ({
  CHILD: child,
  DOB: "01/01/2010",
  MISSING: type,
  MIS_START: start,
  MIS_END: end,
});

const ADOPTION: TextRow = {
  CHILD: "1",
  DOB: "01/01/2017",
  DATE_INT: "01/01/2018",
  DATE_MATCH: "01/02/2018",
  FOSTER_CARE: "0",
  NB_ADOPTR: "2",
  SEX_ADOPTR: "MF",
  LS_ADOPTR: "L0",
};

const placed = (child: string, date: string, ceased = "", reason = ""): TextRow => ({
  CHILD: child,
  DOB: "01/01/2017",
  DATE_PLACED: date,
  DATE_PLACED_CEASED: ceased,
  REASON_PLACED_CEASED: reason,
});

const perm = (child: string, prev: string, la: string, date: string): TextRow => ({
  CHILD: child,
  DOB: "01/01/2010",
  PREV_PERM: prev,
  LA_PERM: la,
  DATE_PERM: date,
});

const oc2 = (fields: TextRow): TextRow => ({ CHILD: "1", DOB: "01/01/2008", ...fields });

const sw = (start: string, end: string): TextRow => ({
  CHILD: "1",
  DOB: "01/01/2010",
  SW_ID: "SW1",
  SW_DECOM: start,
  SW_DEC: end,
  SW_REASON: "",
});

export const otherTablesExamples: RuleExample[] = [
  {
    // On the 4th birthday either code is accepted.
    rule: "440",
    year: 2019,
    fails: { 2019: { reviews: [review("01/06/2015", "02/06/2019", "PN0")] } },
    passes: {
      2019: {
        reviews: [review("01/06/2015", "01/06/2019", "PN0"), review("01/06/2015", "31/05/2019", "PN0")],
      },
    },
    count: 1,
    fields: ["REVIEW_CODE"],
  },
  {
    // Born 29/02/2016: the 4th birthday is 29/02/2020, 2020 being a leap year.
    rule: "440",
    year: 2019,
    fails: { 2019: { reviews: [review("29/02/2016", "01/03/2020", "PN0")] } },
    passes: { 2019: { reviews: [review("29/02/2016", "29/02/2020", "PN0")] } },
    count: 1,
  },
  {
    rule: "441",
    year: 2019,
    fails: {
      2019: {
        reviews: [review("01/06/2015", "31/05/2019", "PN1"), review("01/06/2015", "31/05/2019", "PN7")],
      },
    },
    passes: {
      2019: {
        reviews: [review("01/06/2015", "01/06/2019", "PN1"), review("01/06/2015", "31/05/2019", "PN0")],
      },
    },
    count: 2,
  },
  {
    rule: "567",
    year: 2019,
    fails: { 2019: { missing: [missing("1", "02/06/2019", "01/06/2019")] } },
    passes: { 2019: { missing: [missing("1", "02/06/2019", "02/06/2019")] } },
    count: 1,
  },
  {
    rule: "570",
    year: 2019,
    fails: { 2019: { missing: [missing("1", "01/04/2020", "")] } },
    passes: { 2019: { missing: [missing("1", "31/03/2020", "")] } },
    count: 1,
  },
  {
    rule: "571",
    year: 2019,
    fails: {
      2019: { missing: [missing("1", "30/03/2019", "31/03/2019"), missing("2", "30/03/2020", "01/04/2020")] },
    },
    passes: {
      2019: { missing: [missing("1", "30/03/2019", "01/04/2019"), missing("2", "30/03/2020", "31/03/2020")] },
    },
    count: 2,
  },
  {
    rule: "574",
    year: 2019,
    fails: {
      2019: {
        missing: [
          missing("1", "01/05/2019", ""),
          missing("1", "01/06/2019", "02/06/2019"),
          missing("2", "09/05/2019", "12/05/2019"),
          missing("2", "01/05/2019", "10/05/2019"),
        ],
      },
    },
    passes: {
      2019: {
        missing: [
          missing("1", "01/05/2019", "10/05/2019"),
          missing("1", "10/05/2019", "11/05/2019"),
          missing("2", "01/05/2019", ""),
        ],
      },
    },
    count: 2,
  },
  {
    rule: "565",
    year: 2019,
    fails: { 2019: { missing: [missing("1", "01/05/2019", "", "")] } },
    passes: { 2019: { missing: [missing("1", "01/05/2019", "", "A")] } },
    count: 1,
    fields: ["MISSING"],
  },
  {
    rule: "333",
    year: 2019,
    fails: {
      2019: {
        ad1: [
          { ...ADOPTION, DATE_INT: "" },
          { ...ADOPTION, CHILD: "2", DATE_INT: "02/02/2018" },
        ],
      },
    },
    passes: { 2019: { ad1: [{ ...ADOPTION, DATE_INT: "01/02/2018" }] } },
    count: 2,
  },
  {
    rule: "151",
    year: 2019,
    fails: {
      2019: {
        ad1: [
          { CHILD: "1", DOB: "01/01/2017", DATE_INT: "01/01/2018" },
          { ...ADOPTION, CHILD: "2", LS_ADOPTR: "" },
        ],
      },
    },
    passes: { 2019: { ad1: [ADOPTION, { CHILD: "2", DOB: "01/01/2017" }] } },
    count: 2,
  },
  {
    rule: "114",
    year: 2019,
    fails: {
      2019: {
        ad1: [
          { ...ADOPTION, FOSTER_CARE: "2" },
          { ...ADOPTION, CHILD: "2", FOSTER_CARE: "Y" },
        ],
      },
    },
    passes: { 2019: { ad1: [ADOPTION, { ...ADOPTION, CHILD: "2", FOSTER_CARE: "1" }] } },
    count: 2,
  },
  {
    rule: "175",
    year: 2019,
    fails: {
      2019: {
        ad1: [
          { ...ADOPTION, NB_ADOPTR: "3" },
          { ...ADOPTION, CHILD: "2", NB_ADOPTR: "0" },
        ],
      },
    },
    passes: { 2019: { ad1: [ADOPTION, { ...ADOPTION, CHILD: "2", NB_ADOPTR: "1", SEX_ADOPTR: "F1" }] } },
    count: 2,
  },
  {
    rule: "511",
    year: 2019,
    fails: {
      2019: {
        ad1: [
          { ...ADOPTION, SEX_ADOPTR: "M1" },
          { ...ADOPTION, CHILD: "2", SEX_ADOPTR: "F1" },
        ],
      },
    },
    passes: { 2019: { ad1: [ADOPTION, { ...ADOPTION, CHILD: "2", NB_ADOPTR: "1", SEX_ADOPTR: "M1" }] } },
    count: 2,
  },
  {
    rule: "119",
    year: 2019,
    fails: {
      2019: {
        placedAdoption: [placed("1", "01/01/2019", "01/06/2019", ""), placed("2", "01/01/2019", "", "RD1")],
      },
    },
    passes: {
      2019: { placedAdoption: [placed("1", "01/01/2019", "01/06/2019", "RD1"), placed("2", "01/01/2019")] },
    },
    count: 2,
  },
  {
    rule: "522",
    year: 2019,
    fails: { 2019: { placedAdoption: [placed("1", "02/05/2019", "01/05/2019", "RD1")] } },
    passes: { 2019: { placedAdoption: [placed("1", "01/05/2019", "01/05/2019", "RD1")] } },
    count: 1,
  },
  {
    rule: "563",
    year: 2019,
    fails: { 2019: { placedAdoption: [placed("1", "", "01/05/2019", "RD2")] } },
    passes: { 2019: { placedAdoption: [placed("1", "01/01/2019", "01/05/2019", "RD2")] } },
    count: 1,
    fields: ["DATE_PLACED"],
  },
  {
    rule: "579",
    year: 2019,
    fails: {
      2019: {
        placedAdoption: [
          placed("1", "01/06/2019"),
          placed("1", "01/01/2019"),
          placed("2", "01/01/2019", "01/05/2019", "RD1"),
          placed("2", "01/04/2019"),
        ],
      },
    },
    passes: {
      2019: { placedAdoption: [placed("1", "01/01/2019", "01/05/2019", "RD1"), placed("1", "01/05/2019")] },
    },
    count: 2,
  },
  {
    rule: "551",
    year: 2019,
    fails: {
      2019: {
        episodes: [
          { CHILD: "1", LS: "E1", PLACE: "A5" },
          { CHILD: "2", LS: "E1", PLACE: "A3" },
        ],
        placedAdoption: [placed("2", "", "01/05/2019", "RD1")],
      },
    },
    passes: {
      2019: {
        episodes: [
          { CHILD: "1", LS: "E1", PLACE: "A5" },
          { CHILD: "2", PLACE: "U4" },
        ],
        placedAdoption: [placed("1", "01/01/2019")],
      },
    },
    count: 2,
  },
  {
    // DATE_PERM must be before the first episode (DECOM 01/05/2019 by default).
    rule: "632",
    year: 2019,
    fails: {
      2019: {
        episodes: [{ CHILD: "1" }, { CHILD: "2" }, { CHILD: "3" }, { CHILD: "4" }, { CHILD: "5" }],
        prevPerm: [
          perm("1", "P1", "800", "01/ZZ/2010"),
          perm("2", "P1", "800", "31/02/2010"),
          perm("3", "P1", "800", "2010"),
          perm("4", "P1", "800", "01/05/2019"),
          perm("5", "P1", "800", "ZZ/05/2019"),
        ],
      },
    },
    passes: {
      2019: {
        episodes: [{ CHILD: "1" }, { CHILD: "2" }, { CHILD: "3" }, { CHILD: "4" }],
        prevPerm: [
          perm("1", "P1", "800", "30/04/2019"),
          perm("2", "P2", "800", "ZZ/04/2019"),
          perm("3", "P3", "800", "zz/zz/2018"),
          perm("4", "P4", "NUK", "ZZ/ZZ/ZZZZ"),
        ],
      },
    },
    count: 5,
  },
  {
    rule: "635",
    year: 2019,
    fails: { 2019: { prevPerm: [perm("1", "Z1", "800", ""), perm("2", "", "", "01/01/2015")] } },
    passes: { 2019: { prevPerm: [perm("1", "P1", "800", "01/01/2015"), perm("2", "Z1", "", "")] } },
    count: 2,
    fields: ["PREV_PERM"],
  },
  {
    rule: "SP170",
    year: 2019,
    fails: { 2019: { prevPerm: [perm("1", "P2", "", "01/01/2015"), perm("2", "P3", "800", "")] } },
    passes: { 2019: { prevPerm: [perm("1", "P2", "800", "ZZ/ZZ/ZZZZ"), perm("2", "Z1", "", "")] } },
    count: 2,
  },
  {
    rule: "SP171",
    year: 2019,
    fails: {
      2019: {
        prevPerm: [
          perm("1", "P1", "80", "01/01/2015"),
          perm("2", "P1", "ENG", "01/01/2015"),
          perm("3", "P1", "8001", "01/01/2015"),
        ],
      },
    },
    passes: {
      2019: {
        prevPerm: [
          perm("1", "P1", "800", "01/01/2015"),
          perm("2", "P1", "WAL", "01/01/2015"),
          perm("3", "P1", "nir", "01/01/2015"),
        ],
      },
    },
    count: 3,
  },
  {
    // 10th birthday the day after 31 March, and on 31 March.
    rule: "542",
    year: 2019,
    fails: { 2019: { oc2: [oc2({ DOB: "01/04/2010", CONVICTED: "0" })] } },
    passes: {
      2019: { oc2: [oc2({ DOB: "31/03/2010", CONVICTED: "0" }), oc2({ CHILD: "2", DOB: "01/04/2010" })] },
    },
    count: 1,
  },
  {
    rule: "180",
    year: 2019,
    fails: {
      2019: {
        oc2: [
          oc2({ SDQ_SCORE: "41" }),
          oc2({ SDQ_SCORE: "-1" }),
          oc2({ SDQ_SCORE: "4.5" }),
          oc2({ SDQ_SCORE: "X" }),
        ],
      },
    },
    passes: { 2019: { oc2: [oc2({ SDQ_SCORE: "0" }), oc2({ SDQ_SCORE: "40" }), oc2({ SDQ_SCORE: "07" })] } },
    count: 4,
  },
  {
    rule: "181",
    year: 2019,
    fails: { 2019: { oc2: [oc2({ CONVICTED: "2", HEALTH_CHECK: "Y" }), oc2({ IMMUNISATIONS: "01" })] } },
    passes: {
      2019: {
        oc2: [
          oc2({
            CONVICTED: "0",
            HEALTH_CHECK: "1",
            IMMUNISATIONS: "1",
            TEETH_CHECK: "1",
            HEALTH_ASSESSMENT: "1",
            SUBSTANCE_MISUSE: "1",
            INTERVENTION_RECEIVED: "0",
            INTERVENTION_OFFERED: "1",
          }),
        ],
      },
    },
    count: 2,
    fields: ["CONVICTED", "HEALTH_CHECK"],
  },
  {
    rule: "196",
    year: 2019,
    fails: { 2019: { oc2: [oc2({ SDQ_REASON: "SDQ6" }), oc2({ SDQ_REASON: "SDQ" })] } },
    passes: { 2019: { oc2: [oc2({ SDQ_REASON: "SDQ1" }), oc2({ SDQ_REASON: "sdq5" })] } },
    count: 2,
  },
  {
    rule: "197A",
    year: 2019,
    fails: { 2019: { oc2: [oc2({ SDQ_SCORE: "12", SDQ_REASON: "SDQ1" })] } },
    passes: { 2019: { oc2: [oc2({ SDQ_SCORE: "12" }), oc2({ SDQ_REASON: "SDQ1" })] } },
    count: 1,
  },
  {
    rule: "SP180",
    year: 2023,
    fails: { 2023: { swEpisodes: [sw("02/06/2023", "01/06/2023")] } },
    passes: { 2023: { swEpisodes: [sw("02/06/2023", "02/06/2023"), sw("01/07/2023", "")] } },
    count: 1,
  },
  {
    // Collection year 2023/24 ends 31/03/2024.
    rule: "SP181",
    year: 2023,
    fails: { 2023: { swEpisodes: [sw("01/04/2024", ""), sw("01/03/2024", "01/04/2024")] } },
    passes: { 2023: { swEpisodes: [sw("31/03/2024", ""), sw("01/03/2024", "31/03/2024")] } },
    count: 2,
  },
];
