/**
 * RSYNC-092: a secrets file baked into a layer is reported wherever it sits — behind a symlink or a hard
 * link (resolved inside the image root, as rsync in the image opens it), and in an earlier layer whose
 * config a later layer deleted along with it, when the final image has no rsync config left. Runs the
 * bundled CLI on OCI layouts written byte by byte.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, runCli, tempTree, type CliRun } from './hostile/support/cli.ts';
import { layerTar, ociLayout, type Entry, type ImageConfigFields } from './hostile/support/images.ts';

const PASSWORD = 'Sup3rS3cretPW';
const CONF = '[p]\n path=/srv\n auth users=alice\n secrets file=/etc/rsyncd.secrets\n hosts allow=10.0.0.0/8\n';
const RSYNC: ImageConfigFields = { Entrypoint: ['rsync', '--daemon', '--no-detach'] };
const SHELL: ImageConfigFields = { Entrypoint: ['/bin/sh'] };

interface Report {
  targets: { target: string; findings: { rule_id: string; message: string }[]; facts: { target: { display: string }; image: { files: { path: string; layer: string }[] } } }[];
  errors: { target: string; message: string }[];
}

async function scan(layers: Entry[][], config: ImageConfigFields): Promise<{ run: CliRun; report: Report }> {
  const ref = ociLayout(tempTree({}, 'rg-layer-secrets-'), await Promise.all(layers.map(layerTar)), config);
  const run = runCli(['image', ref, '--format', 'json']);
  assert.ok(run.stdout !== '', run.stderr);
  assertNoCanary([run, runCli(['image', ref])], PASSWORD);
  return { run, report: JSON.parse(run.stdout) as Report };
}

const rule = (r: Report, id: string) => r.targets.flatMap((t) => t.findings.filter((f) => f.rule_id === id).map((f) => f.message));

const linked = suite('RSYNC-092: a secrets file behind a link');

linked('a secrets file that is a symlink to a file elsewhere in the image is reported as the file it leads to', async () => {
  for (const mode of [0o600, 0o644]) {
    const { run, report } = await scan(
      [
        [
          { name: 'etc/rsyncd.conf', body: CONF },
          { name: 'data/real', body: `alice:${PASSWORD}\n`, mode },
          { name: 'etc/rsyncd.secrets', type: 'symlink', linkname: '../data/real' },
        ],
      ],
      RSYNC,
    );
    assert.is(run.code, 1, run.stderr);
    const found = rule(report, 'RSYNC-092');
    assert.is(found.length, 1, JSON.stringify(found));
    assert.match(found[0] ?? '', 'holds the secrets file data/real.');
  }
});

linked('a secrets file that is a directory (or a link to one) holds no password: RSYNC-020, never RSYNC-092 or RSYNC-030', async () => {
  for (const entries of [
    [{ name: 'etc/rsyncd.conf', body: CONF.replace('/etc/rsyncd.secrets', '/etc') }],
    [
      { name: 'etc/rsyncd.conf', body: CONF },
      { name: 'data/', type: 'directory' },
      { name: 'etc/rsyncd.secrets', type: 'symlink', linkname: '../data' },
    ],
  ] as Entry[][]) {
    const { run, report } = await scan([entries], RSYNC);
    assert.equal([rule(report, 'RSYNC-092'), rule(report, 'RSYNC-030')], [[], []], run.stdout);
    assert.is(rule(report, 'RSYNC-020').length, 1, run.stdout);
  }
});

linked('a secrets file that is a hard link is reported, beside its mode (RSYNC-030)', async () => {
  const { report } = await scan(
    [
      [
        { name: 'data/real', body: `alice:${PASSWORD}\n` },
        // Neither name reads like a secrets file: only the config says what it is.
        { name: 'etc/rsyncd.conf', body: CONF.replace('/etc/rsyncd.secrets', '/etc/s') },
        { name: 'etc/s', type: 'link', linkname: 'data/real' },
      ],
    ],
    RSYNC,
  );
  assert.equal(rule(report, 'RSYNC-092').length, 1);
  assert.match(rule(report, 'RSYNC-092')[0] ?? '', 'holds the secrets file etc/s.');
  assert.is(rule(report, 'RSYNC-030').length, 1);
});

linked.run();

const deleted = suite('RSYNC-092: a secrets file deleted later with its config');

const LAYER1: Entry[] = [
  { name: 'etc/rsyncd.conf', body: CONF },
  { name: 'etc/rsyncd.secrets', body: `alice:${PASSWORD}\n` },
];
const WHITEOUTS: Entry[] = [
  { name: 'etc/.wh.rsyncd.secrets', body: '' },
  { name: 'etc/.wh.rsyncd.conf', body: '' },
];

deleted('an image with no rsync config left is still a target: its layer holds the secrets file, exit 1', async () => {
  const { run, report } = await scan([LAYER1, WHITEOUTS], SHELL);
  assert.is(run.code, 1, run.stdout + run.stderr);
  assert.is(report.targets.length, 1);
  const [target] = report.targets;
  // Named by the config that named the secrets file, so a waiver or baseline of the image's target still holds.
  assert.match(target?.target ?? '', /:\/etc\/rsyncd\.conf$/);
  assert.match(target?.facts.target.display ?? '', / \/etc\/rsyncd\.conf$/);
  assert.equal(
    target?.facts.image.files.map((f) => f.path),
    ['etc/rsyncd.conf'],
  );
  const found = rule(report, 'RSYNC-092');
  assert.is(found.length, 1);
  assert.match(found[0] ?? '', 'holds the secrets file etc/rsyncd.secrets (deleted by a later layer');
  assert.match(found[0] ?? '', target?.facts.image.files[0]?.layer ?? '?');
  // Nothing of a config that is gone is judged: no daemon, access or module rule fires.
  assert.equal(
    [...new Set(report.targets.flatMap((t) => t.findings.map((f) => f.rule_id)))].filter((id) => !/^RSYNC-09\d$/.test(id)),
    [],
  );
});

deleted('an image that still starts rsync --daemon, its config deleted, is an error and still reports the secrets file, exit 2', async () => {
  for (const later of [WHITEOUTS, [{ name: 'etc/.wh..wh..opq', body: '' }], [{ name: '.wh.etc', body: '' }]]) {
    const { run, report } = await scan([LAYER1, later], RSYNC);
    assert.is(run.code, 2, run.stdout + run.stderr);
    assert.match(report.errors[0]?.message ?? '', 'reads the config /etc/rsyncd.conf, which is not in the image');
    assert.is(rule(report, 'RSYNC-092').length, 1, JSON.stringify(report.targets));
  }
});

deleted('an image with neither an rsync config in any layer nor a daemon is not a target for a file merely named like a secrets file', async () => {
  const { run, report } = await scan([[{ name: 'opt/app/app.secrets', body: 'token\n' }]], SHELL);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.is(report.targets.length, 0);
});

deleted.run();
