/**
 * The collection's controller-side Python (ansible/plugins), run by Debian's python3 with ansible-core's own
 * collection loader: ssh failures named as `sweep` names them (and the table kept identical to
 * src/sources/ssh-collect.ts, so the two paths cannot drift apart), the ssh arguments that keep a master from
 * being opened, and the outcome recorded for every way Ansible can leave a host without a collector answer.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from './support/suite.ts';
import * as assert from 'uvu/assert';
import { HOST_STATUSES } from '../src/sources/index.ts';

const PYTHON = '/usr/bin/python3';
const hasAnsible = spawnSync(PYTHON, ['-P', '-c', 'import ansible'], { encoding: 'utf8' }).status === 0;

// Loads the collection from the checkout, as Ansible would from an installed copy.
const PRELUDE = `
import json, sys
from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder
_AnsibleCollectionFinder(paths=[sys.argv[1]])._install()
from ansible_collections.rsyncguard.audit.plugins.plugin_utils import outcome
from ansible_collections.rsyncguard.audit.plugins.action import record
`;

let root = '';

function python<T>(body: string): T {
  const r = spawnSync(PYTHON, ['-P', '-c', PRELUDE + body, root], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

const plugins = suite('the collection plugins (controller side)');

plugins.before(() => {
  root = mkdtempSync(join(tmpdir(), 'rg-collection-'));
  mkdirSync(join(root, 'ansible_collections', 'rsyncguard'), { recursive: true });
  symlinkSync(resolve('ansible'), join(root, 'ansible_collections', 'rsyncguard', 'audit'));
});
plugins.after(() => rmSync(root, { recursive: true, force: true }));

plugins('the ssh failure table is sweep’s, in the same order with the same reasons', () => {
  if (!hasAnsible) return;
  const ts = readFileSync('src/sources/ssh-collect.ts', 'utf8');
  const table = ts.slice(ts.indexOf('const SSH_FAILURES'), ts.indexOf('];', ts.indexOf('const SSH_FAILURES')));
  const fromTs = [...table.matchAll(/status: '([a-z-]+)',\s*line: \/(.+?)\/i,(?:\s*transient: \w+,)?(?:\s*reason: (["'])(.*?)\3,)?/g)].map((m) => [m[1], m[2], m[4] ?? null]);
  assert.ok(fromTs.length >= 6, table);
  const fromPy = python<[string, string, string | null][]>('print(json.dumps([[s, p.pattern, r] for s, p, r in outcome.SSH_FAILURES]))');
  assert.equal(fromPy, fromTs);
});

plugins('ssh failures as Ansible reports them get sweep’s status and reason', () => {
  if (!hasAnsible) return;
  const cases: [string, string, string][] = [
    ['Failed to connect to the host via ssh: ssh: connect to host 127.0.0.1 port 9: Connection refused', 'unreachable', 'ssh: connect to host 127.0.0.1 port 9: Connection refused'],
    ['Data could not be sent to remote host "10.0.0.5". Make sure this host can be reached over ssh: root@10.0.0.5: Permission denied (publickey).', 'auth-failed', 'root@10.0.0.5: Permission denied (publickey).'],
    ['Failed to connect to the host via ssh: Connection timed out during banner exchange\nConnection to 127.0.0.1 port 22 timed out', 'timeout', 'Connection timed out during banner exchange'],
    ['Failed to connect to the host via ssh: No ED25519 host key is known for [127.0.0.1]:22 and you have requested strict checking.\r\nHost key verification failed.', 'host-key-unknown', ''],
    ['Failed to connect to the host via ssh: @@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.', 'host-key-mismatch', ''],
    ['Failed to connect to the host via ssh: Warning: Permanently added x\nsomething odd', 'ssh-error', 'something odd'],
  ];
  const got = python<[string, string][]>(`print(json.dumps([outcome.ssh_failure(m) for m in ${JSON.stringify(cases.map((c) => c[0]))}]))`);
  for (const [i, [, status, reason]] of cases.entries()) {
    assert.is(got[i]?.[0], status, cases[i]?.[0]);
    if (reason !== '') assert.is(got[i]?.[1], reason);
    else if (status === 'host-key-unknown') {
      // The role has no --accept-new-host-keys: the advice is what an Ansible user does.
      assert.not.match(got[i]?.[1] ?? '', '--accept-new-host-keys');
      assert.match(got[i]?.[1] ?? '', 'known_hosts');
      assert.match(got[i]?.[1] ?? '', 'StrictHostKeyChecking=accept-new');
    } else assert.match(got[i]?.[1] ?? '', 'man-in-the-middle');
  }
});

plugins('ssh_args lose every connection-sharing option and start with ControlMaster=no; the rest stays', () => {
  if (!hasAnsible) return;
  const got = python<string[]>(`print(json.dumps([outcome.without_connection_sharing(a) for a in ["-C -o ControlMaster=auto -o ControlPersist=60s", "-oControlPath=/x -o 'ProxyJump=a b' -o controlpersist=yes -v", ""]]))`);
  assert.equal(got, ['-o ControlMaster=no -C', "-o ControlMaster=no -o 'ProxyJump=a b' -v", '-o ControlMaster=no']);
});

plugins('record names every host, whatever Ansible left of its collect result', () => {
  if (!hasAnsible) return;
  const got = python<Record<string, { status: string; reason: string; group: string; raw?: unknown }>>(`
doc = {"schema": "rsyncguard/host-raw@1", "host": {"name": "web1"}}
cases = {
  "ok": {"rsyncguard_outcome": {"status": "ok", "reason": "", "seconds": 1.5}, "document": doc},
  "refused": {"unreachable": True, "msg": "x", "rsyncguard_outcome": {"status": "unreachable", "reason": "Connection refused", "seconds": 0.1}},
  "killed": {"failed": True, "msg": "The rsyncguard.audit.collect action failed to execute in the expected time frame (7) and was terminated"},
  "dropped": {"unreachable": True, "msg": "Failed to connect to the host via ssh: root@h: Permission denied (publickey)."},
  "skipped": {"skipped": True, "changed": False},
  "gone": None,
}
print(json.dumps({h: record.outcome_of(h, "web", r) for h, r in cases.items()}))`);
  assert.equal(got['ok'], { host: 'ok', group: 'web', status: 'ok', reason: '', seconds: 1.5, raw: { schema: 'rsyncguard/host-raw@1', host: { name: 'web1' } } });
  assert.equal([got['refused']?.status, got['refused']?.reason], ['unreachable', 'Connection refused']);
  assert.equal([got['killed']?.status, got['killed']?.reason], ['timeout', 'no complete answer within 7 s']);
  assert.equal([got['dropped']?.status, got['dropped']?.reason], ['auth-failed', 'root@h: Permission denied (publickey).']);
  assert.is(got['skipped']?.status, 'collector-error');
  assert.match(got['gone']?.reason ?? '', 'left the play');
  // Every status is one sweep's results file accepts.
  for (const o of Object.values(got)) assert.ok((HOST_STATUSES as readonly string[]).includes(o.status), o.status);
});

plugins('a host is reported under rsyncguard_group, else its first group by name, else ungrouped', () => {
  if (!hasAnsible) return;
  const got = python<string[]>('print(json.dumps([record.group_of(v) for v in [{"rsyncguard_group": "dmz", "group_names": ["a"]}, {"group_names": ["web", "prod"]}, {"group_names": []}]]))');
  assert.equal(got, ['dmz', 'prod', 'ungrouped']);
});

plugins.run();
