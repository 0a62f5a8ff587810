import { headlineMeasures, type Profile } from "../../core/profile/profile.js";
import { longDate } from "../../reports/labels.js";
import { formatCell, type ProfileTable } from "../../reports/profile-tables.js";
import type { ProfileBundle } from "./profiles.js";

export interface HeadlineRow {
  label: string;
  value: string;
  /** Comparator values in the order of `areas`. */
  comparators: string[];
}

export interface ChangeRow {
  label: string;
  before: string;
  now: string;
  change: string;
}

export interface Overview {
  at: string;
  yearLabel: string;
  areas: string[];
  headline: HeadlineRow[];
  monthEnd: { chart: string | null; table: ProfileTable | undefined };
  changes: { previousAt: string; rows: ChangeRow[] } | null;
}

const PCT_MEASURES = (measure: string) => measure.endsWith("_pct");

function show(measure: string, v: number | null): string {
  if (v === null) return "n/a";
  if (PCT_MEASURES(measure)) return formatCell(v, "pct");
  if (measure === "cla_rate_per_10k") return formatCell(v, "rate");
  return formatCell(v, "count");
}

function change(measure: string, before: number | null, now: number | null): string {
  if (before === null || now === null) return "n/a";
  const d = Math.round((now - before) * 10) / 10;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "";
  const abs = Math.abs(d);
  if (PCT_MEASURES(measure)) return `${sign}${abs.toFixed(1)} points`;
  if (measure === "cla_rate_per_10k") return `${sign}${abs.toFixed(1)}`;
  return `${sign}${Math.round(abs).toLocaleString("en-GB")}`;
}

/** Counts of starters and leavers in the profile's year (from the yearly flows). */
function flowRows(p: Profile, prev: Profile): ChangeRow[] {
  const rows: ChangeRow[] = [];
  const now = p.flows.find((f) => f.year === p.year);
  const before = p.flows.find((f) => f.year === prev.year);
  if (now && before) {
    rows.push({
      label: `Started to be looked after in the year`,
      before: formatCell(before.started, "count"),
      now: formatCell(now.started, "count"),
      change: change("started", before.started, now.started),
    });
    rows.push({
      label: `Ceased to be looked after in the year`,
      before: formatCell(before.ceased, "count"),
      now: formatCell(now.ceased, "count"),
      change: change("ceased", before.ceased, now.ceased),
    });
  }
  return rows;
}

/**
 * The overview page's content: the headline measures beside the comparators
 * supplied, the month-end series, and each measure against a year before.
 */
export function overview(b: ProfileBundle): Overview {
  const p = b.profile;
  const areas = [...new Set(p.comparators.flatMap((c) => Object.keys(c.areas)))].sort();
  const headline = p.comparators.map((c) => ({
    label: c.label,
    value: show(c.measure, c.value),
    comparators: areas.map((a) => (c.areas[a] === undefined ? "" : show(c.measure, c.areas[a]!))),
  }));
  let changes: Overview["changes"] = null;
  if (b.previous) {
    const before = new Map(headlineMeasures(b.previous).map((m) => [m.measure, m.value]));
    const rows: ChangeRow[] = headlineMeasures(p).map((m) => ({
      label: m.label,
      before: show(m.measure, before.get(m.measure) ?? null),
      now: show(m.measure, m.value),
      change: change(m.measure, before.get(m.measure) ?? null, m.value),
    }));
    rows.splice(1, 0, ...flowRows(p, b.previous));
    changes = { previousAt: longDate(b.previous.at), rows };
  }
  return {
    at: longDate(p.at),
    yearLabel: p.yearLabel,
    areas,
    headline,
    monthEnd: {
      chart: b.charts["trend.month_end"] ?? null,
      table: b.tables.find((t) => t.id === "trend.month_end"),
    },
    changes,
  };
}
