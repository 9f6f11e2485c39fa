/**
 * Every user mistake is one line naming the thing and the next step, with exit 2: never "internal error",
 * never a stack. Runs the bundled CLI (npm run build first), as a user would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const CLI = resolve('dist/cli.js');

interface Run {
  code: number | null;
  stderr: string;
}

function cli(args: string[], opts: { cwd?: string; env?: Record<string, string>; bundle?: string } = {}): Run {
  const r = spawnSync(process.execPath, [opts.bundle ?? CLI, ...args], { cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ...opts.env }, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stderr: r.stderr };
}

/** Exit 2, and standard error is the message naming `what`, then a hint: no stack, no "internal error". */
function userMistake(r: Run, what: string | RegExp): void {
  assert.is(r.code, 2, r.stderr);
  const lines = r.stderr.trimEnd().split('\n');
  assert.is(lines.length, 2, `one line and a hint:\n${r.stderr}`);
  assert.match(lines[0] ?? '', what);
  assert.match(lines[1] ?? '', /^ {2}hint: \S/);
  assert.not.match(r.stderr, /internal error|\n\s+at |ENOENT|EACCES|EISDIR|EADDRINUSE/);
}

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-errors-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Two self-signed certificates with their keys, made by openssl as an operator would. */
function certificates(): string {
  const dir = tempDir();
  for (const name of ['a', 'b']) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`), '-days', '1', '-subj', `/CN=${name}`], { stdio: 'ignore' });
  }
  return dir;
}

const admission = suite('admission serve: mistakes at start');
const tls = certificates();
const serve = (...args: string[]) => cli(['admission', 'serve', '--listen', '127.0.0.1:0', ...args], { cwd: tls });

admission('a missing certificate names the file', () => {
  userMistake(serve('--tls-cert', 'missing.crt', '--tls-key', 'a.key'), 'cannot read the TLS certificate missing.crt: no such file or directory');
});

admission('a certificate that is a directory names it', () => {
  userMistake(serve('--tls-cert', '.', '--tls-key', 'a.key'), 'the TLS certificate . is a directory, not a regular file');
});

admission('a key where the certificate should be is not a certificate', () => {
  userMistake(serve('--tls-cert', 'a.key', '--tls-key', 'a.key'), 'a.key: --tls-cert is not a PEM certificate');
});

admission('a certificate where the key should be is not a key', () => {
  userMistake(serve('--tls-cert', 'a.crt', '--tls-key', 'a.crt'), 'a.crt: --tls-key is not a PEM private key');
});

admission('a key of another certificate does not match', () => {
  userMistake(serve('--tls-cert', 'a.crt', '--tls-key', 'b.key'), 'b.key: --tls-key does not match the certificate a.crt');
});

admission('a port in use is said in words, with the address', async () => {
  const held: Server = createServer();
  await new Promise<void>((done) => held.listen(0, '127.0.0.1', done));
  const address = held.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  try {
    const r = spawnSync(process.execPath, [CLI, 'admission', 'serve', '--tls-cert', 'a.crt', '--tls-key', 'a.key', '--listen', `127.0.0.1:${port}`], { cwd: tls, encoding: 'utf8', timeout: 30_000 });
    userMistake({ code: r.status, stderr: r.stderr }, `port ${port} on 127.0.0.1 is in use: another process listens there`);
  } finally {
    held.close();
  }
});

admission('a privileged port for an unprivileged user is "permission denied", with the way out', () => {
  // Only root can drop to another user to try it; elsewhere (and where nobody cannot read the bundle) it is skipped.
  const asNobody = ['--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath];
  if (process.getuid?.() !== 0 || spawnSync('setpriv', [...asNobody, '-e', `require('fs').accessSync(${JSON.stringify(CLI)})`]).status !== 0) return;
  chmodSync(tls, 0o755);
  for (const f of ['a.crt', 'a.key']) chmodSync(join(tls, f), 0o644);
  const r = spawnSync('setpriv', [...asNobody, CLI, 'admission', 'serve', '--tls-cert', 'a.crt', '--tls-key', 'a.key', '--listen', '127.0.0.1:443'], { cwd: tls, encoding: 'utf8', timeout: 30_000 });
  userMistake({ code: r.status, stderr: r.stderr }, 'cannot listen on 127.0.0.1:443: permission denied');
  assert.match(r.stderr, 'Ports below 1024 need privileges');
});

admission('a port out of range and a fractional worker count are refused with the accepted range', () => {
  userMistake(serve('--tls-cert', 'a.crt', '--tls-key', 'a.key', '--listen', '127.0.0.1:99999'), 'the port is not a whole number from 0 to 65535');
  userMistake(serve('--tls-cert', 'a.crt', '--tls-key', 'a.key', '--workers', '1.5'), '--workers="1.5" is not a whole number from 1 to 64');
  userMistake(serve('--tls-cert', 'a.crt', '--tls-key', 'a.key', '--budget-ms', 'soon'), '--budget-ms="soon" is not a whole number');
});

admission('an image limit that is not a number names the variable', () => {
  const r = cli(['admission', 'serve', '--tls-cert', 'a.crt', '--tls-key', 'a.key', '--listen', '127.0.0.1:0'], { cwd: tls, env: { RSYNCGUARD_MAX_LAYER_BYTES: 'abc' } });
  userMistake(r, 'RSYNCGUARD_MAX_LAYER_BYTES="abc" is not a positive whole number');
});

admission.run();

const sweep = suite('sweep: mistakes before the first host');

sweep('a missing inventory, an inventory that is a directory, and a malformed one are named', () => {
  const dir = tempDir({ 'bad.yaml': 'hosts:\n  - name: a\n    bogus: [\n' });
  userMistake(cli(['sweep', '--inventory', 'none.yaml'], { cwd: dir }), 'none.yaml: cannot read the inventory: no such file or directory');
  userMistake(cli(['sweep', '--inventory', '.'], { cwd: dir }), '.: the inventory is a directory');
  userMistake(cli(['sweep', '--inventory', 'bad.yaml'], { cwd: dir }), /^rsyncguard sweep: bad\.yaml:\d+: not valid YAML/);
});

sweep('a numeric option that is not a number names the option and its range', () => {
  const dir = tempDir({ 'hosts.yaml': 'all:\n  hosts:\n    h1:\n' });
  userMistake(cli(['sweep', '--inventory', 'hosts.yaml', '--concurrency', 'many'], { cwd: dir }), '--concurrency="many" is not a whole number from 1 to 1024');
  userMistake(cli(['sweep', '--inventory', 'hosts.yaml', '--timeout=-5'], { cwd: dir }), '--timeout="-5" is not a whole number');
});

sweep('a --results path that is a directory is named', () => {
  const dir = tempDir({ 'hosts.yaml': 'all:\n  hosts:\n    h1:\n' });
  mkdirSync(join(dir, 'out'));
  userMistake(cli(['sweep', '--inventory', 'hosts.yaml', '--results', 'out'], { cwd: dir }), /out: the results file is not a regular file/);
});

sweep('a --results file in a directory that does not exist names --results and the directory', () => {
  const dir = tempDir({ 'hosts.yaml': 'all:\n  hosts:\n    h1:\n' });
  userMistake(cli(['sweep', '--inventory', 'hosts.yaml', '--results', 'nope/x.jsonl'], { cwd: dir }), /nope\/x\.jsonl: --results: the directory nope does not exist/);
});

sweep('a malformed inventory line is named by file and line, and its values are never shown', () => {
  const dir = tempDir({ 'i6.ini': '[web]\nhost1 ansible_password="hunter2 SECRET" ansible_port=22 SECRET2\n', 'w.ini': '[web\nh1\n', 'p.ini': '[web]\nh1 ansible_port=SECRET\n' });
  for (const [file, what] of [
    ['i6.ini', /^rsyncguard sweep: i6\.ini:2: word 4 of this host line is not key=value$/],
    ['w.ini', /^rsyncguard sweep: w\.ini:1: not a section header/],
    ['p.ini', /^rsyncguard sweep: p\.ini:2: host "h1" has port that is not a number$/],
  ] as const) {
    const r = cli(['sweep', '--inventory', file], { cwd: dir });
    userMistake(r, what);
    assert.not.match(r.stderr, /SECRET|hunter2/);
  }
});

sweep.run();

const install = suite('a broken install or a missing file');

/** dist/ without the collector script, as a careless copy of the bundle would leave it. */
function bundleWithoutCollector(): string {
  const dist = join(tempDir(), 'dist');
  mkdirSync(dist);
  for (const f of readdirSync('dist')) if (f !== 'rsync-facts.sh') copyFileSync(join('dist', f), join(dist, f));
  return join(dist, 'cli.js');
}

install('host and sweep name the missing collector script and say to reinstall', () => {
  const bundle = bundleWithoutCollector();
  const dir = tempDir({ 'hosts.yaml': 'all:\n  hosts:\n    h1:\n' });
  userMistake(cli(['host'], { bundle, cwd: dir }), /rsync-facts\.sh: cannot read the collector script: no such file or directory/);
  userMistake(cli(['sweep', '--inventory', 'hosts.yaml'], { bundle, cwd: dir }), /rsync-facts\.sh: cannot read the collector script/);
});

install('a missing --policy path is named', () => {
  userMistake(cli(['scan', 'examples/', '--policy', 'no-such-policy']), 'no-such-policy: --policy no-such-policy does not exist');
});

install('an --output path that is a directory is named', () => {
  userMistake(cli(['rules', '--output', tempDir()]), /cannot write the output: it is a directory/);
});

install('--hosts-map: a missing file and a malformed line are named, with a hint', () => {
  const dir = tempDir({ 'r.conf': '[m]\npath = /srv\nhosts allow = a.example\n', hm: '# map\njustone\n' });
  userMistake(cli(['access', 'r.conf', '--client', '192.0.2.1', '--hosts-map', 'none'], { cwd: dir }), 'none: --hosts-map: cannot read the file: no such file or directory');
  userMistake(cli(['access', 'r.conf', '--client', '192.0.2.1', '--hosts-map', 'hm'], { cwd: dir }), 'hm:2: --hosts-map: a line is not "ADDRESS NAME…"');
});

install('a config the user cannot read is said so, with a hint to make it readable (as nobody when root)', () => {
  const dir = tempDir({ 's.conf': '[m]\npath = /srv\n' });
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 's.conf'), 0o000);
  const asRoot = process.getuid?.() === 0;
  // nobody may not reach the checkout (a CI clone can sit in a 0700 directory): it runs a copy of dist/.
  let cli = CLI;
  if (asRoot) {
    const copy = mkdtempSync(join(tmpdir(), 'rg-dist-'));
    chmodSync(copy, 0o755);
    cpSync(resolve('dist'), join(copy, 'dist'), { recursive: true });
    chmodSync(join(copy, 'dist'), 0o755);
    cli = join(copy, 'dist', 'cli.js');
  }
  const r = spawnSync(asRoot ? 'setpriv' : process.execPath, [...(asRoot ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : []), cli, 'scan', 's.conf'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.is(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stdout, /permission denied\n {2}hint: Make it readable by the user running rsyncguard, or exclude it with --exclude\./);
  assert.not.match(r.stdout, 'FIFO');
});

install.run();

const action = suite('the Action: a user mistake fails the step in one line');

action('a missing policy input names the path and what to pass, with no stack', () => {
  const dir = tempDir();
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  const env = { ...process.env, GITHUB_WORKSPACE: dir, INPUT_PATHS: 'examples', INPUT_POLICY: 'no-such-policy', 'INPUT_SARIF-FILE': 'out.sarif' };
  const r = spawnSync(process.execPath, [resolve('dist/action.js')], { cwd: tmpdir(), env, encoding: 'utf8', timeout: 60_000 });
  assert.is(r.status, 1, r.stdout + r.stderr);
  const errors = (r.stdout + r.stderr).split('\n').filter((l) => l.startsWith('::error'));
  assert.is(errors.length, 1, r.stdout);
  assert.match(errors[0] ?? '', /^::error::Input "policy": no-such-policy does not exist \(Pass a directory of Rego/);
  assert.not.match(r.stdout + r.stderr, /internal error|\n\s+at |--policy/);
});

action('a sarif-file that cannot be written (its parent is a file) names the input', () => {
  // A missing directory is created (issue 18); a file in the way of one is the input's mistake.
  const dir = tempDir();
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  const env = { ...process.env, GITHUB_WORKSPACE: dir, INPUT_PATHS: 'examples/hardened', 'INPUT_SARIF-FILE': 'examples/hardened/rsyncd.conf/out.sarif' };
  const r = spawnSync(process.execPath, [resolve('dist/action.js')], { cwd: tmpdir(), env, encoding: 'utf8', timeout: 60_000 });
  assert.is(r.status, 1, r.stdout + r.stderr);
  const errors = (r.stdout + r.stderr).split('\n').filter((l) => l.startsWith('::error'));
  assert.is(errors.length, 1, r.stdout);
  assert.match(errors[0] ?? '', /^::error::Input "sarif-file": examples\/hardened\/rsyncd\.conf\/out\.sarif cannot be written: [^\n]+ \(Give sarif-file a file path in the workspace/);
});

action.run();

const output = suite('standard output that cannot be written');

output('a full disk behind the redirect is one line and exit 2, not a stack', () => {
  if (!existsSync('/dev/full')) return;
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [CLI, 'rules'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 30_000 });
    userMistake({ code: r.status, stderr: r.stderr }, 'rsyncguard: cannot write standard output: no space left on the device');
  } finally {
    closeSync(full);
  }
});

output.run();
