import { generateCouncil, SYNTHETIC_SECTORS } from "../../core/synthetic/index.js";
import type { UploadedFile } from "./upload-reading.js";

export interface DemoSettings {
  from: number;
  to: number;
  childrenInCare: number;
  seed: number;
}

/** What `npm start` loads into an empty database: about 1,500 in care, eight collection years. */
export const DEMO: DemoSettings = { from: 2017, to: 2024, childrenInCare: 1500, seed: 7 };

export const DEMO_COUNCIL_NAME = "Demo council (synthetic data)";

/** A postcode lookup of the generated council's invented sectors (sector centroids). */
export function demoPostcodesCsv(): string {
  const rows = SYNTHETIC_SECTORS.map((s) => `${s.sector},${s.easting},${s.northing},${s.la}`);
  return `postcode,easting,northing,la\r\n${rows.join("\r\n")}\r\n`;
}

/**
 * England figures to show beside the demo council, as quoted in the London
 * Borough of Bromley's published sufficiency strategy: 67 children looked
 * after per 10,000, 9% with three
 * or more placements, 70% in long-term stable placements, 96% of care
 * leavers in suitable accommodation. They are given for the demo's last 31
 * March so that the overview has something to compare with; they are
 * illustrative, not that year's published figures.
 */
export function demoComparatorsCsv(year: number): string {
  const area = "England (illustrative)";
  const rows = [
    ["cla_rate_per_10k", 67],
    ["three_plus_placements_pct", 9],
    ["long_term_stability_pct", 70],
    ["care_leavers_suitable_accommodation_pct", 96],
  ].map(([measure, value]) => `${area},${year},${measure},${value}`);
  return `area,year,measure,value\r\n${rows.join("\r\n")}\r\n`;
}

/** The demo council's files, as an analyst would upload them: 903 returns, population, postcodes, comparators. */
export function demoFiles(s: DemoSettings = DEMO): UploadedFile[] {
  const council = generateCouncil(s);
  const enc = new TextEncoder();
  const files: UploadedFile[] = [];
  for (const f of council.files()) files.push({ name: f.name, bytes: enc.encode(f.text) });
  files.push({ name: "postcodes.csv", bytes: enc.encode(demoPostcodesCsv()) });
  files.push({ name: "comparators.csv", bytes: enc.encode(demoComparatorsCsv(s.to + 1)) });
  return files;
}
