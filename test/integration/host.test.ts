/**
 * `rsyncguard host --probe` against a real rsync daemon on 127.0.0.1, and the collector itself under dash,
 * busybox sh, and without root. Only the daemon this file starts is stopped.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { daemonFacts, hostDocument } from '../../src/facts/index.ts';
import { parseHostConfigs } from '../../src/parse/index.ts';
import { parseHostRaw, probeDaemon } from '../../src/sources/index.ts';
import { sarifProblems } from '../support/sarif-check.ts';
import { moduleDir, scratchDir, startDaemon, type Daemon } from './support/rsync-daemon.ts';

const CLI = resolve('dist/cli.js');
const COLLECTOR = resolve('collectors/rsync-facts.sh');
const PASSWORDS = ['Weak1', 'Quite-Long-Password-2026'];

const base = scratchDir('rg-host-');
moduleDir(base, 'pub');
moduleDir(base, 'priv');
const conf = join(base, 'rsyncd.conf');
writeFileSync(join(base, 'open.secrets'), `joe:${PASSWORDS[0]}\n`);
chmodSync(join(base, 'open.secrets'), 0o644);
writeFileSync(join(base, 'closed.secrets'), `ann:${PASSWORDS[1]}\n`, { mode: 0o600 });
chmodSync(join(base, 'closed.secrets'), 0o600);
writeFileSync(
  conf,
  `motd file = ${join(base, 'motd')}\n[pub]\n    path = ${base}/pub\n    comment = public files\n    auth users = joe\n    secrets file = ${base}/open.secrets\n[priv]\n    path = ${base}/priv\n    list = no\n    auth users = ann\n    secrets file = ${base}/closed.secrets\n`,
);
writeFileSync(join(base, 'motd'), 'Welcome to the test daemon\n');

let daemon: Daemon | undefined;

interface Report {
  targets: {
    target: string;
    findings: { rule_id: string; message: string }[];
    facts: {
      config: { effective: { reach: { value: string; addresses: string[]; reason: string } } };
      daemon: { processes: { pid: number; uid: number; chrooted: boolean | null }[]; listeners: { address: string; port: number }[]; probes: { protocol: string; digests: string[]; motd: string[]; modules: { name: string }[] }[] };
    };
  }[];
}

/**
 * The checkout may sit under a 0700 directory (a CI clone in mktemp -d): another user cannot open the
 * collector there, so a run as that user gets its own world-readable copy.
 */
function readableCollector(): string {
  const dir = scratchDir('rg-collector-');
  chmodSync(dir, 0o755);
  const copy = join(dir, 'rsync-facts.sh');
  copyFileSync(COLLECTOR, copy);
  chmodSync(copy, 0o644);
  return copy;
}

function collect(shell: string[], asUser?: string): { code: number | null; stdout: string; stderr: string } {
  const cmd = asUser ? ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', ...shell, readableCollector()] : [...shell, COLLECTOR];
  const r = spawnSync(cmd[0] ?? 'sh', cmd.slice(1), { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const host = suite('rsyncguard host against a real daemon');

host.before(async () => {
  daemon = await startDaemon(conf, join(base, 'daemon.log'));
  if (daemon.exited !== null) throw new Error(`the test daemon exited with ${daemon.exited}`);
});

host.after(() => daemon?.stop());

host('reports the process, its chroot state, the socket, the secrets findings and what the network sees', () => {
  const r = spawnSync(process.execPath, [CLI, 'host', '--probe', '--format', 'json'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  assert.is(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  const t = report.targets.find((x) => x.target === `${hostname()}:${conf}`);
  assert.ok(t, `no target for ${conf}: ${report.targets.map((x) => x.target).join(', ')}`);
  const d = t.facts.daemon;
  assert.ok(
    d.processes.some((p) => p.uid === 0 && p.chrooted === false),
    'the root daemon, not chrooted',
  );
  assert.ok(
    d.listeners.some((l) => l.address === '127.0.0.1' && l.port === daemon?.port),
    'its loopback socket',
  );
  // The file sets no address (every interface); the socket the daemon holds is loopback only, and it decides.
  const reach = t.facts.config.effective.reach;
  assert.is(reach.value, 'local', reach.reason);
  assert.match(reach.reason, 'listens on 127.0.0.1');
  const probe = d.probes[0];
  assert.is(probe?.protocol, '32.0');
  assert.ok(probe?.digests.includes('sha512'));
  assert.equal(probe?.motd, ['Welcome to the test daemon']);
  assert.equal(
    probe?.modules.map((m) => m.name),
    ['pub'],
    'list = no hides priv from the network',
  );
  const ids = t.findings.map((f) => f.rule_id);
  assert.ok(ids.includes('RSYNC-030'), 'open.secrets is other-readable');
  assert.ok(ids.includes('RSYNC-032'), 'joe has a weak password');
  assert.ok(ids.includes('RSYNC-086'), 'modules are listed to the network');
  assert.not.ok(ids.includes('RSYNC-061') || ids.includes('RSYNC-003'), 'only local processes can connect: no clear-text or host-list finding');
  assert.ok(
    t.findings.filter((f) => f.rule_id === 'RSYNC-030').every((f) => f.message.includes('open.secrets')),
    'closed.secrets (0600) is fine',
  );
  const text = spawnSync(process.execPath, [CLI, 'host', '--probe'], { encoding: 'utf8', timeout: 120_000 }).stdout;
  assert.match(text, `listening on 127.0.0.1 port ${daemon?.port}`);
  assert.match(text, '(not chrooted)');
  for (const p of PASSWORDS) assert.not.ok(r.stdout.includes(p) || text.includes(p), 'a password left the host');
});

host('writes SARIF code scanning takes: host paths as locations, the host in messages and category', () => {
  const r = spawnSync(process.execPath, [CLI, 'host', '--format', 'sarif'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  assert.equal(sarifProblems(r.stdout), []);
  const log = JSON.parse(r.stdout) as { runs: { automationDetails: { id: string }; results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  const run = log.runs[0];
  assert.is(run?.automationDetails.id, `rsyncguard/host/${hostname()}/`);
  const uris = new Set(run?.results.map((x) => x.locations[0]?.physicalLocation.artifactLocation.uri));
  assert.ok(uris.has(conf.replace(/^\/+/, '')), [...uris].join(', '));
  assert.ok(run?.results.every((x) => x.message.text.startsWith(`[host ${hostname()}:`)));
});

host('the collector runs under dash and busybox sh, prints a valid document, and no password', () => {
  for (const shell of [['dash'], ['busybox', 'sh']]) {
    const r = collect(shell);
    assert.is(r.code, 0, `${shell.join(' ')}: ${r.stderr}`);
    const parsed = parseHostRaw(JSON.parse(r.stdout), shell.join(' '));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    if (parsed.ok) assert.ok(parsed.value.secrets.some((s) => s.path.endsWith('open.secrets') && s.entries?.[0]?.weak === true));
    for (const p of PASSWORDS) assert.not.ok(r.stdout.includes(p), `${shell.join(' ')} printed a password`);
  }
});

host('without root the collector still succeeds, says what it could not read, and follows no daemon it cannot verify', () => {
  const r = collect(['sh'], '65534');
  assert.is(r.code, 0, r.stderr);
  const parsed = parseHostRaw(JSON.parse(r.stdout), 'nobody');
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  if (!parsed.ok) return;
  assert.is(parsed.value.collector_uid, 65534);
  const unverified = parsed.value.processes.filter((p) => p.trust === 'unverified');
  assert.ok(unverified.length > 0, "a root daemon's /proc/PID/exe is out of nobody's reach");
  assert.ok(unverified.every((p) => (p.trust_reason ?? '').includes('run it as root')));
  assert.ok(
    unverified.every((p) => p.cmdline.length === 0 && p.config === null),
    'an unverified argv stays on the host',
  );
  assert.not.ok(
    parsed.value.files.some((f) => f.path === conf),
    "an unverified process's config is not read",
  );
  assert.not.ok(parsed.value.secrets.some((s) => s.path.endsWith('closed.secrets')));
  assert.ok(
    parsed.value.errors.some((e) => e.reason.includes('not root')),
    'unreadable /proc entries are reported',
  );
});

host("as root the collector verifies the daemon and reads its config with the daemon's rights", () => {
  const r = collect(['dash']);
  const parsed = parseHostRaw(JSON.parse(r.stdout), 'root');
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  if (!parsed.ok) return;
  const mine = parsed.value.processes.find((p) => p.config === conf);
  assert.is(mine?.trust, 'rsync');
  assert.is(mine?.exe, '/usr/bin/rsync');
  assert.ok(parsed.value.files.some((f) => f.path === conf && typeof f.text === 'string'));
  const closed = parsed.value.secrets.find((s) => s.path.endsWith('closed.secrets'));
  assert.is(closed?.entries?.[0]?.name, 'ann', 'a root daemon reads its own 0600 secrets file: derived facts only');
});

host('the rsync that serves: the daemon binary’s --version, the package with its full version, the distro', () => {
  // What this Debian machine says itself, to compare with.
  const dpkgVersion = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'rsync'], { encoding: 'utf8' }).stdout.trim();
  const versionLine = spawnSync('rsync', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
  const upstream = /version\s+(\d+\.\d+\.\d+)/.exec(versionLine)?.[1];
  assert.ok(dpkgVersion !== '' && upstream, 'rsync is installed from a Debian package here');
  for (const shell of [['dash'], ['busybox', 'sh']]) {
    const parsed = parseHostRaw(JSON.parse(collect(shell).stdout), shell.join(' '));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    if (!parsed.ok) return;
    const { rsync, host: h } = parsed.value;
    const verified = parsed.value.processes.filter((p) => p.trust === 'rsync').map((p) => p.pid);
    assert.ok(rsync.pid !== null && rsync.pid !== undefined && verified.includes(rsync.pid), `--version of a verified daemon's /proc/PID/exe (${rsync.pid} of ${verified.join(', ')})`);
    assert.is(rsync.binary, '/usr/bin/rsync');
    assert.is(rsync.version_line, versionLine);
    assert.match(rsync.compress_line ?? '', /\bzstd\b/, 'Debian builds rsync with zstd');
    assert.equal(rsync.package_db, { manager: 'dpkg', name: 'rsync', version: dpkgVersion, source: 'dpkg-query -W rsync' });
    assert.is(h.os_release?.path, '/etc/os-release');
    assert.match(h.os_release?.text ?? '', /^ID=debian$/m);
    assert.not.match(h.os_release?.text ?? '', 'PRETTY_NAME', 'only ID, VERSION_ID and ID_LIKE leave the host');
  }
  const r = spawnSync(process.execPath, [CLI, 'host', '--format', 'json'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  const report = JSON.parse(r.stdout) as { targets: { target: string; facts: { rsync: Record<string, unknown> } }[] };
  const facts = report.targets.find((x) => x.target === `${hostname()}:${conf}`)?.facts.rsync;
  const { cves: _judged, ...rsync } = facts ?? {};
  // What this machine's rsync prints under "Compress list:" (Debian's build lists zstd first).
  const localCompressors = () =>
    /Compress list:\n\s+([^\n]+)/
      .exec(spawnSync('rsync', ['--version'], { encoding: 'utf8' }).stdout)?.[1]
      ?.trim()
      .split(/\s+/);
  const debianVersion = readFileSync('/etc/os-release', 'utf8').match(/^VERSION_ID="?([^"\n]*)"?$/m)?.[1];
  assert.equal(rsync, {
    version: upstream,
    source: 'rsync --version',
    package: { manager: 'dpkg', name: 'rsync', version: dpkgVersion, source: 'dpkg-query -W rsync' },
    distro: { id: 'debian', version_id: debianVersion, id_like: [], source: '/etc/os-release' },
    range: null,
    unknown: null,
    compress: localCompressors(),
  });
});

host('with no binary and no package known, the real daemon’s greeting gives the range of releases', async () => {
  const parsed = parseHostRaw(JSON.parse(collect(['dash']).stdout), 'root');
  assert.ok(parsed.ok);
  if (!parsed.ok || !daemon) return;
  // The host as a collector would see it without rsync on PATH or a package database.
  const raw = { ...parsed.value, rsync: { version_line: '', package: '', binary: '', pid: null, compress_line: '', package_db: null } };
  const [config] = [...parseHostConfigs(raw)].filter((c) => c.path === conf);
  if (!config) throw new Error('no config parsed');
  const probe = await probeDaemon('127.0.0.1', daemon.port);
  const doc = hostDocument(raw, config, { ...daemonFacts(raw, config.path), probes: [probe] }, '2026-11-30');
  assert.equal([doc.rsync.version, doc.rsync.range?.min, doc.rsync.range?.max], [null, '3.4.0', null], JSON.stringify(doc.rsync));
  assert.match(doc.rsync.range?.source ?? '', '@RSYNCD: 32.0');
  assert.match(doc.rsync.unknown ?? '', 'no rsync binary on PATH');
});

host.run();
