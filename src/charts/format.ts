/** How a chart writes its values: fixed decimals, an optional suffix such as "%". */
export interface NumberFormat {
  decimals?: number;
  suffix?: string;
}

/** A number with thousands separators and fixed decimals, rounded half away from zero: 12345.67 → "12,345.7". */
export function formatNumber(v: number, decimals = 0): string {
  if (!Number.isFinite(v)) return "n/a";
  const f = 10 ** decimals;
  const r = (Math.sign(v) * Math.round(Math.abs(v) * f)) / f;
  const [int, frac] = Math.abs(r).toFixed(decimals).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = r < 0 ? "-" : "";
  return frac === undefined ? sign + grouped : `${sign}${grouped}.${frac}`;
}

export function formatValue(v: number | null, f: NumberFormat = {}): string {
  if (v === null || !Number.isFinite(v)) return "n/a";
  return formatNumber(v, f.decimals ?? 0) + (f.suffix ?? "");
}

/** Decimals needed to write every tick exactly: ticks 0, 0.25, 0.5 need 2; 0, 5, 10 need 0. */
export function tickDecimals(ticks: readonly number[]): number {
  for (let d = 0; d < 6; d++) {
    const f = 10 ** d;
    if (ticks.every((t) => Math.abs(Math.round(t * f) - t * f) < 1e-6)) return d;
  }
  return 6;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2022-03-31" → milliseconds since 1970 (UTC). */
export function isoToTime(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`'${iso}' is not a date like 2022-03-31`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function timeToIso(t: number): string {
  const d = new Date(t);
  const p = (x: number) => String(x).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/** "Mar 2022". */
export function monthYear(t: number): string {
  const d = new Date(t);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "31 Mar 2022". */
export function dayMonthYear(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
