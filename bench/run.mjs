// npm run bench: generates national-scale and borough-scale synthetic returns, then measures
// each stage in a fresh process so peak memory belongs to that stage alone. Prints the figures;
// nothing here is a pass/fail test.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "out");
mkdirSync(out, { recursive: true });
const cli = join(here, "..", "dist", "cli", "main.js");

const scales = [
  { name: "borough", cic: 1500, from: 2017, to: 2024 },
  { name: "national", cic: 80000, from: 2015, to: 2024 },
];
const only = process.argv[2];

for (const s of scales) {
  if (only && only !== s.name) continue;
  const dir = join(out, `${s.name}-${s.cic}-${s.from}-${s.to}`);
  if (!existsSync(join(dir, `${s.to}-episodes.csv`))) {
    const t = performance.now();
    execFileSync(
      process.execPath,
      [
        cli,
        "generate",
        "--out",
        dir,
        "--from",
        String(s.from),
        "--to",
        String(s.to),
        "--children-in-care",
        String(s.cic),
        "--seed",
        "7",
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    console.log(
      `${s.name}: generated ${s.cic.toLocaleString("en-GB")} in care, ${s.from}/${s.from + 1 - 2000}–${s.to}/${s.to + 1 - 2000} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  const res = execFileSync(process.execPath, [join(here, "pipeline.mjs"), dir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  console.log(`${s.name}:\n${res.trimEnd()}`);
  const val = execFileSync(process.execPath, [join(here, "check.mjs"), dir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  console.log(val.trimEnd());
  // The forecast (bench/forecast.mjs): fit + 1,000-run five-year Monte Carlo.
  const fc = execFileSync(
    process.execPath,
    [
      "--max-old-space-size=1900",
      join(here, "forecast.mjs"),
      dir,
      "1000",
      s.name === "national" ? "no-single" : "",
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  console.log(`${s.name} forecast:\n${fc.trimEnd()}\n`);
}

// The web service: page latency under load on the demo council (bench/web.mjs).
if (!only || only === "web") {
  execFileSync(process.execPath, [join(here, "web.mjs")], { stdio: ["ignore", "inherit", "inherit"] });
}
