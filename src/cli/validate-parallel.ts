/**
 * Validating a large return on two threads. Each collection year's rules read
 * only that year and the year before, so the years are split between worker
 * threads, each reading just the files it needs: on a two-core machine a
 * national return validates in about half the time. Small returns, and runs
 * from the TypeScript sources (tests), are validated in this thread.
 */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Issue, SourceFile } from "../core/ssda903/types.js";
import { defaultRegistry } from "../core/ssda903/validation/rules/index.js";
import { summarise, type ValidationResult, validate } from "../core/ssda903/validation/validate.js";
import { yearFromPath } from "../core/ssda903/years.js";
import { type MinimiseFlags, minimiseFrom, readFilesInto } from "./input.js";

export interface ValidateJob {
  /** Files to read: the worker's own and those of the year before its first year. */
  files: string[];
  ownFiles: string[];
  years: number[];
  year?: number;
  minimise: MinimiseFlags;
}

export interface ValidateJobResult {
  files: SourceFile[];
  issues: Issue[];
  skipped: ValidationResult["skipped"];
}

/** Below this many bytes of input, threads cost more than they save (the tests set it lower to exercise threads). */
const PARALLEL_FROM_BYTES = Number(process.env.SUFFICIENCY_PARALLEL_FROM_BYTES ?? 40_000_000);
const WORKER = new URL("./validate-worker.js", import.meta.url);

export interface ParallelValidation {
  files: SourceFile[];
  result: ValidationResult;
  readIssues: Issue[];
}

export async function validateFiles(
  files: readonly string[],
  options: { year?: number; minimise: MinimiseFlags },
): Promise<ParallelValidation> {
  const yearOf = new Map(files.map((f) => [f, options.year ?? yearFromPath(f)] as const));
  const years = [...new Set([...yearOf.values()].filter((y): y is number => y !== undefined))].sort(
    (a, b) => a - b,
  );
  const size = files.reduce((n, f) => n + sizeOf(f), 0);
  const threads = Math.min(2, availableParallelism(), years.length);
  const compiled = import.meta.url.endsWith(".js");
  if (!compiled || threads < 2 || size < PARALLEL_FROM_BYTES || [...yearOf.values()].includes(undefined)) {
    const { data, issues } = readFilesInto(files, {
      year: options.year,
      minimise: minimiseFrom(options.minimise),
    });
    return { files: data.files, result: validate(data, defaultRegistry, issues), readIssues: issues };
  }
  // Split the years where the bytes before and after are most even.
  const bytesByYear = new Map<number, number>();
  for (const f of files) bytesByYear.set(yearOf.get(f)!, (bytesByYear.get(yearOf.get(f)!) ?? 0) + sizeOf(f));
  let cut = 1;
  let best = Number.POSITIVE_INFINITY;
  for (let k = 1; k < years.length; k++) {
    const before = years.slice(0, k).reduce((n, y) => n + bytesByYear.get(y)!, 0);
    const diff = Math.abs(size - 2 * before);
    if (diff < best) {
      best = diff;
      cut = k;
    }
  }
  const groups = [years.slice(0, cut), years.slice(cut)];
  const jobs: ValidateJob[] = groups.map((ys) => {
    const own = new Set(ys);
    const wanted = new Set([...ys, ys[0]! - 1]);
    return {
      files: files.filter((f) => wanted.has(yearOf.get(f)!)),
      ownFiles: files.filter((f) => own.has(yearOf.get(f)!)),
      years: ys,
      year: options.year,
      minimise: options.minimise,
    };
  });
  const replies = await Promise.all(jobs.map(runJob));
  const order = new Map(files.map((f, i) => [f, i] as const));
  const allFiles = replies.flatMap((r) => r.files).sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  // In the order one thread gives: every reading problem (in file order) first, then the rules' findings year by year.
  const isRead = (i: Issue) => i.rule.startsWith("READ-");
  const issues = [
    ...replies.flatMap((r) => r.issues.filter(isRead)),
    ...replies.flatMap((r) => r.issues.filter((i) => !isRead(i))),
  ];
  const skipped = replies.flatMap((r) => r.skipped);
  return {
    files: allFiles,
    result: { issues, skipped, summary: summarise(issues, defaultRegistry) },
    readIssues: issues.filter((i) => i.rule.startsWith("READ-")),
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function runJob(job: ValidateJob): Promise<ValidateJobResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { workerData: job });
    w.once("message", resolve);
    w.once("error", reject);
    w.once("exit", (code) => {
      if (code !== 0) reject(new Error(`a validation worker stopped with code ${code}`));
    });
  });
}
