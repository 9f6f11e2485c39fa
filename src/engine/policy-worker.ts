/**
 * Worker-thread entry (dist/policy-worker.js): loads one user-supplied policy and evaluates facts documents
 * sent by the main thread. Running here, a policy that never returns or that exhausts its heap can be
 * stopped by the main thread without taking the scan with it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { UserError } from '../common/index.ts';
import { PolicyEngine, type PolicySource } from './policy-engine.ts';
import type { ErrorValue, FromWorker } from './policy-worker-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('policy-worker runs only as a worker thread');
const send = (m: FromWorker): void => port.postMessage(m);
const errorValue = (e: UserError): ErrorValue => ({ message: e.message, ...(e.where ? { where: e.where } : {}), ...(e.hint ? { hint: e.hint } : {}) });

// workerData is the PolicySource the main thread built and cloned (sandboxed-policy.ts), not outside input.
const loaded = await PolicyEngine.load(workerData as PolicySource);
if (!loaded.ok) {
  send({ type: 'load-failed', error: errorValue(loaded.error) });
} else {
  const engine = loaded.value;
  port.on('message', (m: { type: 'evaluate'; facts: Parameters<PolicyEngine['evaluate']>[0] }) => {
    const r = engine.evaluate(m.facts);
    send(r.ok ? { type: 'result', findings: r.value } : { type: 'failed', error: errorValue(r.error) });
  });
  send({ type: 'loaded' });
}
