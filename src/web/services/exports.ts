import Papa from "papaparse";
import { type PlanWorkbookMeta, planXlsx } from "../../reports/plan-export.js";
import type { PlanTable } from "../../reports/plan-tables.js";
import { profileCsv } from "../../reports/profile-csv.js";
import { profileHtml } from "../../reports/profile-html.js";
import type { ProfileTable } from "../../reports/profile-tables.js";
import { profileXlsx } from "../../reports/profile-xlsx.js";
import type { ProfileBundle } from "./profiles.js";

export interface Download {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

/** `Demo council (synthetic)` → `demo-council-synthetic`, for file names. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "council"
  );
}

/**
 * One table as CSV, as shown on the page: its columns across, its rows down,
 * numbers unformatted (percentages 0–100, blank where not available).
 * Cells that a spreadsheet would run as formulas are escaped.
 */
export function tableCsv(
  t: Pick<ProfileTable, "columns" | "rows"> | Pick<PlanTable, "columns" | "rows">,
): string {
  return `${Papa.unparse(
    {
      fields: t.columns,
      data: t.rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : v))),
    },
    { newline: "\r\n", escapeFormulae: true },
  )}\r\n`;
}

/** The profile's downloads: a table as CSV, all tables (CSV or XLSX), or the printable HTML report. */
export class ExportService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  table(b: ProfileBundle, council: string, tableId: string): Download | undefined {
    const t = b.tables.find((x) => x.id === tableId);
    if (!t) return undefined;
    return {
      filename: `${slug(council)}-${b.profile.at}-${t.id.replace(/\./g, "-")}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: tableCsv(t),
    };
  }

  allCsv(b: ProfileBundle, council: string): Download {
    return {
      filename: `${slug(council)}-${b.profile.at}-profile.csv`,
      contentType: "text/csv; charset=utf-8",
      body: profileCsv(b.profile),
    };
  }

  async xlsx(b: ProfileBundle, council: string): Promise<Download> {
    return {
      filename: `${slug(council)}-${b.profile.at}-profile.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await profileXlsx(b.profile, { council, generatedAt: this.now().toISOString() }),
    };
  }

  /** One table of the forecast, costs, budget, supply or gap pages as CSV, as shown on the page. */
  planTable(t: PlanTable, council: string, what: string): Download {
    return {
      filename: `${slug(council)}-${what}-${t.id.replace(/[._]/g, "-")}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: tableCsv(t),
    };
  }

  /** All of a page's tables as a workbook (src/reports/plan-export.ts: an About sheet, then one sheet a table). */
  async planWorkbook(
    tables: readonly PlanTable[],
    council: string,
    what: string,
    meta: Omit<PlanWorkbookMeta, "council" | "generatedAt">,
  ): Promise<Download> {
    return {
      filename: `${slug(council)}-${what}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await planXlsx(tables, { ...meta, council, generatedAt: this.now().toISOString() }),
    };
  }

  html(b: ProfileBundle, council: string): Download {
    return {
      filename: `${slug(council)}-${b.profile.at}-profile.html`,
      contentType: "text/html; charset=utf-8",
      body: profileHtml(b.profile, { council, generatedAt: this.now().toISOString() }),
    };
  }
}
