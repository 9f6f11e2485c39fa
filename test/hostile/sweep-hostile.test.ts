/**
 * `rsyncguard sweep` against a hostile fleet: inventory entries that would be read by ssh as options or run
 * by a shell, hosts that answer with whatever they like (huge, slow, not JSON, extra fields, another host's
 * name, control characters), and a results file that names one host's document under another. The hosts are
 * played by an `ssh` first on PATH: a remote shell can print anything on stdout and stderr and exit with any
 * status, and that is all the sweep sees of a host, so the stand-in exercises the same paths a real hostile
 * host would. It also logs every invocation, so a test can tell that ssh was never started.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, FORMATS, IS_ROOT, mkfifo, runCli, tempTree, type CliRun, type Format } from './support/cli.ts';
import { rawDoc } from './support/host-doc.ts';

/** A fake ssh in DIR/bin: the host after `--` picks a case from CASES (sh snippets); every call is logged. */
function fakeSsh(dir: string, cases: Record<string, string>): { path: string; log: string } {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const log = join(dir, 'ssh-calls');
  const arms = Object.entries(cases)
    .map(([h, body]) => `  ${h}) ${body} ;;`)
    .join('\n');
  writeFileSync(join(bin, 'ssh'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nwhile [ $# -gt 0 ] && [ "$1" != -- ]; do shift; done\ncat >/dev/null\ncase $2 in\n${arms}\n  *) exit 255 ;;\nesac\n`);
  chmodSync(join(bin, 'ssh'), 0o755);
  return { path: `${bin}:${process.env['PATH'] ?? ''}`, log };
}

/** sh that prints TEXT exactly (single-quoted; TEXT must hold no single quote). */
const say = (text: string) => `printf '%s' '${text}'`;

function sweepAll(inventory: string, path: string, extra: string[] = []): Map<Format, CliRun> {
  return new Map(FORMATS.map((f) => [f, runCli(['sweep', '--inventory', inventory, '--fail-on', 'none', '--format', f, ...extra], { env: { PATH: path }, timeoutMs: 60_000 })]));
}

const inv = suite('sweep refuses inventory entries ssh would misread');

inv('options and shell characters as host, user or jump: refused before any ssh starts, quoted safely', () => {
  const dir = tempTree();
  const marker = join(dir, 'pwned');
  const ssh = fakeSsh(dir, {});
  const entries: [string, RegExp][] = [
    [`evil: { address: "-oProxyCommand=touch ${marker}" }`, /host "evil" has address "-oProxyCommand=touch .*pwned", which is not a host name or address/],
    ['"-oProxyCommand=x": {}', /host "-oProxyCommand=x" has address "-oProxyCommand=x"/],
    [`evil: { user: "-oProxyCommand=touch ${marker}" }`, /host "evil" has user "-oProxyCommand=touch .*", which is not a user name/],
    [`evil: { user: "a$(touch ${marker})" }`, /has user "a\$\(touch .*\)", which is not a user name/],
    [`evil: { address: "h$(touch ${marker})" }`, /has address "h\$\(touch .*\)"/],
    [`evil: { jump: "bastion;touch ${marker}" }`, /has jump "bastion;touch .*", which is not a list of \[user@\]host\[:port\]/],
    [`evil: { jump: "ok.example,-oProxyCommand=x" }`, /has jump "ok\.example,-oProxyCommand=x"/],
    ['"evil\\e[2J\\u202e": {}', /host "evil\\u001b\[2J\\u202e" \(group "ungrouped"\) has control characters in its name/],
    ['evil: { port: "22 -oProxyCommand=x" }', /host "evil" has port/],
  ];
  for (const [entry, message] of entries) {
    const inventory = join(dir, 'fleet.yml');
    writeFileSync(inventory, `hosts:\n  good.example: {}\n  ${entry}\n`);
    const r = runCli(['sweep', '--inventory', inventory, '--format', 'json'], { env: { PATH: ssh.path } });
    assert.is(r.code, 2, `${entry}: ${r.stderr}`);
    assert.match(r.stderr, message, entry);
    assert.match(r.stderr, 'fleet.yml', `${entry}: the file is named`);
    assert.not.ok(/\x1b|\u202e/.test(r.stderr), `${entry}: raw controls reached the terminal`);
    assert.not.ok(existsSync(ssh.log), `${entry}: ssh was started: ${existsSync(ssh.log) ? readFileSync(ssh.log, 'utf8') : ''}`);
  }
  assert.not.ok(existsSync(marker));
  // Ansible INI spells the same through ansible_host / ansible_user.
  const ini = join(dir, 'hosts.ini');
  writeFileSync(ini, `[web]\nw1 ansible_host=-oProxyCommand=touch${marker}\n`);
  const r = runCli(['sweep', '--inventory', ini, '--format', 'json'], { env: { PATH: ssh.path } });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, /hosts\.ini:2.*host "w1" has address "-oProxyCommand=touch/);
  assert.not.ok(existsSync(ssh.log));
  rmSync(dir, { recursive: true, force: true });
});

inv('ordinary names still pass: IPv6, ports, users with dots, jump chains', () => {
  const dir = tempTree();
  const ssh = fakeSsh(dir, { 'db1.example': say(JSON.stringify(rawDoc('x'))), '::1': say(JSON.stringify(rawDoc('y'))) });
  const inventory = join(dir, 'fleet.yml');
  writeFileSync(inventory, 'hosts:\n  db1.example: { user: backup.svc, port: 2222, jump: "ops@bastion-1.example:2200,jump_2" }\n  v6: { address: "::1", user: alice@corp }\n');
  const r = runCli(['sweep', '--inventory', inventory, '--format', 'json', '--fail-on', 'none'], { env: { PATH: ssh.path } });
  assert.is(r.code, 0, r.stderr);
  const calls = readFileSync(ssh.log, 'utf8');
  assert.match(calls, '-p 2222 -l backup.svc -J ops@bastion-1.example:2200,jump_2 -- db1.example sh -s');
  assert.match(calls, '-l alice@corp -- ::1 sh -s');
  rmSync(dir, { recursive: true, force: true });
});

inv.run();

const hosts = suite('sweep takes nothing from a hostile host but its own facts');

hosts('huge, slow, non-JSON, extra-field, other-host and control-character answers: each host accounted for, nothing leaks', () => {
  const dir = tempTree();
  const pwCanary = 'CANARY_EXTRA_PASSWORD_4c1d';
  const withPassword = rawDoc('x');
  withPassword['secrets'] = [
    {
      path: '/etc/rsyncd.secrets',
      exists: true,
      entries: [{ kind: 'user', name: 'a', line: 1, length: 3, equals_name: false, weak: true, common: false, reused: false, dead: false, unmatchable: false, trailing_whitespace: false, password: pwCanary }],
    },
  ];
  const extraTop = { ...rawDoc('x'), stolen: pwCanary };
  const ssh = fakeSsh(dir, {
    huge: 'head -c 67108864 /dev/zero | tr "\\0" "{"',
    slow: 'while :; do printf "{"; sleep 1; done',
    notjson: `printf 'rsyncguard: 0 findings, all clean\\033[2J\\n'`,
    extra: say(JSON.stringify(withPassword)),
    extratop: say(JSON.stringify(extraTop)),
    claims: say(JSON.stringify(rawDoc('victim.example'))),
    empty: say(JSON.stringify({ ...rawDoc('x'), files: [] })),
    escapes: say(JSON.stringify(rawDoc('x', 'pub\u001b[2J\u009b31m\u202e'))),
    stderr: `printf 'boom \\033]0;pwned\\007\\033[2J\\n' >&2; exit 3`,
  });
  const inventory = join(dir, 'fleet.yml');
  writeFileSync(inventory, 'hosts:\n  huge: {}\n  slow: {}\n  notjson: {}\n  extra: {}\n  extratop: {}\n  claims: {}\n  empty: {}\n  escapes: {}\n  stderr: {}\n');
  const runs = sweepAll(inventory, ssh.path, ['--timeout', '3', '--max-output', '1048576']);
  assertNoCanary(runs, pwCanary);
  for (const [format, run] of runs) {
    assert.not.ok(run.timedOut, format);
    assert.is(run.code, 2, `${format}: ${run.stderr}`);
    assert.ok(run.peakMiB < 250, `${format}: peak ${run.peakMiB} MiB`);
    assert.not.ok(/[\x07\x1b\x9b\u202e]/.test(run.stdout + run.stderr), `${format}: a raw control character reached the output`);
    assert.not.ok((run.stdout + run.stderr).includes('victim.example'), `${format}: a host named another`);
    assert.match(run.stderr, 'rsyncguard sweep: empty: no rsync daemon configuration found', `${format}: a host with nothing to evaluate is still accounted for`);
  }
  const report = JSON.parse(runs.get('json')?.stdout ?? '{}') as { targets: { target: string; findings: { rule_id: string }[] }[]; errors: { target: string; message: string }[] };
  const status = Object.fromEntries(report.errors.map((e) => [e.target, e.message.split(':')[0]]));
  assert.equal(status, { huge: 'output-too-large', slow: 'timeout', notjson: 'malformed-output', extra: 'malformed-output', extratop: 'malformed-output', stderr: 'collector-error' });
  assert.equal(report.targets.map((t) => t.target).sort(), ['claims:/etc/rsyncd.conf', 'escapes:/etc/rsyncd.conf']);
  assert.ok(report.targets.every((t) => t.findings.some((f) => f.rule_id === 'RSYNC-002')));
  rmSync(dir, { recursive: true, force: true });
});

hosts('--resume: a results line whose document names another host counts for the host the line is about', () => {
  const dir = tempTree();
  const ssh = fakeSsh(dir, { 'victim.example': 'exit 255' });
  const inventory = join(dir, 'fleet.yml');
  writeFileSync(inventory, 'groups:\n  web:\n    hosts:\n      web1: {}\n  db:\n    hosts:\n      victim.example: {}\n');
  const results = join(dir, 'results.jsonl');
  writeFileSync(results, `${JSON.stringify({ host: 'web1', group: 'forged', status: 'ok', reason: '', seconds: 1, raw: rawDoc('victim.example') })}\n`);
  const r = runCli(['sweep', '--inventory', inventory, '--results', results, '--resume', '--format', 'json', '--fail-on', 'none'], { env: { PATH: ssh.path } });
  assert.is(r.code, 2, r.stderr);
  const report = JSON.parse(r.stdout) as { targets: { target: string }[]; errors: { target: string }[] };
  assert.equal(
    report.targets.map((t) => t.target),
    ['web1:/etc/rsyncd.conf'],
  );
  assert.equal(
    report.errors.map((e) => e.target),
    ['victim.example'],
  );
  const sarif = runCli(['sweep', '--inventory', inventory, '--results', results, '--resume', '--format', 'sarif', '--fail-on', 'none'], { env: { PATH: ssh.path } });
  const runs = (JSON.parse(sarif.stdout) as { runs: { automationDetails: { id: string }; results: unknown[] }[] }).runs;
  assert.equal(
    runs.filter((x) => x.results.length > 0).map((x) => x.automationDetails.id),
    ['rsyncguard/fleet/web/'],
    'the inventory decides the group',
  );
  rmSync(dir, { recursive: true, force: true });
});

hosts('--results that is a FIFO, a device or a link: refused at once, nothing read or written through it', () => {
  const dir = tempTree();
  const ssh = fakeSsh(dir, { web1: say(JSON.stringify(rawDoc('web1'))) });
  const inventory = join(dir, 'fleet.yml');
  writeFileSync(inventory, 'hosts:\n  web1: {}\n');
  const target = join(dir, 'elsewhere');
  writeFileSync(target, 'untouched');
  symlinkSync(target, join(dir, 'link.jsonl'));
  const paths = [join(dir, 'link.jsonl'), '/dev/zero'];
  if (IS_ROOT) {
    mkfifo(join(dir, 'fifo.jsonl'));
    paths.push(join(dir, 'fifo.jsonl'));
  }
  for (const results of paths) {
    const r = runCli(['sweep', '--inventory', inventory, '--results', results, '--resume', '--format', 'json'], { env: { PATH: ssh.path }, timeoutMs: 20_000 });
    assert.not.ok(r.timedOut, `${results}: the sweep hung`);
    assert.is(r.code, 2, `${results}: ${r.stderr}`);
    assert.match(r.stderr, `${results}: the results file is not a regular file`);
    assert.ok(r.peakMiB < 200, `${results}: peak ${r.peakMiB} MiB`);
  }
  assert.is(readFileSync(target, 'utf8'), 'untouched');
  assert.not.ok(existsSync(ssh.log), 'no host was swept');
  rmSync(dir, { recursive: true, force: true });
});

hosts.run();
