import { cellFormat, formatCell, type ProfileTable } from "../../reports/profile-tables.js";

/** A profile table in the shape the govukTable macro takes (text cells; numbers right-aligned). */
export interface TableView {
  id: string;
  anchor: string;
  title: string;
  caption: string;
  definition: string;
  notes: string[];
  head: Array<{ text: string; format?: string }>;
  rows: Array<Array<{ text: string; format?: string; classes?: string }>>;
  csvHref: string;
}

export function tableView(t: ProfileTable, number: string): TableView {
  const numeric = (c: number) => c > 0 && t.formats[c] !== "text";
  return {
    id: t.id,
    anchor: t.id.replace(/\./g, "-"),
    title: t.title,
    caption: number ? `Table ${number}: ${t.title}` : t.title,
    definition: t.definition,
    notes: t.notes,
    head: t.columns.map((c, i) => (numeric(i) ? { text: c, format: "numeric" } : { text: c })),
    rows: t.rows.map((row, r) =>
      row.map((v, c) => {
        const cell: { text: string; format?: string; classes?: string } = {
          text: formatCell(v ?? null, cellFormat(t, r, c)),
        };
        if (numeric(c)) cell.format = "numeric";
        if (t.totalRows.includes(r)) cell.classes = "sp-total";
        return cell;
      }),
    ),
    csvHref: `/profile/tables/${t.id}.csv`,
  };
}
