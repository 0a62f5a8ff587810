/**
 * The `sufficiency` command. Each subcommand lives in commands/; this file
 * only dispatches and turns every failure into one line and an exit code.
 */
import { EXIT, UserError } from "./errors.js";

interface Command {
  summary: string;
  /** Loaded only when the command runs, so one command's dependencies never slow another. */
  load(): Promise<{ run(argv: string[]): number | Promise<number>; help: string }>;
}

const COMMANDS: Record<string, Command> = {
  generate: {
    summary: "make synthetic 903 returns for a made-up council",
    load: async () => {
      const m = await import("./commands/generate.js");
      return { run: m.generateCommand, help: m.generateHelp };
    },
  },
  validate: {
    summary: "check 903 files against DfE's rules",
    load: async () => {
      const m = await import("./commands/validate.js");
      return { run: m.validateCommand, help: m.validateHelp };
    },
  },
  episodes: {
    summary: "write the rebuilt episode history as CSV",
    load: async () => {
      const m = await import("./commands/episodes.js");
      return { run: m.episodesCommand, help: m.episodesHelp };
    },
  },
  fixes: {
    summary: "list the fixes made while rebuilding the history",
    load: async () => {
      const m = await import("./commands/episodes.js");
      return { run: m.fixesCommand, help: m.fixesHelp };
    },
  },
  profile: {
    summary: "the sufficiency profile (JSON, CSV, XLSX or HTML)",
    load: async () => {
      const m = await import("./commands/profile.js");
      return { run: m.profileCommand, help: m.profileHelp };
    },
  },
  rules: {
    summary: "list the validation rules",
    load: async () => {
      const m = await import("./commands/rules.js");
      return { run: m.rulesCommand, help: m.rulesHelp };
    },
  },
  forecast: {
    summary: "forecast children in care and placements needed, with intervals and scenarios",
    load: async () => {
      const m = await import("./commands/forecast.js");
      return { run: m.forecastCommand, help: m.forecastHelp };
    },
  },
  backtest: {
    summary: "test the forecast on the council's own past: error and interval coverage",
    load: async () => {
      const m = await import("./commands/backtest.js");
      return { run: m.backtestCommand, help: m.backtestHelp };
    },
  },
  costs: {
    summary: "placement budget by financial year, scenario savings and past spend",
    load: async () => {
      const m = await import("./commands/costs.js");
      return { run: m.costsCommand, help: m.costsHelp };
    },
  },
  supply: {
    summary: "in-house fostering households, homes, contracts, recruitment and occupancy",
    load: async () => {
      const m = await import("./commands/supply.js");
      return { run: m.supplyCommand, help: m.supplyHelp };
    },
  },
  gap: {
    summary: "the sufficiency gap: capacity, recruitment needed, cost of closing it, summary",
    load: async () => {
      const m = await import("./commands/gap.js");
      return { run: m.gapCommand, help: m.gapHelp };
    },
  },
  demo: {
    summary: "generate a demo council and print its validation and profile summary",
    load: async () => {
      const m = await import("./commands/demo.js");
      return { run: m.demoCommand, help: m.demoHelp };
    },
  },
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
  try {
    const loaded = await command.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(`${loaded.help}\n`);
      return EXIT.ok;
    }
    return await loaded.run(rest);
  } catch (e) {
    const { message, code } = describeFailure(e);
    if (message) process.stderr.write(`sufficiency ${name}: ${message}\n`);
    if (process.env.SUFFICIENCY_DEBUG && e instanceof Error && !(e instanceof UserError)) {
      process.stderr.write(`${e.stack}\n`);
    }
    return code;
  }
}
