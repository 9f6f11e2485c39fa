/**
 * `scan` on repositories made for each test: what it finds, what it follows, what it refuses to read, exit
 * codes, and that no password from a secrets file ever leaves, in any format.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPUS, corpusTest } from './support/corpus.ts';

const CLI = resolve('dist/cli.js');

function repo(files: Record<string, string | Buffer>, git = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-scan-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (git) {
    const g = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { stdio: 'ignore' });
    g('init', '-q');
    g('add', '-A');
    g('commit', '-qm', 'fixture');
  }
  return dir;
}

interface JsonReport {
  summary: { targets: number; errors: number; findings: Record<string, number> };
  targets: { target: string; findings: { rule_id: string; severity: string; message: string }[] }[];
  errors: { target: string; message: string }[];
}

function scan(cwd: string, ...args: string[]): { code: number | null; report: JsonReport; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'scan', ...args, '--format', 'json'], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20 });
  return { code: r.status, report: JSON.parse(r.stdout || '{}') as JsonReport, stderr: r.stderr };
}

const targetsOf = (r: JsonReport) => r.targets.map((t) => t.target).sort();

const discovery = suite('scan finds rsyncd configs');

discovery('by name, template name and content, but not unrelated INI files', () => {
  const dir = repo({
    'etc/rsyncd.conf': '[a]\npath = /a\n',
    'roles/r/templates/rsyncd.conf.j2': '[b]\npath = {{ p }}\n',
    'conf/daemon.conf': '# mirror\n[pub]\n    path = /srv/pub\n    read only = yes\n',
    'supervisord.conf': '[program:x]\ncommand = /bin/true\n[unix_http_server]\nfile = /tmp/s\n',
    'README.md': '[a]\npath = /x\n',
  });
  assert.equal(targetsOf(scan(dir).report), ['conf/daemon.conf', 'etc/rsyncd.conf', 'roles/r/templates/rsyncd.conf.j2']);
});

discovery('honours .gitignore in a git work tree, and --exclude', () => {
  const dir = repo({ '.gitignore': 'build/\n', 'build/rsyncd.conf': '[x]\npath = /x\n', 'a/rsyncd.conf': '[a]\npath = /a\n', 'b/rsyncd.conf': '[b]\npath = /b\n' }, true);
  assert.equal(targetsOf(scan(dir).report), ['a/rsyncd.conf', 'b/rsyncd.conf']);
  assert.equal(targetsOf(scan(dir, '--exclude', 'b/**').report), ['a/rsyncd.conf']);
});

discovery('follows includes inside the root (absolute ones under it), not outside, and scans an included file only once', () => {
  const dir = repo({
    'etc/rsyncd.conf': '&include /etc/rsyncd.d\n&merge ../../../outside.inc\n',
    'etc/rsyncd.d/a.conf': '[a]\npath = /srv/a\nread only = no\n',
  });
  const r = scan(dir);
  assert.equal(targetsOf(r.report), ['etc/rsyncd.conf']);
  assert.ok(
    r.report.targets[0]?.findings.some((f) => f.rule_id === 'RSYNC-002' && f.message.includes('[a]')),
    'the included module was evaluated',
  );
  const facts = JSON.parse(spawnSync(process.execPath, [CLI, 'scan', '--format', 'sarif'], { cwd: dir, encoding: 'utf8' }).stdout) as {
    runs: { invocations: { toolExecutionNotifications: { descriptor: { id: string }; message: { text: string } }[] }[] }[];
  };
  const notes = facts.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
  assert.ok(notes.some((n) => n.descriptor.id === 'include-not-followed' && n.message.text.includes('outside the scan root')));
});

discovery("says that a relative include was resolved against the including file, not rsync's working directory", () => {
  const dir = repo({ 'etc/rsyncd.conf': '&merge extra.inc\n', 'etc/extra.inc': '[x]\npath = /x\n' });
  const log = JSON.parse(spawnSync(process.execPath, [CLI, 'scan', '--format', 'sarif'], { cwd: dir, encoding: 'utf8' }).stdout) as { runs: { invocations: { toolExecutionNotifications: { descriptor: { id: string } }[] }[] }[] };
  assert.ok(log.runs[0]?.invocations[0]?.toolExecutionNotifications.some((n) => n.descriptor.id === 'include-relative'));
});

discovery.run();

const exits = suite('scan exit codes');

exits('0 when clean, 1 for findings at --fail-on, 0 again above them', () => {
  assert.is(scan(process.cwd(), 'examples/hardened').code, 0);
  const dir = repo({ 'rsyncd.conf': '[m]\npath = /srv/m\nauth users = joe\nsecrets file = /etc/s\nhosts allow = 192.0.2.1\nhosts deny = *\nlist = no\nauth digest = sha256\nuse chroot = no\n' });
  assert.is(scan(dir).code, 1, 'use chroot = no is high');
  assert.is(scan(dir, '--fail-on', 'critical').code, 0);
});

exits('a file that cannot be scanned is exit 2, named, and hides no other result', () => {
  const dir = repo({ 'a/rsyncd.conf': Buffer.from([0x5b, 0x6d, 0x5d, 0x0a, 0x00, 0xff, 0xfe]), 'b/rsyncd.conf': '[b]\npath = /b\nread only = no\n' });
  const r = scan(dir);
  assert.is(r.code, 2);
  assert.is(r.report.errors[0]?.target, 'a/rsyncd.conf');
  assert.match(r.report.errors[0]?.message ?? '', 'it holds NUL bytes, the first on line 2');
  assert.ok(r.report.targets.some((t) => t.target === 'b/rsyncd.conf' && t.findings.length > 0));
});

exits('a config saved as UTF-16 is named as such, not as a binary file', () => {
  const dir = repo({ 'rsyncd.conf': Buffer.from('\ufeff[m]\npath = /srv\n', 'utf16le') });
  const r = scan(dir);
  assert.is(r.code, 2);
  assert.match(r.report.errors[0]?.message ?? '', 'it is UTF-16 text');
  assert.match(r.stderr + JSON.stringify(r.report.errors), 'save it as UTF-8');
});

exits('a path that does not exist is exit 2, named', () => {
  const r = scan(process.cwd(), 'no/such/dir');
  assert.is(r.code, 2);
  assert.is(r.report.errors[0]?.target, 'no/such/dir');
});

exits.run();

const secrets = suite('secrets never leave, in any format');

secrets('no password from a scanned secrets file appears in text, JSON, Markdown or SARIF, or on stderr', () => {
  const passwords = ['Tr0ub4dor-and-3', 'correct-horse-9', 'Spaces Inside  ', 'colon:in:it:77', 'DeadDuplicate-1'];
  const dir = repo(
    {
      'etc/rsyncd.conf': '[m]\npath = /srv/m\nauth users = joe, ann, bob, cat\nsecrets file = /etc/rsyncd.secrets\n[n]\npath = /srv/n\nauth users = zed\nsecrets file = rel.secrets\n',
      'etc/rsyncd.secrets': `joe:${passwords[0]}\nann:${passwords[1]}\r\nbob:${passwords[2]}\ncat:${passwords[3]}\njoe:${passwords[4]}\nno-colon-${passwords[0]}\n`,
      'etc/rel.secrets': `zed:${passwords[1]}\n`,
    },
    true,
  );
  const out = join(dir, 'out');
  mkdirSync(out);
  let seen = 0;
  for (const format of ['text', 'json', 'markdown', 'sarif']) {
    const file = join(out, `report.${format}`);
    const r = spawnSync(process.execPath, [CLI, 'scan', '--format', format, '--output', file], { cwd: dir, encoding: 'utf8' });
    const text = `${readFileSync(file, 'utf8')}${r.stdout}${r.stderr}`;
    seen += (text.match(/RSYNC-03[0-4]/g) ?? []).length;
    for (const p of passwords) assert.not.ok(text.includes(p.trim()), `${format} leaks a password`);
  }
  const facts = execFileSync(process.execPath, [CLI, 'facts', '--root', dir, join(dir, 'etc/rsyncd.conf')], { encoding: 'utf8' });
  for (const p of passwords) assert.not.ok(facts.includes(p.trim()), 'facts leak a password');
  assert.ok(seen >= 8, 'the secrets files were read and judged (else this proves nothing)');
});

secrets('a credential written into a config value (an exec command, a URL) leaves in no format, nor in fix output', () => {
  const leaks = ['PW-EXEC-LEAK-2', 'hunter22', 'SekB', 'SekC', 'SekD', 'SekE', 'SekI', 'AtSign'];
  const hooks = `post-xfer exec = /usr/bin/curl -u admin:${leaks[2]} https://h/ ; sshpass -p ${leaks[3]} x ; smbclient -U bk%${leaks[4]} //h/s ; mysql -p${leaks[5]}\nearly exec = /usr/bin/curl -H "Authorization: Bearer ${leaks[6]}" h\n`;
  const url = `[o]\npath = /srv/password=keep1\ncomment = token bucket, rsync://u:p@${leaks[7]}@h/mod and rsync://backup@host/keep5\n`;
  const dir = repo({ 'etc/rsyncd.conf': `[n]\npath = /srv/n\nread only = no\npre-xfer exec = RSYNC_PASSWORD=${leaks[0]} /usr/local/bin/check\ncomment = mirror of https://bob:${leaks[1]}@example.com/x\n${hooks}${url}` }, true);
  let findings = 0;
  for (const format of ['text', 'json', 'markdown', 'sarif', 'html', 'junit', 'gitlab', 'csv']) {
    const r = spawnSync(process.execPath, [CLI, 'scan', '--format', format, '--fail-on', 'none', '--fixes', 'yes'], { cwd: dir, encoding: 'utf8' });
    const text = `${r.stdout}${r.stderr}`;
    findings += (text.match(/RSYNC-002/g) ?? []).length;
    for (const p of leaks) assert.not.ok(text.includes(p), `${format} leaks ${p}`);
  }
  const diff = spawnSync(process.execPath, [CLI, 'fix'], { cwd: dir, encoding: 'utf8' });
  for (const p of leaks) assert.not.ok(`${diff.stdout}${diff.stderr}`.includes(p), `fix leaks ${p}`);
  const facts = execFileSync(process.execPath, [CLI, 'facts', join(dir, 'etc/rsyncd.conf')], { encoding: 'utf8' });
  for (const p of leaks) assert.not.ok(facts.includes(p), `facts leak ${p}`);
  assert.match(facts, '"RSYNC_PASSWORD=******** /usr/local/bin/check"');
  assert.match(facts, '"/usr/bin/curl (arguments withheld)"');
  // Nothing ordinary is masked: a path with "=", a phrase with "token", a URL naming only a user keeps it (a token alone can stand there).
  assert.match(facts, '"/srv/password=keep1"');
  assert.match(facts, 'token bucket');
  assert.ok(findings >= 8, 'the config was read and judged in every format (else this proves nothing)');
});

secrets.run();

const corpus = suite('scan on the shared corpus');

corpusTest(corpus, 'completes without a crash and prints what it saw', () => {
  const r = scan(CORPUS, '.', '--fail-on', 'none');
  assert.ok(r.code === 0 || r.code === 2, r.stderr);
  const f = r.report.summary.findings;
  console.log(`  corpus scan: ${r.report.summary.targets} configs, ${r.report.summary.errors} unreadable; findings: ${f['critical']} critical, ${f['high']} high, ${f['medium']} medium, ${f['low']} low`);
  assert.ok(r.report.summary.targets > 30);
});

corpus.run();
