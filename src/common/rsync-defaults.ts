/** What rsync assumes when nothing says otherwise: one place for every stage and front end. */

/** The rsync release whose semantics are modelled when the target's version is unknown. */
export const DEFAULT_RSYNC_VERSION = '3.5.0';

/** rsync's compiled-in config path (RSYNCD_SYSCONF), read when --daemon runs without --config (reference/rsyncd.md §9). */
export const DEFAULT_CONFIG_PATH = '/etc/rsyncd.conf';

/** The places distributions put the daemon's config (reference/rsyncd.md §9). */
export const USUAL_CONFIG_PATHS: readonly string[] = [DEFAULT_CONFIG_PATH, '/etc/rsync/rsyncd.conf', '/usr/local/etc/rsyncd.conf', '/usr/local/etc/rsync/rsyncd.conf'];

/** "3.4.1" → [3, 4, 1]; anything that is not three dot-separated numbers → null. */
export function releaseNumbers(text: string): [number, number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
