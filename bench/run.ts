/**
 * `npm run bench`: throughput of the hot paths on this machine, printed as one line each. Benchmarks
 * measure; they never fail a build (tests do not time anything).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_INCLUDES } from '../src/common/index.ts';
import { buildFacts } from '../src/facts/index.ts';
import { builtinPolicy } from '../src/runner/index.ts';
import { PolicyEngine } from '../src/engine/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { benchScan } from './scan.ts';

/** A realistic daemon: a public mirror, a drop box, two backup targets and an admin share. */
const TYPICAL_CONFIG = `uid = nobody
gid = nogroup
use chroot = yes
max connections = 20
log file = /var/log/rsyncd.log
pid file = /run/rsyncd.pid

[debian]
    path = /srv/mirror/debian
    comment = Debian archive
    read only = yes

[incoming]
    path = /srv/incoming
    read only = no
    write only = yes
    hosts allow = 10.0.0.0/8
    hosts deny = *

[backup-web]
    path = /srv/backup/web
    read only = no
    auth users = web:rw, @ops:ro
    secrets file = /etc/rsyncd.secrets
    hosts allow = 192.0.2.0/24

[backup-db]
    path = /srv/backup/db
    read only = no
    auth users = db
    secrets file = /etc/rsyncd.secrets
    strict modes = no

[admin]
    path = /srv/admin
    list = no
    auth users = admin
    secrets file = /etc/rsyncd.secrets
    hosts allow = admin.example.net
`;

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const MIN_SECONDS = 2;

/** Runs `work` over `inputs` repeatedly for at least MIN_SECONDS after a warm-up; returns rounds and seconds. */
function measure<T>(inputs: T[], work: (input: T) => void): { items: number; seconds: number } {
  for (const input of inputs) work(input);
  let items = 0;
  const started = performance.now();
  while (performance.now() - started < MIN_SECONDS * 1000) {
    for (const input of inputs) work(input);
    items += inputs.length;
  }
  return { items, seconds: (performance.now() - started) / 1000 };
}

function corpusInputs(): { name: string; bytes: Buffer }[] {
  if (!existsSync(CORPUS)) {
    console.error(`no corpus at ${CORPUS}: run next to ../shared`);
    process.exit(2);
  }
  return readdirSync(CORPUS)
    .filter((f) => f !== 'SOURCES.tsv')
    .map((f) => ({ name: f, bytes: readFileSync(join(CORPUS, f)) }));
}

const inputs = corpusInputs();
const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);

const parse = measure(inputs, (i) => parseRsyncdConf(i.name, i.bytes, NO_INCLUDES));
console.log(
  `parse (corpus, ${inputs.length} files, ${bytes} bytes): ${Math.round(parse.items / parse.seconds)} files/s, ` +
    `${((parse.items / inputs.length) * bytes / parse.seconds / 1e6).toFixed(2)} MB/s`,
);

const facts = measure(inputs, (i) =>
  buildFacts({
    target: { kind: 'file', id: i.name, display: i.name },
    daemonUser: 'root',
    rsyncVersion: [3, 5, 0],
    today: '2026-11-25',
    config: parseRsyncdConf(i.name, i.bytes, NO_INCLUDES),
  }),
);
console.log(`parse + facts (corpus): ${Math.round(facts.items / facts.seconds)} documents/s`);

// The engine: one loaded policy, many facts documents (a typical 5-module config, as the issue asks).
const policy = builtinPolicy();
if (!policy.ok) throw policy.error;
const loaded = await PolicyEngine.load(policy.value);
if (!loaded.ok) throw loaded.error;
const engine = loaded.value;
const typical = parseRsyncdConf('typical.conf', Buffer.from(TYPICAL_CONFIG), NO_INCLUDES);
const doc = buildFacts({ target: { kind: 'file', id: 'typical.conf', display: 'typical.conf' }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25', config: typical });
const evals = measure([doc], (d) => {
  const r = engine.evaluate(d);
  if (!r.ok) throw r.error;
});
const findings = engine.evaluate(doc);
console.log(
  `engine (one instance, 5-module config, ${findings.ok ? findings.value.length : 0} findings, ${JSON.stringify(doc).length} bytes of facts): ` +
    `${Math.round(evals.items / evals.seconds)} documents/s`,
);

// The floor: the same instance on a document with no modules (the SDK's and the module's fixed cost).
const empty = { ...doc, config: { ...doc.config, modules: [], diagnostics: [] }, secrets: [] };
const floor = measure([empty], (d) => engine.evaluate(d));
console.log(`engine floor (same instance, empty document): ${Math.round(floor.items / floor.seconds)} documents/s`);

await benchScan();
