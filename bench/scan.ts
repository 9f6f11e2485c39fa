/**
 * Repository scans: 10,000 configs made by mutating ../shared/corpus and examples/, scanned end to end
 * (discover, read, parse, facts, policy, SARIF) against discover-read-parse only, and against Conftest
 * with an equivalent policy set over the same files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NO_INCLUDES } from '../src/common/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { toSarif } from '../src/report/index.ts';
import { evaluateTargets, policiesFor, scanRepository } from '../src/runner/index.ts';
import { discoverConfigs, looksLikeRsyncd } from '../src/sources/index.ts';
import { fmt, repeat, type Row } from './stats.ts';

const CONFIGS = 10_000;
const CORPUS = resolve('..', 'shared', 'corpus');

const MUTATIONS: ((text: string, i: number) => string)[] = [
  (t) => t,
  (t) => t.replace(/read only\s*=\s*yes/gi, 'read only = no'),
  (t) => t.replace(/^(\s*\[[^\]]+\])/m, '$1\n    hosts allow = 192.0.2.0/24\n    hosts deny = *'),
  (t, i) => t.replace(/^\s*\[([^\]]+)\]/gm, (_m, n: string) => `[${n}-${i}]`),
  (t) => `use chroot = no\n${t}`,
  (t) => t.replace(/^\s*auth users.*$/gim, ''),
  (t) => `${t}\n[extra]\n    path = /srv/extra\n    list = no # hidden\n`,
];

function seeds(): string[] {
  const texts: string[] = [];
  if (existsSync(CORPUS)) {
    for (const f of readdirSync(CORPUS)) {
      const t = readFileSync(join(CORPUS, f), 'utf8');
      if (f !== 'SOURCES.tsv' && looksLikeRsyncd(t)) texts.push(t);
    }
  }
  for (const dir of ['public-mirror', 'backup-target', 'hardened']) texts.push(readFileSync(join('examples', dir, 'rsyncd.conf'), 'utf8'));
  return texts;
}

function generate(dir: string): void {
  const base = seeds();
  for (let i = 0; i < CONFIGS; i++) {
    const sub = join(dir, `team${String(i % 50).padStart(2, '0')}`, `svc${i}`);
    mkdirSync(sub, { recursive: true });
    const mutate = MUTATIONS[i % MUTATIONS.length] ?? MUTATIONS[0]!;
    writeFileSync(join(sub, 'rsyncd.conf'), mutate(base[i % base.length] ?? '', i));
  }
}

/** The pinned Conftest (tools/conftest/go.mod), built on first use like OPA and Regal; null without Go. */
function conftestBinary(): string | null {
  const built = spawnSync('scripts/go-tool.sh', ['conftest', '--version'], { encoding: 'utf8', timeout: 600_000 });
  const bin = resolve('.cache/bin/conftest');
  return built.status === 0 && existsSync(bin) ? bin : null;
}

export async function benchScan(rows: Row[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-scan-'));
  try {
    generate(dir);
    const parseOnly = await repeat(3, () => {
      const t = performance.now();
      for (const f of discoverConfigs(dir, { exclude: [] })) parseRsyncdConf(f.path, readFileSync(join(dir, f.path)), NO_INCLUDES);
      return (performance.now() - t) / 1000;
    });
    const loaded = await policiesFor(undefined);
    if (!loaded.ok) throw loaded.error;
    const policies = loaded.value;
    const full = await repeat(3, async () => {
      const t = performance.now();
      const scan = scanRepository([dir], { exclude: [], daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25' });
      const evaluated = await evaluateTargets(scan.targets, { policies, waiverFile: undefined, inlineWaivers: true });
      if (!evaluated.ok) throw evaluated.error;
      const report = evaluated.value;
      toSarif(report, { category: 'rsyncguard/', suppressions: false, texts: scan.texts, warn: () => {} });
      return (performance.now() - t) / 1000;
    });
    const ratio = full.median / parseOnly.median;
    rows.push({ benchmark: `repo scan, ${CONFIGS} configs: parse only`, figure: `${fmt(parseOnly, 2, ' s')} = ${Math.round(CONFIGS / parseOnly.median)} files/s`, goal: '', met: null, note: '' });
    rows.push({ benchmark: `repo scan, ${CONFIGS} configs: full scan to SARIF`, figure: `${fmt(full, 2, ' s')} = ${Math.round(CONFIGS / full.median)} files/s`, goal: '', met: null, note: '' });
    rows.push({ benchmark: 'full scan / parse only', figure: `${ratio.toFixed(1)}×`, goal: '≤ 1.5×', met: ratio <= 1.5, note: 'policy evaluation dominates (see the engine rows)' });
    const conftest = conftestBinary();
    if (conftest) {
      // Conftest walks a directory for the extensions it knows, so it gets the files by name. Its INI parser
      // rejects &include lines, headers with text after "]" and lines without "=", and one such file aborts
      // the whole run (every other file unchecked): it is given only the files it can parse.
      const all = discoverConfigs(dir, { exclude: [] }).map((f) => join(dir, f.path));
      const iniLine = /^\s*(#.*|;.*|\[[^\]]*\]\s*|[^=[&]+=.*|)$/;
      const files = all.filter((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .every((l) => iniLine.test(l.replace(/\r$/, ''))),
      );
      // In batches: 10,000 paths on one command line exceed the kernel's argument limit.
      const c = await repeat(3, () => {
        const t = performance.now();
        for (let b = 0; b < files.length; b += 1000) {
          const r = spawnSync(conftest, ['test', '--parser', 'ini', '--no-color', '--output', 'json', '-p', 'bench/conftest/policy', ...files.slice(b, b + 1000)], { encoding: 'utf8', maxBuffer: 1 << 30 });
          if (r.error) throw r.error;
          if (r.status !== 0 && r.status !== 1) throw new Error(`conftest failed: ${r.stderr.slice(0, 300)}`);
        }
        return (performance.now() - t) / 1000;
      });
      const conftestRate = files.length / c.median;
      const speedup = CONFIGS / full.median / conftestRate;
      rows.push({
        benchmark: `Conftest (pinned tool), 8 equivalent rules, the ${files.length} of ${all.length} files its INI parser reads`,
        figure: `${fmt(c, 2, ' s')} = ${Math.round(conftestRate)} files/s`,
        goal: '',
        met: null,
        note: `${all.length - files.length} files abort Conftest's whole run; it drops globals and reads trailing comments as values`,
      });
      rows.push({ benchmark: 'rsyncguard files/s ÷ Conftest files/s', figure: `${speedup.toFixed(2)}×`, goal: '≥ 3×', met: speedup >= 3, note: '' });
    } else {
      rows.push({ benchmark: 'Conftest comparison', figure: 'not run', goal: '≥ 3×', met: null, note: 'no .cache/bin/conftest: build it with scripts/go-tool.sh conftest version' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
