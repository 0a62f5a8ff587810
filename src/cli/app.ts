/**
 * The `sufficiency` command. Each subcommand lives in commands/; this file
 * only dispatches and turns every failure into one line and an exit code.
 */
import { episodesCommand, episodesHelp, fixesCommand, fixesHelp } from "./commands/episodes.js";
import { validateCommand, validateHelp } from "./commands/validate.js";
import { EXIT, UserError } from "./errors.js";

interface Command {
  run(argv: string[]): number | Promise<number>;
  help: string;
  summary: string;
}

const COMMANDS: Record<string, Command> = {
  validate: { run: validateCommand, help: validateHelp, summary: "check 903 files against DfE's rules" },
  episodes: { run: episodesCommand, help: episodesHelp, summary: "write the rebuilt episode history as CSV" },
  fixes: { run: fixesCommand, help: fixesHelp, summary: "list the fixes made while rebuilding the history" },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Sufficiency Planner: children's placement sufficiency from SSDA903 returns.

Usage: sufficiency <command> [options]

Commands:
${lines.join("\n")}

Run 'sufficiency <command> --help' for a command's options.
`;
}

/** Turns a thrown value into the one line the user sees. */
function describeFailure(e: unknown): { message: string; code: number } {
  if (e instanceof UserError) return { message: e.message, code: e.exitCode };
  const code = (e as { code?: string })?.code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
    return { message: (e as Error).message, code: EXIT.unreadable };
  }
  if ((e as { code?: string })?.code === "EPIPE") return { message: "", code: EXIT.ok };
  return { message: `internal error: ${(e as Error)?.message ?? String(e)}`, code: EXIT.internal };
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`sufficiency: unknown command '${name}' (run 'sufficiency --help')\n`);
    return EXIT.unreadable;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    const { message, code } = describeFailure(e);
    if (message) process.stderr.write(`sufficiency ${name}: ${message}\n`);
    if (process.env.SUFFICIENCY_DEBUG && e instanceof Error && !(e instanceof UserError)) {
      process.stderr.write(`${e.stack}\n`);
    }
    return code;
  }
}
