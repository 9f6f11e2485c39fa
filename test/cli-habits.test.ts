/**
 * Habits a new user brings, as adv1 met them (#9, #13, #14, #18, #19): each one either works the way the
 * user meant (`-o -`) or says what to write instead — never a silent surprise (a text report in a file called
 * `json`, a --fail-on that can no longer fire, "no configs found" beside the config --exclude left out).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const MAIN = resolve('src/cli/main.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

/** The CLI from source, in `cwd` (a scratch directory: -o writes there). */
function cli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-habits-'));
/** A writable module open to anyone: findings up to critical. */
const MODULE = '[a]\npath = /x\nread only = no\n';
function tree(name: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, file, '..'), { recursive: true });
    writeFileSync(join(dir, name, file), text);
  }
  return join(dir, name);
}
const repo = tree('repo', { 'rsyncd.conf': MODULE });
const repoCwd = (...args: string[]) => cli(repo, ...args);

const output = suite('-o: a file, or standard output');

output('-o json (Checkov and Conftest name the format with -o) is refused with the -f to write, and no file appears', () => {
  for (const args of [['-o', 'json'], ['--output', 'SARIF'], ['--output=csv'], ['-qo', 'junit']]) {
    const r = repoCwd('scan', '.', ...args);
    assert.is(r.code, 2, args.join(' '));
    const format = (args.at(-1) ?? '').replace(/^--output=/, '').toLowerCase();
    assert.match(r.stderr, `names the output file; for the format write -f ${format} `);
    assert.match(r.stderr, '\n  hint: See rsyncguard scan --help.\n');
    assert.is(r.stdout, '');
  }
  for (const name of ['json', 'SARIF', 'csv', 'junit']) assert.not.ok(existsSync(join(repo, name)), name);
  // Said as a path, it is one.
  const file = repoCwd('scan', '.', '-q', '-o', './json', '-f', 'json');
  assert.is(file.code, 1, file.stderr);
  assert.ok(existsSync(join(repo, 'json')));
});

output('-o - and --output=- write to standard output (as eval - reads standard input), never a file called -', () => {
  const json = repoCwd('scan', '.', '-q', '-f', 'json', '-o', '-');
  assert.is(json.code, 1, json.stderr);
  assert.is((JSON.parse(json.stdout) as { schema: string }).schema, 'rsyncguard/report@1');
  const text = repoCwd('scan', '.', '-q', '--output=-');
  assert.match(text.stdout, /\n1 target: 1 critical, /);
  const rules = repoCwd('rules', '-f', 'json', '-o', '-');
  assert.is(rules.code, 0, rules.stderr);
  assert.ok(Array.isArray((JSON.parse(rules.stdout) as { rules: unknown }).rules));
  assert.not.ok(existsSync(join(repo, '-')));
});

output.run();

const failOn = suite('--severity and --fail-on');

failOn('--severity that reports no level --fail-on counts: a warning that --fail-on can never fire (not under -q)', () => {
  const corpus = tree('critical', { 'rsyncd.conf': '[open]\npath = /\nread only = no\nuid = root\n' });
  // The config has a critical finding: unfiltered it fails the run.
  assert.is(cli(corpus, 'scan', '.', '--fail-on', 'critical').code, 1);
  const r = cli(corpus, 'scan', '.', '--severity', 'low', '--fail-on', 'critical');
  assert.is(r.code, 0, 'the exit code still judges what is reported');
  assert.is(r.stderr, 'rsyncguard: warning: --fail-on critical can never fire with --severity low: no critical finding is reported, so none fails the run; add critical to --severity, or give --fail-on none if that is meant\n');
  // The default --fail-on high counts too, and says it was the default.
  assert.match(cli(corpus, 'scan', '.', '--severity', 'medium,low').stderr, 'warning: --fail-on high (the default) can never fire with --severity medium,low: no critical or high finding is reported');
  assert.is(cli(corpus, 'scan', '.', '--severity', 'low', '--fail-on', 'critical', '-q').stderr, '');
  // No warning when the two agree, or when failing is turned off.
  assert.is(cli(corpus, 'scan', '.', '--severity', 'critical,low', '--fail-on', 'high').stderr, '');
  assert.is(cli(corpus, 'scan', '.', '--severity', 'low', '--fail-on', 'none').stderr, '');
  assert.is(cli(corpus, 'scan', '.', '--fail-on', 'critical').stderr, '');
});

failOn.run();

const options = suite('option mistakes');

options('an option no command has, before the command, is not moved after one', () => {
  const x = repoCwd('-x');
  assert.is(x.code, 2);
  assert.match(x.stderr, /^rsyncguard: unknown option "-x"; before a command rsyncguard takes only -h\/--help and -V\/--version\n/);
  assert.not.match(x.stderr, 'rsyncguard scan -x');
  assert.match(repoCwd('--version=1').stderr, /^rsyncguard: --version takes no value: write rsyncguard --version\n/);
  assert.match(repoCwd('--verison').stderr, /^rsyncguard: unknown option "--verison"; did you mean --version\?\n/);
  // One a command has is still moved: to scan, or to the command that has it.
  assert.match(repoCwd('--format', 'json', 'scan').stderr, '(rsyncguard scan --format …)');
  assert.match(repoCwd('--root', 'x', 'scan').stderr, '(rsyncguard scan --root …)');
});

options("scan --version, scan -V and Trivy's --exit-code say what to write; choice errors carry the hint line", () => {
  for (const flag of ['--version', '-V']) {
    const r = repoCwd('scan', flag);
    assert.is(r.code, 2);
    assert.is(r.stderr, `rsyncguard scan: unknown option ${flag}; the version is the top level's: rsyncguard --version\n  hint: See rsyncguard scan --help.\n`);
  }
  const exit = repoCwd('scan', '.', '--exit-code', '1');
  assert.is(exit.code, 2);
  assert.match(exit.stderr, /^rsyncguard scan: unknown option --exit-code; did you mean --fail-on\? .*--fail-on none always exits 0\n/);
  for (const args of [['--format='], ['-fq'], ['--fail-on=none,high'], ['--daemon-user', 'nobody']]) {
    const r = repoCwd('scan', '.', ...args);
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, / must be one of .*\n {2}hint: See rsyncguard scan --help\.\n$/, args.join(' '));
  }
});

options.run();

const empty = suite('an empty result says what left the configs out');

empty('--exclude that removes every config names it and the files, instead of "no rsyncd configs found"', () => {
  const fp = tree('fp', { 'fp/rsyncd.conf': MODULE });
  const r = cli(fp, 'scan', 'fp', '--exclude', 'rsyncd.conf');
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, 'rsyncguard scan: warning: no rsyncd config scanned under fp: 1 config was left out by --exclude (rsyncd.conf)\n');
  assert.is(cli(fp, 'scan', 'fp', '--exclude', 'rsyncd.conf', '-q').stderr, '');
  // Nothing left out: the old warning, saying what discovery looks for.
  const none = tree('none', { 'README.md': 'nothing here\n' });
  assert.match(cli(none, 'scan', '.').stderr, /^rsyncguard scan: warning: no rsyncd configs found under \.; looked for rsyncd\.conf, /);
});

empty('a config .gitignore leaves out is named, with how to scan it anyway', () => {
  const g = tree('ignored', { 'rsyncd.conf': MODULE, '.gitignore': 'rsyncd.conf\nsub/\n', 'sub/rsyncd.d/a.conf': MODULE, 'sub/rsyncd.d/b.conf': MODULE });
  assert.is(spawnSync('git', ['init', '-q'], { cwd: g }).status, 0);
  const r = cli(g, 'scan', '.');
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, 'rsyncguard scan: warning: no rsyncd config scanned under .: 3 configs are ignored by .gitignore (rsyncd.conf, sub/rsyncd.d/a.conf, sub/rsyncd.d/b.conf); a file given by its own path is scanned (rsyncguard scan rsyncd.conf)\n');
  assert.is(cli(g, 'scan', 'rsyncd.conf', '-q').code, 1, 'given by its own path, it is scanned');
  const both = cli(g, 'scan', '.', '--exclude', 'rsyncd.conf');
  assert.match(both.stderr, 'under .: 1 config was left out by --exclude (rsyncd.conf), and 2 configs are ignored by .gitignore (sub/rsyncd.d/a.conf, sub/rsyncd.d/b.conf); ');
});

empty.run();
