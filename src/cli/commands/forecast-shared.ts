/**
 * What the forecast and backtest commands share: reading the returns and the
 * population into segments, running Monte Carlo runs on several threads, and
 * writing the tables as CSV or a spreadsheet.
 */
import { availableParallelism } from "node:os";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import {
  chunkPlan,
  expectedPaths,
  type PreparedForecast,
  type RunBlock,
  simulateChunks,
  simulateRuns,
} from "../../core/forecast/forecast.js";
import { PopulationCurve } from "../../core/forecast/population-curve.js";
import type { PathBuffers } from "../../core/forecast/project.js";
import { buildSegments, type Segments } from "../../core/forecast/segments.js";
import { type ForecastTable, longRows } from "../../core/forecast/tables.js";
import { rebuildHistory } from "../../core/ssda903/history.js";
import { sheetNames } from "../../reports/profile-xlsx.js";
import { HEADER_FILL } from "../../reports/xlsx-sheet.js";
import { UserError } from "../errors.js";
import { type MinimiseFlags, minimiseFrom, readInputs } from "../input.js";
import { loadPopulation } from "../inputs-extra.js";
import { ForecastPool } from "./forecast-pool.js";

/** Reads the 903 files into segments, and the population file. */
export function loadForecastInputs(
  command: string,
  paths: string[],
  population: string | undefined,
  dataYear: number | undefined,
  flags: MinimiseFlags,
): { seg: Segments; pop: PopulationCurve } {
  if (!population) throw new UserError("give --population FILE (CSV year,age,population with projections)");
  const pop = new PopulationCurve(loadPopulation(population));
  const { data, issues } = readInputs(paths, { year: dataYear, minimise: minimiseFrom(flags) });
  const fatal = issues.filter((i) => i.fatal);
  if (fatal.length) {
    for (const i of fatal) process.stderr.write(`sufficiency ${command}: ${i.file}: ${i.message}\n`);
    throw new UserError(
      `some files could not be read, so no ${command} was made (run 'sufficiency validate' for details)`,
    );
  }
  const seg = buildSegments(rebuildHistory(data));
  if (seg.n === 0) throw new UserError("the files hold no episodes of care");
  return { seg, pop };
}

/** Parses --uasc-per-year: "12" or a range "10-15". */
export function parseUascPerYear(value: string | undefined): number | [number, number] | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?$/.exec(value);
  if (!m) throw new UserError(`--uasc-per-year must be a number or a range such as 10-15 (got '${value}')`);
  const lo = Number(m[1]);
  if (m[2] === undefined) return lo;
  const hi = Number(m[2]);
  if (hi < lo) throw new UserError(`--uasc-per-year: the range ${value} runs backwards`);
  return [lo, hi];
}

/**
 * All the runs of every scenario of a prepared forecast, shared among this
 * thread and the pool's workers (a pool of `threads` is started here and
 * closed after when none is given), and the expected paths, worked out here
 * while the workers run. The runs are cut into chunks that each thread
 * claims from a shared counter as it finishes the last, so the threads end
 * together however long the expected paths take or however busy a core is.
 */
export async function runAll(
  prep: PreparedForecast,
  threads: number,
  given?: ForecastPool,
): Promise<{ blocks: RunBlock[][]; expected: PathBuffers[] | undefined }> {
  const pool = given ?? (threads > 1 && prep.runs >= 2 * threads ? new ForecastPool(threads) : undefined);
  try {
    const n = pool && prep.runs >= 2 * (pool.size + 1) ? pool.size + 1 : 1;
    if (n === 1) {
      return {
        blocks: prep.scenarios.map((_, s) => [simulateRuns(prep, s, 0, prep.runs)]),
        expected: undefined,
      };
    }
    const plan = chunkPlan(prep.runs, n);
    const counter = new SharedArrayBuffer(4);
    const next = new Int32Array(counter);
    const pending = Array.from({ length: n - 1 }, (_, i) => pool!.run(i, prep, plan, counter));
    const expected = prep.method === "markov" ? expectedPaths(prep) : undefined;
    const blocks: RunBlock[][] = prep.scenarios.map(() => []);
    const mine = simulateChunks(prep, plan, () => Atomics.add(next, 0, 1));
    for (const list of [mine, ...(await Promise.all(pending))])
      for (const b of list) blocks[b.scenario]!.push(b);
    return { blocks, expected };
  } finally {
    if (pool && !given) await pool.close();
  }
}

/** Threads to use: --threads, or every core (at most 8). */
export function threadCount(value: number | undefined): number {
  return value ?? Math.max(1, Math.min(8, availableParallelism()));
}

export function tablesCsv(tables: readonly ForecastTable[]): string {
  const data = longRows(tables).map((r) => r.map((v) => (v === null ? "" : v)));
  return `${Papa.unparse({ fields: ["section", "table", "row", "column", "value"], data }, { newline: "\r\n", escapeFormulae: true })}\r\n`;
}

/** One sheet per table (a scenario's tables carry its name), with a first sheet saying what each holds. */
export async function tablesXlsx(
  title: string,
  tables: readonly ForecastTable[],
  notes: string[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sufficiency Planner";
  const about = wb.addWorksheet("About");
  about.columns = [{ width: 34 }, { width: 90 }];
  about.addRow([title]).font = { bold: true, size: 16 };
  about.addRow([]);
  for (const n of notes) about.addRow([n]);
  about.addRow([]);
  const head = about.addRow(["Sheet", "What it holds"]);
  head.font = { bold: true };
  const own = (t: ForecastTable) => t.section === "base" || t.section === "model" || t.section === "backtest";
  const names = sheetNames(tables.map((t) => (own(t) ? t.sheet : `${t.section.slice(0, 14)} - ${t.sheet}`)));
  tables.forEach((t, i) => {
    const name = names[i]!;
    about.addRow([name, `${own(t) ? "" : `${t.section}: `}${t.title}`]);
    const ws = wb.addWorksheet(name);
    ws.columns = t.columns.map((c, i) => ({ header: c, key: String(i), width: i < t.keys ? 22 : 12 }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).eachCell((c) => {
      c.fill = HEADER_FILL;
    });
    ws.views = [{ state: "frozen", ySplit: 1 }];
    for (const row of t.rows) ws.addRow(row.map((v) => (v === null ? null : v)));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
