// Bundles the CLI into dist/ so that `node dist/cli.js` runs with no install.
// `--check` rebuilds into a temporary folder and fails when the committed dist/ differs.
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'rsyncguard-dist-')) : 'dist';

const entries = [
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'src/action/index.ts', out: 'action' },
  { in: 'src/engine/policy-worker.ts', out: 'policy-worker' },
  { in: 'src/runner/image-worker.ts', out: 'image-worker' },
];

await build({
  entryPoints: entries,
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
});

// The host collector ships beside the bundle: `rsyncguard host` runs it with sh.
copyFileSync('collectors/rsync-facts.sh', join(outdir, 'rsync-facts.sh'));
// sql.js's SQLite (WebAssembly) reads an image's rpmdb.sqlite; src/parse/rpmdb-sqlite.ts loads it from beside the bundle.
// Written, not copied: the package ships it executable, and dist/ keeps plain data files 0644.
writeFileSync(join(outdir, 'sql-wasm.wasm'), readFileSync('node_modules/sql.js/dist/sql-wasm.wasm'));

if (check) {
  const stale = [];
  for (const name of readdirSync(outdir)) {
    const committed = join('dist', name);
    if (!existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(outdir, name)))) stale.push(committed);
  }
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`dist/ is out of date: ${stale.join(', ')}. Run "npm run build" and commit dist/.`);
    process.exit(1);
  }
  console.log('dist/ is up to date');
}
