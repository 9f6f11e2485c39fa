import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/ beside the bundle (dist/cli.js), or the repository's dist/ when running from source. */
export function distDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [here, join(here, '..', '..', 'dist')];
  return candidates.find((d) => existsSync(join(d, 'policy.wasm'))) ?? here;
}
