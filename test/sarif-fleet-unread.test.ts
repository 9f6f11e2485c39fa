/**
 * Fleet SARIF and hosts not read (adv17b #6, #9): a group none of whose hosts was read is left out of the log
 * (an empty run would close all its alerts), eval with no host read never writes the repository's category
 * `rsyncguard/`, and one host that times out moves no other host to another category.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { suite } from './support/suite.ts';
import * as assert from 'uvu/assert';
import { hostRawDoc } from './support/host-doc.ts';
import { githubProblems, multitoolProblems, schemaProblems } from './support/sarif-check.ts';

const OPEN = '[backup]\n  path = /srv\n  read only = false\n';
let dir = '';

function evalSarif(file: string): { code: number | null; log: Sarif.Log; text: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'eval', file, '--format', 'sarif', '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, log: JSON.parse(r.stdout) as Sarif.Log, text: r.stdout };
}

const ok = (host: string, group: string) => JSON.stringify({ host, group, status: 'ok', reason: '', seconds: 1, raw: hostRawDoc(host, OPEN) });
const down = (host: string, group: string | undefined) => JSON.stringify({ host, ...(group === undefined ? {} : { group }), status: 'unreachable', reason: 'connection refused', seconds: 1 });

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const ids = (log: Sarif.Log) => log.runs.map((r) => r.automationDetails?.id);
const said = (log: Sarif.Log) => log.runs.flatMap((r) => r.invocations?.[0]?.toolExecutionNotifications ?? []);
/** Where each host's results are: its category. */
const categoryOfHost = (log: Sarif.Log) => new Map(log.runs.flatMap((r) => (r.results ?? []).map((x) => [String(x.properties?.['host']), r.automationDetails?.id] as const)));

const t = suite('fleet SARIF: hosts not read');
t.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-sarif-unread-'));
});
t.after(() => rmSync(dir, { recursive: true, force: true }));

t('a group whose hosts were all unreachable has no run; the run of a group read says which was left out', () => {
  const r = evalSarif(write('part.jsonl', [down('db1', 'db'), down('db2', 'db'), ok('web1', 'web')].join('\n')));
  assert.is(r.code, 2);
  assert.equal(ids(r.log), ['rsyncguard/fleet/web/']);
  assert.ok(said(r.log).some((n) => n.descriptor?.id === 'run-left-out' && n.message.text?.includes('rsyncguard/fleet/db/')));
  assert.ok(said(r.log).some((n) => n.message.text === 'db1: unreachable: connection refused'));
});

t('no host read: no run under a group’s category nor the repository’s rsyncguard/, and the log passes the checks', () => {
  for (const [name, text] of [
    ['all.jsonl', [down('web1', 'web'), down('web2', 'web')].join('\n')],
    ['nogroup.jsonl', [down('web1', undefined), down('web2', undefined)].join('\n')],
    ['cut.json', JSON.stringify(hostRawDoc('web1', OPEN)).slice(0, 100)],
  ] as const) {
    const r = evalSarif(write(name, text));
    assert.is(r.code, 2, name);
    assert.equal(ids(r.log), ['rsyncguard/fleet/no-host-read/'], name);
    assert.equal(r.log.runs[0]?.results, [], name);
    assert.ok(
      said(r.log).some((n) => n.descriptor?.id === 'run-left-out'),
      name,
    );
    assert.equal([...schemaProblems(r.log), ...githubProblems(r.log)], [], name);
  }
  assert.equal(multitoolProblems(evalSarif(join(dir, 'all.jsonl')).text), []);
});

t('20 groups: one host that times out moves no host of any group to another category', () => {
  const lines = (lost: boolean) =>
    Array.from({ length: 40 }, (_, i) => {
      const host = `h${String(i).padStart(3, '0')}`;
      const group = `grp${String(i % 20).padStart(2, '0')}`;
      return lost && i === 0 ? down(host, group) : ok(host, group);
    }).join('\n');
  const all = evalSarif(write('g20a.jsonl', lines(false)));
  const one = evalSarif(write('g20b.jsonl', lines(true)));
  assert.is(all.log.runs.length, 20);
  assert.equal(ids(one.log), ids(all.log));
  const before = categoryOfHost(all.log);
  before.delete('h000');
  assert.equal([...categoryOfHost(one.log)].sort(), [...before].sort());
});

t.run();
