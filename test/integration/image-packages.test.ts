/**
 * Which rsync an image holds, read from its package database: images built by the test with Debian's dpkg
 * status, Alpine's apk installed, a real rpmdb.sqlite (Debian's rpm tools), RHEL 8's Berkeley DB Packages and SUSE's ndb Packages.db, each with a patched and an
 * unpatched package, scanned as `rsyncguard image` scans them. The facts keep the distro's full version
 * string and os-release; what cannot be read (a corrupt or cut database, none at all) is said, never guessed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FactsDocument } from '../../src/facts/index.ts';
import { scanImage } from '../../src/runner/index.ts';
import { ndbFile } from '../support/rpm-ndb.ts';
import { packageImage, rpmBdbFile, rpmDatabase, rpmHeaderBlobs } from './support/package-images.ts';

const CLI = resolve('dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'rg-image-packages-'));

const DEBIAN_12 = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n';
const ALPINE_321 = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.2\nPRETTY_NAME="Alpine Linux v3.21"\n';
const ROCKY_9 = 'NAME="Rocky Linux"\nVERSION="9.5 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.5"\n';
const FEDORA_41 = 'NAME="Fedora Linux"\nVERSION="41 (Container Image)"\nID=fedora\nVERSION_ID=41\n';

const stanza = (name: string, version: string, status = 'install ok installed') => `Package: ${name}\nStatus: ${status}\nPriority: optional\nArchitecture: amd64\nVersion: ${version}\nDescription: ${name}\n a package\n\n`;

async function rsyncFacts(ref: string): Promise<Omit<FactsDocument['rsync'], 'cves'>> {
  const scanned = await scanImage(ref, { platform: 'linux/amd64', insecure: false, today: '2026-11-30' });
  if (!scanned.ok) throw new Error(`scan failed: ${JSON.stringify(scanned.error)}`);
  const doc = scanned.value.facts[0];
  if (!doc || !('schema' in doc)) throw new Error(`no facts document: ${JSON.stringify(scanned.value.facts)}`);
  const { cves: _judged, compress, ...rsync } = doc.rsync;
  // No binary runs in an image: what it was built with is not known, and the facts do not pretend.
  assert.is(compress, null);
  return rsync;
}

const dpkg = suite('dpkg status');

dpkg('Debian 12 with the unpatched 3.2.7-1', async () => {
  const ref = packageImage(work, 'deb-unpatched', {
    'var/lib/dpkg/status': stanza('adduser', '3.134') + stanza('rsync', '3.2.7-1') + stanza('zlib1g', '1:1.2.13.dfsg-1'),
    'etc/os-release': DEBIAN_12,
  });
  assert.equal(await rsyncFacts(ref), {
    version: '3.2.7',
    source: 'dpkg status',
    package: { manager: 'dpkg', name: 'rsync', version: '3.2.7-1', source: '/var/lib/dpkg/status' },
    distro: { id: 'debian', version_id: '12', id_like: [], source: '/etc/os-release' },
    range: null,
    unknown: null,
  });
});

dpkg('Debian 12 with the patched 3.2.7-1+deb12u1, in a status file bigger than the usual per-file cap', async () => {
  // A full system's status runs to megabytes; a removed rsync's leftover stanza comes first and is not what runs.
  const filler = Array.from({ length: 12000 }, (_, i) => stanza(`lib-filler-${i}`, `1.${i}-1`)).join('');
  const status = stanza('rsync', '3.2.3-4', 'deinstall ok config-files') + filler + stanza('rsync', '3.2.7-1+deb12u1');
  assert.ok(status.length > 1 << 20, `${status.length} bytes`);
  const ref = packageImage(work, 'deb-patched', { 'var/lib/dpkg/status': status, 'etc/os-release': DEBIAN_12 });
  const facts = await rsyncFacts(ref);
  assert.equal(facts.package, { manager: 'dpkg', name: 'rsync', version: '3.2.7-1+deb12u1', source: '/var/lib/dpkg/status' });
  assert.is(facts.version, '3.2.7');
});

const apk = suite('apk installed');

apk('Alpine 3.21 with 3.4.0-r0, and 3.20 with the unpatched 3.3.0-r1; os-release through /etc/os-release → /usr/lib/os-release', async () => {
  const db = (v: string) => `C:Q1x\nP:musl\nV:1.2.5-r8\nA:x86_64\n\nC:Q1y\nP:rsync\nV:${v}\nA:x86_64\nT:A file transfer program\n\n`;
  const patched = packageImage(work, 'apk-patched', { 'lib/apk/db/installed': db('3.4.0-r0'), 'usr/lib/os-release': ALPINE_321, 'etc/os-release': { link: '../usr/lib/os-release' } });
  assert.equal(await rsyncFacts(patched), {
    version: '3.4.0',
    source: 'apk database',
    package: { manager: 'apk', name: 'rsync', version: '3.4.0-r0', source: '/lib/apk/db/installed' },
    distro: { id: 'alpine', version_id: '3.21.2', id_like: [], source: '/etc/os-release' },
    range: null,
    unknown: null,
  });
  const unpatched = packageImage(work, 'apk-unpatched', { 'lib/apk/db/installed': db('3.3.0-r1'), 'usr/lib/os-release': ALPINE_321.replace('3.21.2', '3.20.3') });
  const facts = await rsyncFacts(unpatched);
  assert.equal([facts.version, facts.package?.version, facts.distro?.version_id, facts.distro?.source], ['3.3.0', '3.3.0-r1', '3.20.3', '/usr/lib/os-release']);
});

const rpm = suite('rpm database (rpmdb.sqlite written by rpm itself)');

rpm.after(() => rmSync(work, { recursive: true, force: true }));

rpm('Rocky 9 with the unpatched 3.2.3-20.el9 and the patched 3.2.3-20.el9_5.1', async () => {
  for (const [name, release] of [
    ['rpm-unpatched', '20.el9'],
    ['rpm-patched', '20.el9_5.1'],
  ] as const) {
    const ref = packageImage(work, name, {
      'etc/os-release': ROCKY_9,
      'var/lib/rpm/rpmdb.sqlite': (root) =>
        rpmDatabase(work, root, '/var/lib/rpm', [
          { name: 'bash', version: '5.1.8', release: '9.el9' },
          { name: 'rsync', version: '3.2.3', release },
          { name: 'rsync-daemon', version: '3.2.3', release },
        ]),
    });
    assert.equal(await rsyncFacts(ref), {
      version: '3.2.3',
      source: 'rpm database',
      package: { manager: 'rpm', name: 'rsync', version: `3.2.3-${release}`, source: '/var/lib/rpm/rpmdb.sqlite' },
      distro: { id: 'rocky', version_id: '9.5', id_like: ['rhel', 'centos', 'fedora'], source: '/etc/os-release' },
      range: null,
      unknown: null,
    });
  }
});

rpm('Fedora layout: /var/lib/rpm links to /usr/lib/sysimage/rpm; an epoch is kept as "E:"', async () => {
  const ref = packageImage(work, 'rpm-sysimage', {
    'etc/os-release': FEDORA_41,
    'usr/lib/sysimage/rpm/rpmdb.sqlite': (root) => rpmDatabase(work, root, '/usr/lib/sysimage/rpm', [{ name: 'rsync', version: '3.4.1', release: '2.fc41', epoch: 1 }]),
    'var/lib/rpm': { link: '../../usr/lib/sysimage/rpm' },
  });
  const facts = await rsyncFacts(ref);
  assert.equal(facts.package, { manager: 'rpm', name: 'rsync', version: '1:3.4.1-2.fc41', source: '/var/lib/rpm/rpmdb.sqlite' });
  assert.is(facts.version, '3.4.1');
});

rpm('an rpm database without rsync, a cut ndb one, and no database at all: unknown, and why', async () => {
  const without = await rsyncFacts(packageImage(work, 'rpm-without', { 'var/lib/rpm/rpmdb.sqlite': (root) => rpmDatabase(work, root, '/var/lib/rpm', [{ name: 'bash', version: '5.1.8', release: '9.el9' }]) }));
  assert.equal([without.version, without.source, without.package], [null, null, null]);
  assert.match(without.unknown ?? '', '/var/lib/rpm/rpmdb.sqlite lists no rsync');
  // An ndb database cut to its first bytes: refused, and said so.
  const cut = await rsyncFacts(packageImage(work, 'rpm-ndb-cut', { 'usr/lib/sysimage/rpm/Packages.db': Buffer.from('RpmP\0\0\0\0'), 'var/lib/rpm': { link: '../../usr/lib/sysimage/rpm' } }));
  assert.equal([cut.version, cut.package], [null, null]);
  assert.match(cut.unknown ?? '', '/var/lib/rpm/Packages.db (rpm ndb database): shorter than its first slot page; version unknown');
  const none = await rsyncFacts(packageImage(work, 'no-db', {}));
  assert.equal([none.version, none.distro], [null, null]);
  assert.match(none.unknown ?? '', 'no package database');
});

rpm('RHEL 8: the Berkeley DB Packages file, unpatched 3.1.3-19.el8 and patched 3.1.3-20.el8_10 (written by Berkeley DB from rpm headers)', async () => {
  const RHEL_8 = 'NAME="Red Hat Enterprise Linux"\nVERSION="8.10 (Ootpa)"\nID="rhel"\nID_LIKE="fedora"\nVERSION_ID="8.10"\n';
  for (const release of ['19.el8', '20.el8_10']) {
    const bdb = await rpmBdbFile(work, [
      { name: 'bash', version: '4.4.20', release: '4.el8_6' },
      { name: 'rsync', version: '3.1.3', release },
    ]);
    const facts = await rsyncFacts(packageImage(work, `rpm-bdb-${release}`, { 'var/lib/rpm/Packages': bdb, 'etc/os-release': RHEL_8 }));
    assert.equal(facts, {
      version: '3.1.3',
      source: 'rpm database',
      package: { manager: 'rpm', name: 'rsync', version: `3.1.3-${release}`, source: '/var/lib/rpm/Packages' },
      distro: { id: 'rhel', version_id: '8.10', id_like: ['fedora'], source: '/etc/os-release' },
      range: null,
      unknown: null,
    });
  }
  // Cut short, as a layer written while rpm ran could hold it: refused, not read in part.
  const whole = await rpmBdbFile(work, [{ name: 'rsync', version: '3.1.3', release: '19.el8' }]);
  const cut = await rsyncFacts(packageImage(work, 'rpm-bdb-cut', { 'var/lib/rpm/Packages': whole.subarray(0, whole.length - 4096) }));
  assert.is(cut.version, null);
  assert.match(cut.unknown ?? '', '/var/lib/rpm/Packages (rpm Berkeley DB database): the file ends before its last page');
});

rpm('SUSE: the ndb Packages.db, unpatched and patched, holding headers rpm wrote', async () => {
  const SLES = 'NAME="SLES"\nVERSION="15-SP6"\nVERSION_ID="15.6"\nID="sles"\nID_LIKE="suse"\n';
  for (const release of ['150600.3.3.1', '150600.3.6.1']) {
    const blobs = await rpmHeaderBlobs(work, [
      { name: 'bash', version: '4.4', release: '150400.27.3.2' },
      { name: 'rsync', version: '3.2.7', release },
    ]);
    const facts = await rsyncFacts(packageImage(work, `rpm-ndb-${release}`, { 'usr/lib/sysimage/rpm/Packages.db': ndbFile(blobs.map(([, b]) => b)), 'var/lib/rpm': { link: '../../usr/lib/sysimage/rpm' }, 'usr/lib/os-release': SLES }));
    assert.equal(facts, {
      version: '3.2.7',
      source: 'rpm database',
      package: { manager: 'rpm', name: 'rsync', version: `3.2.7-${release}`, source: '/var/lib/rpm/Packages.db' },
      distro: { id: 'sles', version_id: '15.6', id_like: ['suse'], source: '/usr/lib/os-release' },
      range: null,
      unknown: null,
    });
  }
});

rpm('a corrupted rpmdb.sqlite is an unknown version that says so, not a failed scan', async () => {
  const ref = packageImage(work, 'rpm-corrupt', {
    'var/lib/rpm/rpmdb.sqlite': (root) => {
      rpmDatabase(work, root, '/var/lib/rpm', [{ name: 'rsync', version: '3.2.3', release: '20.el9' }]);
      const file = join(root, 'var/lib/rpm/rpmdb.sqlite');
      const bytes = readFileSync(file);
      bytes.fill(0xa5, 100);
      writeFileSync(file, bytes);
    },
  });
  const facts = await rsyncFacts(ref);
  assert.is(facts.version, null);
  assert.match(facts.unknown ?? '', '/var/lib/rpm/rpmdb.sqlite: SQLite');
});

rpm('hostile package files: links out of the root, a FIFO, a database over the cap', async () => {
  // An absolute link resolves inside the image: the host's own status is never read.
  const linked = await rsyncFacts(packageImage(work, 'hostile-link', { 'var/lib/dpkg/status': { link: '/../../../../var/lib/dpkg/status' }, 'lib/apk/db/installed': { link: '../../../../../../etc/passwd' } }));
  assert.equal([linked.version, linked.package], [null, null]);
  const fifo = await rsyncFacts(packageImage(work, 'hostile-fifo', { 'var/lib/rpm/rpmdb.sqlite': (root) => void spawnSync('mkfifo', [join(root, 'var/lib/rpm/rpmdb.sqlite')]) }));
  assert.equal([fifo.version, fifo.package], [null, null]);
  // There is a database; it is no regular file: said as that, not as "no package database".
  assert.match(fifo.unknown ?? '', '/var/lib/rpm/rpmdb.sqlite is a FIFO or device, not a regular file');
  const big = await rsyncFacts(packageImage(work, 'hostile-big', { 'var/lib/rpm/rpmdb.sqlite': Buffer.alloc((48 << 20) + 1) }));
  assert.is(big.version, null);
  assert.match(big.unknown ?? '', /\/var\/lib\/rpm\/rpmdb\.sqlite larger than \d+ bytes; not read/);
});

/** The bundled CLI on an image in every format people read: its exit code and output. */
function cliOn(ref: string, format: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, 'image', ref, '--format', format], { encoding: 'utf8', timeout: 120_000, cwd: tmpdir() });
  return { status: r.status, out: r.stdout + r.stderr };
}

rpm('a package database or os-release that is there but refused: exit 2 and the file and why in text, SARIF and Markdown', () => {
  const cases: [string, Record<string, string | Buffer | ((root: string) => void)>, string][] = [
    ['refused-rpm-garbage', { 'var/lib/rpm/rpmdb.sqlite': Buffer.alloc(4096, 0x5a) }, '/var/lib/rpm/rpmdb.sqlite: not an SQLite database'],
    ['refused-dpkg-big', { 'var/lib/dpkg/status': Buffer.alloc((48 << 20) + 1, 0x0a) }, '/var/lib/dpkg/status larger than'],
    ['refused-dpkg-fifo', { 'var/lib/dpkg/status': (root) => void spawnSync('mkfifo', [join(root, 'var/lib/dpkg/status')]) }, '/var/lib/dpkg/status is a FIFO or device, not a regular file'],
    ['refused-os-release', { 'var/lib/dpkg/status': stanza('rsync', '3.2.7-1+deb12u1'), 'etc/os-release': (root) => void spawnSync('mkfifo', [join(root, 'etc/os-release')]) }, '/etc/os-release is a FIFO or device, not a regular file'],
  ];
  for (const [name, files, why] of cases) {
    const ref = packageImage(work, name, files);
    for (const format of ['text', 'sarif', 'markdown']) {
      const r = cliOn(ref, format);
      assert.is(r.status, 2, `${name} ${format}: ${r.out.slice(-800)}`);
      assert.ok(r.out.includes(why), `${name} ${format}: ${why} in ${r.out.slice(-1500)}`);
      assert.ok(r.out.includes('not fully read'), `${name} ${format}`);
      assert.ok(r.out.includes(ref), `${name} ${format}: the image named`);
    }
  }
});

apk('rsync listed twice: judged by the oldest, and said; an unreadable os-release is named in every basis', async () => {
  const dup = await rsyncFacts(packageImage(work, 'apk-dup', { 'lib/apk/db/installed': 'P:rsync\nV:3.4.0-r0\n\nP:rsync\nV:3.3.0-r1\n', 'etc/os-release': ALPINE_321 }));
  assert.is(dup.version, '3.3.0');
  assert.is(dup.package?.version, '3.3.0-r1');
  const scanned = await scanImage(packageImage(work, 'deb-os-fifo', { 'var/lib/dpkg/status': stanza('rsync', '3.2.7-1+deb12u1'), 'etc/os-release': (root) => void spawnSync('mkfifo', [join(root, 'etc/os-release')]) }), {
    platform: 'linux/amd64',
    insecure: false,
    today: '2026-11-30',
  });
  if (!scanned.ok) throw new Error('scan failed');
  const doc = scanned.value.facts.find((f) => 'schema' in f);
  if (!doc || !('schema' in doc)) throw new Error('no facts');
  assert.is(doc.rsync.distro, null);
  const c = doc.rsync.cves.find((x) => x.id === 'CVE-2024-12084');
  assert.match(c?.basis ?? '', 'distro unknown, os-release unreadable: /etc/os-release is a FIFO or device, not a regular file; judged by upstream');
});

rpm('the bundled CLI reads rpmdb.sqlite with no install (sql.js and its .wasm in dist/)', () => {
  const ref = packageImage(work, 'rpm-cli', { 'var/lib/rpm/rpmdb.sqlite': (root) => rpmDatabase(work, root, '/var/lib/rpm', [{ name: 'rsync', version: '3.2.3', release: '20.el9' }]) });
  const r = spawnSync(process.execPath, [CLI, 'image', ref, '--format', 'json'], { encoding: 'utf8', timeout: 120_000, cwd: tmpdir(), env: { ...process.env, NODE_PATH: '' } });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  assert.not.match(r.stdout + r.stderr, /sql\.js|SQLite engine|__dirname|\.wasm/);
  // The JSON report carries the target's rsync (its vulnerability section): the package as rpm recorded it.
  assert.match(r.stdout, '"3.2.3-20.el9"');
});

dpkg.run();
apk.run();
rpm.run();
