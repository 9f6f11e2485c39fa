import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_INCLUDES } from '../common/index.ts';
import { parseRsyncdConf } from '../parse/index.ts';
import { buildFacts } from './build-facts.ts';
import { validateFacts, withStatedRsyncVersion } from './validate.ts';

function sampleFacts(): unknown {
  const config = parseRsyncdConf('rsyncd.conf', Buffer.from('[pub]\npath = /srv\nread only = no\n'), NO_INCLUDES);
  return buildFacts({
    target: { kind: 'file', id: 'rsyncd.conf', display: 'rsyncd.conf' },
    daemonUser: 'root',
    rsyncVersion: [3, 5, 0],
    today: '2026-11-24',
    config,
    secrets: [{ path: '/etc/rsyncd.secrets', stat: { mode: 0o100644, uid: 0, gid: 0 }, entries: [] }],
  });
}

const validate = suite('validateFacts');

validate('accepts the document buildFacts makes', () => {
  const r = validateFacts(sampleFacts());
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
});

validate('rejects a document without its schema marker', () => {
  const doc = sampleFacts() as Record<string, unknown>;
  delete doc['schema'];
  const r = validateFacts(doc);
  assert.not.ok(r.ok);
});

validate('rejects any extra field on a secrets entry, so a password has nowhere to go', () => {
  const doc = JSON.parse(JSON.stringify(sampleFacts())) as { secrets: { entries: Record<string, unknown>[] }[] };
  doc.secrets[0]?.entries.push({ kind: 'user', name: 'joe', line: 1, length: 4, equals_name: false, weak: true, common: false, reused: false, dead: false, unmatchable: false, trailing_whitespace: false, password: 'hunter2' });
  const r = validateFacts(doc);
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(r.errors.join(' '), 'additional properties');
});

validate('rejects a parameter whose origin is not module, global or default', () => {
  const doc = JSON.parse(JSON.stringify(sampleFacts())) as { config: { modules: { params: Record<string, { origin: string }> }[] } };
  const param = doc.config.modules[0]?.params['read only'];
  if (param) param.origin = 'guess';
  assert.not.ok(validateFacts(doc).ok);
});

validate('fills in the effective facts a document made before them lacks, as facts computes them', () => {
  const built = sampleFacts() as { config: { effective: unknown; modules: { effective: unknown }[] } };
  const expected = JSON.parse(JSON.stringify(built)) as unknown;
  const old = JSON.parse(JSON.stringify(built)) as { config: Record<string, unknown> & { modules: Record<string, unknown>[] } };
  delete old.config['effective'];
  for (const m of old.config.modules) delete m['effective'];
  const r = validateFacts(old);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  if (r.ok) assert.equal(JSON.parse(JSON.stringify(r.value)), expected);
});

validate('keeps effective facts a document carries, and rejects a malformed one', () => {
  const doc = JSON.parse(JSON.stringify(sampleFacts())) as { config: { modules: { effective: { chroot: { value: unknown; reason: string } } }[] } };
  const chroot = doc.config.modules[0]?.effective.chroot;
  if (chroot) chroot.reason = 'collected on the host';
  const r = validateFacts(doc);
  assert.ok(r.ok && r.value.config.modules[0]?.effective.chroot.reason === 'collected on the host');
  if (chroot) chroot.value = 'yes';
  assert.not.ok(validateFacts(doc).ok);
});

validate('fills transfer_uid_root / transfer_gid_root into an effective block made before them, keeping the rest', () => {
  const config = parseRsyncdConf('rsyncd.conf', Buffer.from('[pub]\npath = /srv\nuid = 00\ngid = rsync\n'), NO_INCLUDES);
  const built = buildFacts({ target: { kind: 'file', id: 'rsyncd.conf', display: 'rsyncd.conf' }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-24', config, secrets: [] });
  const old = JSON.parse(JSON.stringify(built)) as { config: { modules: { effective: Record<string, { value: boolean; reason: string }> }[] } };
  const effective = old.config.modules[0]?.effective ?? {};
  delete effective['transfer_uid_root'];
  delete effective['transfer_gid_root'];
  if (effective['chroot']) effective['chroot'].reason = 'collected on the host';
  const r = validateFacts(old);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  const e = r.ok ? r.value.config.modules[0]?.effective : undefined;
  assert.is(e?.transfer_uid_root.value, true);
  assert.is(e?.transfer_gid_root.value, false);
  assert.is(e?.chroot.reason, 'collected on the host');
});

validate('fills image.runs_as_root from User for a document made before it existed', () => {
  const doc = JSON.parse(JSON.stringify(sampleFacts())) as Record<string, unknown>;
  const image = { ref: 'r/rsyncd:1', digest: null, exposed_ports: [], user: ':1000', entrypoint: [], cmd: [], env: [], files: [], layer_secrets: [], starts_daemon: true };
  const r = validateFacts({ ...doc, image });
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  assert.is(r.ok && r.value.image?.runs_as_root.value, true);
  const kept = validateFacts({ ...doc, image: { ...image, runs_as_root: { value: false, reason: 'collected' } } });
  assert.is(kept.ok && kept.value.image?.runs_as_root.reason, 'collected');
});

validate('an rsync block made before package, distro, range, unknown and cves existed reads as knowing none of them', () => {
  const doc = JSON.parse(JSON.stringify(sampleFacts())) as Record<string, unknown>;
  doc['rsync'] = { version: '3.2.7', source: 'rsync --version' };
  const r = validateFacts(doc);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  if (!r.ok) return;
  // cves are the judgement's (judged or left empty); the rest is what the document knew.
  const { cves, ...rsync } = r.value.rsync;
  assert.equal(rsync, { version: '3.2.7', source: 'rsync --version', package: null, distro: null, range: null, unknown: null, compress: null });
  assert.ok(Array.isArray(cves));
  doc['rsync'] = { version: null, source: null };
  const none = validateFacts(doc);
  assert.ok(none.ok && typeof none.value.rsync.unknown === 'string');
  doc['rsync'] = { version: null, source: null, package: { manager: 'pacman', name: 'rsync', version: '1', source: 'x' } };
  assert.not.ok(validateFacts(doc).ok, 'a package manager the schema does not know');
});

validate("cves are judged again from the rsync block with this build's table, whatever list the document carries", () => {
  const doc = JSON.parse(JSON.stringify(sampleFacts())) as Record<string, unknown>;
  const stale = [{ id: 'CVE-2024-12084', state: 'fixed', basis: 'written by hand' }];
  doc['rsync'] = { version: '3.3.0', source: 'rsync --version', package: null, distro: null, range: null, unknown: null, cves: stale };
  const r = validateFacts(doc);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  if (!r.ok) return;
  assert.ok(r.value.rsync.cves.length > 1);
  assert.equal(
    r.value.rsync.cves.find((c) => c.id === 'CVE-2024-12084'),
    { id: 'CVE-2024-12084', state: 'affected', basis: 'upstream 3.3.0 is older than 3.4.0' },
  );
});

validate('a stated --rsync-version wins over the document: rsync block, cves, context and version-dependent module facts', () => {
  const doc = JSON.parse(JSON.stringify(sampleFacts())) as Record<string, unknown>;
  const r = validateFacts(doc);
  assert.ok(r.ok);
  if (!r.ok) return;
  const old = withStatedRsyncVersion(r.value, [3, 2, 6]);
  assert.equal([old.rsync.version, old.rsync.source, old.rsync.package, old.context.rsync_version], ['3.2.6', '--rsync-version', null, '3.2.6']);
  assert.is(old.rsync.cves.find((c) => c.id === 'CVE-2024-12084')?.state, 'fixed');
  assert.ok(old.rsync.cves.some((c) => c.state === 'affected'));
  // "use chroot" unset meant yes before 3.2.7 (the sample was made for 3.5.0).
  assert.is(old.config.modules[0]?.effective.chroot.value, true);
  assert.match(old.config.modules[0]?.effective.chroot.reason ?? '', 'before rsync 3.2.7');
});

validate.run();
