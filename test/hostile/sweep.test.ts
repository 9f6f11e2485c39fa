/**
 * Interrupting `rsyncguard sweep` (issue 12, item 11): SIGTERM or SIGINT while every host hangs (ssh behind a
 * ProxyCommand that never answers, and a TCP listener that accepts and never speaks) must stop every ssh
 * session and what it started, say so, and exit 143/130; and `--resume` over a results file whose last line
 * was torn by a kill must cut that line off, say so, and leave valid JSON Lines. Every process the sweep
 * starts inherits a marker in its environment, which is how the test finds leftovers in /proc.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI, IS_ROOT, runCli, runCliAsync, tempTree } from './support/cli.ts';
import { rawDoc } from './support/host-doc.ts';

/** Processes (pid, comm) whose environment holds MARKER: readable for every process only as root. */
function marked(marker: string): { pid: number; comm: string }[] {
  const found: { pid: number; comm: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`).includes(`RG_SWEEP_MARKER=${marker}`)) found.push({ pid: Number(name), comm: readFileSync(`/proc/${name}/comm`, 'utf8').trim() });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

async function until(test: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return test();
}

/** A listener that accepts and never says a word (ssh waits for a banner that does not come). */
async function silentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((s) => sockets.push(s));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0, sockets };
}

/** ssh_config: hang-* hosts sit behind a ProxyCommand that never answers, `silent` is the listener. */
function hangingFleet(dir: string, silentPort: number): { inventory: string; sshConfig: string } {
  const sshConfig = join(dir, 'ssh_config');
  writeFileSync(sshConfig, ['Host hang-*', '  ProxyCommand sh -c "sleep 1000; :"', 'Host silent', '  HostName 127.0.0.1', `  Port ${silentPort}`, 'Host *', '  StrictHostKeyChecking no', '  UserKnownHostsFile /dev/null', ''].join('\n'));
  const inventory = join(dir, 'fleet.yml');
  writeFileSync(inventory, ['groups:', '  stuck:', '    hosts:', '      hang-1: {}', '      hang-2: {}', '      hang-3: {}', '      silent: {}', ''].join('\n'));
  return { inventory, sshConfig };
}

async function interrupt(signal: 'SIGTERM' | 'SIGINT', status: number): Promise<void> {
  const dir = tempTree();
  const { server, port, sockets } = await silentServer();
  const marker = randomUUID();
  const { inventory, sshConfig } = hangingFleet(dir, port);
  const results = join(dir, 'results.jsonl');
  const child = spawn(process.execPath, [CLI, 'sweep', '--inventory', inventory, '--ssh-config', sshConfig, '--connect-timeout', '300', '--timeout', '600', '--results', results, '--format', 'json'], {
    env: { ...process.env, NO_COLOR: '1', RG_SWEEP_MARKER: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, sig) => done({ code, signal: sig })));
  try {
    const started = await until(() => {
      const m = marked(marker);
      return m.filter((p) => p.comm === 'ssh').length === 4 && m.filter((p) => p.comm === 'sleep').length === 3;
    }, 20_000);
    assert.ok(started, `the sweep never had its 4 ssh sessions and 3 ProxyCommands up: ${JSON.stringify(marked(marker))} ${stderr}`);
    const sent = performance.now();
    child.kill(signal);
    const end = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    assert.ok(end, `the sweep did not stop within 15 s of ${signal}`);
    console.log(`  ${signal}: sweep of 4 hanging hosts stopped in ${Math.round(performance.now() - sent)} ms`);
    assert.is(end.signal, null, `killed by ${end.signal} instead of stopping cleanly`);
    assert.is(end.code, status, stderr);
    assert.match(stderr, `interrupted by ${signal}: every ssh session was stopped; 0 of 4 hosts done, 4 not swept`);
    assert.match(stderr, `run the same command with --resume`);
    const gone = await until(() => marked(marker).length === 0, 3000);
    assert.ok(gone, `left behind: ${JSON.stringify(marked(marker))}`);
    assert.is(existsSync(results) ? readFileSync(results, 'utf8') : '', '', 'no host finished, none recorded');
  } finally {
    for (const p of marked(marker)) process.kill(p.pid, 'SIGKILL');
    child.kill('SIGKILL');
    for (const s of sockets) s.destroy();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const signals = suite('sweep stops every ssh session on a signal');

signals('SIGTERM: no ssh or ProxyCommand survives, exit 143, a message', async () => {
  if (!IS_ROOT) return console.log("  skipped: reading every process's environment needs root");
  await interrupt('SIGTERM', 143);
});

signals('SIGINT: the same, exit 130', async () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  await interrupt('SIGINT', 130);
});

signals('the per-host time limit also ends what ssh started (its ProxyCommand), not only ssh', async () => {
  if (!IS_ROOT) return console.log('  skipped: needs root');
  const dir = tempTree();
  const { server, port, sockets } = await silentServer();
  const marker = randomUUID();
  const { inventory, sshConfig } = hangingFleet(dir, port);
  try {
    const run = runCliAsync(['sweep', '--inventory', inventory, '--ssh-config', sshConfig, '--connect-timeout', '300', '--timeout', '2', '--format', 'json'], { env: { RG_SWEEP_MARKER: marker }, timeoutMs: 30_000 });
    // Without this, "nothing left behind" would also hold for ProxyCommands that never started.
    const started = await until(() => marked(marker).filter((p) => p.comm === 'sleep').length === 3, 2000);
    assert.ok(started, `the 3 ProxyCommands never ran: ${JSON.stringify(marked(marker))}`);
    const r = await run;
    assert.is(r.code, 2, r.stderr);
    const report = JSON.parse(r.stdout) as { errors: { target: string; message: string }[] };
    assert.equal(
      report.errors.map((e) => `${e.target} ${e.message.split(':')[0]}`),
      ['hang-1 timeout', 'hang-2 timeout', 'hang-3 timeout', 'silent timeout'],
    );
    const gone = await until(() => marked(marker).length === 0, 3000);
    assert.ok(gone, `left behind: ${JSON.stringify(marked(marker))}`);
  } finally {
    for (const p of marked(marker)) process.kill(p.pid, 'SIGKILL');
    for (const s of sockets) s.destroy();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

signals.run();

const resume = suite('sweep --resume over a torn results file');

resume('a torn last line is cut off and said so; the file stays valid JSON Lines', () => {
  const dir = tempTree();
  const sshConfig = join(dir, 'ssh_config');
  // The host to sweep again fails at once: its ProxyCommand exits without a word.
  writeFileSync(sshConfig, 'Host *\n  ProxyCommand sh -c "exit 0"\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n');
  const inventory = join(dir, 'fleet.yml');
  writeFileSync(inventory, 'groups:\n  g:\n    hosts:\n      good: {}\n      torn: {}\n');
  const results = join(dir, 'results.jsonl');
  const good = JSON.stringify({ host: 'good', group: 'g', status: 'ok', reason: '', seconds: 0.5, raw: rawDoc('good') });
  const torn = JSON.stringify({ host: 'torn', group: 'g', status: 'ok', reason: '', seconds: 0.5, raw: rawDoc('torn') });
  writeFileSync(results, `${good}\n${torn.slice(0, Math.floor(torn.length / 2))}`);
  const r = runCli(['sweep', '--inventory', inventory, '--ssh-config', sshConfig, '--connect-timeout', '5', '--timeout', '20', '--results', results, '--resume', '--format', 'json'], { timeoutMs: 60_000 });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, /results\.jsonl: the last line was cut short \(\d+ bytes, an interrupted write\): removed it, so that host is swept again/);
  const lines = readFileSync(results, 'utf8').split('\n');
  assert.is(lines.pop(), '', 'the file ends with a newline');
  const parsed = lines.map((l) => JSON.parse(l) as { host: string; status: string });
  // How ssh words a ProxyCommand that exits at once varies (unreachable or ssh-error): any failure will do.
  assert.equal(
    parsed.map((o) => `${o.host} ${o.status === 'ok' ? 'ok' : 'failed'}`),
    ['good ok', 'torn failed'],
  );
  const report = JSON.parse(r.stdout) as { targets: { target: string; findings: { rule_id: string }[] }[]; errors: { target: string }[] };
  assert.ok(
    report.targets.find((t) => t.target === 'good:/etc/rsyncd.conf')?.findings.some((f) => f.rule_id === 'RSYNC-002'),
    'the resumed host keeps its findings',
  );
  assert.equal(
    report.errors.map((e) => e.target),
    ['torn'],
  );
  assert.ok(r.peakMiB < 200, `peak ${r.peakMiB} MiB`);
  rmSync(dir, { recursive: true, force: true });
});

resume.run();
