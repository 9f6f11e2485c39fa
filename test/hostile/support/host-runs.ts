/**
 * What the hostile host tests share: `rsyncguard host` and the collector run as root in a PID and network
 * namespace of their own after a setup script has started its processes, the files those tests plant
 * (root-only configs, a shadow-like file, a user's own config), and the checks on what left the host.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as assert from 'uvu/assert';
import { assertNoCanary, CLI, FORMATS, tempTree, type CliRun, type Format } from './cli.ts';

const PEAK_RSS = resolve('test/hostile/support/peak-rss.mjs');
export const NOBODY = 65534;
export const MAX_MIB = 200;

/** Waits (inside the namespace) until PID runs EXE, so the collector never sees a half-started process. */
const WAIT_EXE =
  'wait_exe() { i=0; while [ "$(readlink /proc/$1/exe)" != "$2" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i+1)); done; }\n' +
  // A daemon listens only once it has read its config: a config changed before that would stop it starting.
  'wait_port() { i=0; while ! awk -v p="$(printf %04X "$1")" \'$4 == "0A" && $2 ~ ":" p "$" { f = 1 } END { exit !f }\' /proc/net/tcp && [ $i -lt 200 ]; do sleep 0.02; i=$((i+1)); done; }';

/** `rsyncguard host --format F --fail-on none` after SETUP (bash) has started its processes, per format. */
export function hostRuns(setup: string, env: Record<string, string> = {}): Map<Format, CliRun> {
  const runs = new Map<Format, CliRun>();
  for (const format of FORMATS) {
    const rssDir = mkdtempIn('rg-rss-');
    const script = `ip link set lo up; ${WAIT_EXE}\n${setup}\nexec "${process.execPath}" --import "${PEAK_RSS}" "${CLI}" host --format ${format} --fail-on none`;
    const r = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', '--net', 'bash', '-c', script], {
      env: { ...process.env, NO_COLOR: '1', RSYNCGUARD_TEST_RSS_FILE: join(rssDir, 'rss'), ...env },
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 << 20,
    });
    let peakMiB = Number.NaN;
    try {
      peakMiB = Number(readFileSync(join(rssDir, 'rss'), 'utf8')) / 1024;
    } catch {
      // Reported by the bound below.
    }
    rmSync(rssDir, { recursive: true, force: true });
    runs.set(format, { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', peakMiB, timedOut: r.error !== undefined });
  }
  return runs;
}

function mkdtempIn(prefix: string): string {
  return tempTree({}, prefix);
}

/** A 0600 root-owned rsyncd config whose every line carries the canary. */
export function rootOnlyConfig(dir: string, canary: string): string {
  const path = join(dir, 'root-only.conf');
  writeFileSync(path, `[${canary}]\n    path = /${canary}\n${canary} not a parameter line\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

export function assertRan(runs: Map<Format, CliRun>): void {
  for (const [format, run] of runs) {
    assert.not.ok(run.timedOut, `${format}: the run hit its deadline`);
    assert.is(run.code, 0, `${format}: exit ${run.code}: ${run.stderr}`);
    assert.ok(run.peakMiB < MAX_MIB, `${format}: peak ${run.peakMiB} MiB ≥ ${MAX_MIB} MiB`);
  }
}

/** On stderr as it happens, and in the report itself in every format (a host with no target still gets one). */
export function assertNote(runs: Map<Format, CliRun>, pattern: RegExp): void {
  for (const [format, run] of runs) {
    assert.match(run.stderr, pattern, `${format}: no note matching ${pattern} in: ${run.stderr}`);
    assert.match(run.stdout, /looks like an rsync daemon but was not followed|was not read/, `${format}: the report does not carry the note: ${run.stdout.slice(0, 400)}`);
  }
}

/** A world-traversable folder outside /tmp's per-test dirs' 0700 default: a nobody daemon must reach it. */
export function openDir(prefix: string): string {
  const dir = join(tmpdir(), `${prefix}${process.pid}-${Date.now()}`);
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  return dir;
}

/** The collector's own document (what leaves the host, and what `sweep --results` keeps) after SETUP. */
export function collectorDoc(setup: string): { stdout: string; stderr: string; code: number | null } {
  const script = `ip link set lo up; ${WAIT_EXE}\n${setup}\nexec sh "${resolve('dist/rsync-facts.sh')}"`;
  const r = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', '--net', 'bash', '-c', script], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', code: r.status };
}

export interface DocFile {
  path: string;
  text?: string | null;
  unreadable?: string;
}

/** A root-only file laid out like /etc/shadow, every line carrying the canary. */
export function shadowLike(dir: string, canary: string): string {
  const path = join(dir, 'shadow');
  writeFileSync(path, `root:$6$${canary}$x:19000:0:99999:7:::\n${canary}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

/** A directory and a config in it that user nobody owns (a local user's own files). */
export function nobodysConfig(dir: string, text = '[pub]\n    path = /srv\n'): string {
  const home = join(dir, 'home');
  mkdirSync(home, { mode: 0o755 });
  chownSync(home, NOBODY, NOBODY);
  const conf = join(home, 'rsyncd.conf');
  writeFileSync(conf, text, { mode: 0o644 });
  chownSync(conf, NOBODY, NOBODY);
  return conf;
}

/** The canary in no stream of the collector's document nor of any format, and FILE noted as not read with REASON. */
export function assertNotSent(doc: { stdout: string; stderr: string; code: number | null }, runs: Map<Format, CliRun>, canary: string, file: string, reason: string): void {
  assert.is(doc.code, 0, doc.stderr);
  assert.not.ok(doc.stdout.includes(canary), 'the canary left the host in the collector document');
  const files = (JSON.parse(doc.stdout) as { files: DocFile[] }).files;
  const f = files.find((x) => x.path === file);
  assert.ok(f, `${file} is not in the document: ${JSON.stringify(files.map((x) => x.path))} ${doc.stdout.slice(0, 1500)}`);
  assert.is(f.text, null);
  assert.is(f.unreadable, reason);
  assertRan(runs);
  assertNoCanary(runs, canary);
}

export const WORLD_ONLY = 'not world-readable, and users other than root can change it or the config naming it';
