/**
 * This machine as a source: the collector (POSIX sh, no dependencies) run with `sh`, and what it printed
 * validated into a host document, or an error that says how to see why.
 */
import { spawnSync } from 'node:child_process';
import { describeJsonError, fail, type HostRaw, type Result, UserError } from '../../common/index.ts';
import { parseHostRaw } from '../host-raw.ts';

const COLLECTOR_TIMEOUT_MS = 60_000;

/** Run the collector script at `script` on this machine. */
export function runCollector(script: string): Result<HostRaw> {
  const r = spawnSync('sh', [script], { encoding: 'utf8', timeout: COLLECTOR_TIMEOUT_MS, maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) {
    const why = r.error?.message ?? r.stderr.trim().split('\n').slice(-1)[0] ?? `exit ${r.status}`;
    return fail(new UserError(`the collector failed: ${why}`, 'localhost', 'Run collectors/rsync-facts.sh by hand to see why.'));
  }
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch (e) {
    return fail(new UserError(`the collector printed something that is not JSON: ${describeJsonError(e)}`, 'localhost', 'Run collectors/rsync-facts.sh by hand to see what it prints.'));
  }
  return parseHostRaw(json, 'localhost');
}
