import type { CouncilSummary } from "./data/councils.js";
import type { Role } from "./db/schema.js";
import type { Session } from "./services/sessions.js";

/** The signed-in user as every route sees them. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The councils the user has been given. */
  councils: CouncilSummary[];
}

declare module "fastify" {
  interface FastifyReply {
    /** Values every page template sees (set by @fastify/view, filled by the middleware). */
    locals: Record<string, unknown>;
  }
  interface FastifyRequest {
    /** The server-side session, when the request carries a live one. */
    session: Session | null;
    user: CurrentUser | null;
    /** The council the user is working on: always one of `user.councils`. */
    council: CouncilSummary | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. Every other route needs a signed-in user. */
    public?: boolean;
    /** The least role the route needs (admin ⊇ analyst ⊇ viewer). */
    role?: Role;
    /** The route works on the current council: without one the user is sent to choose. */
    council?: boolean;
  }
}
