/**
 * An image's own /etc/passwd and /etc/group decide whether a module's `uid`/`gid` names resolve: rsync
 * refuses a module whose name the container does not have ("@ERROR: invalid uid mirror"). Runs the bundled
 * CLI on OCI layouts written byte by byte.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, tempTree } from './hostile/support/cli.ts';
import { layerTar, ociLayout, type Entry } from './hostile/support/images.ts';

interface Report {
  targets: { findings: { rule_id: string; message: string }[]; facts: { config: { modules: { name: string; effective: { unusable: { value: boolean } } }[] } } }[];
}

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\nbackup:x:34:34::/:/sbin/nologin\n';
const GROUP = 'root:x:0:\nnogroup:x:65534:\nbackup:x:34:\n';
const CONF = '[known]\npath = /srv/a\nuid = backup\ngid = backup\n[unknown]\npath = /srv/b\nuid = mirror\n[nogroup]\npath = /srv/c\ngid = staff\n';

async function scan(entries: Entry[], conf = CONF, env: string[] = []): Promise<Report> {
  const ref = ociLayout(tempTree({}, 'rg-image-accounts-'), [await layerTar([{ name: 'etc/rsyncd.conf', body: conf }, ...entries])], { Cmd: ['rsync', '--daemon', '--no-detach'], Env: env });
  const r = runCli(['image', ref, '--format', 'json']);
  assert.ok(r.stdout !== '', r.stderr);
  return JSON.parse(r.stdout) as Report;
}

const unusable = (r: Report) => Object.fromEntries((r.targets[0]?.facts.config.modules ?? []).map((m) => [m.name, m.effective.unusable.value]));
const findings14 = (r: Report) => (r.targets[0]?.findings ?? []).filter((f) => f.rule_id === 'RSYNC-014').map((f) => f.message);

const accounts = suite('image accounts: uid and gid names against the image');

accounts("a name the image's /etc/passwd or /etc/group lacks makes the module unusable", async () => {
  const r = await scan([
    { name: 'etc/passwd', body: PASSWD },
    { name: 'etc/group', body: GROUP },
  ]);
  assert.equal(unusable(r), { known: false, unknown: true, nogroup: true });
  const messages = findings14(r);
  assert.is(messages.length, 2);
  assert.ok(messages.some((m) => m.includes('"mirror"') && m.includes("the image's /etc/passwd")));
  assert.ok(messages.some((m) => m.includes('"staff"') && m.includes("the image's /etc/group")));
});

accounts('without the files nothing is known: no name is judged', async () => {
  const r = await scan([]);
  assert.equal(unusable(r), { known: false, unknown: false, nogroup: false });
});

accounts('an /etc/passwd that is a link out of the image root is not followed out of it', async () => {
  const r = await scan([
    { name: 'etc/passwd', type: 'symlink', linkname: '../../../../etc/passwd' },
    { name: 'etc/group', body: GROUP },
  ]);
  // The link resolves inside the image (to its own /etc/passwd, itself): no users known, so uid names are not judged.
  assert.is(unusable(r)['unknown'], false);
  assert.is(unusable(r)['nogroup'], true);
});

accounts('an /etc/nsswitch.conf that sends passwd or group to another source leaves those names unknown', async () => {
  const r = await scan([
    { name: 'etc/passwd', body: PASSWD },
    { name: 'etc/group', body: GROUP },
    { name: 'etc/nsswitch.conf', body: 'passwd: files ldap\ngroup: files\n' },
  ]);
  assert.equal(unusable(r), { known: false, unknown: false, nogroup: true });
});

accounts("expands %VAR% in uid and gid from the image's Env before judging, and leaves a variable it lacks unknown", async () => {
  const conf = 'use chroot = no\n[env]\npath = /srv/a\nread only = no\nuid = %MYUID%\ngid = %MYGID%\n[runtime]\npath = /srv/b\nuid = %LATER%\n[bad]\npath = /srv/c\nuid = %BADUSER%\n';
  const r = await scan(
    [
      { name: 'etc/passwd', body: PASSWD },
      { name: 'etc/group', body: GROUP },
    ],
    conf,
    ['MYUID=65534', 'MYGID=nogroup', 'BADUSER=mirror'],
  );
  assert.equal(unusable(r), { env: false, runtime: false, bad: true });
  assert.ok((r.targets[0]?.findings ?? []).some((f) => f.rule_id === 'RSYNC-002' && f.message.includes('[env]')));
});

accounts.run();
