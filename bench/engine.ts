/** The engine: facts documents per second on one reused WASM instance, for 1, 5 and 100 modules. */
import { NO_INCLUDES } from '../src/common/index.ts';
import { builtinPolicy, PolicyEngine } from '../src/engine/index.ts';
import { buildFacts } from '../src/facts/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { fmt, rate, repeat, type Row } from './stats.ts';

const MODULE_KINDS = [
  (i: number) => `[pub${i}]\n    path = /srv/mirror/${i}\n    comment = public mirror\n    read only = yes\n`,
  (i: number) => `[in${i}]\n    path = /srv/incoming/${i}\n    read only = no\n    write only = yes\n    hosts allow = 10.0.0.0/8\n    hosts deny = *\n`,
  (i: number) => `[bk${i}]\n    path = /srv/backup/${i}\n    read only = no\n    auth users = web:rw, @ops:ro\n    secrets file = /etc/rsyncd.secrets\n    hosts allow = 192.0.2.0/24\n`,
  (i: number) => `[db${i}]\n    path = /srv/db/${i}\n    auth users = db\n    secrets file = /etc/rsyncd.secrets\n    strict modes = no\n`,
  (i: number) => `[adm${i}]\n    path = /srv/admin/${i}\n    list = no\n    auth users = admin\n    secrets file = /etc/rsyncd.secrets\n    hosts allow = admin.example.net\n`,
];

export function configWithModules(n: number): string {
  const globals = 'uid = nobody\ngid = nogroup\nuse chroot = yes\nmax connections = 20\nlog file = /var/log/rsyncd.log\npid file = /run/rsyncd.pid\n\n';
  return globals + Array.from({ length: n }, (_, i) => (MODULE_KINDS[i % MODULE_KINDS.length] ?? MODULE_KINDS[0]!)(i)).join('\n');
}

export async function benchEngine(rows: Row[]): Promise<void> {
  const source = builtinPolicy();
  if (!source.ok) throw source.error;
  const loaded = await PolicyEngine.load(source.value);
  if (!loaded.ok) throw loaded.error;
  const engine = loaded.value;
  for (const n of [1, 5, 100]) {
    const doc = buildFacts({ target: { kind: 'file', id: 'x.conf', display: 'x.conf' }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25', config: parseRsyncdConf('x.conf', Buffer.from(configWithModules(n)), NO_INCLUDES) });
    const m = await repeat(5, () => rate([doc], (d) => engine.evaluate(d), 0.6));
    const typical = n === 5;
    rows.push({
      benchmark: `engine, ${n}-module config`,
      figure: `${fmt(m)} documents/s`,
      goal: typical ? '≥ 20,000/s' : '',
      met: typical ? m.median >= 20_000 : null,
      note: typical ? 'opa-wasm evaluates each rule body per module; see below' : '',
    });
  }
  const empty = buildFacts({ target: { kind: 'file', id: 'x.conf', display: 'x.conf' }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25', config: parseRsyncdConf('x.conf', Buffer.from('# nothing\n'), NO_INCLUDES) });
  const floor = await repeat(5, () => rate([empty], (d) => engine.evaluate(d), 0.6));
  rows.push({ benchmark: 'engine floor (empty document)', figure: `${fmt(floor)} documents/s`, goal: '', met: null, note: 'the fixed cost of one evaluation: SDK, WASM entry, result decoding' });
}
