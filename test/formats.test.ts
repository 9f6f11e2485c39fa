/**
 * Every command that takes --format offers exactly the names of its format registry, in its help and in its
 * validation, and an unknown name is exit 2 with the list, never a fallback to text. (src/cli/formats.test.ts
 * holds each command's option to its registry, access's included, which lives inside src/cli.)
 */
import { spawnSync } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FIX_FORMATS, FLEET_FORMATS, formatNames, REPORT_FORMATS, RULES_FORMATS, TREND_FORMATS } from '../src/report/index.ts';

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Each command with --format, its registry's names (access: its help's), and the arguments it needs to get as far as rendering. */
const COMMANDS: [string, string[] | null, string[]][] = [
  ['scan', formatNames(REPORT_FORMATS), ['examples/hardened']],
  ['eval', formatNames(REPORT_FORMATS), ['-']],
  ['host', formatNames(REPORT_FORMATS), []],
  ['image', formatNames(REPORT_FORMATS), ['docker-archive:/nonexistent.tar']],
  ['sweep', formatNames(FLEET_FORMATS), ['--inventory', '/nonexistent.yaml']],
  ['access', null, ['examples/hardened/rsyncd.conf', '--client', '127.0.0.1', '--hosts-map', 'test/fixtures/hosts']],
  ['rules', formatNames(RULES_FORMATS), []],
  ['fix', formatNames(FIX_FORMATS), ['examples/hardened']],
  ['trend', formatNames(TREND_FORMATS), ['/nonexistent-history']],
];

const formats = suite('--format reads the registries');

formats('every command that reports has --format, and only those', () => {
  const help = cli('--help').stdout;
  const commands = [...help.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1] ?? '').filter((c) => c !== 'Usage');
  for (const c of commands) {
    const has = /^ {2}(?:-f, )?--format /m.test(cli(c, '--help').stdout);
    const expected = COMMANDS.some(([name]) => name === c);
    assert.is(has, expected, c);
  }
});

for (const [command, known, args] of COMMANDS) {
  const offered = () => /^ {2}(?:-f, )?--format (\S+) /m.exec(cli(command, '--help').stdout)?.[1]?.split('|') ?? [];
  formats(`${command}: --help offers exactly the registry's names`, () => {
    const r = cli(command, '--help');
    assert.is(r.code, 0);
    if (known !== null) assert.equal(offered(), known);
    assert.match(r.stdout, new RegExp(`--format \\S+ +Output format \\(default: ${command === 'fix' ? 'diff' : command === 'trend' ? 'markdown' : 'text'}\\)`));
  });

  formats(`${command}: an unknown --format is exit 2 with the list, and nothing rendered`, () => {
    const names = known ?? offered();
    assert.ok(names.length >= 2);
    const r = cli(command, ...args, '--format', 'yml');
    assert.is(r.code, 2, r.stderr);
    assert.is(r.stderr, `rsyncguard ${command}: --format must be one of ${names.join(', ')}, not "yml"\n  hint: See rsyncguard ${command} --help.\n`);
    assert.is(r.stdout, '');
  });
}

formats('scan renders every name the registry has', () => {
  for (const name of formatNames(REPORT_FORMATS)) {
    const r = cli('scan', 'examples/hardened', '--format', name, '--fail-on', 'none');
    assert.is(r.code, 0, `${name}: ${r.stderr}`);
    assert.ok(r.stdout.length > 0, name);
  }
});

formats.run();
