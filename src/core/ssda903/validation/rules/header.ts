/**
 * Header rules: one Header row per child, Header and Episodes agree, mother
 * and mother's child details hang together, the UPN is well formed, and the
 * child's details match last year's Header.
 */
import { birthday } from "../../../dates.js";
import type { HeaderRow } from "../../types.js";
import type { YearContext } from "../context.js";
import type { YearOverlay } from "../registry.js";
import { type Rule, rule } from "../rule.js";
import { isDay, isShortBreakLs, leftCare, sexKind, uk } from "./formats.js";

const episodesWithoutHeader = rule({
  id: "SP140",
  dfe: false,
  severity: "error",
  message: "Child has episodes but no row in the Header table",
  tables: ["header", "episodes"],
  fields: ["CHILD"],
  check(ctx, flag) {
    const header = ctx.headerByChild();
    for (const [child, list] of ctx.episodesByChild()) {
      if (child !== "" && !header.has(child))
        flag(list[0]!, ["CHILD"], `CHILD ${child}, ${list.length} episode(s)`);
    }
  },
});

const headerWithoutEpisodes = rule({
  id: "SP141",
  dfe: false,
  severity: "error",
  message: "Child is in the Header table but has no episodes and no care leaver (OC3) row",
  tables: ["header", "episodes", "oc3"],
  fields: ["CHILD"],
  rowwise: "header",
  check(ctx, flag) {
    const looked = lookedAfter(ctx);
    const oc3 = ctx.oc3Children();
    ctx.t.header.forEach((h, i) => {
      if (h.CHILD !== "" && !looked[i] && !oc3.has(h.CHILD)) flag(h, ["CHILD"], `CHILD ${h.CHILD}`);
    });
  },
});

const duplicateHeader = rule({
  id: "SP142",
  dfe: false,
  severity: "error",
  message: "Child appears more than once in the Header table",
  tables: ["header"],
  fields: ["CHILD"],
  rowwise: "header",
  check(ctx, flag) {
    // The year's index keeps each child's first Header row.
    const first = ctx.headerByChild();
    for (const h of ctx.t.header) {
      if (h.CHILD === "") continue;
      const seen = first.get(h.CHILD);
      if (seen && seen !== h) flag(h, ["CHILD"], `CHILD ${h.CHILD} is also on row ${seen.row}`);
    }
  },
});

const motherInvalid = rule({
  id: "165",
  dfe: true,
  severity: "error",
  message: "Mother status (MOTHER) must be 0 or 1, and only given for a girl or young woman",
  tables: ["header"],
  fields: ["MOTHER", "SEX"],
  rowwise: "header",
  check(ctx, flag) {
    for (const h of ctx.t.header) {
      if (h.MOTHER === "") continue;
      if (h.MOTHER !== "0" && h.MOTHER !== "1") flag(h, ["MOTHER"], `MOTHER '${h.MOTHER}'`);
      else if (sexKind(h.SEX, ctx.year) === "male")
        flag(h, ["MOTHER", "SEX"], `MOTHER ${h.MOTHER}, SEX ${h.SEX}`);
    }
  },
});

const motherBlank = rule({
  id: "393",
  dfe: true,
  severity: "error",
  message: "Mother status (MOTHER) is blank for a girl or young woman who is looked after",
  tables: ["header", "episodes"],
  fields: ["MOTHER"],
  rowwise: "header",
  check(ctx, flag) {
    const episodes = ctx.episodesByChild();
    for (const h of ctx.t.header) {
      if (h.MOTHER !== "" || sexKind(h.SEX, ctx.year) !== "female") continue;
      if (episodes.get(h.CHILD)?.some((e) => !isShortBreakLs(e.LS))) flag(h, ["MOTHER"], `SEX ${h.SEX}`);
    }
  },
});

const motherWithoutChildDob = rule({
  id: "611",
  dfe: true,
  severity: "error",
  message: "Child is recorded as a mother (MOTHER 1) but the date of birth of her child (MC_DOB) is blank",
  tables: ["header"],
  fields: ["MOTHER", "MC_DOB"],
  rowwise: "header",
  check(ctx, flag) {
    for (const h of ctx.t.header)
      if (h.MOTHER === "1" && h.MC_DOB === null) flag(h, ["MC_DOB"], "MOTHER 1, MC_DOB blank");
  },
});

const childDobWithoutMother = rule({
  id: "612",
  dfe: true,
  severity: "error",
  message: "Date of birth of mother's child (MC_DOB) is given but MOTHER does not say she is a mother",
  tables: ["header"],
  fields: ["MOTHER", "MC_DOB", "SEX"],
  rowwise: "header",
  check(ctx, flag) {
    for (const h of ctx.t.header) {
      if (h.MC_DOB !== null && h.MOTHER !== "1" && sexKind(h.SEX, ctx.year) === "female") {
        flag(h, ["MOTHER", "MC_DOB"], `MOTHER '${h.MOTHER}'`);
      }
    }
  },
});

const childDobForMale = rule({
  id: "174",
  dfe: true,
  severity: "error",
  message: "Date of birth of mother's child (MC_DOB) is given but the child's sex is male",
  tables: ["header"],
  fields: ["SEX", "MC_DOB"],
  rowwise: "header",
  check(ctx, flag) {
    for (const h of ctx.t.header) {
      if (h.MC_DOB !== null && sexKind(h.SEX, ctx.year) === "male")
        flag(h, ["SEX", "MC_DOB"], `SEX ${h.SEX}`);
    }
  },
});

const childBornBeforeMother = rule({
  id: "621",
  dfe: true,
  severity: "error",
  message: "Date of birth of mother's child (MC_DOB) is on or before the mother's own date of birth",
  tables: ["header"],
  fields: ["MC_DOB", "DOB"],
  rowwise: "header",
  check(ctx, flag) {
    for (const h of ctx.t.header) {
      if (isDay(h.MC_DOB) && isDay(h.DOB) && h.MC_DOB <= h.DOB) {
        flag(h, ["MC_DOB", "DOB"], `MC_DOB ${uk(h.MC_DOB)}, DOB ${uk(h.DOB)}`);
      }
    }
  },
});

const motherUnder11 = rule({
  id: "620",
  dfe: true,
  severity: "error",
  message: "Child is recorded as a mother but was under 11 at the start of the collection year",
  tables: ["header"],
  fields: ["DOB", "MOTHER"],
  rowwise: "header",
  check(ctx, flag) {
    for (const h of ctx.t.header) {
      if (h.MOTHER !== "1" || !isDay(h.DOB)) continue;
      const b11 = birthday(h.DOB, 11);
      if (b11 > ctx.start) flag(h, ["DOB", "MOTHER"], `DOB ${uk(h.DOB)}, 11th birthday ${uk(b11)}`);
    }
  },
});

/** The mother's child cannot be born after the year ends, nor after the mother left care. */
const childBornTooLate = rule({
  id: "625",
  dfe: true,
  severity: "error",
  message:
    "Date of birth of mother's child (MC_DOB) is after the end of the year or after the mother ceased to be looked after",
  tables: ["header", "episodes"],
  fields: ["MC_DOB", "DEC"],
  rowwise: "header",
  check(ctx, flag) {
    const episodes = ctx.episodesByChild();
    for (const h of ctx.t.header) {
      if (!isDay(h.MC_DOB)) continue;
      if (h.MC_DOB > ctx.end) {
        flag(h, ["MC_DOB"], `MC_DOB ${uk(h.MC_DOB)}, year ends ${uk(ctx.end)}`);
        continue;
      }
      const list = episodes.get(h.CHILD);
      const last = list?.[list.length - 1];
      if (last && leftCare(last) && h.MC_DOB > (last.DEC as number)) {
        flag(h, ["MC_DOB", "DEC"], `MC_DOB ${uk(h.MC_DOB)}, left care ${uk(last.DEC as number)}`);
      }
    }
  },
});

// ---------------------------------------------------------------------------
// This year's Header against last year's
// ---------------------------------------------------------------------------

/** Last year's Header row of the child of each of the context's Header rows (undefined when none). */
function lastYearsHeaders(ctx: YearContext): readonly (HeaderRow | undefined)[] {
  const prev = ctx.prevHeaderByChild();
  return ctx.perRow(ctx.t.header, "header:lastYear", (h) => prev.get(h.CHILD));
}

/** Whether the child of each of the context's Header rows has episodes this year. */
function lookedAfter(ctx: YearContext): readonly boolean[] {
  const episodes = ctx.episodesByChild();
  return ctx.perRow(ctx.t.header, "header:looked", (h) => episodes.has(h.CHILD));
}

/** Compares SEX across years, reading 1/2 (to 2023/24) and M/F (from 2024/25) as the same. */
function sameSex(a: string, b: string): boolean {
  const ka = sexKind(a);
  const kb = sexKind(b);
  return ka !== undefined && kb !== undefined ? ka === kb : a === b;
}

const sexChanged = rule({
  id: "202",
  dfe: true,
  severity: "query",
  message: "Sex (SEX) differs from the sex recorded for this child last year",
  tables: ["header"],
  fields: ["SEX"],
  previousYear: true,
  previousTables: ["header"],
  rowwise: "header",
  check(ctx, flag) {
    const prev = lastYearsHeaders(ctx);
    ctx.t.header.forEach((h, i) => {
      const p = prev[i];
      if (p && h.SEX !== "" && p.SEX !== "" && !sameSex(h.SEX, p.SEX)) {
        flag(h, ["SEX"], `last year '${p.SEX}', this year '${h.SEX}'`);
      }
    });
  },
});

const dobChanged = rule({
  id: "203",
  dfe: true,
  severity: "query",
  message: "Date of birth (DOB) differs from the date of birth recorded for this child last year",
  tables: ["header"],
  fields: ["DOB"],
  previousYear: true,
  previousTables: ["header"],
  rowwise: "header",
  check(ctx, flag) {
    const prev = lastYearsHeaders(ctx);
    ctx.t.header.forEach((h, i) => {
      const p = prev[i];
      if (p && isDay(h.DOB) && isDay(p.DOB) && h.DOB !== p.DOB) {
        flag(h, ["DOB"], `last year ${uk(p.DOB)}, this year ${uk(h.DOB)}`);
      }
    });
  },
});

const ethnicChanged = rule({
  id: "204",
  dfe: true,
  severity: "query",
  message: "Ethnicity (ETHNIC) differs from the ethnicity recorded for this child last year",
  tables: ["header"],
  fields: ["ETHNIC"],
  previousYear: true,
  previousTables: ["header"],
  rowwise: "header",
  check(ctx, flag) {
    const prev = lastYearsHeaders(ctx);
    ctx.t.header.forEach((h, i) => {
      const p = prev[i];
      if (p && h.ETHNIC !== "" && p.ETHNIC !== "" && h.ETHNIC !== p.ETHNIC) {
        flag(h, ["ETHNIC"], `last year ${p.ETHNIC}, this year ${h.ETHNIC}`);
      }
    });
  },
});

const motherChanged = rule({
  id: "207",
  dfe: true,
  severity: "query",
  message: "Child was recorded as a mother last year but not this year",
  tables: ["header", "episodes"],
  fields: ["MOTHER"],
  previousYear: true,
  previousTables: ["header"],
  rowwise: "header",
  check(ctx, flag) {
    const prev = lastYearsHeaders(ctx);
    // Only children looked after this year: a care leaver's Header row leaves MOTHER blank.
    const looked = lookedAfter(ctx);
    ctx.t.header.forEach((h, i) => {
      if (!looked[i]) return;
      const p = prev[i];
      if (p?.MOTHER === "1" && h.MOTHER !== "1") flag(h, ["MOTHER"], `last year 1, this year '${h.MOTHER}'`);
    });
  },
});

const childDobChanged = rule({
  id: "624",
  dfe: true,
  severity: "query",
  message: "Date of birth of mother's child (MC_DOB) differs from the date recorded last year",
  tables: ["header", "episodes"],
  fields: ["MC_DOB"],
  previousYear: true,
  previousTables: ["header"],
  rowwise: "header",
  check(ctx, flag) {
    const prev = lastYearsHeaders(ctx);
    const looked = lookedAfter(ctx);
    ctx.t.header.forEach((h, i) => {
      const p = prev[i];
      if (!looked[i] || !p || !isDay(p.MC_DOB)) return;
      if (h.MC_DOB === null) flag(h, ["MC_DOB"], `last year ${uk(p.MC_DOB)}, this year blank`);
      else if (isDay(h.MC_DOB) && h.MC_DOB !== p.MC_DOB) {
        flag(h, ["MC_DOB"], `last year ${uk(p.MC_DOB)}, this year ${uk(h.MC_DOB)}`);
      }
    });
  },
});

// ---------------------------------------------------------------------------
// Unique Pupil Number
// ---------------------------------------------------------------------------

/**
 * A UPN is a letter (not I, O or S) and 12 digits, or 11 digits and a letter
 * for a temporary UPN; UN1–UN5 say why it is not known.
 */
const UPN = /^(?:[A-HJ-NP-RT-Z][0-9]{12}|[A-HJ-NP-RT-Z][0-9]{11}[A-Z]|UN[1-5])$/;

const upnInvalid = rule({
  id: "168",
  dfe: true,
  severity: "error",
  message: "Unique Pupil Number (UPN) is not valid; if it is not known use UN1 to UN5",
  tables: ["header"],
  fields: ["UPN"],
  rowwise: "header",
  check(ctx, flag) {
    for (const h of ctx.t.header) if (h.UPN !== "" && !UPN.test(h.UPN)) flag(h, ["UPN"], `'${h.UPN}'`);
  },
});

const upnBlank = rule({
  id: "442",
  dfe: true,
  severity: "error",
  message: "Unique Pupil Number (UPN) is blank for a looked-after child (use UN1 to UN5 if it is not known)",
  tables: ["header", "episodes"],
  fields: ["UPN"],
  rowwise: "header",
  check(ctx, flag) {
    const episodes = ctx.episodesByChild();
    for (const h of ctx.t.header) {
      if (h.UPN === "" && episodes.get(h.CHILD)?.some((e) => !isShortBreakLs(e.LS)))
        flag(h, ["UPN"], "UPN blank");
    }
  },
});

export const headerRules: Rule[] = [
  episodesWithoutHeader,
  headerWithoutEpisodes,
  duplicateHeader,
  motherInvalid,
  motherBlank,
  motherWithoutChildDob,
  childDobWithoutMother,
  childDobForMale,
  childBornBeforeMother,
  motherUnder11,
  childBornTooLate,
  sexChanged,
  dobChanged,
  ethnicChanged,
  motherChanged,
  childDobChanged,
  upnInvalid,
  upnBlank,
];

/**
 * The SEX codes change in 2024/25 (1/2 become M/F/U); the rules read SEX
 * through the year's code list in codes.ts, so they need no overlays.
 */
export const headerOverlays: YearOverlay[] = [];
