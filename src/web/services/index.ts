import type { Config } from "../config.js";
import type { Repositories } from "../data/index.js";
import { AuditService } from "./audit.js";
import { CostService } from "./costs.js";
import { CouncilService } from "./councils.js";
import { DatasetService } from "./datasets.js";
import { ExportService } from "./exports.js";
import { ForecastService, type ForecastSettings, type JobLog } from "./forecasts.js";
import { PlanService } from "./plan.js";
import { ProfileService } from "./profiles.js";
import { ScenarioService } from "./scenarios.js";
import { SessionService } from "./sessions.js";
import { SupplyService } from "./supply.js";
import { UserService } from "./users.js";

/** What the service does, one object per concern; routes receive these (tests may pass fakes). */
export interface Services {
  audit: AuditService;
  sessions: SessionService;
  users: UserService;
  councils: CouncilService;
  datasets: DatasetService;
  profiles: ProfileService;
  exports: ExportService;
  forecasts: ForecastService;
  scenarios: ScenarioService;
  costs: CostService;
  supply: SupplyService;
  plan: PlanService;
}

export interface ServiceOptions {
  /** How forecasts run (threads, the default forecast's runs, the backtest's runs). */
  forecast?: Partial<ForecastSettings>;
  /** Where the forecast jobs report unexpected failures. */
  log?: JobLog;
}

export function createServices(
  repos: Repositories,
  config: Pick<Config, "session" | "signIn"> & { forecastThreads?: number },
  now: () => Date = () => new Date(),
  options: ServiceOptions = {},
): Services {
  const audit = new AuditService(repos.audit);
  const sessions = new SessionService(repos.sessions, config.session, now);
  const users = new UserService(repos.users, repos.councils, sessions, audit, config.signIn, now);
  const councils = new CouncilService(repos.councils, audit);
  const datasets = new DatasetService(repos.datasets, audit);
  const profiles = new ProfileService(datasets, repos.profileCache);
  const forecasts = new ForecastService(
    repos.forecasts,
    repos.datasets,
    audit,
    {
      ...(config.forecastThreads ? { threads: config.forecastThreads } : {}),
      ...options.forecast,
    },
    options.log,
  );
  const costs = new CostService(repos.costs, audit);
  const supply = new SupplyService(repos.supply, audit);
  return {
    audit,
    sessions,
    users,
    councils,
    datasets,
    profiles,
    exports: new ExportService(now),
    forecasts,
    scenarios: new ScenarioService(repos.scenarios, audit),
    costs,
    supply,
    plan: new PlanService(datasets, costs, supply),
  };
}
