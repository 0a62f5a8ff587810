import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UserError } from "./errors.js";

/** Writes text to a file (creating its folder) or, with no file or "-", to standard output. */
export function writeOutput(content: string | Uint8Array, out: string | undefined): void {
  if (out === undefined || out === "-") {
    process.stdout.write(content);
    return;
  }
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, content);
  } catch (e) {
    throw new UserError(`cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${name} must be one of ${allowed.join(", ")} (got '${value}')`);
}

export function intOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UserError(`--${name} must be a whole number from ${min} to ${max} (got '${value}')`);
  return n;
}
