/**
 * A command's argv read against its OptionSpecs (issue 18): `--name value`, `--name=value`, short flags from
 * `OptionSpec.short` (`-f json`, `-fjson`, `-qf json`), repeatable options, choices matched case-insensitively
 * and normalised to their canonical spelling (`--fail-on HIGH` → `high`), `--` ending the options. Every
 * mistake is one line of our own with a did-you-mean where one fits — never Node's parseArgs prose.
 */
import { UserError } from '../common/index.ts';
import { didYouMean } from './did-you-mean.ts';
import type { OptionSpec } from './command.ts';

export interface ParsedArgs {
  /** A string, true for a boolean given, string[] for a `multiple` option; undefined when absent without default. */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** The options the command line names (a default fills `values` but is not "given"). */
  given: ReadonlySet<string>;
}

export function parseOptions(command: string, options: Readonly<Record<string, OptionSpec>>, argv: readonly string[]): ParsedArgs {
  const hint = `See rsyncguard ${command} --help.`;
  const bad = (message: string) => new UserError(message, undefined, hint);
  const names = Object.keys(options);
  const byShort = new Map(Object.entries(options).flatMap(([name, o]) => (o.short !== undefined ? [[o.short, name] as const] : [])));
  const values: ParsedArgs['values'] = {};
  const positionals: string[] = [];
  const given = new Set<string>();

  const set = (name: string, o: OptionSpec, value: string | undefined) => {
    given.add(name);
    if (o.type === 'boolean') values[name] = true;
    else if (o.multiple === true) values[name] = [...((values[name] as string[] | undefined) ?? []), value ?? ''];
    // A list given twice is one list (`--severity critical --severity high`), as Trivy's flags add up.
    else if (o.list === true && typeof values[name] === 'string' && value !== undefined) values[name] = `${values[name]},${value}`;
    // Given twice, the last wins (as with parseArgs before): `--format json … --format sarif` in a script.
    else values[name] = value ?? '';
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // The next argument as the value of `flag`: missing, or another option where a value should be, is a mistake.
    const takeValue = (flag: string, name: string, o: OptionSpec): string => {
      const next = argv[i + 1];
      if (next === undefined) throw bad(`${flag} needs a value${o.valueName ? ` (${o.valueName})` : ''}`);
      if (next.length > 1 && next.startsWith('-')) throw bad(`${flag} needs a value, not the option ${next}; a value that starts with a dash is written --${name}=${next}`);
      i += 1;
      return next;
    };
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      const o = Object.hasOwn(options, name) ? options[name] : undefined;
      if (o === undefined && name === 'help') throw bad(`--help takes no value: write --help alone`);
      if (o === undefined) throw bad(`unknown option --${name}${habit(name, names) ?? didYouMean(name, names, (n) => `--${n}`)}`);
      if (o.type === 'boolean' && inline !== undefined) throw bad(`--${name} takes no value, not "${inline}": write --${name} alone`);
      set(name, o, o.type === 'boolean' ? undefined : (inline ?? takeValue(`--${name}`, name, o)));
      formatAsOutput(`--${name}`, name, values[name], options, bad);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const letters = arg.slice(1);
      // `-format`: a long option written with one dash would otherwise read as -f ormat.
      if (letters.length > 1 && Object.hasOwn(options, letters)) throw bad(`unknown option ${arg}; did you mean --${letters}?`);
      // -V / -v: the version, as Trivy and Checkov have it, is the top level's.
      if ((letters === 'V' || letters === 'v') && !byShort.has(letters)) throw bad(`unknown option ${arg}${habit('version', names)}`);
      for (let j = 0; j < letters.length; j++) {
        const c = letters[j] ?? '';
        const name = byShort.get(c);
        const o = name === undefined ? undefined : options[name];
        // -h is help only standing alone (run.ts): `-qh` would otherwise be "unknown option -h".
        if (c === 'h' && name === undefined) throw bad(`-h (help) stands alone: rsyncguard ${command} -h`);
        if (name === undefined || o === undefined) {
          const lower = byShort.has(c.toLowerCase()) ? `; did you mean -${c.toLowerCase()}?` : '';
          throw bad(`unknown option -${c}${lower || didYouMean(letters, names, (n) => `--${n}`)}`);
        }
        if (o.type === 'boolean') {
          set(name, o, undefined);
          continue;
        }
        // The rest of the cluster is the value (`-fjson`, `-f=json`), else the next argument.
        const rest = letters.slice(j + 1);
        set(name, o, rest !== '' ? rest.replace(/^=/, '') : takeValue(`-${c}`, name, o));
        formatAsOutput(`-${c}`, name, values[name], options, bad);
        break;
      }
      continue;
    }
    positionals.push(arg);
  }

  for (const [name, o] of Object.entries(options)) {
    if (values[name] === undefined && o.default !== undefined) values[name] = o.multiple === true ? [o.default] : o.default;
    const v = values[name];
    if (typeof v === 'string') values[name] = checked(name, o, v, bad);
    else if (Array.isArray(v)) values[name] = v.map((x) => checked(name, o, x, bad));
  }
  return { values, positionals, given };
}

/** A string value as the command reads it: not empty, and one of the choices (or a list of them) in their own spelling. */
function checked(name: string, o: OptionSpec, v: string, bad: (message: string) => UserError): string {
  const choices = o.choices;
  if (v === '' && choices === undefined) throw bad(`--${name} needs a value${o.valueName ? ` (${o.valueName})` : ''}`);
  if (choices === undefined) return v;
  const canonical = (word: string) => choices.find((c) => c.toLowerCase() === word.toLowerCase());
  if (o.list !== true) {
    const c = canonical(v);
    if (c === undefined) throw bad(`--${name} must be one of ${choices.join(', ')}, not "${v}"`);
    return c;
  }
  const words = v
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  if (words.length === 0) throw bad(`--${name} needs at least one of ${choices.join(', ')}`);
  const out: string[] = [];
  for (const w of words) {
    const c = canonical(w);
    if (c === undefined) throw bad(`--${name} must be a comma-separated list of ${choices.join(', ')}, not "${w}"`);
    if (!out.includes(c)) out.push(c);
  }
  return out.join(',');
}

/**
 * Options other tools spell differently (issue 18's habits), as the rest of an "unknown option" line: Trivy's
 * and Checkov's `--version` on a command, Trivy's `--exit-code` for what --fail-on does.
 */
function habit(name: string, names: readonly string[]): string | undefined {
  if (name === 'version') return "; the version is the top level's: rsyncguard --version";
  if (name === 'exit-code' && names.includes('fail-on')) return '; did you mean --fail-on? rsyncguard exits 1 when a reported finding is at or above --fail-on LEVEL (default high), and --fail-on none always exits 0';
  return undefined;
}

/**
 * `-o json`, `--output sarif`: Checkov and Conftest name the FORMAT with -o, so the habit would silently write
 * a text report to a file called `json`. A bare name of one of the command's formats (no dot, no slash) is
 * refused; `-o ./json` still writes a file of that name.
 */
function formatAsOutput(flag: string, name: string, value: ParsedArgs['values'][string], options: Readonly<Record<string, OptionSpec>>, bad: (message: string) => UserError): void {
  const formats = options['format']?.choices;
  if (name !== 'output' || typeof value !== 'string' || formats === undefined) return;
  const format = formats.find((f) => f.toLowerCase() === value.toLowerCase());
  if (format === undefined) return;
  throw bad(`${flag} names the output file; for the format write -f ${format} (a file called ${value} is written -o ./${value})`);
}
