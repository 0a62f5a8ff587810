import type { Share } from "../core/profile/placement-mix.js";
import { PLACEMENT_TYPE_LABELS, PLACEMENT_TYPES } from "../core/profile/placement-types.js";
import type { Profile } from "../core/profile/profile.js";

const n = (x: number) => x.toLocaleString("en-GB");
const pct = (s: Share) => (s.pct === null ? "n/a" : `${s.pct}% (${n(s.count)} of ${n(s.of)})`);

function table(rows: Array<[string, ...string[]]>, header: string[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), ...rows.map((r) => line(r))];
}

/** A readable summary of the profile's headline figures for the terminal. */
export function profileSummaryText(p: Profile): string {
  const out: string[] = [];
  const rate = p.ratePer10k ? `, ${p.ratePer10k.value} per 10,000 children aged 0-17` : "";
  out.push(`Children looked after at ${p.at}: ${n(p.cla.total)}${rate} (UASC ${n(p.cla.uasc.uasc)}).`);
  const totals = p.cla.monthEnd.map((m) => m.total);
  const last12 = totals.slice(-12);
  if (last12.length)
    out.push(
      `Month-end range over the last 12 months: ${n(Math.min(...last12))} to ${n(Math.max(...last12))}.`,
    );
  out.push("");
  out.push(
    ...table(
      Object.entries(p.cla.byAgeBand).map(([band, c]) => [band, n(c)]),
      ["Age band", "Children"],
    ),
  );
  out.push("");
  out.push(
    `In ${p.yearLabel}: ${n(p.starts)} children started to be looked after and ${n(p.ceased.total)} ceased.`,
  );
  const reasons = Object.entries(p.ceased.byReason)
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1]);
  out.push(`  Ceased by reason: ${reasons.map(([r, c]) => `${r.replaceAll("_", " ")} ${n(c)}`).join(", ")}.`);
  out.push("");
  out.push(
    `Weeks of placement in ${p.yearLabel} by type (total ${n(p.placementMix.weeks.total!.total!)} weeks):`,
  );
  const typeRows: Array<[string, ...string[]]> = PLACEMENT_TYPES.filter(
    (t) => (p.placementMix.weeks[t]?.total ?? 0) > 0,
  ).map((t) => [
    PLACEMENT_TYPE_LABELS[t],
    n(p.placementMix.episodes[t]!.total!),
    n(p.placementMix.weeks[t]!.total!),
  ]);
  out.push(...table(typeRows, ["Placement type", "Episodes", "Weeks"]).map((l) => `  ${l}`));
  const fs = p.placementMix.fosteringShare.weeks;
  out.push(
    `  Fostering share of weeks by age band: ${p.placementMix.bands.map((b) => `${b} ${fs[b]?.pct ?? "n/a"}%`).join(", ")}.`,
  );
  const prov = p.placementMix.providers.weeks;
  out.push(
    `  Of fostering weeks: connected ${pct(prov.connected)}, in-house ${pct(prov.inHouse)}, agency ${pct(prov.agency)}.`,
  );
  out.push("");
  out.push(
    `Stability: 3+ placements in the year ${pct(p.stability.threePlus)}; long-term stability ${pct(p.stability.longTerm)}.`,
  );
  out.push(
    `Location: more than 20 miles from home ${pct(p.location.over20Miles)}; outside the area ${pct(p.location.outside)}.${p.location.note ? ` (${p.location.note})` : ""}`,
  );
  const cl = p.outcomes.careLeavers;
  if (cl) {
    out.push(
      `Care leavers: in touch ${pct(cl.inTouch)}; suitable accommodation ${pct(cl.suitableAccommodation)}; in education, employment or training ${pct(cl.educationEmploymentTraining)}.`,
    );
  }
  return `${out.join("\n")}\n`;
}
