/**
 * A problem the person running the command can fix (a bad option, a missing
 * file). The CLI prints its message on one line and exits with its code;
 * never a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** Exit codes shared by the commands. */
export const EXIT = {
  ok: 0,
  /** The data has errors (validate). */
  dataErrors: 1,
  /** The input could not be read, or the command was used wrongly. */
  unreadable: 2,
  /** A fault in the program itself. */
  internal: 3,
} as const;
