import type { Config } from "../config.js";
import type { Repositories } from "../data/index.js";
import { AuditService } from "./audit.js";
import { CouncilService } from "./councils.js";
import { DatasetService } from "./datasets.js";
import { ExportService } from "./exports.js";
import { ProfileService } from "./profiles.js";
import { SessionService } from "./sessions.js";
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
}

export function createServices(
  repos: Repositories,
  config: Pick<Config, "session" | "signIn">,
  now: () => Date = () => new Date(),
): Services {
  const audit = new AuditService(repos.audit);
  const sessions = new SessionService(repos.sessions, config.session, now);
  const users = new UserService(repos.users, repos.councils, sessions, audit, config.signIn, now);
  const councils = new CouncilService(repos.councils, audit);
  const datasets = new DatasetService(repos.datasets, audit);
  const profiles = new ProfileService(datasets, repos.profileCache);
  return { audit, sessions, users, councils, datasets, profiles, exports: new ExportService(now) };
}
