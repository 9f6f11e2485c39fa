/**
 * The serving certificate, kept current without a restart: cert-manager renews it into the Secret, and
 * the kubelet swaps the mounted files (an atomic `..data` symlink flip) a minute or so later. The files are
 * re-read when their directory changes (fs.watch) and on a fixed interval besides, since inotify misses
 * changes on some volume types and a watch can fail outright; a new pair that passes readTls's checks
 * replaces the served one for new handshakes, and a broken one (half-written, mismatched) is logged and
 * the pair in use kept, so a bad renewal never takes the webhook off the air.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Server } from 'node:https';
import { dirname } from 'node:path';
import { escapeControls } from '../../report/index.ts';
import { logEvent } from './admission-log.ts';
import { readTls, type TlsFiles } from './admission-start.ts';

/** The fallback check: well inside the days before expiry cert-manager renews at, and cheap (two small reads). */
export const TLS_CHECK_MS = 15_000;
/** A Secret update writes several files: they are read once the burst of events is over. */
const SETTLE_MS = 500;

export interface TlsReloader {
  /** Checks the files now; true if a new pair is served. */
  check(): boolean;
  stop(): void;
}

const same = (a: TlsFiles, b: TlsFiles) => a.cert.equals(b.cert) && a.key.equals(b.key);

export function reloadTls(server: Server, certPath: string, keyPath: string, current: TlsFiles, intervalMs = TLS_CHECK_MS): TlsReloader {
  let served = current;
  /** The last failure logged: a broken pair is said once, not every interval until someone fixes it. */
  let failed = '';
  const check = (): boolean => {
    const read = readTls(certPath, keyPath);
    if (!read.ok) {
      const why = escapeControls(read.error.where ? `${read.error.where}: ${read.error.message}` : read.error.message);
      if (why !== failed) logEvent('error', 'new TLS certificate refused; still serving the previous one', { error: why, ...(read.error.hint ? { hint: read.error.hint } : {}) });
      failed = why;
      return false;
    }
    failed = '';
    if (same(read.value, served)) return false;
    try {
      server.setSecureContext({ cert: read.value.cert, key: read.value.key });
    } catch (e) {
      logEvent('error', 'new TLS certificate refused; still serving the previous one', { error: escapeControls(e instanceof Error ? e.message : String(e)) });
      return false;
    }
    served = read.value;
    logEvent('info', 'TLS certificate reloaded', { cert: escapeControls(certPath) });
    return true;
  };
  let settle: NodeJS.Timeout | undefined;
  const soon = () => {
    clearTimeout(settle);
    settle = setTimeout(check, SETTLE_MS);
    settle.unref();
  };
  const watchers: FSWatcher[] = [];
  for (const dir of new Set([dirname(certPath), dirname(keyPath)])) {
    try {
      const w = watch(dir, { persistent: false }, soon);
      // A watch that breaks (the directory unmounted) leaves the interval doing the work.
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      // No inotify here (or the directory is gone): the interval alone notices renewals.
    }
  }
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return {
    check,
    stop() {
      clearInterval(timer);
      clearTimeout(settle);
      for (const w of watchers) w.close();
    },
  };
}
