/**
 * Repository scan throughput: 10,000 generated configs (a few modules each) on disk, scanned end to end
 * (discover, read, parse, facts, policy, SARIF) versus only discovered, read and parsed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateTargets, policiesFor, scanRepository } from '../src/runner/index.ts';
import { NO_INCLUDES } from '../src/common/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { toSarif } from '../src/report/index.ts';
import { discoverConfigs } from '../src/sources/index.ts';

const CONFIGS = 10_000;

function generate(dir: string): void {
  const kinds = [
    (i: number) => `[pub${i}]\n    path = /srv/pub\n    comment = mirror\n`,
    (i: number) => `[up${i}]\n    path = /srv/up\n    read only = no\n    hosts allow = 10.0.0.0/8 # office\n`,
    (i: number) => `[bk${i}]\n    path = /srv/bk\n    auth users = backup, @ops:rw\n    secrets file = /etc/rsyncd.secrets\n    hosts allow = 192.0.2.0/24\n    hosts deny = *\n    list = no\n`,
  ];
  for (let i = 0; i < CONFIGS; i++) {
    const sub = join(dir, `host${String(i % 100).padStart(2, '0')}`, `svc${i}`);
    mkdirSync(sub, { recursive: true });
    const modules = Array.from({ length: 2 + (i % 4) }, (_, j) => (kinds[(i + j) % kinds.length] ?? kinds[0]!)(j)).join('\n');
    writeFileSync(join(sub, 'rsyncd.conf'), `uid = nobody\ngid = nogroup\nuse chroot = ${i % 7 === 0 ? 'no' : 'yes'}\n\n${modules}`);
  }
}

export async function benchScan(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-scan-'));
  try {
    generate(dir);
    let t = performance.now();
    const found = discoverConfigs(dir, { exclude: [] });
    let modules = 0;
    for (const f of found) modules += parseRsyncdConf(f.path, readFileSync(join(dir, f.path)), NO_INCLUDES).modules.length;
    const parseOnly = (performance.now() - t) / 1000;

    t = performance.now();
    const scan = scanRepository([dir], { exclude: [], daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25' });
    const report = await evaluateTargets(scan.targets, { policies: await policiesFor(undefined), waiverFile: undefined, inlineWaivers: true });
    const sarif = toSarif(report, { category: 'rsyncguard/', suppressions: false, texts: scan.texts, warn: () => {} });
    const full = (performance.now() - t) / 1000;
    const findings = report.targets.reduce((n, x) => n + x.findings.length, 0);
    console.log(`repo scan: ${found.length} configs (${modules} modules): parse-only ${parseOnly.toFixed(2)} s (${Math.round(found.length / parseOnly)} files/s), ` +
      `full scan ${full.toFixed(2)} s (${Math.round(found.length / full)} files/s, ${findings} findings, ${(sarif.length / 1e6).toFixed(1)} MB SARIF); ratio full/parse ${(full / parseOnly).toFixed(1)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
