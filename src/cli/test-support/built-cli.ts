import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The compiled command, for tests of what runs only there (worker threads
 * run compiled JavaScript; npm test builds first).
 */
export const builtCli = join(process.cwd(), "dist", "cli", "main.js");

/** A new folder of generated returns (2019/20–2023/24, 150 in care), made by the compiled command. */
export function generateWithBuiltCli(prefix: string, seed: number): string {
  if (!existsSync(builtCli)) throw new Error("run npm run build first");
  const dir = mkdtempSync(join(tmpdir(), prefix));
  execFileSync(
    process.execPath,
    [
      builtCli,
      "generate",
      "--out",
      dir,
      "--from",
      "2019",
      "--to",
      "2023",
      "--children-in-care",
      "150",
      "--seed",
      String(seed),
    ],
    { stdio: "ignore" },
  );
  return dir;
}
