/**
 * Fleet identity in SARIF (issue 17 §4, issue 21 §5): each host's findings are its own alerts (distinct
 * fingerprints, the host as a logical location), eval of host documents is laid out as sweep's (one run per
 * group, split by host past GitHub's limits), nothing is dropped silently at 10,000 hosts, what a run must
 * leave out is said in the run, and a repository scan's fingerprints are what they were.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { suite } from './support/suite.ts';
import * as assert from 'uvu/assert';
import { today } from '../src/common/index.ts';
import type { Finding } from '../src/engine/index.ts';
import { toGroupedSarif, type Report } from '../src/report/index.ts';
import { evaluateTargets, hostFacts, policiesFor } from '../src/runner/index.ts';
import { parseHostRaw } from '../src/sources/index.ts';
import { hostRawDoc } from './support/host-doc.ts';
import { githubProblems, multitoolProblems, schemaProblems } from './support/sarif-check.ts';

const OPEN = '[backup]\n  path = /srv\n  read only = false\n';
const LISTED = '[pub]\n  path = /srv/pub\n  hosts allow = 10.0.0.0/8\n';
const NOISY = 'max connections = 0\n[a]\n  path = /a\n  read only = no\n[b]\n  path = /b\n  uid = 0\n';
const VARIANTS = [OPEN, LISTED, NOISY];

let dir = '';

function rg(args: string[]): { code: number | null; stdout: string; stderr: string } {
  // No colour, whatever the test runner asks of its children (uvu sets FORCE_COLOR).
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 30, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A host document, in `group` when given (as the Ansible role sets it). */
function doc(name: string, text: string, group?: string): Record<string, unknown> {
  const d = hostRawDoc(name, text);
  return group === undefined ? d : { ...d, host: { ...(d['host'] as object), group } };
}

function write(name: string, docs: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(docs));
  return file;
}

const hostOf = (r: Sarif.Result): string => String(r.properties?.['host']);
const printOf = (r: Sarif.Result): string => r.partialFingerprints?.['primaryLocationLineHash'] ?? '';
const uriOf = (r: Sarif.Result): string => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
const notices = (run: Sarif.Run): Sarif.Notification[] => run.invocations?.[0]?.toolExecutionNotifications ?? [];
/** GitHub's checks hold per run (one category each): each run as a log of its own. */
const perRunProblems = (log: Sarif.Log): string[] => log.runs.flatMap((run) => githubProblems({ ...log, runs: [run] }));

const fleet = suite('fleet identity in SARIF');

fleet.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-sarif-fleet-'));
});
fleet.after(() => rmSync(dir, { recursive: true, force: true }));

fleet('two hosts with the same file are two alerts: distinct fingerprints, each with its host as a logical location', () => {
  const file = write('two.json', [doc('web1', OPEN, 'web'), doc('web2', OPEN, 'web')]);
  const r = rg(['eval', file, '--format', 'sarif', '--fail-on', 'none']);
  assert.is(r.code, 0, r.stderr);
  const log = JSON.parse(r.stdout) as Sarif.Log;
  assert.equal(
    log.runs.map((x) => x.automationDetails?.id),
    ['rsyncguard/fleet/web/'],
  );
  const results = log.runs[0]?.results ?? [];
  const web1 = results.filter((x) => hostOf(x) === 'web1');
  const web2 = results.filter((x) => hostOf(x) === 'web2');
  assert.ok(web1.length > 3 && web1.length === web2.length, `${web1.length} / ${web2.length}`);
  for (const a of web1) {
    const b = web2.find((x) => x.ruleId === a.ruleId && x.properties?.['facts_path'] === a.properties?.['facts_path']);
    assert.ok(b, `web2 has ${a.ruleId} too`);
    // The same file at the same place on both hosts: only the identity tells them apart.
    assert.is(uriOf(a), uriOf(b));
    assert.is.not(printOf(a), printOf(b));
    assert.equal(a.locations?.[0]?.logicalLocations, [{ name: 'web1', fullyQualifiedName: 'web1', kind: 'host' }]);
    assert.equal(b.locations?.[0]?.logicalLocations, [{ name: 'web2', fullyQualifiedName: 'web2', kind: 'host' }]);
  }
  assert.is(new Set(results.map((x) => `${x.ruleId} ${uriOf(x)} ${printOf(x)}`)).size, results.length);
  assert.equal([...schemaProblems(log), ...perRunProblems(log), ...multitoolProblems(r.stdout)], []);
});

fleet('a host two documents name is refused, never merged into the first one’s alerts', () => {
  const file = write('again.json', [doc('web1', OPEN), doc('web1', NOISY)]);
  const once = JSON.parse(rg(['eval', write('once.json', [doc('web1', OPEN)]), '--format', 'sarif', '--fail-on', 'none']).stdout) as Sarif.Log;
  const r = rg(['eval', file, '--format', 'sarif', '--fail-on', 'none']);
  assert.is(r.code, 2, r.stderr);
  const log = JSON.parse(r.stdout) as Sarif.Log;
  const run = log.runs[0];
  assert.ok(run);
  assert.equal(run.results?.map(printOf), once.runs[0]?.results?.map(printOf));
  assert.ok(notices(run).some((n) => n.descriptor?.id === 'target-error' && n.message.text?.includes('web1 (again)')));
});

fleet('eval lays a fleet out as sweep does: a run per group, under rsyncguard/fleet/, with each host’s own text for regions', () => {
  const file = write('groups.json', [doc('db1', NOISY, 'db'), doc('web1', OPEN, 'web'), doc('web2', LISTED, 'web'), doc('lost', OPEN)]);
  const r = rg(['eval', file, '--format', 'sarif', '--fail-on', 'none']);
  const log = JSON.parse(r.stdout) as Sarif.Log;
  assert.equal(
    log.runs.map((x) => x.automationDetails?.id),
    ['rsyncguard/fleet/db/', 'rsyncguard/fleet/ungrouped/', 'rsyncguard/fleet/web/'],
  );
  assert.equal([...new Set(log.runs[2]?.results?.map(hostOf))].sort(), ['web1', 'web2']);
  // Regions end at the end of the host's own line (no text: one column wide).
  const writable = log.runs[0]?.results?.find((x) => x.ruleId?.startsWith('RSYNC-002'));
  const line = NOISY.split('\n')[(writable?.locations?.[0]?.physicalLocation?.region?.startLine ?? 0) - 1] ?? '';
  assert.is(writable?.locations?.[0]?.physicalLocation?.region?.endColumn, line.length + 1);
});

fleet('10,000 host documents: every finding is a result with its fingerprint, in runs GitHub takes and stores whole', () => {
  // What each variant reports, from the JSON report of one host each: the truth the SARIF is held to.
  const truth = JSON.parse(
    rg([
      'eval',
      write(
        'variants.json',
        VARIANTS.map((v, i) => doc(`v${i}`, v)),
      ),
      '--format',
      'json',
      '--fail-on',
      'none',
    ]).stdout,
  ) as { targets: { target: string; findings: unknown[] }[] };
  const perVariant = VARIANTS.map((_, i) => truth.targets.find((t) => t.target.startsWith(`v${i}:`))?.findings.length ?? 0);
  assert.ok(perVariant.every((n) => n > 0));
  const n = 10_000;
  const file = write(
    'fleet.json',
    Array.from({ length: n }, (_, i) => doc(`host-${i}`, VARIANTS[i % 3] ?? OPEN)),
  );
  const expected = Array.from({ length: n }, (_, i) => perVariant[i % 3] ?? 0).reduce((a, b) => a + b, 0);
  assert.ok(expected > 25_000, 'more than one run holds, else this proves little');
  const r = rg(['eval', file, '--format', 'sarif', '--fail-on', 'none']);
  assert.is(r.code, 0, r.stderr);
  assert.not.match(r.stderr, /exceed|left out/);
  const log = JSON.parse(r.stdout) as Sarif.Log;
  const results = log.runs.flatMap((x) => x.results ?? []);
  assert.is(results.length, expected);
  assert.ok(log.runs.length <= 20, `${log.runs.length} runs`);
  for (const run of log.runs) assert.ok((run.results?.length ?? 0) <= 5_000, `${run.automationDetails?.id}: ${run.results?.length}`);
  assert.is(new Set(log.runs.map((x) => x.automationDetails?.id)).size, log.runs.length);
  assert.ok(results.every((x) => /^[0-9a-f]{16}:\d+$/.test(printOf(x))));
  assert.is(new Set(results.map((x) => `${x.ruleId} ${uriOf(x)} ${printOf(x)}`)).size, expected);
  // A host is in one run only: its alerts have one category.
  const runOfHost = new Map<string, string>();
  for (const run of log.runs)
    for (const x of run.results ?? []) {
      const seen = runOfHost.get(hostOf(x));
      assert.ok(seen === undefined || seen === run.automationDetails?.id, hostOf(x));
      runOfHost.set(hostOf(x), run.automationDetails?.id ?? '');
    }
  assert.is(runOfHost.size, n);
  // Each part says it is one and where the others are; none says it left anything out.
  for (const run of log.runs) {
    assert.ok(notices(run).some((x) => x.descriptor?.id === 'group-split'));
    assert.not.ok(notices(run).some((x) => x.descriptor?.id === 'results-left-out' || x.descriptor?.id === 'results-not-stored'));
  }
  assert.equal(perRunProblems(log), []);
});

fleet('a group split in parts passes the schema, the Multitool and GitHub’s checks', () => {
  // Just past what one run stores (10 results a host), and under the Multitool's 10 MB.
  const docs = [...Array.from({ length: 520 }, (_, i) => doc(`web-${i}`, NOISY, 'web')), doc('db1', LISTED, 'db')];
  const r = rg(['eval', write('split.json', docs), '--format', 'sarif', '--fail-on', 'none']);
  const log = JSON.parse(r.stdout) as Sarif.Log;
  const ids = log.runs.map((x) => x.automationDetails?.id ?? '');
  assert.is(ids[0], 'rsyncguard/fleet/db/');
  assert.ok(ids.includes('rsyncguard/fleet/web/') && ids.includes('rsyncguard/fleet/web/part-1/'), String(ids));
  assert.equal([...schemaProblems(log), ...perRunProblems(log), ...multitoolProblems(r.stdout)], []);
});

fleet('a run GitHub would reject is cut to its most severe 25,000 results, and the run says what it left out', async () => {
  const raw = parseHostRaw(doc('big', OPEN), 'big');
  assert.ok(raw.ok);
  const policies = await policiesFor(undefined);
  assert.ok(policies.ok);
  const evaluated = await evaluateTargets(await hostFacts(raw.value, { probe: false, today: today() }), { policies: policies.value, waiverFile: undefined, inlineWaivers: true });
  assert.ok(evaluated.ok);
  const report = evaluated.value;
  const target = report.targets[0];
  const low = target?.findings.find((f) => f.severity === 'low');
  const critical = target?.findings.find((f) => f.severity === 'critical');
  assert.ok(target && low && critical);
  // Distinct identities (a secrets file's entries, say): 25,010 low and 10 critical.
  const copies = (f: Finding, n: number): Finding[] => Array.from({ length: n }, (_, i) => ({ ...f, path: `${f.path}[${i}]` }));
  const big: Report = { ...report, targets: [{ ...target, findings: [...copies(low, 25_010), ...copies(critical, 10)] }] };
  const warned: string[] = [];
  const log = JSON.parse(toGroupedSarif(big, () => 'ungrouped', 'rsyncguard/fleet/', { suppressions: false, texts: new Map(), warn: (m) => warned.push(m) })) as Sarif.Log;
  const run = log.runs[0];
  assert.ok(run);
  assert.is(run.results?.length, 25_000);
  assert.is(run.results?.filter((x) => x.level === 'error').length, 10);
  const left = notices(run).find((x) => x.descriptor?.id === 'results-left-out');
  assert.ok(left, 'the run says it left results out');
  assert.match(left.message.text ?? '', "20 of this run's 25020 results are left out of this file (20 low)");
  assert.ok(notices(run).some((x) => x.descriptor?.id === 'results-not-stored'));
  assert.ok(warned.some((m) => m.includes('25020 results exceed')));
});

/**
 * The v1 identity exactly as it was before fleets had one (sarif-identity.ts at a338477), for a file finding,
 * except for two families changed once on purpose (CHANGELOG, issue 17 review): a version finding (CVE ids)
 * is the daemon's, whichever module reaches it first; a secrets-file entry adds the name its message shows.
 */
function frozenPrint(r: Sarif.Result): string {
  const p = r.properties ?? {};
  const module = typeof p['module'] === 'string' ? p['module'] : null;
  const path = String(p['facts_path']).replace(/modules\[\d+\]/g, () => `modules[${JSON.stringify(module ?? '')}]`);
  const cves = Array.isArray(p['cves']) && p['cves'].length > 0 ? [[...(p['cves'] as string[])].sort().join(',')] : [];
  const isEntry = /^secrets\[\d+\]\.entries$/.test(String(p['facts_path']));
  const named = isEntry ? /\b(user|group) "([^"]*)"/.exec(String(p['message'])) : null;
  // A shown name's entry is the name the message prints; a withheld name has none (nothing of it may leave).
  const entry = isEntry && typeof p['entry'] === 'string' ? [`entry ${p['entry']}`] : named ? [`entry ${named[1]} ${JSON.stringify(named[2])}`] : [];
  const identity =
    cves.length > 0
      ? JSON.stringify(['v1', String(p['rule']), String(p['target']), decodeURI(uriOf(r)), 'daemon', 'rsync.version', ...cves])
      : JSON.stringify(['v1', String(p['rule']), String(p['target']), decodeURI(uriOf(r)), module ?? 'daemon', path, ...entry]);
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}

fleet('a repository scan keeps every fingerprint it had (baselines and open alerts depend on it)', () => {
  const r = rg(['scan', 'examples', '--format', 'sarif', '--fail-on', 'none']);
  const results = (JSON.parse(r.stdout) as Sarif.Log).runs[0]?.results ?? [];
  assert.ok(results.length > 20);
  for (const x of results) {
    assert.is(printOf(x).split(':')[0], frozenPrint(x), `${x.ruleId} ${uriOf(x)}`);
    assert.is(x.locations?.[0]?.logicalLocations, undefined);
  }
  // Two pinned from before this change.
  const pinned = new Map(results.map((x) => [`${x.ruleId} ${uriOf(x)} ${x.properties?.['facts_path']}`, printOf(x)]));
  assert.is(pinned.get('RSYNC-011 examples/backup-target/rsyncd.conf config.global.max connections'), '76ba27ecb98d1c58:1');
  assert.is(pinned.get('RSYNC-061 examples/backup-target/rsyncd.conf config.global.address'), '0a708ea47229b07d:1');
  // A secrets entry whose name is withheld (it is the password) carries nothing of that name, no entry, no tag
  // (adv1 #11 briefly gave it a hash tag, which leaked the password): it keeps the print it always had.
  const withheld = results.find((x) => String(x.properties?.['message']).includes('the user on line 1 has its own name'));
  assert.ok(withheld);
  assert.is(withheld?.properties?.['entry'], undefined);
  assert.is(withheld && printOf(withheld), '4cd1fc1fe1765b90:1');
});

fleet('eval’s text and Markdown name each finding’s host when the report is about several', () => {
  const two = write('columns.json', [doc('web1', OPEN), doc('db-long-name', OPEN)]);
  const text = rg(['eval', two, '--fail-on', 'none']).stdout;
  assert.match(text, /CRITICAL web1\s+RSYNC-002 /);
  assert.match(text, /CRITICAL db-long-name RSYNC-002 /);
  const md = rg(['eval', two, '--format', 'markdown', '--fail-on', 'none']).stdout;
  assert.match(md, '| host | severity | rule | where | finding |');
  assert.match(md, /\n\| web1 \| 🟥 critical \| RSYNC-002 \|/);
  assert.match(md, /\n\| db-long-name \| 🟥 critical \| RSYNC-002 \|/);
  // One host: its name is the target's heading already.
  const one = write('column.json', [doc('web1', OPEN)]);
  assert.not.match(rg(['eval', one, '--format', 'markdown', '--fail-on', 'none']).stdout, '| host |');
  assert.match(rg(['eval', one, '--fail-on', 'none']).stdout, /CRITICAL RSYNC-002 /);
});

fleet.run();
