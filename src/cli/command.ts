import { ok, readNumber, type NumberSpec, type Result, type UserError } from '../common/index.ts';
import { parseOptions, type ParsedArgs } from './parse-options.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  help: string;
  valueName?: string;
  default?: string;
  /** Allowed values; anything else is an error, never a fallback. Matched case-insensitively (`--fail-on HIGH`). */
  choices?: readonly string[];
  /** One-letter alias (`f` for `-f`): only -f format, -o output, -q quiet, -h help (issue 18). */
  short?: string;
  /** May be given more than once (`--insecure-registry A --insecure-registry B`): the value is then a string[]. */
  multiple?: boolean;
  /** With choices: the value is a comma-separated list of them (`--severity critical,high`), each checked and normalised. */
  list?: boolean;
}

/**
 * How a command ends: an exit code, or the user mistake that stopped it, returned as a value. src/cli/run.ts
 * is the one place that turns the mistake into a line on standard error and exit 2.
 */
export type CommandOutcome = number | UserError;

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
  run(argv: string[]): Promise<CommandOutcome>;
}

export type { ParsedArgs } from './parse-options.ts';

/** The command line read against the command's options; a mistake is thrown as a one-line UserError (parse-options.ts). */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  return parseOptions(command.name, command.options, argv);
}

/** A string option's value; of a repeatable one, the last given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return Array.isArray(v) ? v.at(-1) : typeof v === 'string' ? v : undefined;
}

/** Every value of a repeatable option (`--insecure-registry A --insecure-registry B`), in order; [] when absent. */
export function stringsOption(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? [...v] : typeof v === 'string' ? [v] : [];
}

/** A numeric option (`--workers 4`), validated: a non-number, a fraction or a value out of range is an error naming it. */
export function numberOption(args: ParsedArgs, name: string, spec: NumberSpec): Result<number> {
  return readNumber(`--${name}`, stringOption(args, name), spec);
}

/** Several numeric options at once: the first that is not valid is the error. */
export function numberOptions<K extends string>(args: ParsedArgs, specs: Record<K, NumberSpec>): Result<Record<K, number>> {
  const out = {} as Record<K, number>;
  for (const name of Object.keys(specs) as K[]) {
    const n = numberOption(args, name, specs[name]);
    if (!n.ok) return n;
    out[name] = n.value;
  }
  return ok(out);
}
