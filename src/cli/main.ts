#!/usr/bin/env node
/** Entry point of the `sufficiency` command (see app.ts). */
import { main } from "./app.js";
import { EXIT } from "./errors.js";

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(EXIT.ok);
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`sufficiency: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = EXIT.internal;
  },
);
