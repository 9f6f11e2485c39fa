/**
 * The default SARIF of one config with many modules (issue 20): `scan -f sarif` proposes only verified fixes,
 * and each verification parses and evaluates the whole config again. The verification budget (VERIFY_BUDGET
 * module-evaluations per target) bounds how many; what this measures is that the rest of the fix path stays
 * linear too (it compared every finding with every other per candidate: 400 modules took 103 s, then 50 s).
 * Whole CLI runs of dist/cli.js, so the figure is what a user waits for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, repeat, type Row } from './stats.ts';

const SIZES = [100, 400, 1600];
const CLI = process.env['RSYNCGUARD_BENCH_CLI'] ?? 'dist/cli.js';
/** Per module, the largest size may cost this many times the smallest before the curve is not called linear. */
const LINEAR_SLACK = 2;

/** Modules a fix can close: writable, open to a network, under a daemon-wide `use chroot = no`. */
function config(modules: number): string {
  let text = 'use chroot = no\n';
  for (let i = 0; i < modules; i++) text += `[m${i}]\npath = /srv/m${i}\nread only = no\nhosts allow = 10.${i >> 8}.${i & 255}.0/24\n`;
  return text;
}

export async function benchFixSarif(rows: Row[]): Promise<void> {
  if (!existsSync(CLI)) {
    rows.push({ benchmark: 'default SARIF (verified fixes) of one config', figure: 'not run', goal: '', met: null, note: `needs ${CLI}` });
    return;
  }
  const base = mkdtempSync(join(tmpdir(), 'rg-bench-fix-'));
  try {
    let perModuleFirst: number | null = null;
    for (const n of SIZES) {
      const dir = join(base, String(n));
      mkdirSync(dir);
      writeFileSync(join(dir, 'rsyncd.conf'), config(n));
      let verified = 0;
      const m = await repeat(n <= 400 ? 3 : 1, () => {
        const t = performance.now();
        const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'sarif', '--fail-on', 'none', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 });
        const seconds = (performance.now() - t) / 1000;
        if (r.status !== 0) throw new Error(`scan of ${n} modules exited ${r.status}: ${r.stderr.slice(0, 300)}`);
        verified = (JSON.parse(r.stdout) as { runs: { results: { fixes?: unknown[] }[] }[] }).runs[0]?.results.filter((x) => (x.fixes ?? []).length > 0).length ?? 0;
        return seconds;
      });
      const perModule = m.median / n;
      perModuleFirst ??= perModule;
      const drift = perModule / perModuleFirst;
      const first = n === SIZES[0];
      rows.push({
        benchmark: `default SARIF (verified fixes) of one config, ${n} modules`,
        figure: `${fmt(m, 2, ' s')}; ${(perModule * 1e3).toFixed(1)} ms per module = ${drift.toFixed(2)}× the ${SIZES[0]}-module cost per module`,
        goal: first ? '' : `≤ ${LINEAR_SLACK}× per module`,
        met: first ? null : drift <= LINEAR_SLACK,
        note: `whole CLI run (${CLI}); ${verified} results carry a verified fix; the rest are listed as not verified past the budget`,
      });
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
