/**
 * Each command's module, imported only when that command runs: `scan` of one file loads the scanner and not
 * the admission server, the image reader or the SQLite build they bring (issue 20, cold start ≤ 250 ms).
 * The bundle is split at these imports (scripts/build.mjs). Help, --version and mistakes need every
 * command's options and go through run.ts and COMMANDS; lazy-commands.test.ts checks both name the same
 * commands, so neither can miss one.
 */
import type { Command } from './command.ts';

const MODULES: Readonly<Record<string, () => Promise<Command>>> = {
  scan: async () => (await import('./commands/scan.ts')).scanCommand,
  fix: async () => (await import('./commands/fix.ts')).fixCommand,
  host: async () => (await import('./commands/host.ts')).hostCommand,
  sweep: async () => (await import('./commands/sweep.ts')).sweepCommand,
  trend: async () => (await import('./commands/trend.ts')).trendCommand,
  image: async () => (await import('./commands/image.ts')).imageCommand,
  facts: async () => (await import('./commands/facts.ts')).factsCommand,
  eval: async () => (await import('./commands/eval.ts')).evalCommand,
  access: async () => (await import('./commands/access.ts')).accessCommand,
  admission: async () => (await import('./commands/admission.ts')).admissionCommand,
  rules: async () => (await import('./commands/rules.ts')).rulesCommand,
};

/** The loader of the command called `name`, or undefined when no command has that name. */
export function commandLoader(name: string): (() => Promise<Command>) | undefined {
  return Object.hasOwn(MODULES, name) ? MODULES[name] : undefined;
}

/** Every name the loaders know, in table order. */
export const LAZY_COMMAND_NAMES: readonly string[] = Object.keys(MODULES);
