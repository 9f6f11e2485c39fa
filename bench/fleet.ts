/** Fleet sweeps: the test fleet of real sshd hosts, swept at once vs one host (needs root, like the tests). */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFleet } from '../test/integration/support/ssh-fleet.ts';
import { fmt, repeat, type Row } from './stats.ts';

export async function benchFleet(rows: Row[]): Promise<void> {
  if (process.getuid?.() !== 0) {
    rows.push({ benchmark: 'fleet sweep', figure: 'not run', goal: '≤ 1.2 × hosts/concurrency × one host', met: null, note: 'needs root to start sshd test hosts' });
    return;
  }
  const fleet = await startFleet();
  try {
    const healthy = fleet.hosts.filter((h) => h.expect === 'ok');
    const line = (h: (typeof healthy)[number]) => `      ${h.name}: { address: 127.0.0.1, port: ${h.port} }`;
    const one = join(fleet.base, 'one.yml');
    const all = join(fleet.base, 'all.yml');
    writeFileSync(one, ['groups:', '  one:', '    hosts:', line(healthy[0]!), ''].join('\n'));
    writeFileSync(all, ['groups:', '  all:', '    hosts:', ...healthy.map(line), ''].join('\n'));
    const run = (inv: string, concurrency: number) => () => {
      const t = performance.now();
      spawnSync(process.execPath, ['dist/cli.js', 'sweep', '--inventory', inv, '--ssh-config', fleet.sshConfig, '--concurrency', String(concurrency), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      return (performance.now() - t) / 1000;
    };
    const single = await repeat(3, run(one, 1));
    const concurrency = 4;
    const swept = await repeat(3, run(all, concurrency));
    const bound = 1.2 * Math.ceil(healthy.length / concurrency) * single.median;
    rows.push({ benchmark: 'fleet: one host', figure: fmt(single, 2, ' s'), goal: '', met: null, note: 'whole CLI run: Node start, ssh, collector, evaluation' });
    rows.push({
      benchmark: `fleet: ${healthy.length} hosts at concurrency ${concurrency}`,
      figure: fmt(swept, 2, ' s'),
      goal: `≤ ${bound.toFixed(2)} s (1.2 × ${Math.ceil(healthy.length / concurrency)} × one host)`,
      met: swept.median <= bound,
      note: '',
    });
  } finally {
    fleet.stop();
  }
}
