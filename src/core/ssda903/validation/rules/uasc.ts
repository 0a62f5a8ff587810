/**
 * UASC rules: the UASC table agrees with the Header, and the date UASC status
 * ceased (DUC) is a possible date for the child.
 */
import { birthday } from "../../../dates.js";
import type { UascRow } from "../../types.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { isDay, uk } from "./formats.js";

const uascWithoutHeader = rule({
  id: "SP150",
  dfe: false,
  severity: "error",
  message: "Child is in the UASC table but not in the Header table",
  tables: ["uasc", "header"],
  fields: ["CHILD"],
  rowwise: "uasc",
  check(ctx, flag) {
    const header = ctx.headerByChild();
    for (const u of ctx.t.uasc)
      if (u.CHILD !== "" && !header.has(u.CHILD)) flag(u, ["CHILD"], `CHILD ${u.CHILD}`);
  },
});

const ceasedBeforeBirth = rule({
  id: "SP151",
  dfe: false,
  severity: "error",
  message: "Date UASC status ceased (DUC) is before the child's date of birth",
  tables: ["uasc"],
  fields: ["DUC", "DOB"],
  rowwise: "uasc",
  check(ctx, flag) {
    for (const u of ctx.t.uasc) {
      if (isDay(u.DUC) && isDay(u.DOB) && u.DUC < u.DOB)
        flag(u, ["DUC", "DOB"], `DUC ${uk(u.DUC)}, DOB ${uk(u.DOB)}`);
    }
  },
});

/** UASC status ends at 18 at the latest: DUC on the 18th birthday is allowed, later is not. */
const ceasedAfter18 = rule({
  id: "304",
  dfe: true,
  severity: "error",
  message: "Date UASC status ceased (DUC) is after the child's 18th birthday",
  tables: ["uasc"],
  fields: ["DUC"],
  rowwise: "uasc",
  check(ctx, flag) {
    for (const u of ctx.t.uasc) {
      if (!isDay(u.DUC) || !isDay(u.DOB)) continue;
      const b18 = birthday(u.DOB, 18);
      if (u.DUC > b18) flag(u, ["DUC"], `DUC ${uk(u.DUC)}, 18th birthday ${uk(b18)}`);
    }
  },
});

const dobDiffers = rule({
  id: "SP152",
  dfe: false,
  severity: "error",
  message: "Date of birth in the UASC table differs from the Header",
  tables: ["uasc", "header"],
  fields: ["DOB"],
  rowwise: "uasc",
  check(ctx, flag) {
    const header = ctx.headerByChild();
    for (const u of ctx.t.uasc) {
      const h = header.get(u.CHILD);
      if (h && isDay(u.DOB) && isDay(h.DOB) && u.DOB !== h.DOB) {
        flag(u, ["DOB"], `UASC ${uk(u.DOB)}, Header ${uk(h.DOB)}`);
      }
    }
  },
});

const sexDiffers = rule({
  id: "SP153",
  dfe: false,
  severity: "error",
  message: "Sex in the UASC table differs from the Header",
  tables: ["uasc", "header"],
  fields: ["SEX"],
  rowwise: "uasc",
  check(ctx, flag) {
    const header = ctx.headerByChild();
    for (const u of ctx.t.uasc) {
      const h = header.get(u.CHILD);
      if (h && u.SEX !== "" && h.SEX !== "" && u.SEX !== h.SEX)
        flag(u, ["SEX"], `UASC ${u.SEX}, Header ${h.SEX}`);
    }
  },
});

const ceasedAfterYear = rule({
  id: "SP154",
  dfe: false,
  severity: "error",
  message: "Date UASC status ceased (DUC) is after the end of the collection year",
  tables: ["uasc"],
  fields: ["DUC"],
  rowwise: "uasc",
  check(ctx, flag) {
    for (const u of ctx.t.uasc) {
      if (isDay(u.DUC) && u.DUC > ctx.end) flag(u, ["DUC"], `DUC ${uk(u.DUC)}, year ends ${uk(ctx.end)}`);
    }
  },
});

const duplicateUasc = rule({
  id: "SP155",
  dfe: false,
  severity: "error",
  message: "Child appears more than once in the UASC table",
  tables: ["uasc"],
  fields: ["CHILD"],
  check(ctx, flag) {
    const first = new Map<string, UascRow>();
    for (const u of ctx.t.uasc) {
      if (u.CHILD === "") continue;
      const seen = first.get(u.CHILD);
      if (seen) flag(u, ["CHILD"], `CHILD ${u.CHILD} is also on row ${seen.row}`);
      else first.set(u.CHILD, u);
    }
  },
});

export const uascRules: Rule[] = [
  uascWithoutHeader,
  ceasedBeforeBirth,
  ceasedAfter18,
  dobDiffers,
  sexDiffers,
  ceasedAfterYear,
  duplicateUasc,
];

/** None of these rules changes between collection years. */
export const uascOverlays: YearOverlay[] = [];
