import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import { toGroupedSarif } from './fleet.ts';
import type { Report } from './model.ts';

const t = suite('fleet SARIF written run by run');

const finding = (target: string, i: number): Finding => ({
  rule_id: 'RSYNC-060',
  title: 'Listens everywhere',
  severity: 'low',
  context: null,
  message: `m${i} "quoted"\nsecond line`,
  target,
  module: null,
  path: `config.global.address[${i}]`,
  location: { file: '/etc/rsyncd.conf', line: 1, column: 1 },
});

const report = (hosts: number, perHost: number): Report => ({
  tool: { name: 'rsyncguard', version: '0.1.0' },
  rules: [{ id: 'RSYNC-060', title: 'Listens everywhere', severity: 'low', description: 'd', help: 'h', cwe: 'CWE-1327', tags: [], help_uri: '' } as unknown as Report['rules'][number]],
  targets: Array.from({ length: hosts }, (_, h) => ({ target: `h${h}:/etc/rsyncd.conf`, kind: 'host' as const, findings: Array.from({ length: perHost }, (_, i) => finding(`h${h}:/etc/rsyncd.conf`, i)), waived: [], notes: [], facts: {} })),
  errors: [{ target: 'gone', message: 'unreachable: refused' }],
  expired_waivers: [],
});

const opts = { suppressions: false, texts: new Map<string, string>(), warn: () => {} };

t('the pieces are the bytes JSON.stringify(log, null, 2) gives, with one run or many, and with none', () => {
  for (const [hosts, perHost] of [
    [2, 3],
    [1200, 5],
    [0, 0],
  ] as const) {
    const out = toGroupedSarif(report(hosts, perHost), (x) => (x === 'gone' ? 'broken' : 'web'), 'rsyncguard/fleet/', opts);
    const log = JSON.parse(out) as { runs: { results: unknown[] }[] };
    assert.is(out, `${JSON.stringify(log, null, 2)}\n`);
    assert.is(
      log.runs.reduce((n, r) => n + r.results.length, 0),
      hosts * perHost,
    );
  }
});

type Log = { runs: { automationDetails: { id: string }; results: unknown[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { descriptor: { id: string }; message: { text: string } }[] }[] }[] };
const notes = (run: Log['runs'][number] | undefined) => run?.invocations[0]?.toolExecutionNotifications ?? [];

t('a group none of whose hosts was read has no run (an empty one would close its alerts); the first run says so', () => {
  const warned: string[] = [];
  const log = JSON.parse(toGroupedSarif(report(2, 3), (x) => (x === 'gone' ? 'broken' : 'web'), 'rsyncguard/fleet/', { ...opts, warn: (m: string) => warned.push(m) })) as Log;
  assert.equal(
    log.runs.map((r) => r.automationDetails.id),
    ['rsyncguard/fleet/web/'],
  );
  const said = notes(log.runs[0]);
  assert.ok(said.some((n) => n.descriptor.id === 'run-left-out' && n.message.text.includes('rsyncguard/fleet/broken/')));
  assert.ok(said.some((n) => n.descriptor.id === 'target-error' && n.message.text === 'gone: unreachable: refused'));
  assert.ok(warned.some((m) => m.includes('rsyncguard/fleet/broken/ is left out')));
});

t('no host read at all: one run of notifications in a category that never holds a result, not a group’s', () => {
  const log = JSON.parse(toGroupedSarif(report(0, 0), () => 'web', 'rsyncguard/fleet/', opts)) as Log;
  assert.equal(
    log.runs.map((r) => [r.automationDetails.id, r.results.length, r.invocations[0]?.executionSuccessful]),
    [['rsyncguard/fleet/no-host-read/', 0, false]],
  );
  assert.ok(notes(log.runs[0]).some((n) => n.descriptor.id === 'run-left-out' && n.message.text.includes('Group "web" (category rsyncguard/fleet/web/)')));
  assert.ok(notes(log.runs[0]).some((n) => n.descriptor.id === 'target-error'));
});

t.run();
