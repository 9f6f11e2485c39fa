import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { UserError } from '../common/index.ts';
import { stringOption, stringsOption, type OptionSpec } from './command.ts';
import { COMMANDS, commandHelp, mainHelp } from './commands.ts';
import { editDistance } from '../common/index.ts';
import { closestNames } from './did-you-mean.ts';
import { parseOptions } from './parse-options.ts';

const OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', short: 'f', valueName: 'text|json|sarif', help: 'h', default: 'text', choices: ['text', 'json', 'sarif'] },
  output: { type: 'string', short: 'o', valueName: 'FILE', help: 'h' },
  quiet: { type: 'boolean', short: 'q', help: 'h' },
  'fail-on': { type: 'string', help: 'h', default: 'high', choices: ['critical', 'high', 'medium', 'low', 'none'] },
  'no-hints': { type: 'boolean', help: 'h' },
  'no-inline-waivers': { type: 'boolean', help: 'h' },
  registry: { type: 'string', help: 'h', multiple: true },
  severity: { type: 'string', help: 'h', choices: ['critical', 'high', 'medium', 'low'], list: true },
};

const parse = (...argv: string[]) => parseOptions('scan', OPTIONS, argv);

/** The one-line message (and hint) a mistake gives. */
function mistake(...argv: string[]): { message: string; hint: string | undefined } {
  try {
    parse(...argv);
  } catch (e) {
    if (e instanceof UserError) return { message: e.message, hint: e.hint };
    throw e;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

const t = suite('parseOptions');

t('long options with a separate or an inline value, booleans, positionals and defaults', () => {
  const a = parse('repo', '--output', 'r.txt', '--quiet', '--format=json', 'other');
  assert.equal(a.positionals, ['repo', 'other']);
  assert.is(stringOption(a, 'output'), 'r.txt');
  assert.is(a.values['quiet'], true);
  assert.is(stringOption(a, 'format'), 'json');
  assert.is(stringOption(a, 'fail-on'), 'high');
  assert.equal([...a.given].sort(), ['format', 'output', 'quiet']);
});

t('short flags: separate value, attached value, with =, and clustered booleans before a value', () => {
  assert.is(stringOption(parse('-f', 'json'), 'format'), 'json');
  assert.is(stringOption(parse('-fjson'), 'format'), 'json');
  assert.is(stringOption(parse('-f=json'), 'format'), 'json');
  const a = parse('-qf', 'sarif', '-o', 'out.sarif');
  assert.is(a.values['quiet'], true);
  assert.is(stringOption(a, 'format'), 'sarif');
  assert.is(stringOption(a, 'output'), 'out.sarif');
});

t('choices are matched case-insensitively and given back in their own spelling', () => {
  const a = parse('--format', 'SARIF', '--fail-on', 'High');
  assert.is(stringOption(a, 'format'), 'sarif');
  assert.is(stringOption(a, 'fail-on'), 'high');
  // The hint every parse error has (adv1 #19): choice errors too.
  assert.equal(mistake('--format', 'yml'), { message: '--format must be one of text, json, sarif, not "yml"', hint: 'See rsyncguard scan --help.' });
  assert.equal(mistake('--format='), { message: '--format must be one of text, json, sarif, not ""', hint: 'See rsyncguard scan --help.' });
});

t('a list of choices is checked item by item and normalised', () => {
  assert.is(stringOption(parse('--severity', 'HIGH, critical,high'), 'severity'), 'high,critical');
  assert.is(mistake('--severity', 'high,severe').message, '--severity must be a comma-separated list of critical, high, medium, low, not "severe"');
  assert.is(mistake('--severity', ',').message, '--severity needs at least one of critical, high, medium, low');
});

t('habits of other tools (adv1 #13, #19): -o FORMAT is refused, --version and --exit-code point to ours', () => {
  assert.equal(mistake('-o', 'json'), { message: '-o names the output file; for the format write -f json (a file called json is written -o ./json)', hint: 'See rsyncguard scan --help.' });
  assert.match(mistake('--output=SARIF').message, /^--output names the output file; for the format write -f sarif /);
  assert.match(mistake('-qoText').message, /^-o names the output file; for the format write -f text /);
  // A path is a path: ./json, json.out, out/json, and a name that is no format.
  for (const file of ['./json', 'json.out', 'out/json', 'report']) assert.is(stringOption(parse('-o', file), 'output'), file);
  assert.is(mistake('--version').message, "unknown option --version; the version is the top level's: rsyncguard --version");
  assert.is(mistake('-V').message, "unknown option -V; the version is the top level's: rsyncguard --version");
  assert.match(mistake('--exit-code', '1').message, /^unknown option --exit-code; did you mean --fail-on\? /);
});

t('a repeatable option keeps every value in order; stringOption reads the last', () => {
  const a = parse('--registry', '127.0.0.1:5000', '--registry=localhost:5001');
  assert.equal(a.values['registry'], ['127.0.0.1:5000', 'localhost:5001']);
  assert.equal(stringsOption(a, 'registry'), ['127.0.0.1:5000', 'localhost:5001']);
  assert.is(stringOption(a, 'registry'), 'localhost:5001');
  assert.equal(stringsOption(parse(), 'registry'), []);
});

t('a list given twice is one list', () => {
  assert.is(stringOption(parse('--severity', 'critical', '--severity', 'HIGH'), 'severity'), 'critical,high');
});

t('-h inside a cluster and --help with a value say what help is', () => {
  assert.is(mistake('-qh').message, '-h (help) stands alone: rsyncguard scan -h');
  assert.is(mistake('--help=yes').message, '--help takes no value: write --help alone');
});

t('-- ends the options: what follows is positional, dashes and all', () => {
  const a = parse('--quiet', '--', '--format', '-q');
  assert.equal(a.positionals, ['--format', '-q']);
  assert.is(stringOption(a, 'format'), 'text');
});

t('a lone dash is a positional (standard input), and a value', () => {
  assert.equal(parse('-').positionals, ['-']);
  assert.is(stringOption(parse('--output', '-'), 'output'), '-');
});

t('an unknown option: our own line with a did-you-mean and the help hint', () => {
  assert.equal(mistake('--formt'), { message: 'unknown option --formt; did you mean --format?', hint: 'See rsyncguard scan --help.' });
  assert.is(mistake('--fail').message, 'unknown option --fail; did you mean --fail-on?');
  assert.is(mistake('--no').message, 'unknown option --no; did you mean --no-hints or --no-inline-waivers?');
  assert.is(mistake('--frobnicate').message, 'unknown option --frobnicate');
  assert.is(mistake('-F', 'json').message, 'unknown option -F; did you mean -f?');
  assert.is(mistake('-x').message, 'unknown option -x');
  assert.is(mistake('-format', 'json').message, 'unknown option -format; did you mean --format?');
  assert.is(mistake('--formt=json').message, 'unknown option --formt; did you mean --format?');
});

t('a missing value, an option where a value should be, a value for a boolean', () => {
  assert.equal(mistake('--output'), { message: '--output needs a value (FILE)', hint: 'See rsyncguard scan --help.' });
  assert.is(mistake('-o').message, '-o needs a value (FILE)');
  assert.is(mistake('--output', '--quiet').message, '--output needs a value, not the option --quiet; a value that starts with a dash is written --output=--quiet');
  assert.is(mistake('--output=').message, '--output needs a value (FILE)');
  assert.is(mistake('--quiet=yes').message, '--quiet takes no value, not "yes": write --quiet alone');
  assert.is(stringOption(parse('--output=-weird'), 'output'), '-weird');
});

t('option names are own properties only: no prototype keys', () => {
  assert.is(mistake('--constructor').message, 'unknown option --constructor');
  assert.is(mistake('--__proto__=x').message, 'unknown option --__proto__');
});

t.run();

const dym = suite('did you mean');

dym('edit distance', () => {
  assert.is(editDistance('formt', 'format'), 1);
  assert.is(editDistance('', 'abc'), 3);
  assert.is(editDistance('kitten', 'sitting'), 3);
});

dym('close names first, prefixes when nothing is close, nothing for a stranger', () => {
  assert.equal(closestNames('scna', ['scan', 'fix', 'sweep']), ['scan']);
  assert.equal(closestNames('sw', ['scan', 'fix', 'sweep']), ['sweep']);
  assert.equal(closestNames('zzz', ['scan', 'fix', 'sweep']), []);
});

dym.run();

const shorts = suite('short flags of every command');

for (const c of COMMANDS) {
  shorts(`${c.name}: each short is one letter, used once, never -h (help) or -v (version)`, () => {
    const letters = Object.values(c.options).flatMap((o) => (o.short === undefined ? [] : [o.short]));
    for (const l of letters) assert.ok(/^[a-zA-Z]$/.test(l) && l !== 'h' && l !== 'v' && l !== 'V', `${c.name}: -${l}`);
    assert.is(new Set(letters).size, letters.length, `${c.name}: ${letters.join(' ')}`);
  });
}

shorts('the report commands have -f, -o and -q, and help shows them beside the long names', () => {
  for (const name of ['scan', 'eval', 'host', 'image', 'sweep']) {
    const c = COMMANDS.find((x) => x.name === name);
    if (!c) throw new Error(name);
    const help = commandHelp(c);
    assert.match(help, /\n {2}-f, --format \S+/);
    assert.match(help, '\n  -o, --output FILE');
    assert.match(help, '\n  -q, --quiet');
    assert.match(help, '\n  -h, --help');
    assert.match(help, '\n      --severity LEVELS');
  }
  assert.match(mainHelp(), '-v, -V, --version');
});

shorts.run();
