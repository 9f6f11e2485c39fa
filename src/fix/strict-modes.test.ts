import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { planFixes } from './plan.ts';

const FILE = 'rsyncd.conf';
const TEXT = '[db]\n  path = /db\n  auth users = bob\n  secrets file = /etc/rsyncd.secrets\n  strict modes = no\n';

interface Secrets {
  path: string;
  file: string | null;
  other_accessible: boolean | null;
  owner_is_root: boolean | null;
}

/** One module [db] with `strict modes = no` and a secrets file as the facts know it. */
function doc(secrets: Secrets, kind = 'file', root = true): FactsDocument {
  const p = (value: string | boolean, line: number) => ({ value, raw: String(value), file: FILE, line, column: 3, origin: 'module' });
  const params = { 'auth users': p('bob', 3), 'secrets file': p(secrets.path, 4), 'strict modes': p(false, 5) };
  return {
    target: { kind, id: FILE, display: FILE },
    rsync: { distro: null, cves: [] },
    config: {
      files: [{ path: FILE }],
      global: {},
      modules: [{ name: 'db', header: { file: FILE, line: 1, column: 1 }, shadowed: false, params, acl: { allow: null, deny: null }, effective: { chroot: { value: true } } }],
      diagnostics: [],
      effective: { root: { value: root } },
    },
    secrets: [{ ...secrets, exists: true, mode: null, uid: null, gid: null, referenced_by: ['db'], entries: [] }],
  } as unknown as FactsDocument;
}

const finding = (rule_id: string, path: string, module: string | null = 'db'): Finding => ({ rule_id, title: '', severity: 'high', context: null, message: '', target: FILE, module, path, location: null });
const strict = finding('RSYNC-021', 'config.modules[0].params.strict modes');
const plan = (d: FactsDocument, f = strict) => planFixes(d, [f], new Map([[FILE, TEXT]]));

const s = suite('RSYNC-021 and the secrets file');

s('a committed secrets file (git mode 644): no removal (every login would be refused), the chmod where it is deployed', () => {
  const p = plan(doc({ path: '/etc/rsyncd.secrets', file: 'etc/rsyncd.secrets', other_accessible: true, owner_is_root: null }));
  assert.is(p.candidates.length, 0);
  assert.is(p.unfixed[0]?.suggestion, 'chmod 600 /etc/rsyncd.secrets');
  assert.match(p.unfixed[0]?.reason ?? '', /refuses every login to \[db\] while its secrets file is readable by others, and etc\/rsyncd\.secrets is committed/);
  assert.match(p.unfixed[0]?.reason ?? '', /`chmod 600 \/etc\/rsyncd\.secrets` \(and `chown root` on a root daemon\) where it is deployed\), then remove the "strict modes = no" line by hand/);
});

s('on a host: the configured path, and no chown when root owns it', () => {
  const p = plan(doc({ path: '/etc/rsyncd.secrets', file: '/etc/rsyncd.secrets', other_accessible: true, owner_is_root: true }, 'host'));
  assert.is(p.candidates.length, 0);
  assert.is(p.unfixed[0]?.suggestion, 'chmod 600 /etc/rsyncd.secrets');
  assert.match(p.unfixed[0]?.reason ?? '', /refuses every login to \[db\] while \/etc\/rsyncd\.secrets is readable by others: run `chmod 600 \/etc\/rsyncd\.secrets` first, then run fix again/);
  assert.not.match(p.unfixed[0]?.reason ?? '', /chown|repositor/);
});

s('a root daemon and a secrets file root does not own: chown first', () => {
  const p = plan(doc({ path: '/etc/rsyncd.secrets', file: '/etc/rsyncd.secrets', other_accessible: false, owner_is_root: false }, 'host'));
  assert.is(p.candidates.length, 0);
  assert.is(p.unfixed[0]?.suggestion, 'chown root /etc/rsyncd.secrets');
  // A daemon not running as root does not care who owns it.
  assert.is(plan(doc({ path: '/etc/rsyncd.secrets', file: '/etc/rsyncd.secrets', other_accessible: false, owner_is_root: false }, 'host', false)).candidates.length, 1);
});

s('a mode 600 file, or one the facts do not know: the line is removed', () => {
  for (const other of [false, null]) {
    const p = plan(doc({ path: '/etc/rsyncd.secrets', file: null, other_accessible: other, owner_is_root: null }));
    assert.is(p.candidates.length, 1);
    assert.equal(p.candidates[0]?.edits, [{ file: FILE, start: 5, end: 5, lines: [] }]);
  }
});

s('RSYNC-030 on a host names no repository', () => {
  const p = plan(doc({ path: '/etc/rsyncd.secrets', file: '/etc/rsyncd.secrets', other_accessible: true, owner_is_root: true }, 'host'), finding('RSYNC-030', 'secrets[0].mode', null));
  assert.is(p.unfixed[0]?.suggestion, 'chmod 600 /etc/rsyncd.secrets');
  assert.not.match(p.unfixed[0]?.reason ?? '', /repositor/);
  assert.match(p.unfixed[0]?.reason ?? '', /on the host/);
});

s.run();
