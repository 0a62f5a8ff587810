import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readComparators } from "../../core/inputs/comparators.js";
import { readPopulation } from "../../core/inputs/population.js";
import { readPostcodes } from "../../core/inputs/postcodes.js";
import { readEthnicityShares } from "../../core/profile/ethnicity.js";
import { buildProfile, type Profile, type ProfileOptions } from "../../core/profile/profile.js";
import { yearEnd } from "../../core/ssda903/years.js";
import { profileCharts } from "../../reports/profile-charts.js";
import { packageRoot } from "../../reports/profile-html.js";
import {
  type ProfileSection,
  type ProfileTable,
  profileSections,
  profileTables,
} from "../../reports/profile-tables.js";
import type { ProfileCacheRepository } from "../data/profile-cache.js";
import type { DatasetService } from "./datasets.js";
import { gunzipJson, gzipJson } from "./history-codec.js";
import { LruCache } from "./lru.js";

/** Everything the overview and profile pages and the exports need for one dataset version. */
export interface ProfileBundle {
  councilId: string;
  versionId: string;
  profile: Profile;
  /** The same measures a year earlier (for "what changed"), when the data reaches back that far. */
  previous: Profile | null;
  tables: ProfileTable[];
  /** SVG charts by table id (page-ready: no inline style attributes, which the CSP forbids). */
  charts: Record<string, string>;
  sections: ProfileSection[];
}

interface Stored {
  profile: Profile;
  previous: Profile | null;
}

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }
).version;

/**
 * Bump when the stored form changes. The package version is part of the key
 * too, so an upgrade recomputes profiles with the new code.
 */
const FORMAT = 1;

/** The chart's root carries style="max-width:100%;height:auto"; the stylesheet gives .sp-chart the same. */
export function withoutInlineStyle(svg: string): string {
  return svg.replace(/^(<svg\b[^>]*?) style="[^"]*"/, "$1");
}

/**
 * Profiles of dataset versions, computed once: kept in memory for the most
 * recently used versions and in the database for the rest, so a page never
 * re-reads the files or recomputes the measures.
 */
export class ProfileService {
  private readonly memory = new LruCache<string, Promise<ProfileBundle | undefined>>(16);

  constructor(
    private readonly datasets: DatasetService,
    private readonly cache: ProfileCacheRepository,
  ) {}

  private key(laCode: string | null): string {
    return `profile/${FORMAT}/${PACKAGE_VERSION}/${laCode ?? ""}`;
  }

  /** The profile bundle of a version of a council; undefined when the council has no such version. */
  async bundle(
    council: { id: string; laCode: string | null },
    versionId: string,
  ): Promise<ProfileBundle | undefined> {
    const key = `${council.id}/${versionId}/${this.key(council.laCode)}`;
    let b = this.memory.get(key);
    if (!b) {
      b = this.load(council, versionId);
      this.memory.set(key, b);
      b.then(
        (found) => found ?? this.memory.delete(key),
        () => this.memory.delete(key),
      );
    }
    return b;
  }

  private async load(
    council: { id: string; laCode: string | null },
    versionId: string,
  ): Promise<ProfileBundle | undefined> {
    const key = this.key(council.laCode);
    const cached = await this.cache.get(council.id, versionId, key);
    let stored: Stored | undefined = cached ? await gunzipJson<Stored>(cached) : undefined;
    if (!stored) {
      stored = await this.compute(council, versionId);
      if (!stored) return undefined;
      await this.cache.put(council.id, versionId, key, await gzipJson(stored));
    }
    return {
      councilId: council.id,
      versionId,
      profile: stored.profile,
      previous: stored.previous,
      tables: profileTables(stored.profile),
      charts: Object.fromEntries(
        Object.entries(profileCharts(stored.profile)).map(([id, svg]) => [id, withoutInlineStyle(svg)]),
      ),
      sections: profileSections(stored.profile),
    };
  }

  private async compute(
    council: { id: string; laCode: string | null },
    versionId: string,
  ): Promise<Stored | undefined> {
    const history = await this.datasets.history(council.id, versionId);
    if (!history) return undefined;
    const options: ProfileOptions = {};
    if (council.laCode) options.councilLa = council.laCode;
    const inputs = await this.datasets.contents(council.id, versionId, [
      "population",
      "comparators",
      "postcodes",
      "ethnicity",
    ]);
    for (const f of inputs) {
      const text = new TextDecoder("utf-8").decode(f.content);
      if (f.kind === "population") options.population = readPopulation(f.name, text);
      else if (f.kind === "comparators") options.comparators = readComparators(f.name, text);
      else if (f.kind === "postcodes") options.postcodes = readPostcodes(f.name, text);
      else if (f.kind === "ethnicity") options.ethnicityShares = readEthnicityShares(f.name, text);
    }
    const profile = buildProfile(history, options);
    const previousYear = profile.year - 1;
    const previous = history.years.includes(previousYear)
      ? buildProfile(history, { ...options, at: yearEnd(previousYear), year: previousYear })
      : null;
    return { profile, previous };
  }
}
