// An esbuild plugin for scripts/build.mjs: `import { a } from '../runner/index.ts'` is bundled as an import
// from the module that defines `a`. Code splitting follows every import of a module, used or not, so one name
// taken from a folder's index.ts would put everything that index re-exports (the admission server, the image
// reader, prom-client) in the chunks `scan` loads; they should hold what it calls.
// Only the bundle changes: the sources keep importing through index.ts, as test/architecture.test.ts wants.
// Anything this does not understand (an index.ts of another shape, a name it cannot place) is left as written.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** `export { a, b as c, type T } from './x.ts';` and `export type { … } from …`, over several lines too. */
const RE_EXPORT = /^export\s+(type\s+)?\{([^}]*)\}\s*from\s*'([^']+)';/gm;
const STAR = /^export\s+\*\s+from\s+'([^']+)';/gm;
const LOCAL = /^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm;
/** `import { … } from '…/index.ts';` (value imports; `import type` is erased anyway). */
const IMPORT = /^import\s+\{([^}]*)\}\s*from\s*'([^']*\/index\.ts)';/gm;

function specs(list) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const type = /^type\s/.test(s);
      const [name, alias] = s.replace(/^type\s+/, '').split(/\s+as\s+/);
      return { type, name, alias: alias ?? name };
    });
}

/** What an index.ts exports: value name → { file, name } where it is defined; null when its shape is unknown. */
function barrelMap(file, cache) {
  if (cache.has(file)) return cache.get(file);
  cache.set(file, null); // a cycle gives up rather than loops
  const text = readFileSync(file, 'utf8');
  const values = new Map();
  const types = new Set();
  const dir = dirname(file);
  let understood = 0;
  for (const m of text.matchAll(RE_EXPORT)) {
    understood += m[0].length;
    const target = resolve(dir, m[3]);
    for (const s of specs(m[2])) {
      if (m[1] !== undefined || s.type) {
        types.add(s.alias);
        continue;
      }
      const inner = target.endsWith('/index.ts') ? barrelMap(target, cache) : undefined;
      if (inner === null) return null;
      const place = inner === undefined ? { file: target, name: s.name } : inner.values.get(s.name);
      if (place === undefined) return null;
      values.set(s.alias, place);
    }
  }
  for (const m of text.matchAll(STAR)) {
    understood += m[0].length;
    const inner = barrelMap(resolve(dir, m[1]), cache);
    if (inner === null) return null;
    for (const [k, v] of inner.values) values.set(k, v);
    for (const t of inner.types) types.add(t);
  }
  for (const m of text.matchAll(LOCAL)) values.set(m[1], { file, name: m[1] });
  // An index.ts that is only re-exports is fully read; one with its own code keeps that code (LOCAL above).
  if (understood === 0) return null;
  const map = { values, types };
  cache.set(file, map);
  return map;
}

/** Rewrites one file's imports from an index.ts; returns the text unchanged when there is none to rewrite. */
export function rewriteBarrelImports(text, file, cache = new Map()) {
  return text.replace(IMPORT, (whole, list, from) => {
    const barrel = resolve(dirname(file), from);
    const map = barrelMap(barrel, cache);
    if (map === null) return whole;
    const byFile = new Map();
    for (const s of specs(list)) {
      if (s.type || map.types.has(s.name)) continue;
      const place = map.values.get(s.name);
      if (place === undefined) return whole;
      const names = byFile.get(place.file) ?? [];
      names.push(place.name === s.alias ? s.name : `${place.name} as ${s.alias}`);
      byFile.set(place.file, names);
    }
    // One line per defining module; the line count changes, which only the bundle sees.
    return [...byFile].map(([f, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(f)};`).join(' ');
  });
}

/** The plugin: every .ts file under `srcDir` is loaded through rewriteBarrelImports. */
export function barrelImports(srcDir) {
  const root = resolve(srcDir);
  const cache = new Map();
  return {
    name: 'barrel-imports',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(join(root, '/'))) return undefined;
        const text = readFileSync(args.path, 'utf8');
        return { contents: rewriteBarrelImports(text, args.path, cache), loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}
