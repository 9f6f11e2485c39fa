/**
 * `scan` on files that are not rsyncd.conf (issue 14 §3): each kind of the shared corpus named on the
 * command line, read in place, and a repository written for the test, scanned as a directory. A secrets
 * file gets the secrets checks and no daemon finding, units and Dockerfiles their own rules, everything
 * else a note in every format and exit 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { validateFacts } from '../src/facts/index.ts';
import { PARAMS } from '../src/parse/index.ts';
import { RSYNC_LABELS } from '../src/sources/index.ts';
import { CORPUS, corpusTest } from './support/corpus.ts';
import { githubProblems, schemaProblems } from './support/sarif-check.ts';

const CLI = resolve('dist/cli.js');
const PASSWORD = 'Hunter2-file-kinds';

interface Target {
  target: string;
  findings: { rule_id: string; location: { line: number } }[];
  notes: { code: string; message: string }[];
  facts: { target: { file_kind?: string }; config: { starts: boolean; serves: boolean; modules: unknown[] }; daemon: { units: unknown[] } };
}

function run(cwd: string, args: string[], format = 'json') {
  const r = spawnSync(process.execPath, [CLI, 'scan', ...args, '--format', format], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scanJson(cwd: string, ...args: string[]): { code: number | null; targets: Target[] } {
  const r = run(cwd, args);
  return { code: r.code, targets: (JSON.parse(r.stdout) as { targets: Target[] }).targets };
}

const rules = (t: Target | undefined) => (t?.findings ?? []).map((f) => f.rule_id).sort();

const corpus = suite('scan: corpus files that are not rsyncd.conf, named one by one');

corpusTest(corpus, 'a secrets file gets the secrets checks and no daemon finding', () => {
  const { targets } = scanJson(CORPUS, '055-dms-rsyncd.secrets');
  const t = targets[0];
  assert.is(t?.facts.target.file_kind, 'rsync-secrets');
  assert.equal([t?.facts.config.starts, t?.facts.config.serves, t?.facts.config.modules.length], [false, false, 0]);
  assert.ok(rules(t).length > 0, 'the weak password is reported');
  for (const id of rules(t)) assert.match(id, /^RSYNC-03[0-9]$/, `${id} is not a secrets rule`);
  // The text report speaks of the file, not of a daemon the file does not configure.
  const text = stripVTControlCharacters(run(CORPUS, ['055-dms-rsyncd.secrets'], 'text').stdout);
  assert.match(text, /^ {2}\(file\)$/m);
  assert.not.match(text, '(daemon)');
});

corpusTest(corpus, 'a Dockerfile gets the image rules: the exposed port, and the daemon started as root', () => {
  assert.equal(rules(scanJson(CORPUS, '015-kulesko-debian.Dockerfile').targets[0]), ['RSYNC-090', 'RSYNC-091']);
  // USER rsyncuser: the daemon does not run as root.
  assert.equal(rules(scanJson(CORPUS, '007-msys2-main-server.Dockerfile').targets[0]), ['RSYNC-090']);
});

corpusTest(corpus, 'a systemd unit that starts rsync --daemon is read as one; a unit that runs docker is skipped', () => {
  const unit = scanJson(CORPUS, '029-rsync-upstream-rsync.service').targets[0];
  assert.is(unit?.facts.target.file_kind, 'systemd-unit');
  assert.is(unit?.facts.daemon.units.length, 1);
  assert.equal(rules(unit), []);
  const docker = scanJson(CORPUS, '065-hetsh-docker-rsync.service').targets[0];
  assert.ok(docker?.notes.some((n) => n.code === 'not-analyzed' && /systemd unit that starts no rsync daemon/.test(n.message)));
});

corpusTest(corpus, 'an xinetd service that starts rsync --daemon gets the superserver rule unless it says disable = yes', () => {
  assert.equal(rules(scanJson(CORPUS, '069-fuel-xinetd-rsync').targets[0]), ['RSYNC-083']);
  for (const file of ['028-rsync-upstream-rsync.xinetd', '064-puppet-bw-y-xinetd_rsync.erb']) {
    const t = scanJson(CORPUS, file).targets[0];
    assert.is(t?.facts.target.file_kind, 'xinetd', file);
    assert.equal(rules(t), [], file);
  }
});

corpusTest(corpus, 'supervisord, upstart, Salt, a socket drop-in and SOURCES.tsv are skipped with a note naming the kind, exit 0', () => {
  const cases: [string, RegExp][] = [
    ['033-perfsonar-supervisord-rsyncd.ini', /a supervisord configuration/],
    ['067-upstart-rsync.conf', /an upstart job/],
    ['086-openmediavault-rsyncd-default.sls', /a YAML file/],
    ['072-archlinux-rsyncd-override.socket.conf', /a systemd unit that starts no rsync daemon/],
    ['SOURCES.tsv', /does not recognise/],
  ];
  for (const [file, kind] of cases) {
    const { code, targets } = scanJson(CORPUS, file);
    assert.is(code, 0, file);
    assert.equal(rules(targets[0]), [], file);
    assert.ok(
      targets[0]?.notes.some((n) => n.code === 'not-analyzed' && kind.test(n.message)),
      file,
    );
  }
});

corpusTest(corpus, 'an rsyncd config named after stunnel is still an rsyncd config: content decides', () => {
  const t = scanJson(CORPUS, '095-pi-stunnel-localhost.conf').targets[0];
  assert.is(t?.facts.target.file_kind, undefined);
  assert.ok(rules(t).includes('RSYNC-002'));
});

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-kinds-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const RSYNCD = 'uid = nobody\nuse chroot = yes\n\n[backup]\n  path = /srv/backup\n  auth users = backup\n  secrets file = rsyncd.secrets\n  hosts allow = 10.0.0.0/8\n';

const dir = suite('scan: a directory lists only the files that concern rsync');

dir('lists configs, fragments, and the secrets files, units and Dockerfiles that concern rsync; leaves the rest out', () => {
  const root = repo({
    'rsyncd.conf': RSYNCD,
    'rsyncd.secrets': `backup:${PASSWORD}\n`,
    'rsyncd.conf.header': 'max connections = 4\nlog file = /var/log/rsyncd.log\n',
    'deploy/rsync-backup.secrets': `# the mirror user\nmirror:${PASSWORD}\n`,
    'deploy/rsyncd.service': '[Unit]\nDescription=rsync\n[Service]\nExecStart=/usr/bin/rsync --daemon --no-detach\n[Install]\nWantedBy=multi-user.target\n',
    'deploy/web.service': '[Unit]\nDescription=web\n[Service]\nExecStart=/usr/bin/node /srv/app.js\n',
    'docker/rsync/Dockerfile': 'FROM debian:12\nRUN apt-get install -y rsync\nEXPOSE 873\nCMD ["rsync", "--daemon", "--no-detach"]\n',
    'docker/app/Dockerfile': 'FROM node:20\nCOPY . /app\nCMD ["node", "/app/index.js"]\n',
    'stunnel/rsync.conf': '[rsync]\naccept = 874\nconnect = 127.0.0.1:873\ncert = /etc/stunnel/rsync.pem\n',
    // An rsyncd name, stunnel content: content decides, and the scan says so in a note rather than dropping it.
    'stunnel/stunnel-rsyncd.conf': 'pid = /run/stunnel.pid\n[rsync]\naccept = 874\nconnect = 127.0.0.1:8873\n',
    'README.md': '# Backups\n\nrsync daemon for backups.\n',
  });
  const { code, targets } = scanJson(root, '.', '--fail-on', 'low');
  assert.equal(
    targets.map((t) => [t.target, t.facts.target.file_kind ?? 'rsyncd-config']),
    [
      ['deploy/rsync-backup.secrets', 'rsync-secrets'],
      ['deploy/rsyncd.service', 'systemd-unit'],
      ['docker/rsync/Dockerfile', 'dockerfile'],
      ['rsyncd.conf', 'rsyncd-config'],
      ['rsyncd.conf.header', 'rsyncd-config'],
      // A stunnel config is found by its content, whatever its name: it may front the daemon (reach).
      ['stunnel/rsync.conf', 'stunnel'],
      ['stunnel/stunnel-rsyncd.conf', 'stunnel'],
    ],
  );
  const by = (name: string) => targets.find((t) => t.target === name);
  assert.ok(by('stunnel/stunnel-rsyncd.conf')?.notes.some((n) => n.code === 'not-analyzed' && /a stunnel configuration/.test(n.message)));
  assert.equal(rules(by('deploy/rsyncd.service')), ['RSYNC-084']);
  assert.equal(rules(by('docker/rsync/Dockerfile')), ['RSYNC-090', 'RSYNC-091']);
  // Each at the line that causes it: EXPOSE 873, and the CMD that starts the daemon as root.
  assert.equal(
    by('docker/rsync/Dockerfile')?.findings.map((f) => [f.rule_id, f.location.line]),
    [
      ['RSYNC-090', 3],
      ['RSYNC-091', 4],
    ],
  );
  assert.equal(rules(by('deploy/rsync-backup.secrets')), []);
  assert.is(code, 1);
  for (const t of targets) assert.ok(validateFacts(t.facts).ok, `${t.target}: facts valid against the schema`);
  // Findings on a unit and a Dockerfile are located in them, as GitHub code scanning needs.
  const sarif = JSON.parse(run(root, ['.'], 'sarif').stdout);
  assert.equal([...schemaProblems(sarif), ...githubProblems(sarif)], []);
});

dir('an inline waiver above the Dockerfile line waives the finding there, as in rsyncd.conf', () => {
  const root = repo({ Dockerfile: 'FROM debian:12\nRUN apt-get install -y rsync\n# rsyncguard: ignore RSYNC-090 published only on the backup VLAN\nEXPOSE 873\nUSER rsync\nCMD ["rsync", "--daemon"]\n' });
  const r = JSON.parse(run(root, ['Dockerfile']).stdout) as { targets: (Target & { waived: { finding: { rule_id: string; location: { line: number } } }[] })[] };
  assert.equal(rules(r.targets[0]), []);
  assert.equal(
    r.targets[0]?.waived.map((w) => [w.finding.rule_id, w.finding.location.line]),
    [['RSYNC-090', 4]],
  );
});

dir('a skipped file named on the command line shows in every format, leaks nothing, and exits 0', () => {
  const root = repo({ 'stunnel.conf': '[rsync]\naccept = 874\nconnect = 127.0.0.1:873\ncert = /etc/stunnel/rsync.pem\n', 'rsync.secrets': `joe:${PASSWORD}\njoe:${PASSWORD}\n` });
  for (const format of ['text', 'json', 'markdown', 'sarif']) {
    const r = run(root, ['stunnel.conf', 'rsync.secrets', '--fail-on', 'low'], format);
    assert.is(r.code, 1, `${format}: the secrets file's dead entry is a finding`);
    assert.match(r.stdout, 'Skipped: a stunnel configuration', format);
    assert.not.match(r.stdout, PASSWORD, format);
    // JSON carries the facts (whose derived reach describes rsync's defaults) and SARIF the rule catalog; the findings are checked in JSON above.
    if (format === 'text' || format === 'markdown') assert.not.match(r.stdout, 'every interface', format);
  }
  assert.is(run(root, ['stunnel.conf', '--fail-on', 'low']).code, 0);
});

dir('never drops a real rsyncd config that looks like another kind: rsync content and an rsyncd name win', () => {
  const root = repo({
    'shebang/rsyncd.conf': '#!/bin/sh\n# generated by deploy.sh\nuid = root\nuse chroot = no\n[data]\npath = /srv\nread only = no\n',
    'puppet/rsyncd.conf': '#!!!! Managed by Puppet - local changes will be lost !!!!\n[data]\npath = /srv\nread only = no\n',
    'sup/rsyncd.conf': '[supervisord]\npath = /srv/super\nread only = no\nuse chroot = no\n',
    'prog/rsyncd.conf': '[program:files]\npath = /srv\nread only = no\n',
    'unit/rsyncd.conf': '[Service]\nPath=/srv/service\nReadOnly=no\nUseChroot=no\n',
  });
  const { code, targets } = scanJson(root, '.');
  assert.equal(
    targets.map((t) => [t.target, t.facts.target.file_kind ?? 'rsyncd-config', rules(t).includes('RSYNC-002')]),
    ['prog', 'puppet', 'shebang', 'sup', 'unit'].map((d) => [`${d}/rsyncd.conf`, 'rsyncd-config', true]),
  );
  assert.is(code, 1);
});

dir('finds rsyncd configs by content whatever their name, behind a long comment, and templates of every engine', () => {
  const root = repo({
    'etc/daemon.conf': 'address = 0.0.0.0\npid file = /tmp/rsyncd.pid\n\n[root]\npath = /\n',
    'etc/backup.conf': `# ${'x'.repeat(20_000)}\n[backup]\npath = /srv\nread only = no\n`,
    'templates/rsyncd.conf.epp': '[data]\n  path = <%= $path %>\n  use chroot = no\n  read only = no\n',
    'templates/rsyncd.conf.tftpl': '[data]\n  path = ${path}\n  read only = no\n',
    'templates/rsyncd.conf.ctmpl': '[data]\n  path = {{ key "path" }}\n  read only = no\n',
    'etc/samba/smb.conf': '[global]\n   workgroup = WORKGROUP\n   security = user\n[public]\n   comment = Public share\n   path = /srv/samba/public\n   read only = no\n   guest ok = yes\n',
    'etc/nginx.conf': 'events {\n}\nhttp {\n  server { listen 80; }\n}\n',
  });
  const { targets } = scanJson(root, '.');
  assert.equal(
    targets.map((t) => t.target),
    ['etc/backup.conf', 'etc/daemon.conf', 'templates/rsyncd.conf.ctmpl', 'templates/rsyncd.conf.epp', 'templates/rsyncd.conf.tftpl'],
  );
});

dir('a Samba, MySQL, nginx or sysctl config named on the command line is skipped with a note, exit 0', () => {
  const root = repo({
    'smb.conf': '[global]\n   workgroup = WORKGROUP\n[homes]\n   browseable = no\n   read only = no\n   valid users = %S\n[public]\n   path = /srv/samba/public\n   read only = no\n   guest ok = yes\n',
    'my.cnf': '[mysqld]\nport = 3306\n',
    'nginx.conf': 'user www-data;\nevents {\n  worker_connections 768;\n}\n',
    'sysctl.conf': 'net.ipv4.ip_forward = 1\nvm.swappiness = 10\n',
  });
  const { code, targets } = scanJson(root, 'smb.conf', 'my.cnf', 'nginx.conf', 'sysctl.conf', '--fail-on', 'low');
  assert.is(code, 0);
  for (const t of targets) {
    assert.equal(rules(t), [], t.target);
    assert.ok(t.facts.target.file_kind !== undefined && t.notes.some((n) => n.code === 'not-analyzed'), t.target);
  }
});

dir('Dockerfiles: stages built FROM a stage, ARG-expanded EXPOSE and USER, here-documents, RSYNC_PASSWORD alone', () => {
  const root = repo({
    'a/Dockerfile': 'FROM alpine AS base\nRUN apk add rsync\nENV RSYNC_PASSWORD=Secret123x\nEXPOSE 873\nUSER root\nFROM base\nCMD ["rsync","--daemon","--no-detach"]\n',
    'b/Dockerfile': 'FROM alpine AS base\nRUN apk add rsync && adduser -D rsyncd\nUSER rsyncd\nFROM base\nEXPOSE 8730\nCMD ["rsync","--daemon","--no-detach","--port=8730"]\n',
    'd/Dockerfile': 'FROM alpine\nARG RSYNC_PORT=873\nRUN apk add rsync\nEXPOSE ${RSYNC_PORT}\nCMD ["rsync","--daemon","--no-detach"]\n',
    'e/Dockerfile': 'FROM alpine\nRUN apk add rsync\nCOPY <<EOF /entrypoint.sh\n#!/bin/sh\nexec rsync --daemon --no-detach\nEOF\nRUN chmod +x /entrypoint.sh\nUSER rsync\nCMD ["/entrypoint.sh"]\n',
    'u/Dockerfile': 'FROM alpine\nARG RUN_AS\nRUN apk add rsync\nUSER ${RUN_AS}\nCMD ["rsync","--daemon","--no-detach"]\n',
    'dk3/Dockerfile': 'FROM debian:12\nENV RSYNC_PASSWORD=Hunter2Secret\nCMD ["/app/backup.sh"]\n',
  });
  const { targets } = scanJson(root, '.', '--fail-on', 'none');
  const at = (name: string) => (targets.find((t) => t.target === name)?.findings ?? []).map((f) => `${f.rule_id}@${f.location.line}`).sort();
  assert.equal(at('a/Dockerfile'), ['RSYNC-090@4', 'RSYNC-091@5', 'RSYNC-093@3']);
  assert.not.ok(
    at('b/Dockerfile').some((f) => f.startsWith('RSYNC-091')),
    'b runs as rsyncd',
  );
  assert.ok(at('d/Dockerfile').includes('RSYNC-090@4'));
  const e = targets.find((t) => t.target === 'e/Dockerfile') as Target & { facts: { image: { starts_daemon: boolean } } };
  assert.ok(e.facts.image.starts_daemon, 'the here-document script starts the daemon');
  assert.ok(
    at('u/Dockerfile').some((f) => f.startsWith('RSYNC-091')),
    'an unset build argument does not rule out root',
  );
  assert.equal(at('dk3/Dockerfile'), ['RSYNC-093@2']);
  assert.not.match(JSON.stringify(targets), 'Hunter2Secret');
});

corpusTest(dir, 'a directory scan of the corpus lists every rsyncd config in it, whatever its name', () => {
  // The corpus's JSON report is bigger than spawnSync's default buffer.
  const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: CORPUS, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20 });
  const found = new Set((JSON.parse(r.stdout) as { targets: Target[] }).targets.map((t) => t.target));
  for (const name of ['005-archmirror-module-only.conf', '016-nobodyxu-root-filesystem.conf', '052-allworldit-mirror-include.conf', '066-cbsd-globals-root.conf', '083-void-packages-default.conf']) assert.ok(found.has(name), name);
});

const named = suite('facts and access: a file named on the command line is classified as scan classifies it');

named('facts gives a secrets file or a Dockerfile the document of its kind; access refuses one with a located error', () => {
  const root = repo({ 'sx/rsyncd.secrets': `joe:${PASSWORD}\n`, 'dk/Dockerfile': 'FROM alpine\nRUN apk add rsync\nEXPOSE 873\nCMD ["rsync","--daemon"]\n' });
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const secrets = cli('facts', 'sx/rsyncd.secrets');
  assert.is(secrets.status, 0);
  const doc = JSON.parse(secrets.stdout) as Target['facts'];
  assert.equal([doc.target.file_kind, doc.config.starts, doc.config.modules.length], ['rsync-secrets', false, 0]);
  assert.not.match(secrets.stdout, PASSWORD);
  const evaluated = spawnSync(process.execPath, [CLI, 'eval', '-', '--format', 'json'], { cwd: root, input: secrets.stdout, encoding: 'utf8', timeout: 120_000 });
  assert.not.match(evaluated.stdout, 'RSYNC-060');
  const docker = JSON.parse(cli('facts', 'dk/Dockerfile').stdout) as Target['facts'];
  assert.is(docker.target.file_kind, 'dockerfile');
  const access = cli('access', 'dk/Dockerfile', '--client', '192.0.2.1');
  assert.is(access.status, 2);
  assert.match(access.stderr, 'dk/Dockerfile:1: this is a Dockerfile');
});

const labels = suite('the content tests know the parameters the parser knows');

labels('RSYNC_LABELS (src/sources) holds exactly the labels of PARAMS (src/parse)', () => {
  assert.equal([...RSYNC_LABELS].sort(), PARAMS.map((p) => p.name.replace(/\s+/g, '').toLowerCase()).sort());
});

corpus.run();
dir.run();
named.run();
labels.run();
