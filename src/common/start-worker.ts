import { Worker, type WorkerOptions } from 'node:worker_threads';
import { applyHeapGrowth } from './heap-growth.ts';

/**
 * A worker thread on the entry `name` beside the caller (`here`: its import.meta.url): `name.js` beside the
 * bundle in dist/. From a checkout (running under tsx) a worker thread does not inherit tsx's loader —
 * `--import tsx` registers it in the main thread only — so the thread registers tsx first, then imports
 * `name.ts`.
 */
export function startWorker(here: string, name: string, options: WorkerOptions): Worker {
  const worker = newWorker(here, name, options);
  worker.once('online', applyHeapGrowth);
  return worker;
}

function newWorker(here: string, name: string, options: WorkerOptions): Worker {
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), options);
  const entry = JSON.stringify(new URL(`./${name}.ts`, here).href);
  // Resolved here, beside the checkout's node_modules: the thread's eval code resolves from the working directory.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, { ...options, eval: true });
}
