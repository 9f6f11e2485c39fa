/**
 * The shared corpus lives beside the project (../shared/corpus) and is never copied into it, so a clone
 * made elsewhere has none. Tests that read it skip with a printed reason then; under CI=true a missing
 * corpus fails instead, so CI can never go green by not looking.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Test } from 'uvu';

export const CORPUS = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

const present = existsSync(join(CORPUS, 'SOURCES.tsv'));
const inCi = process.env['CI'] === 'true';

/** Registers a test that needs the corpus: run when present, failed under CI when absent, else skipped. */
export function corpusTest(suite: Test, name: string, fn: () => void | Promise<void>): void {
  if (present) {
    suite(name, fn);
    return;
  }
  const reason = `no shared corpus at ${CORPUS}`;
  if (inCi) {
    suite(name, () => {
      throw new Error(`${reason}: CI=true requires it (check out the shared material beside the project)`);
    });
    return;
  }
  console.log(`  skipped "${name}": ${reason} (under CI=true its absence fails)`);
  suite.skip(name, fn);
}
