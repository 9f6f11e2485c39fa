/**
 * Stable alert identity: a SARIF result's fingerprint depends on what the finding is about (rule, target,
 * file, module, parameter), never on the text of the line it is shown at. Comments, blank lines,
 * indentation and a module moved within the file change no fingerprint; distinct findings never share one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as Sarif from 'sarif';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPUS, corpusTest } from './support/corpus.ts';

const CLI = resolve('dist/cli.js');

function scan(cwd: string, target: string): Sarif.Result[] {
  const r = spawnSync(process.execPath, [CLI, 'scan', target, '--format', 'sarif', '--fail-on', 'none'], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20 });
  assert.ok(r.status === 0 || r.status === 2, r.stderr);
  return (JSON.parse(r.stdout) as Sarif.Log).runs[0]?.results ?? [];
}

/** The finding's logical identity as the report states it; a module's index in the file is not part of it. */
function identity(r: Sarif.Result): string {
  const p = r.properties ?? {};
  return [p['rule'], p['target'], p['module'] ?? '', String(p['facts_path']).replace(/modules\[\d+\]/g, 'modules[]')].join('|');
}

function fingerprintsOf(results: Sarif.Result[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of results) {
    const fp = r.partialFingerprints?.['primaryLocationLineHash'];
    assert.ok(fp, `${identity(r)} has a primaryLocationLineHash`);
    out.set(identity(r), [...(out.get(identity(r)) ?? []), fp].sort());
  }
  return out;
}

/** The preamble (global section) and the module blocks, each starting at its `[name]` header. */
function blocks(text: string): { preamble: string[]; modules: string[][] } {
  const preamble: string[] = [];
  const modules: string[][] = [];
  for (const line of text.split('\n')) {
    if (/^\s*\[[^\]]+\]/.test(line)) modules.push([line]);
    else (modules.at(-1) ?? preamble).push(line);
  }
  return { preamble, modules };
}

/** The same configuration, edited in every way that must not change an alert's identity. */
function edited(text: string, move: boolean): string {
  const { preamble, modules } = blocks(text.replace(/\n+$/, ''));
  const moved = move && modules.length > 1 ? [...modules.slice(1), modules[0] ?? []] : modules;
  const body = moved.map((m) => {
    const [header, ...rest] = m;
    const params = rest.map((l) => (l.trim() === '' || /^\s*[#;]/.test(l) ? l : `    ${l.trim()}`));
    return ['# a comment between modules', '', header ?? '', '# a comment inside the module', '', ...params, ''].join('\n');
  });
  const global = preamble.map((l) => (l.trim() === '' || /^\s*[#;]/.test(l) ? l : `  ${l.trim()}`));
  return ['# a comment added at the top', '', '', ...global, '', '# another comment', ...body].join('\n');
}

const CONFIGS = [
  'examples/public-mirror/rsyncd.conf',
  'examples/backup-target/rsyncd.conf',
  'test/fixtures/rules/RSYNC-011/fires.conf',
  'test/fixtures/rules/RSYNC-060/fires.conf',
  'test/fixtures/rules/RSYNC-010/fires.conf',
  'test/fixtures/rules/RSYNC-012/fires.conf',
  'test/fixtures/rules/RSYNC-005/fires.conf',
];

const ident = suite('SARIF alert identity');

ident('the edit moves a module and adds comments, blank lines and indentation (so the next test proves something)', () => {
  const text = '[a]\npath = /a\n[b]\npath = /b\n';
  const out = edited(text, true);
  assert.ok(out.indexOf('[b]') < out.indexOf('[a]'));
  assert.match(out, /^# a comment added at the top\n\n/);
  assert.match(out, /\n {4}path = \/a/);
});

for (const config of CONFIGS) {
  ident(`${config}: comments, blank lines and indentation change no fingerprint`, () => {
    const original = readFileSync(config, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'rg-ident-'));
    writeFileSync(join(dir, 'rsyncd.conf'), original);
    const a = scan(dir, 'rsyncd.conf');
    assert.ok(a.length > 0, `${config} has findings, else this proves little`);
    writeFileSync(join(dir, 'rsyncd.conf'), edited(original, false));
    const b = scan(dir, 'rsyncd.conf');
    const fa = fingerprintsOf(a);
    const fb = fingerprintsOf(b);
    assert.equal([...fb.keys()].sort(), [...fa.keys()].sort(), 'the edit leaves the same findings');
    for (const [key, fps] of fa) assert.equal(fb.get(key), fps, `${key} keeps its fingerprint`);
    const fps = (rs: Sarif.Result[]) => rs.map((r) => r.partialFingerprints?.['primaryLocationLineHash']).sort();
    assert.equal(fps(b), fps(a));
  });

  ident(`${config}: a module moved to the end keeps every fingerprint`, () => {
    const original = readFileSync(config, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'rg-ident-'));
    writeFileSync(join(dir, 'rsyncd.conf'), original);
    const fa = fingerprintsOf(scan(dir, 'rsyncd.conf'));
    writeFileSync(join(dir, 'rsyncd.conf'), edited(original, true));
    const fb = fingerprintsOf(scan(dir, 'rsyncd.conf'));
    // Some rules compare modules in file order (a shared lock file is reported on the later module), so
    // only the findings present both times are compared: those must be nearly all, and keep their print.
    const both = [...fa.keys()].filter((k) => fb.has(k));
    assert.ok(both.length >= fa.size - 2 && both.length > 0, `${config}: the move keeps most findings`);
    for (const key of both) assert.equal(fb.get(key), fa.get(key), `${key} keeps its fingerprint`);
  });
}

function assertDistinct(results: Sarif.Result[]) {
  const seen = new Map<string, string>();
  for (const r of results) {
    const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    const fp = `${uri} ${r.ruleId?.split('/')[0]} ${r.partialFingerprints?.['primaryLocationLineHash']}`;
    const where = `${identity(r)} @${r.locations?.[0]?.physicalLocation?.region?.startLine}`;
    assert.not.ok(seen.has(fp), `${where} shares its fingerprint with ${seen.get(fp)}`);
    seen.set(fp, where);
  }
}

ident('two distinct findings never share a fingerprint (examples)', () => {
  const results = scan(process.cwd(), 'examples');
  assert.ok(results.length > 20);
  assertDistinct(results);
});

corpusTest(ident, 'two distinct findings never share a fingerprint (corpus)', () => {
  assertDistinct(scan(CORPUS, '.'));
});

ident.run();
