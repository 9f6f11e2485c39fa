/**
 * Compliance mappings as users meet them: every rule of the catalog maps to NIST and PCI controls the table
 * knows; `rules` and SARIF carry them; `--compliance` adds its section to every format, and a host that
 * serves rsync fails the CIS item unless a `cis:rsync-service` waiver says it is meant to.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type * as Sarif from 'sarif';
import { sarifProblems } from './support/sarif-check.ts';
import { hostRawDoc } from './support/host-doc.ts';

const CLI = resolve('dist/cli.js');
// uvu sets FORCE_COLOR for itself; the text assertions read plain text.
const run = (args: string[], cwd = process.cwd()) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } });

interface CatalogRule {
  id: string;
  compliance?: { nist: string[]; pci: string[]; cis: string[] };
}
const catalogRules = (JSON.parse(readFileSync('dist/rules.json', 'utf8')) as { rules: CatalogRule[] }).rules;
const table = JSON.parse(readFileSync('src/common/compliance.generated.json', 'utf8')) as Record<'nist' | 'pci' | 'cis', { controls: Record<string, unknown> }>;

const catalog = suite('compliance mappings in the catalog');

catalog('every rule in dist/rules.json maps to NIST and PCI controls, and every control id is in the table', () => {
  assert.ok(catalogRules.length > 50);
  const problems: string[] = [];
  for (const r of catalogRules) {
    if (!r.compliance || r.compliance.nist.length === 0 || r.compliance.pci.length === 0) problems.push(`${r.id} has no NIST or PCI mapping`);
    for (const fw of ['nist', 'pci', 'cis'] as const) for (const id of r.compliance?.[fw] ?? []) if (!(id in table[fw].controls)) problems.push(`${r.id}: ${fw} ${id} is not in the table`);
  }
  assert.equal(problems, []);
  const cis = catalogRules.filter((r) => (r.compliance?.cis.length ?? 0) > 0).map((r) => r.id);
  assert.equal(cis, ['RSYNC-080', 'RSYNC-083'], 'the rsync-service CIS items rest on the listener and superserver rules');
});

catalog('rules shows the mappings in text and JSON, and JSON carries the table the ids refer to', () => {
  const text = run(['rules']);
  assert.is(text.status, 0, text.stderr);
  assert.match(text.stdout, /^RSYNC-001 .* nist AC-3,AC-14,IA-2,IA-8 {2}pci 7\.2\.1,8\.2\.1,8\.3\.1/m);
  assert.match(text.stdout, /^RSYNC-083 .* cis rsync-service \(14 items\)/m);
  const json = JSON.parse(run(['rules', '--format', 'json']).stdout) as { rules: CatalogRule[]; compliance: typeof table };
  assert.equal(json.rules.find((r) => r.id === 'RSYNC-050')?.compliance, { nist: ['AU-2', 'AU-3', 'AU-12'], pci: ['10.2.1', '10.2.2'], cis: [] });
  assert.ok('RHEL9-2.2.18' in json.compliance.cis.controls);
});

catalog.run();

const section = suite('--compliance in every format');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-compliance-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const OPEN = '[pub]\n    path = /srv/pub\n';

section('text and Markdown: per control, each target pass or fail with the findings behind it', () => {
  const dir = project({ 'rsyncd.conf': OPEN });
  const text = run(['scan', '.', '--compliance', 'pci', '--fail-on', 'none'], dir);
  assert.is(text.status, 0, text.stderr);
  assert.match(text.stdout, /^Compliance — PCI DSS v4\.0\.1: \d+ of \d+ controls fail$/m);
  assert.match(text.stdout, /^ {2}FAIL {3}8\.3\.1 .*\n {4}rsyncd\.conf: FAIL\n {6}RSYNC-001 rsyncd\.conf:1:1 /m);
  const md = run(['scan', '.', '--compliance', 'nist', '--format', 'markdown', '--fail-on', 'none'], dir);
  assert.match(md.stdout, /^### Compliance: NIST SP 800-53 Rev\. 5: \d+ of \d+ controls fail$/m);
  assert.match(md.stdout, /^\| AC-3 Access Enforcement \| `rsyncd\.conf` \| ❌ fail \| RSYNC-001 `rsyncd\.conf:1` /m);
  const plain = run(['scan', '.', '--fail-on', 'none'], dir);
  assert.not.match(plain.stdout, /Compliance/, 'no section unless asked for');
  assert.is(run(['scan', '.', '--compliance', 'iso'], dir).status, 2);
});

interface JsonReport {
  rules: Record<string, { compliance: { nist: string[] } | null }>;
  compliance?: { framework: string; controls: { id: string; targets: { target: string; state: string; evidence: string[]; waiver?: { reason: string } }[] }[] };
}

section('JSON: the section, and each reported rule with its mappings once', () => {
  const dir = project({ 'rsyncd.conf': OPEN });
  const r = JSON.parse(run(['scan', '.', '--compliance', 'cis', '--format', 'json', '--fail-on', 'none'], dir).stdout) as JsonReport;
  assert.equal(r.rules['RSYNC-001']?.compliance?.nist, ['AC-3', 'AC-14', 'IA-2', 'IA-8']);
  assert.is(r.compliance?.framework, 'cis');
  assert.equal(
    r.compliance?.controls.map((c) => [c.id, c.targets.map((t) => t.state)]),
    [['cis:rsync-service', ['not-applicable']]],
    'a repository file is no host',
  );
});

section('CIS: a host that serves rsync fails, unless a cis:rsync-service waiver says it is meant to', () => {
  const daemon = { pid: 812, uid: 0, gid: 0, cmdline: ['rsync', '--daemon', '--no-detach'], config: null, root: '/', cwd: '/', exe: '/usr/bin/rsync', socket_inodes: [] };
  const dir = project({
    'mirror.json': JSON.stringify(hostRawDoc('mirror1', '[pub]\npath = /srv\nread only = yes\n', { processes: [daemon] })),
    'idle.json': JSON.stringify(hostRawDoc('backup2', '[pub]\npath = /srv\n')),
    'waive.yaml': 'waivers:\n  - rule: cis:rsync-service\n    host: "mirror*"\n    reason: the public mirror; serving rsync is its job\n    expires: 2099-12-31\n',
  });
  const states = (r: JsonReport) => Object.fromEntries((r.compliance?.controls[0]?.targets ?? []).map((t) => [t.target.split(':')[0], t.state]));
  const before = JSON.parse(run(['eval', 'mirror.json', 'idle.json', '--compliance', 'cis', '--format', 'json', '--fail-on', 'none'], dir).stdout) as JsonReport;
  assert.equal(states(before), { mirror1: 'fail', backup2: 'pass' });
  assert.equal(before.compliance?.controls[0]?.targets.find((t) => t.target.startsWith('mirror1'))?.evidence, ['process 812 runs rsync --daemon --no-detach']);
  const after = JSON.parse(run(['eval', 'mirror.json', 'idle.json', '--compliance', 'cis', '--format', 'json', '--fail-on', 'none', '--waivers', 'waive.yaml'], dir).stdout) as JsonReport;
  assert.equal(states(after), { mirror1: 'waived', backup2: 'pass' });
  assert.is(after.compliance?.controls[0]?.targets[0]?.waiver?.reason ?? after.compliance?.controls[0]?.targets[1]?.waiver?.reason, 'the public mirror; serving rsync is its job');
  const text = run(['eval', 'mirror.json', '--compliance', 'cis', '--fail-on', 'none', '--waivers', 'waive.yaml'], dir);
  assert.match(text.stdout, /mirror1:\/etc\/rsyncd\.conf: waived — the public mirror; serving rsync is its job \(waive\.yaml:2\); process 812 runs rsync --daemon --no-detach/);
});

section('SARIF: still valid, rules carry their controls as properties and tags, the run carries the section', () => {
  const dir = project({ 'rsyncd.conf': OPEN });
  const r = run(['scan', '.', '--compliance', 'nist', '--format', 'sarif', '--fail-on', 'none'], dir);
  assert.is(r.status, 0, r.stderr);
  assert.equal(sarifProblems(r.stdout), []);
  const log = JSON.parse(r.stdout) as Sarif.Log;
  const descriptor = log.runs[0]?.tool.driver.rules?.find((d) => d.id.startsWith('RSYNC-001'));
  assert.equal(descriptor?.properties?.['compliance'], { nist: ['AC-3', 'AC-14', 'IA-2', 'IA-8'], pci: ['7.2.1', '8.2.1', '8.3.1'], cis: [] });
  const tags = descriptor?.properties?.tags ?? [];
  assert.ok(tags.includes('NIST-SP-800-53-AC-3') && tags.includes('PCI-DSS-v4-8.3.1'), tags.join(' '));
  for (const d of log.runs[0]?.tool.driver.rules ?? []) assert.ok((d.properties?.tags?.length ?? 0) <= 20, `${d.id}: GitHub takes at most 20 tags`);
  const props = log.runs[0]?.properties?.['compliance'] as { framework: string; controls: { id: string; targets: { state: string }[] }[] } | undefined;
  assert.is(props?.framework, 'nist');
  assert.equal(props?.controls.find((c) => c.id === 'AC-3')?.targets, [{ target: 'rsyncd.conf', state: 'fail' }]);
});

section.run();
