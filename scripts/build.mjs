// Bundles the CLI into dist/ so that `node dist/cli.js` runs with no install.
// `--check` rebuilds into a temporary folder and fails when the committed dist/ differs.
// dist/cli.js is split (issue 20, cold start): `scan` imports the chunks (dist/chunk-HASH.js) with its own code,
// every other command those with the whole command table (src/cli/main.ts). Chunks sit beside the entries, so
// import.meta.url (workers, sql-wasm.wasm, policy.wasm) still means dist/. The Action and the workers stay
// one file each: split together with the CLI they would cut the chunks along every combination of entries,
// and each ES module Node loads costs resolve and link time.
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { barrelImports } from './barrel-imports.mjs';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'rsyncguard-dist-')) : 'dist';

const CLI = { in: 'src/cli/main.ts', out: 'cli' };
const entries = [
  { in: 'src/action/index.ts', out: 'action' },
  { in: 'src/engine/policy-worker.ts', out: 'policy-worker' },
  { in: 'src/runner/image-worker.ts', out: 'image-worker' },
];

/** What the build writes beside the entries; a committed one the build no longer writes is stale. */
const CHUNK = /^chunk-[A-Z0-9]+\.js$/;
// Chunk names change with their content: the previous build's must not linger in dist/ (nor be committed).
if (!check && existsSync(outdir)) for (const name of readdirSync(outdir)) if (CHUNK.test(name)) rmSync(join(outdir, name));

const options = {
  // scan's chunks hold what it calls, not all that the index.ts files it imports from re-export.
  plugins: [barrelImports('src')],
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.js' },
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require() or read __dirname (sql.js does, under Node); give the ESM bundle both.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __rgCreateRequire } from 'node:module';\nimport { fileURLToPath as __rgFileURLToPath } from 'node:url';\nconst require = __rgCreateRequire(import.meta.url);\nconst __rgDirname = __rgFileURLToPath(new URL('.', import.meta.url));",
  },
  define: { __dirname: '__rgDirname' },
};
await build({ ...options, entryPoints: [CLI], splitting: true, chunkNames: 'chunk-[hash]' });
await build({ ...options, entryPoints: entries });

// The host collector ships beside the bundle: `rsyncguard host` runs it with sh.
copyFileSync('collectors/rsync-facts.sh', join(outdir, 'rsync-facts.sh'));
// sql.js's SQLite (WebAssembly) reads an image's rpmdb.sqlite; src/parse/rpmdb-sqlite.ts loads it from beside the bundle.
// Written, not copied: the package ships it executable, and dist/ keeps plain data files 0644.
writeFileSync(join(outdir, 'sql-wasm.wasm'), readFileSync('node_modules/sql.js/dist/sql-wasm.wasm'));

if (check) {
  const stale = [];
  const built = readdirSync(outdir);
  for (const name of built) {
    const committed = join('dist', name);
    if (!existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(outdir, name)))) stale.push(committed);
  }
  // A chunk of an older build left in dist/ is dead weight in the package and the image.
  for (const name of readdirSync('dist')) if (CHUNK.test(name) && !built.includes(name)) stale.push(join('dist', name));
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`dist/ is out of date: ${stale.join(', ')}. Run "npm run build" and commit dist/.`);
    process.exit(1);
  }
  console.log('dist/ is up to date');
}
