import type { FastifyReply, FastifyRequest } from "fastify";
import { formatPlanCell, type PlanTable, planCellFormat } from "../../reports/plan-tables.js";
import { actorOf } from "../middleware/set-up-authentication.js";
import type { Download } from "../services/exports.js";
import type { Services } from "../services/index.js";
import { sendDownload } from "./helpers.js";
import type { TableView } from "./table-view.js";

/** A table of the forecast, costs, budget, supply or gap pages in the shape the govukTable macro takes. */
export interface PlanTableView extends TableView {
  /** Page-ready SVG of the same numbers, when there is a chart. */
  chart: string | null;
  /** Show the table folded under "The numbers in this chart" (long tables with a chart). */
  folded: boolean;
}

export function planTableView(
  t: PlanTable,
  o: { base: string; query?: string; chart?: string | undefined; number?: string; fold?: boolean },
): PlanTableView {
  const numeric = (c: number) => c > 0 && t.formats[c] !== "text";
  return {
    id: t.id,
    anchor: t.id.replace(/[._]/g, "-"),
    title: t.title,
    caption: o.number ? `Table ${o.number}: ${t.title}` : t.title,
    definition: t.definition,
    notes: t.notes,
    head: t.columns.map((c, i) => (numeric(i) ? { text: c, format: "numeric" } : { text: c })),
    rows: t.rows.map((row, r) =>
      row.map((v, c) => {
        const cell: { text: string; format?: string; classes?: string } = {
          text: v === null || v === undefined ? "–" : formatPlanCell(v, planCellFormat(t, r, c)),
        };
        if (numeric(c) && typeof v !== "string") cell.format = "numeric";
        if (t.totalRows.includes(r)) cell.classes = "sp-total";
        return cell;
      }),
    ),
    csvHref: `${o.base}/tables/${t.id}.csv${o.query ?? ""}`,
    chart: o.chart ?? null,
    folded: o.fold ?? false,
  };
}

/** The table id in a download's file name (`budget.runs.csv` → `budget.runs`), or undefined. */
export function tableIdOf(request: FastifyRequest): string | undefined {
  const file = String((request.params as { file?: string }).file ?? "");
  return /^([a-z_]+\.[a-z0-9_]+)\.csv$/.exec(file)?.[1];
}

/** A query string to carry a page's settings into its download links ("" when there are none). */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Records the export in the audit log, then sends it. */
export async function sendExport(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  d: Download,
  where: { councilId: string; versionId?: string | null; detail: Record<string, unknown> },
): Promise<FastifyReply> {
  await services.audit.record(actorOf(request), "export", {
    councilId: where.councilId,
    versionId: where.versionId ?? null,
    detail: { ...where.detail, file: d.filename },
  });
  return sendDownload(reply, d);
}
