import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli, generateWithBuiltCli } from "./test-support/built-cli.js";

// The worker pool runs compiled JavaScript, so this test drives the built CLI (npm test builds first).
const cli = builtCli;
let dir: string;

function forecast(threads: number, runs: number): { runs: number; series: unknown[]; runDays: unknown } {
  const out = execFileSync(
    process.execPath,
    [
      cli,
      "forecast",
      dir,
      "--population",
      join(dir, "population.csv"),
      "--runs",
      String(runs),
      "--years",
      "2",
      "--seed",
      "5",
      "--threads",
      String(threads),
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out);
}

beforeAll(() => {
  dir = generateWithBuiltCli("sufficiency-threads-", 8);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("forecast runs shared among worker threads", () => {
  it("gives the same result, run by run, on one thread and on three", () => {
    const one = forecast(1, 30);
    const three = forecast(3, 30);
    expect(three.runs).toBe(30);
    // Each run has its own random stream, so the split cannot change a figure.
    expect(three.series).toEqual(one.series);
    expect(three.runDays).toEqual(one.runDays);
  });

  it("runs a forecast too small to split on this thread alone, with the same result", () => {
    // 5 runs on 3 threads is under two runs a thread: no worker is used.
    expect(forecast(3, 5).series).toEqual(forecast(1, 5).series);
  });
});
