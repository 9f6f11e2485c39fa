/**
 * A hostile pull request against `scan` (issue 12, items 1, 2 and 5), second pass: the repository author
 * controls every file, link and name in the checkout, the workflow author chose the paths scanned, and the
 * job's credentials sit in the environment and in .git/config. Each case builds its own input and asserts
 * in every format: the canary absent, the note or finding present, the exit code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, runAllFormats, runCli, tempTree, type CliRun, type Format } from './support/cli.ts';

const DEADLINE_MS = 20_000;
const OPEN_MODULE = '[pub]\npath = /srv/pub\nread only = no\n';

interface JsonOut {
  targets: { target: string; findings: { rule_id: string }[]; notes: { code: string; message: string; location: { file: string; line: number } | null }[]; facts: { config: { files: { path: string }[] } } }[];
  errors: { target: string; message: string }[];
}

function scanAll(dir: string, ...args: string[]): Map<Format, CliRun> {
  return runAllFormats(['scan', ...(args.length > 0 ? args : ['.'])], { cwd: dir, timeoutMs: DEADLINE_MS });
}

function json(runs: Map<Format, CliRun>): JsonOut {
  return JSON.parse(runs.get('json')?.stdout ?? '{}') as JsonOut;
}

function assertExit(runs: Map<Format, CliRun>, code: number): void {
  for (const [format, run] of runs) {
    assert.not.ok(run.timedOut, `${format}: deadline`);
    assert.is(run.code, code, `${format}: exit code (stdout: ${run.stdout.slice(0, 600)} stderr: ${run.stderr.slice(0, 300)})`);
  }
}

function assertSaidEverywhere(runs: Map<Format, CliRun>, phrase: string): void {
  for (const [format, run] of runs) assert.ok(run.stdout.includes(phrase), `${format} does not say "${phrase}":\n${run.stdout.slice(0, 1500)}`);
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-C', dir, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { stdio: 'ignore' });
}

const hiding = suite('a config cannot hide itself or another config from the scan');

hiding('a config that names itself as its secrets file is still scanned, and the note says why', () => {
  const runs = scanAll(tempTree({ 'rsyncd.conf': `${OPEN_MODULE}secrets file = /rsyncd.conf\n` }));
  assertExit(runs, 1);
  assertSaidEverywhere(runs, 'RSYNC-002');
  assertSaidEverywhere(runs, 'The secrets file /rsyncd.conf is an rsyncd configuration (rsyncd.conf sets parameters or defines modules)');
  assert.equal(
    json(runs).targets.map((t) => t.target),
    ['rsyncd.conf'],
  );
});

hiding("a config named as another config's secrets file (through a link, too) is still scanned", () => {
  const dir = tempTree({ 'rsyncd.conf': '[a]\npath = /a\nauth users = x\nsecrets file = /other.secrets\n', 'rsyncd.d/x.conf': OPEN_MODULE });
  symlinkSync('rsyncd.d/x.conf', join(dir, 'other.secrets'));
  const runs = scanAll(dir);
  assertExit(runs, 1);
  const r = json(runs);
  assert.equal(r.targets.map((t) => t.target).sort(), ['rsyncd.conf', 'rsyncd.d/x.conf']);
  assert.ok(r.targets.find((t) => t.target === 'rsyncd.d/x.conf')?.findings.some((f) => f.rule_id === 'RSYNC-002'));
});

hiding('a file both included and named as a secrets file keeps its modules in the including config', () => {
  const dir = tempTree({ 'etc/rsyncd.conf': '&include /etc/mods.inc.conf\n[a]\npath = /a\nauth users = x\nsecrets file = /etc/mods.inc.conf\n', 'etc/mods.inc.conf': OPEN_MODULE });
  const runs = scanAll(dir);
  assertExit(runs, 1);
  const t = json(runs).targets;
  assert.equal(
    t.map((x) => x.target),
    ['etc/rsyncd.conf'],
  );
  assert.ok(
    t[0]?.findings.some((f) => f.rule_id === 'RSYNC-002'),
    'the included module is evaluated',
  );
});

hiding('an included file of global defaults, also named as the secrets file, is still merged (as rsync does)', () => {
  const dir = tempTree({
    'etc/rsyncd.conf': '&merge /etc/defaults.inc.conf\n[pub]\npath = /srv/pub\nauth users = alice\nsecrets file = /etc/defaults.inc.conf\n[drop]\npath = /srv/drop\n',
    'etc/defaults.inc.conf': 'read only = no\nalice:CANARY-DEF-4c1d\n',
  });
  const runs = scanAll(dir);
  assertNoCanary(runs, 'CANARY-DEF-4c1d');
  assertExit(runs, 1);
  const t = json(runs).targets;
  assert.equal(
    t.map((x) => x.target),
    ['etc/rsyncd.conf'],
  );
  assert.ok(
    t[0]?.findings.some((f) => f.rule_id === 'RSYNC-002'),
    'the global "read only = no" reaches [drop]',
  );
  assertSaidEverywhere(runs, 'is an rsyncd configuration');
});

hiding('a config that only includes modules, named as a secrets file elsewhere, is still scanned with them', () => {
  const dir = tempTree({ 'etc/rsyncd.conf': '&include /etc/rsyncd.d\n', 'etc/rsyncd.d/x.conf': OPEN_MODULE, 'z/rsyncd.conf': '[a]\npath = /a\nauth users = u\nsecrets file = /etc/rsyncd.conf\n' });
  const runs = scanAll(dir);
  assertExit(runs, 1);
  const r = json(runs);
  assert.equal(r.targets.map((t) => t.target).sort(), ['etc/rsyncd.conf', 'z/rsyncd.conf']);
  assert.ok(r.targets.find((t) => t.target === 'etc/rsyncd.conf')?.findings.some((f) => f.rule_id === 'RSYNC-002'));
});

hiding('a file whose name starts with ".." is in the repository: what it includes is evaluated, not "outside"', () => {
  const dir = tempTree({ 'rsyncd.conf': '&include /..x.txt\n&include ..y.txt\n', '..x.txt': OPEN_MODULE, '..y.txt': '[pub2]\npath = /srv/pub2\nread only = no\n' });
  const runs = scanAll(dir);
  assertExit(runs, 1);
  const t = json(runs).targets[0];
  assert.equal(
    t?.facts.config.files.map((f) => f.path),
    ['rsyncd.conf', '..x.txt', '..y.txt'],
  );
  assert.not.ok(
    t?.notes.some((n) => n.message.includes('outside')),
    'not called outside the scan root',
  );
});

hiding('a secrets file padded past the size cap is "could not be evaluated" (exit 2), not a clean pass', () => {
  const padding = `${'#'.repeat(80)}\n`;
  const dir = tempTree({ 'rsyncd.conf': '[m]\npath = /m\nauth users = u0\nhosts allow = 10.0.0.1\nsecrets file = /rsyncd.secrets\n', 'rsyncd.secrets': `u0:u0\n${padding.repeat(Math.ceil((8 * 1024 * 1024) / padding.length))}` });
  const runs = scanAll(dir);
  assertExit(runs, 2);
  assertSaidEverywhere(runs, 'the secrets file /rsyncd.secrets could not be checked');
  assert.ok(json(runs).targets[0]?.findings.length, "the config's own findings are still reported");
});

hiding("a config that includes another and then fails to load does not swallow the other's modules", () => {
  const dir = tempTree({ 'rsyncd.conf': '&include /etc/rsyncd.d\n&bogus x\n', 'etc/rsyncd.d/b.conf': OPEN_MODULE });
  const runs = scanAll(dir, '.', '--fail-on', 'critical');
  assertExit(runs, 1);
  const r = json(runs);
  assert.equal(
    r.targets.map((t) => t.target),
    ['etc/rsyncd.d/b.conf', 'rsyncd.conf'],
  );
  assert.ok(r.targets[0]?.findings.some((f) => f.rule_id === 'RSYNC-002'));
});

hiding('configs that only include each other are not all dropped as "included": each is scanned, the cycle shown', () => {
  const dir = tempTree({ 'rsyncd.conf': '&include /b/rsyncd.conf\n', 'b/rsyncd.conf': `&include /rsyncd.conf\n${OPEN_MODULE}` });
  const runs = scanAll(dir, '.', '--fail-on', 'critical');
  assertExit(runs, 0);
  assert.equal(
    json(runs).targets.map((t) => t.target),
    ['b/rsyncd.conf', 'rsyncd.conf'],
  );
  assertSaidEverywhere(runs, 'RSYNC-100');
  assertSaidEverywhere(runs, 'includes itself');
});

hiding.run();

const given = suite('a path given to scan inside the working directory cannot be a link out of it');

given("a committed file link given by name (the Action's `paths`) is not read", () => {
  const outside = tempTree({ 'creds.conf': '[CANARY-GIV-3a9d]\npath = /x\nCANARY-GIV-3a9d\n' });
  const dir = tempTree({ 'deploy/keep.conf': '[k]\npath = /k\n' });
  symlinkSync(join(outside, 'creds.conf'), join(dir, 'deploy/rsyncd.conf'));
  const runs = scanAll(dir, 'deploy/rsyncd.conf');
  assertNoCanary(runs, 'CANARY-GIV-3a9d');
  assertExit(runs, 2);
  assertSaidEverywhere(runs, 'leads outside the working directory');
});

given('a committed directory link, given directly or as a parent of the path given, is not followed', () => {
  const outside = tempTree({ 'etc/rsyncd.conf': '[CANARY-GDIR-61c0]\npath = /x\n' });
  const dir = tempTree({ 'keep/rsyncd.conf': '[k]\npath = /k\n' });
  symlinkSync(outside, join(dir, 'deploy'));
  for (const path of ['deploy', 'deploy/etc/rsyncd.conf', `${dir}/deploy/etc`]) {
    const runs = scanAll(dir, path);
    assertNoCanary(runs, 'CANARY-GDIR-61c0');
    assertExit(runs, 2);
    assertSaidEverywhere(runs, 'leads outside the working directory');
  }
});

given('a link inside the working directory, and a path outside it given explicitly, are still scanned', () => {
  const elsewhere = tempTree({ 'rsyncd.conf': OPEN_MODULE });
  const dir = tempTree({ 'conf/main.cfg': OPEN_MODULE });
  symlinkSync('conf/main.cfg', join(dir, 'rsyncd.conf'));
  assertExit(scanAll(dir, 'rsyncd.conf'), 1);
  assertExit(scanAll(dir, join(elsewhere, 'rsyncd.conf')), 1);
});

given('--exclude does not follow a committed link to / through the machine', () => {
  const dir = tempTree({ 'rsyncd.conf': OPEN_MODULE, 'skip/rsyncd.conf.j2': OPEN_MODULE });
  symlinkSync('/', join(dir, 'up'));
  const runs = scanAll(dir, '.', '--exclude', '**/*.j2');
  assertExit(runs, 1);
  assert.equal(
    json(runs).targets.map((t) => t.target),
    ['rsyncd.conf'],
  );
});

given('a config that links out, in a directory only a &merge reads (*.inc), is still named as not scanned', () => {
  const outside = tempTree({ 'x.conf': '[CANARY-MRG-8e21]\npath = /x\n' });
  const dir = tempTree({ 'etc/rsyncd.conf': '&merge /etc/rsyncd.d\n[m]\npath = /m\nauth users = a\nsecrets file = /etc/s\nhosts allow = 10.0.0.1\n', 'etc/rsyncd.d/ok.inc': 'max connections = 4\n' });
  symlinkSync(join(outside, 'x.conf'), join(dir, 'etc/rsyncd.d/out.conf'));
  const runs = scanAll(dir);
  assertNoCanary(runs, 'CANARY-MRG-8e21');
  assertExit(runs, 2);
  assert.equal(
    json(runs).errors.map((e) => e.target),
    ['etc/rsyncd.d/out.conf'],
  );
});

given.run();

const gitdata = suite("git's own data is never read, whatever names it");

gitdata('an include and a secrets file naming .git/config (where the checkout keeps its token) are refused', () => {
  const dir = tempTree({ 'rsyncd.conf': '&include /.git/config\n&merge /.git/x.inc\n[m]\npath = /srv/m\nauth users = joe\nsecrets file = .git/config\n' });
  git(dir, 'init', '-q');
  git(dir, 'config', 'core.zzcanary5b7e', 'AUTHORIZATION: basic CANARY-GIT-5b7e');
  git(dir, 'config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic CANARY-GIT-5b7e');
  mkdirSync(join(dir, '.git/hooks'), { recursive: true });
  symlinkSync('config', join(dir, '.git/x.inc'));
  const runs = scanAll(dir, '.', '--fail-on', 'critical');
  assertNoCanary(runs, 'CANARY-GIT-5b7e');
  assertNoCanary(runs, 'zzcanary5b7e');
  assertExit(runs, 0);
  assertSaidEverywhere(runs, '&include /.git/config was not followed');
  assertSaidEverywhere(runs, 'The secrets file .git/config was not read');
  assert.equal(
    json(runs).targets[0]?.facts.config.files.map((f) => f.path),
    ['rsyncd.conf'],
  );
});

gitdata('a link in the repository to .git/config is refused the same way', () => {
  const dir = tempTree({ 'rsyncd.conf': '&include /inc.conf\n[m]\npath = /srv/m\n' });
  git(dir, 'init', '-q');
  git(dir, 'config', 'core.zzcanary0c4d', 'x');
  symlinkSync('.git/config', join(dir, 'inc.conf'));
  const runs = scanAll(dir, '.', '--fail-on', 'critical');
  assertNoCanary(runs, 'zzcanary0c4d');
  assertSaidEverywhere(runs, 'inside .git');
});

gitdata('a committed directory laid out as a bare repository cannot make scan run its fsmonitor command', () => {
  const dir = tempTree({ 'deploy/rsyncd.conf': OPEN_MODULE, 'deploy/objects/.keep': '', 'deploy/refs/heads/.keep': '', 'deploy/HEAD': 'ref: refs/heads/main\n' });
  const marker = join(dir, 'fsmonitor-ran');
  // What a pull request can commit: no .git anywhere, just files named like a git directory's.
  const set = (key: string, value: string) => execFileSync('git', ['config', '-f', join(dir, 'deploy/config'), key, value]);
  set('core.repositoryformatversion', '0');
  set('core.bare', 'false');
  set('core.worktree', '.');
  set('core.fsmonitor', `touch '${marker}'; false`);
  for (const path of ['deploy', 'deploy/rsyncd.conf']) {
    const runs = scanAll(dir, path);
    assertExit(runs, 1);
    assert.not.ok(existsSync(marker), `scan ${path} ran the repository's core.fsmonitor`);
  }
});

gitdata.run();

const templates = suite('template lines are quoted only when they are template syntax alone');

templates('a template line with a literal password is described, not quoted', () => {
  const dir = tempTree({ 'rsyncd.conf.erb': '[m]\npath = /srv/m\n<% if @x %>CANARY-TPL-2f81<% end %>\n<%= "CANARY-TPL-2f81" %>\n{{ "alice:CANARY-TPL-2f81" }}\n' });
  const runs = scanAll(dir, '.', '--fail-on', 'critical');
  assertNoCanary(runs, 'CANARY-TPL-2f81');
  assertExit(runs, 0);
  const messages =
    json(runs)
      .targets[0]?.notes.map((n) => n.message)
      .join('\n') ?? '';
  assert.match(messages, 'not shown');
});

templates('a config with a Latin-1 comment is scanned (rsync reads bytes), with a located note, not "could not be evaluated"', () => {
  const dir = tempTree({ 'rsyncd.conf': Buffer.concat([Buffer.from('# Verantwortlich: M'), Buffer.from([0xfc]), Buffer.from('ller\n[pub]\npath = /srv/pub\nread only = no\n')]) });
  const runs = scanAll(dir);
  assertExit(runs, 1);
  const t = json(runs).targets[0];
  assert.ok(t?.findings.some((f) => f.rule_id === 'RSYNC-002'));
  assert.ok(t?.notes.some((n) => n.code === 'not-utf8' && n.location?.line === 1));
});

templates.run();

const markdown = suite('Markdown (a pull-request comment, the job summary) shows repository text as text');

/**
 * The Markdown without its backtick-fenced code blocks, found as CommonMark does (an opening fence of 3+
 * backticks, up to 3 spaces in; closed by a line of at least as many backticks and nothing else). A fence left
 * open runs to the end of the document, so it is a failure here rather than inert text.
 */
function outsideFences(md: string): string {
  const out: string[] = [];
  let open: number | null = null;
  for (const line of md.split('\n')) {
    const m = /^ {0,3}(`{3,})(.*)$/.exec(line);
    if (open === null) {
      if (m?.[1] !== undefined && !(m[2] ?? '').includes('`')) open = m[1].length;
      else out.push(line);
    } else if (m?.[1] !== undefined && m[1].length >= open && (m[2] ?? '').trim() === '') open = null;
  }
  assert.is(open, null, `a code fence is never closed:\n${md}`);
  return out.join('\n');
}

markdown('module names, include paths and file names cannot become links, images, HTML or mentions', () => {
  const dir = tempTree({
    'rsyncd.d/a`b.conf': '[<img src=x onerror=y> @octocat www.evil.example #1]\npath = /srv\nread only = no\n',
    'rsyncd.conf': '&include [re-run with your token](https://evil.example/x)\n[m]\npath = /m\n',
  });
  // The include names a link out of the repository, so the note quoting its path is shown in every format.
  mkdirSync(join(dir, '[re-run with your token](https:/evil.example'), { recursive: true });
  symlinkSync('/dev/null', join(dir, '[re-run with your token](https:/evil.example/x)'));
  const r = runCli(['scan', '.', '--format', 'markdown'], { cwd: dir, timeoutMs: DEADLINE_MS });
  assert.is(r.code, 1, r.stderr);
  assert.ok(r.stdout.includes('re-run with your token'), r.stdout);
  // A suggestion block quotes config lines exactly; fenced code is inert text on GitHub (no link, mention or
  // HTML), and no config line can close its fence (src/report/fix-markdown.test.ts), so only text outside it counts.
  const prose = outsideFences(r.stdout);
  for (const bad of ['](https', '@octocat', 'https://evil', 'www.evil', ' #1', '`rsyncd.d/a`']) assert.not.ok(prose.includes(bad), `"${bad}" reached the Markdown:\n${r.stdout}`);
  assert.not.match(prose, /(^|[^\\])<img/, 'raw HTML');
  assert.ok(r.stdout.includes('`` rsyncd.d/a`b.conf:3 ``'), 'a file name holding a backtick stays one code span');
});

markdown.run();
