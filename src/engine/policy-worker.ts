/**
 * Worker-thread entry (dist/policy-worker.js): loads one policy and evaluates what the main thread sends.
 * A user-supplied policy runs here so that one that never returns or exhausts its heap can be stopped
 * without taking the scan with it (sandboxed-policy.ts); the built-in policy runs here in a pool of such
 * threads (policy-pool.ts), one WASM instance each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { UserError } from '../common/index.ts';
import { PolicyEngine, type PolicySource } from './policy-engine.ts';
import type { ErrorValue, FromWorker, ToWorker } from './policy-worker-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('policy-worker runs only as a worker thread');
const send = (m: FromWorker): void => port.postMessage(m);
const errorValue = (e: UserError): ErrorValue => ({ message: e.message, ...(e.where ? { where: e.where } : {}), ...(e.hint ? { hint: e.hint } : {}) });

// workerData is the PolicySource the main thread built and cloned (sandboxed-policy.ts, policy-pool.ts), not outside input.
const loaded = await PolicyEngine.load(workerData as PolicySource);
if (!loaded.ok) {
  send({ type: 'load-failed', error: errorValue(loaded.error) });
} else {
  const engine = loaded.value;
  // Messages come from the main thread of this process (ToWorker), not from outside.
  port.on('message', (m: ToWorker) => {
    if (m.type === 'evaluate-input') {
      const r = engine.evaluateInput(m.input, m.target, m.modules);
      send(r.ok ? { type: 'result', id: m.id, findings: r.value } : { type: 'failed', id: m.id, error: errorValue(r.error) });
      return;
    }
    const r = engine.evaluate(m.facts);
    send(r.ok ? { type: 'result', findings: r.value } : { type: 'failed', error: errorValue(r.error) });
  });
  send({ type: 'loaded' });
}
