import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { AuditRepository } from "./audit.js";
import { CostRepository } from "./costs.js";
import { CouncilRepository } from "./councils.js";
import { DatasetRepository } from "./datasets.js";
import { ForecastRepository } from "./forecasts.js";
import { ProfileCacheRepository } from "./profile-cache.js";
import { ScenarioRepository } from "./scenarios.js";
import { SessionRepository } from "./sessions.js";
import { SettingsRepository } from "./settings.js";
import { SupplyRepository } from "./supply.js";
import { UserRepository } from "./users.js";

/** The data-access layer: the only code that talks to the database. */
export interface Repositories {
  councils: CouncilRepository;
  users: UserRepository;
  sessions: SessionRepository;
  datasets: DatasetRepository;
  profileCache: ProfileCacheRepository;
  audit: AuditRepository;
  settings: SettingsRepository;
  forecasts: ForecastRepository;
  scenarios: ScenarioRepository;
  costs: CostRepository;
  supply: SupplyRepository;
}

export function repositories(db: Kysely<Database>): Repositories {
  return {
    councils: new CouncilRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    datasets: new DatasetRepository(db),
    profileCache: new ProfileCacheRepository(db),
    audit: new AuditRepository(db),
    settings: new SettingsRepository(db),
    forecasts: new ForecastRepository(db),
    scenarios: new ScenarioRepository(db),
    costs: new CostRepository(db),
    supply: new SupplyRepository(db),
  };
}
