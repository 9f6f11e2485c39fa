/**
 * The engine: facts documents per second on one reused WASM instance (1, 5 and 100 modules, and an empty
 * document for the fixed cost), and through the pool of policy threads for the typical 5-module config.
 */
import { availableParallelism, loadavg } from 'node:os';
import { NO_INCLUDES } from '../src/common/index.ts';
import { builtinPolicy, PolicyEngine, PolicyPool } from '../src/engine/index.ts';
import { buildFacts, type FactsDocument } from '../src/facts/index.ts';
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

function factsWithModules(n: number, id = 'x.conf'): FactsDocument {
  return buildFacts({ target: { kind: 'file', id, display: id }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25', config: parseRsyncdConf(id, Buffer.from(configWithModules(n)), NO_INCLUDES) });
}

/** Documents per second through the pool, each batch evaluated in order with evaluateMany. */
async function poolRate(pool: PolicyPool, docs: FactsDocument[], seconds: number): Promise<number> {
  for await (const _ of pool.evaluateMany(docs)) {
    // warm-up pass
  }
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for await (const [, r] of pool.evaluateMany(docs)) if (!r.ok) throw r.error;
    n += docs.length;
  }
  return n / ((performance.now() - started) / 1000);
}

export async function benchEngine(rows: Row[]): Promise<void> {
  const source = builtinPolicy();
  if (!source.ok) throw source.error;
  const loaded = await PolicyEngine.load(source.value);
  if (!loaded.ok) throw loaded.error;
  const engine = loaded.value;
  const load = () => loadavg()[0]?.toFixed(1) ?? '?';
  for (const n of [1, 5, 100]) {
    const doc = factsWithModules(n);
    const m = await repeat(5, () => rate([doc], (d) => engine.evaluate(d), 0.6));
    const typical = n === 5;
    rows.push({
      benchmark: `engine, ${n}-module config, one instance`,
      figure: `${fmt(m)} documents/s`,
      goal: typical ? '≥ 2,500/s' : '',
      met: typical ? m.median >= 2_500 : null,
      note: typical ? `load average ${load()} at the end` : '',
    });
  }
  const empty = buildFacts({ target: { kind: 'file', id: 'x.conf', display: 'x.conf' }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25', config: parseRsyncdConf('x.conf', Buffer.from('# nothing\n'), NO_INCLUDES) });
  const floor = await repeat(5, () => rate([empty], (d) => engine.evaluate(d), 0.6));
  rows.push({ benchmark: 'engine floor (empty document)', figure: `${fmt(floor)} documents/s`, goal: '', met: null, note: 'the fixed cost of one evaluation: serializing, WASM entry, result decoding' });

  const threads = Math.min(4, Math.max(2, availableParallelism()));
  const pool = await PolicyPool.load(source.value, { threads });
  if (!pool.ok) throw pool.error;
  try {
    const docs = Array.from({ length: 200 }, (_, i) => factsWithModules(5, `x${i}.conf`));
    const m = await repeat(5, () => poolRate(pool.value, docs, 0.8));
    rows.push({
      benchmark: `engine, 5-module config, pool of ${threads} threads on ${availableParallelism()} cores`,
      figure: `${fmt(m)} documents/s`,
      goal: '≥ 5,000/s on 2 cores',
      met: m.median >= 5_000,
      note: `documents serialized in the main thread, evaluated in the threads, in order (evaluateMany); load average ${load()} at the end`,
    });
  } finally {
    pool.value.close();
  }
}
