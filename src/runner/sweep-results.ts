/**
 * The sweep's results file: JSON Lines, one host outcome per line, appended as hosts finish. A process
 * killed in the middle of a write leaves a last line without its newline; appending after it would glue
 * the next outcome onto the torn one and lose both, so the tail is cut back to the last complete line
 * first, and said so.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { isObject } from '../common/index.ts';
import { HOST_STATUSES, parseHostRaw, type HostRaw, type HostStatus } from '../sources/index.ts';

export interface HostOutcome {
  host: string;
  group: string;
  status: HostStatus;
  reason: string;
  seconds: number;
  raw?: HostRaw;
}

/** Reads at most this much of the tail looking for the last newline (one outcome is well below it). */
const TAIL_WINDOW = 64 << 20;

/**
 * Cuts a torn last line (bytes after the last newline) off FILE. Returns a message saying what was cut, or
 * null when the file ends cleanly (or does not exist).
 */
export function repairTornTail(file: string): string | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return null;
    const start = Math.max(0, size - TAIL_WINDOW);
    const tail = Buffer.alloc(size - start);
    readSync(fd, tail, 0, tail.length, start);
    if (tail[tail.length - 1] === 0x0a) return null;
    const cut = tail.lastIndexOf(0x0a);
    if (cut < 0 && start > 0) return `${file}: no complete line in its last ${TAIL_WINDOW} bytes; left as it is`;
    const keep = cut < 0 ? 0 : start + cut + 1;
    ftruncateSync(fd, keep);
    return `${file}: the last line was cut short (${size - keep} bytes, an interrupted write): removed it, so that host is swept again`;
  } finally {
    closeSync(fd);
  }
}

// The statuses ssh-collect.ts names, so a status added there (host-key-unknown) is read back from the file too.
const STATUSES: ReadonlySet<string> = new Set<string>(HOST_STATUSES);
const isStatus = (s: unknown): s is HostStatus => typeof s === 'string' && STATUSES.has(s);

/** One line of the file, validated (an ok outcome's collector document too), or why it is not one. */
export function parseOutcome(line: string): HostOutcome | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (!isObject(v)) return 'not a host outcome';
  const { host, group, status, reason, seconds, raw } = v;
  if (typeof host !== 'string' || typeof group !== 'string' || !isStatus(status) || typeof reason !== 'string' || typeof seconds !== 'number') return 'not a host outcome';
  const base = { host, group, status, reason, seconds };
  if (status !== 'ok') return base;
  const doc = parseHostRaw(raw, host);
  return doc.ok ? { ...base, raw: doc.value } : `host ${host}: ${doc.error.message}`;
}

/** Outcomes already in FILE, by host (the last line for a host wins); lines that are not outcomes are named. */
export function readOutcomes(text: string, file: string, warn: (message: string) => void): Map<string, HostOutcome> {
  const done = new Map<string, HostOutcome>();
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const o = parseOutcome(line);
    if (typeof o === 'string') warn(`${file}:${i + 1}: ${o}: ignored, that host is swept again`);
    else done.set(o.host, o);
  }
  return done;
}
