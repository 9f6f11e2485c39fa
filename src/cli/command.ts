import { parseArgs } from 'node:util';
import { UserError } from '../common/index.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  help: string;
  valueName?: string;
  default?: string;
  /** Allowed values; anything else is an error, never a fallback. */
  choices?: readonly string[];
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
  run(argv: string[]): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const [name, o] of Object.entries(command.options)) options[name] = { type: o.type };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(e instanceof Error ? e.message.replace(/^.*?: /, '') : String(e), undefined, `See rsyncguard ${command.name} --help.`);
  }
  const values: Record<string, string | boolean | undefined> = { ...parsed.values };
  for (const [name, o] of Object.entries(command.options)) {
    if (values[name] === undefined && o.default !== undefined) values[name] = o.default;
    const v = values[name];
    if (o.choices && typeof v === 'string' && !o.choices.includes(v)) {
      throw new UserError(`--${name} must be one of ${o.choices.join(', ')}, not "${v}"`);
    }
  }
  return { values, positionals: parsed.positionals };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}
