/**
 * Checking a return: read it, validate every collection year and rebuild
 * each child's history (reporting what the rebuild had to fix), on as many
 * threads as there are cores (at most two, see below) when the return is
 * large. Each thread reads every file but keeps only its share of the
 * children (ChildShare: a child's rows all hash to one share), validates
 * and rebuilds them; the threads agree the one fact that needs every child
 * (the council's own LA code, home-la.ts) before validating, and their
 * findings are merged into the order one thread gives (by year, rule, file
 * and row). Small returns, and runs from the TypeScript sources (tests),
 * are checked in this thread.
 */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { FIX_DESCRIPTIONS, type FixRule, rebuildHistory } from "../core/ssda903/history.js";
import type { ChildShare } from "../core/ssda903/read.js";
import { MAX_ROW_ISSUES_PER_FILE, MORE_ROWS_NOT_LISTED } from "../core/ssda903/read-rows.js";
import type { Issue, Return903, SourceFile } from "../core/ssda903/types.js";
import type { YearFacts } from "../core/ssda903/validation/context.js";
import {
  addCounts,
  countInPlacementsByYear,
  mostCommon,
  type YearCounts,
} from "../core/ssda903/validation/home-la.js";
import { defaultRegistry } from "../core/ssda903/validation/rules/index.js";
import { summarise, type ValidationResult, validate } from "../core/ssda903/validation/validate.js";
import { type MinimiseFlags, minimiseFrom, readFilesInto } from "./input.js";

/** What rebuilding the histories did (docs/history.md); `sufficiency fixes` lists the fixes. */
export interface RebuildSummary {
  children: number;
  /** Children with episodes but no Header row in any year (kept). */
  withoutHeader: number;
  fixes: number;
  fixesByRule: Partial<Record<FixRule, number>>;
}

export interface CheckResult {
  files: SourceFile[];
  result: ValidationResult;
  readIssues: Issue[];
  rebuild: RebuildSummary;
}

export interface CheckOptions {
  year?: number;
  minimise: MinimiseFlags;
}

/** A thread's part of the work. */
export interface CheckJob {
  files: string[];
  year?: number;
  minimise: MinimiseFlags;
  share: ChildShare;
}

export type WorkerMessage =
  | { kind: "counts"; counts: YearCounts }
  | { kind: "done"; part: CheckPart }
  | { kind: "failed"; message: string };

export interface CheckPart {
  files: SourceFile[];
  issues: Issue[];
  skipped: ValidationResult["skipped"];
  rebuild: RebuildSummary;
}

/** Below this many bytes of input, threads cost more than they save (the tests set it lower to exercise threads). */
const PARALLEL_FROM_BYTES = Number(process.env.SUFFICIENCY_PARALLEL_FROM_BYTES ?? 40_000_000);
const WORKER = new URL("./check-worker.js", import.meta.url);
/**
 * Each thread reads every file, so more threads save less each; and each
 * holds its children's rows, so memory grows with the shares' overheads.
 * Two threads on two cores is what the targets were measured on.
 */
const MAX_THREADS = 2;

export async function checkFiles(files: readonly string[], options: CheckOptions): Promise<CheckResult> {
  const size = files.reduce((n, f) => n + sizeOf(f), 0);
  const threads = Math.min(MAX_THREADS, availableParallelism());
  const compiled = import.meta.url.endsWith(".js");
  if (!compiled || threads < 2 || size < PARALLEL_FROM_BYTES) {
    const { data, issues } = readFilesInto(files, {
      year: options.year,
      minimise: minimiseFrom(options.minimise),
    });
    const part = checkPart(data, issues);
    return { files: data.files, result: part.result, readIssues: issues, rebuild: part.rebuild };
  }
  // A large return's rows stay alive from reading to the end, and validating and rebuilding make
  // short-lived indexes besides. V8 sizes the heap's next collection from a growth factor it
  // picks itself, and here it let two threads' peak reach 2.0–2.1 GB; a factor of 1.8 collects
  // sooner and kept the peak at 1.7 GB with no measurable cost in time (docs/decisions.md). The
  // setting is process-wide, and this is a command-line process.
  setFlagsFromString("--heap-growing-percent=80");
  const shares: CheckJob[] = Array.from({ length: threads }, (_, index) => ({
    files: [...files],
    year: options.year,
    minimise: options.minimise,
    share: { index, of: threads },
  }));
  const workers = shares.slice(1).map(startWorker);
  try {
    // This thread checks share 0 while the workers check theirs.
    const { data, issues } = readFilesInto(files, {
      year: options.year,
      minimise: minimiseFrom(options.minimise),
      share: shares[0]!.share,
    });
    const counts = countInPlacementsByYear(data.tables.episodes);
    for (const w of workers) addCounts(counts, await w.counts);
    const facts = new Map<number, YearFacts>(
      [...counts].map(([year, c]) => [year, { homeLa: mostCommon(c) }]),
    );
    for (const w of workers) w.worker.postMessage(facts);
    const mine = checkPart(data, issues, facts);
    const parts: CheckPart[] = [
      { files: data.files, issues: mine.result.issues, skipped: mine.result.skipped, rebuild: mine.rebuild },
      ...(await Promise.all(workers.map((w) => w.done))),
    ];
    return mergeParts(files, parts);
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/** Validates, then rebuilds (the rebuild's copies are made after validation's indexes are freed). */
export function checkPart(
  data: Return903,
  readIssues: Issue[],
  facts?: ReadonlyMap<number, YearFacts>,
): { result: ValidationResult; rebuild: RebuildSummary } {
  const result = validate(data, defaultRegistry, readIssues, { facts });
  const history = rebuildHistory(data);
  const counts = new Map<FixRule, number>();
  for (const f of history.fixes) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const fixesByRule = byFixRule((rule) => counts.get(rule) ?? 0);
  return {
    result,
    rebuild: {
      children: history.children.length,
      withoutHeader: history.withoutHeader.length,
      fixes: history.fixes.length,
      fixesByRule,
    },
  };
}

/** Puts the threads' parts together in the order one thread gives. */
export function mergeParts(paths: readonly string[], parts: readonly CheckPart[]): CheckResult {
  const first = parts[0]!;
  // Every thread read every file; each counted only its own children's rows.
  const files = first.files.map((f, i) => ({ ...f, rows: parts.reduce((n, p) => n + p.files[i]!.rows, 0) }));
  const isRead = (i: Issue) => i.rule.startsWith("READ-");
  // Problems with a whole file are the same in every thread: share 0's. Row problems belong to
  // the thread that holds the row's child.
  const readIssues = parts.flatMap((p, k) =>
    p.issues.filter((i) => isRead(i) && (k === 0 || i.row !== undefined)),
  );
  const pathAt = new Map(paths.map((p, i) => [p, i] as const));
  readIssues.sort(
    (a, b) => pathAt.get(a.file ?? "")! - pathAt.get(b.file ?? "")! || (a.row ?? 0) - (b.row ?? 0),
  );
  const listed = capRowIssues(readIssues);
  const fileAt = new Map(files.map((f, i) => [f.path, i] as const));
  const ruleAt = new Map<number, Map<string, number>>();
  const rank = (i: Issue) => {
    let m = ruleAt.get(i.year!);
    if (!m) {
      m = new Map(defaultRegistry.rulesFor(i.year!).map((r, k) => [r.id, k] as const));
      ruleAt.set(i.year!, m);
    }
    return m.get(i.rule)!;
  };
  const found = parts.flatMap((p) => p.issues.filter((i) => !isRead(i)));
  found.sort(
    (a, b) =>
      a.year! - b.year! ||
      rank(a) - rank(b) ||
      fileAt.get(a.file!)! - fileAt.get(b.file!)! ||
      a.row! - b.row!,
  );
  const issues = [...listed, ...found];
  const fixesByRule = byFixRule((rule) => parts.reduce((n, p) => n + (p.rebuild.fixesByRule[rule] ?? 0), 0));
  return {
    files,
    result: { issues, skipped: first.skipped, summary: summarise(issues, defaultRegistry) },
    readIssues: listed,
    rebuild: {
      children: parts.reduce((n, p) => n + p.rebuild.children, 0),
      withoutHeader: parts.reduce((n, p) => n + p.rebuild.withoutHeader, 0),
      fixes: parts.reduce((n, p) => n + p.rebuild.fixes, 0),
      fixesByRule,
    },
  };
}

/** Counts of the fix rules that were used, in the rules' own order (so threads cannot change it). */
function byFixRule(count: (rule: FixRule) => number): Partial<Record<FixRule, number>> {
  const out: Partial<Record<FixRule, number>> = {};
  for (const rule of Object.keys(FIX_DESCRIPTIONS) as FixRule[]) {
    const n = count(rule);
    if (n > 0) out[rule] = n;
  }
  return out;
}

/** The first MAX_ROW_ISSUES_PER_FILE unreadable rows of each file, the last of them saying more are not listed. */
function capRowIssues(sorted: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  const listed = new Map<string, number>();
  for (const i of sorted) {
    if (i.rule !== "READ-ROW") {
      out.push(i);
      continue;
    }
    const n = (listed.get(i.file ?? "") ?? 0) + 1;
    listed.set(i.file ?? "", n);
    if (n > MAX_ROW_ISSUES_PER_FILE) continue;
    const plain = i.message.endsWith(MORE_ROWS_NOT_LISTED)
      ? i.message.slice(0, -MORE_ROWS_NOT_LISTED.length)
      : i.message;
    out.push({ ...i, message: n === MAX_ROW_ISSUES_PER_FILE ? `${plain}${MORE_ROWS_NOT_LISTED}` : plain });
  }
  return out;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

interface RunningWorker {
  worker: Worker;
  counts: Promise<YearCounts>;
  done: Promise<CheckPart>;
}

function startWorker(job: CheckJob): RunningWorker {
  const worker = new Worker(WORKER, { workerData: job });
  const counts = deferred<YearCounts>();
  const done = deferred<CheckPart>();
  // Whichever is awaited first, a failure must not go unhandled on the other.
  counts.promise.catch(() => {});
  done.promise.catch(() => {});
  const fail = (e: Error) => {
    counts.reject(e);
    done.reject(e);
  };
  worker.on("message", (m: WorkerMessage) => {
    if (m.kind === "counts") counts.resolve(m.counts);
    else if (m.kind === "done") done.resolve(m.part);
    else fail(new Error(m.message));
  });
  worker.once("error", fail);
  worker.once("exit", (code) => fail(new Error(`a checking thread stopped with code ${code}`)));
  return { worker, counts: counts.promise, done: done.promise };
}

/** A promise with its resolve and reject at hand (Promise.withResolvers arrives in Node 22). */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void } {
  let resolve: (v: T) => void = () => {};
  let reject: (e: Error) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
