import { parseArgs } from 'node:util';
import { ok, readNumber, UserError, type NumberSpec, type Result } from '../common/index.ts';

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

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The options the command line names (a default fills `values` but is not "given"). */
  given: ReadonlySet<string>;
}

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const [name, o] of Object.entries(command.options)) options[name] = { type: o.type };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs explains over several lines ("To specify an option argument starting with a dash…"): kept, on one.
    throw new UserError((e instanceof Error ? e.message : String(e)).replace(/^.*?: /, '').replace(/\s*\n\s*/g, ' '), undefined, `See rsyncguard ${command.name} --help.`);
  }
  const values: Record<string, string | boolean | undefined> = { ...parsed.values };
  for (const [name, o] of Object.entries(command.options)) {
    if (values[name] === undefined && o.default !== undefined) values[name] = o.default;
    const v = values[name];
    if (o.choices && typeof v === 'string' && !o.choices.includes(v)) {
      throw new UserError(`--${name} must be one of ${o.choices.join(', ')}, not "${v}"`);
    }
  }
  return { values, positionals: parsed.positionals, given: new Set(Object.keys(parsed.values)) };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
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
