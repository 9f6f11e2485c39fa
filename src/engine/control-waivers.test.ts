import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FactsDocument } from '../facts/index.ts';
import type { Finding } from './finding.ts';
import { applyWaivers, controlWaivers, parseWaiverFile } from './waivers.ts';

const control = suite('waivers of a compliance control (rule: cis:…)');

const target = (kind: 'file' | 'host' | 'image', id: string): FactsDocument => ({ target: { kind, id, display: id }, context: { today: '2026-11-30' }, config: { inline_waivers: [], modules: [] } }) as unknown as FactsDocument;

const file = (text: string) => {
  const r = parseWaiverFile(text, '.rsyncguard.yaml');
  if (!r.ok) throw r.error;
  return r.value;
};

control('a cis:<recommendation> waiver is read like any other, and selects hosts by name', () => {
  const w = file('waivers:\n  - rule: cis:rsync-service\n    host: "mirror*"\n    reason: public mirror; serving rsync is its job\n    expires: 2027-06-30\n');
  assert.equal(w, [{ rule: 'cis:rsync-service', reason: 'public mirror; serving rsync is its job', expires: '2027-06-30', host: 'mirror*', source: '.rsyncguard.yaml:2' }]);
  assert.equal(controlWaivers(target('host', 'mirror1:/etc/rsyncd.conf'), w), [{ control: 'cis:rsync-service', reason: 'public mirror; serving rsync is its job', expires: '2027-06-30', source: '.rsyncguard.yaml:2' }]);
  assert.equal(controlWaivers(target('host', 'web1:/etc/rsyncd.conf'), w), []);
  assert.equal(controlWaivers(target('image', 'mirror1'), w), [], 'host: selects hosts only');
});

control('it waives no finding, and stops working when it expires (reported like any expired waiver)', () => {
  const w = file('waivers:\n  - rule: cis:rsync-service\n    reason: was the mirror\n    expires: 2026-11-01\n');
  const f: Finding = { rule_id: 'RSYNC-083', title: 't', severity: 'low', context: null, message: 'm', target: 'h', module: null, path: '', location: null };
  const applied = applyWaivers(target('host', 'h'), [f], w, { inline: true });
  assert.is(applied.findings.length, 1);
  assert.is(applied.expired.length, 1);
  assert.equal(controlWaivers(target('host', 'h'), w), []);
});

control('an unknown recommendation, or a module selector, is an error naming the line', () => {
  const unknown = parseWaiverFile('waivers:\n  - rule: cis:rsync-services\n    reason: x\n    expires: 2027-01-01\n', 'w.yaml');
  assert.not.ok(unknown.ok);
  if (!unknown.ok) {
    assert.is(unknown.error.where, 'w.yaml:2');
    assert.match(unknown.error.message, 'known: cis:rsync-service');
  }
  const module = parseWaiverFile('waivers:\n  - rule: cis:rsync-service\n    module: pub\n    reason: x\n    expires: 2027-01-01\n', 'w.yaml');
  assert.not.ok(module.ok);
  if (!module.ok) assert.match(module.error.message, '"module" does not apply');
  assert.not.ok(parseWaiverFile('waivers:\n  - rule: nist:AC-3\n    reason: x\n    expires: 2027-01-01\n', 'w.yaml').ok, 'NIST and PCI controls are waived through their rules');
});

control('image: matches the reference as typed (oci:…:img, registry/name:tag) as well as the repository, for controls and rules alike', () => {
  const image = (ref: string, repository: string): FactsDocument => ({ ...target('image', `${repository}:/etc/rsyncd.conf`), image: { ref } }) as unknown as FactsDocument;
  const typed = image('oci:/tmp/img/two_dbs/oci:img', '/tmp/img/two_dbs/oci');
  const w = file('waivers:\n  - rule: cis:rsync-service\n    image: "oci:/tmp/img/two_dbs/oci:img"\n    reason: the mirror image\n    expires: 2027-06-30\n');
  assert.is(controlWaivers(typed, w).length, 1);
  assert.is(controlWaivers(image('oci:/tmp/img/other/oci:img', '/tmp/img/other/oci'), w).length, 0);
  const tagged = file('waivers:\n  - rule: RSYNC-091\n    image: "registry.example/rsync:*"\n    reason: runs as root by design\n    expires: 2027-06-30\n');
  const f: Finding = { rule_id: 'RSYNC-091', title: 't', severity: 'medium', context: null, message: 'm', target: 'x', module: null, path: '', location: null };
  assert.is(applyWaivers(image('registry.example/rsync:1.0', 'registry.example/rsync'), [f], tagged, { inline: true }).waived.length, 1);
});

control.run();
