import type { Migration } from "kysely";
import * as initial from "./0001-initial.js";
import * as plan from "./0002-plan.js";

/**
 * Every migration, in order. Listed here (not found by reading the folder) so
 * the same list runs from src/ under the tests and from dist/ in production.
 * Add a new file as NNNN-what.ts and a line below; never edit one that has run.
 */
export const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-plan": plan,
};
