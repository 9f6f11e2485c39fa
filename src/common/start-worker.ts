import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread on the entry `name` beside the caller (`here`: its import.meta.url): `name.js` beside the
 * bundle in dist/. From a checkout (running under tsx) a worker thread does not inherit tsx's loader —
 * `--import tsx` registers it in the main thread only — so the thread registers tsx first, then imports
 * `name.ts`.
 */
export function startWorker(here: string, name: string, options: WorkerOptions): Worker {
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), options);
  const entry = JSON.stringify(new URL(`./${name}.ts`, here).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`, { ...options, eval: true });
}
