import { createServer, type Server } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { InventoryHost } from '../sources/index.ts';
import { sweep } from './sweep.ts';

const sw = suite('sweep and the abort signal');

const listen = (onConnection: (s: import('node:net').Socket) => void = () => {}): Promise<Server> =>
  new Promise((ready) => {
    const server = createServer(onConnection);
    server.listen(0, '127.0.0.1', () => ready(server));
  });
const portOf = (s: Server) => (s.address() as { port: number }).port;
const hostsAt = (port: number, n: number): InventoryHost[] => Array.from({ length: n }, (_, i) => ({ name: `h${i}`, group: 'g', address: '127.0.0.1', port, user: null, jump: null, sudo: false }));
const ssh = { sshConfig: '/dev/null', connectTimeoutSeconds: 5, totalTimeoutMs: 20_000, maxOutputBytes: 1024, acceptNewHostKeys: false };

sw('more than ten hosts at once on one signal: no MaxListenersExceededWarning', async () => {
  // A port that refuses: every host is refused, retried once, and accounted for.
  const closed = await listen();
  const port = portOf(closed);
  await new Promise((r) => closed.close(r));
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  try {
    const r = await sweep(hostsAt(port, 14), 'true\n', { concurrency: 14, ssh, resume: false, signal: new AbortController().signal });
    assert.ok(r.ok);
    if (r.ok) assert.equal([...new Set(r.value.map((o) => o.status))], ['unreachable']);
    await new Promise((r) => setImmediate(r));
  } finally {
    process.off('warning', onWarning);
  }
  assert.equal(
    warnings.filter((w) => /MaxListeners/.test(w)),
    [],
  );
});

sw('an abort still stops every ssh in flight', async () => {
  // A listener that never speaks: each ssh waits for a banner until it is stopped.
  const sockets: import('node:net').Socket[] = [];
  const silent = await listen((s) => sockets.push(s));
  const ac = new AbortController();
  const started = Date.now();
  setTimeout(() => ac.abort(), 500);
  try {
    const r = await sweep(hostsAt(portOf(silent), 12), 'true\n', { concurrency: 12, ssh, resume: false, signal: ac.signal });
    assert.ok(r.ok);
    // Hosts cut off are neither reported nor recorded.
    if (r.ok) assert.is(r.value.length, 0);
    assert.ok(Date.now() - started < 4000, `took ${Date.now() - started} ms`);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  }
});

sw.run();
