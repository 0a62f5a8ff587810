import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli, generateWithBuiltCli } from "./test-support/built-cli.js";

// The worker threads run compiled JavaScript, so this test drives the built CLI (npm test builds first).
const cli = builtCli;
let dir: string;

function validateWith(threshold: string, ...args: string[]) {
  try {
    const out = execFileSync(process.execPath, [cli, "validate", dir, "--format", "json", ...args], {
      encoding: "utf8",
      env: { ...process.env, SUFFICIENCY_PARALLEL_FROM_BYTES: threshold },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, report: JSON.parse(out) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, report: JSON.parse(err.stdout) };
  }
}

beforeAll(() => {
  dir = generateWithBuiltCli("sufficiency-parallel-", 11);
  // A problem in an early and in a late year, so both threads have something to report.
  writeFileSync(join(dir, "2019-oc3.csv"), "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\r\nX1,01/01/2001,MAYBE,F2,D1\r\n");
  writeFileSync(join(dir, "2023-uasc.csv"), "CHILD,SEX,DOB,DUC\r\nX2,M,31/02/2005,\r\nX3,M,01/01/2005\r\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("validating on two threads", () => {
  it("gives exactly the report one thread gives", () => {
    const one = validateWith("999999999999");
    const two = validateWith("0");
    expect(one.code).toBe(1);
    expect(two.code).toBe(one.code);
    expect(two.report).toEqual(one.report);
    expect(one.report.issues.some((i: { rule: string }) => i.rule === "131")).toBe(true);
    expect(one.report.issues.some((i: { rule: string }) => i.rule === "READ-ROW")).toBe(true);
  });
});
