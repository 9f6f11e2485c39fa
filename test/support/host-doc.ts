/**
 * A collector document (rsyncguard/host-raw@1) for a host whose /etc/rsyncd.conf holds `text`; `over`
 * replaces any top-level field (processes, secrets, rsync …).
 */
export function hostRawDoc(name: string, text: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'rsyncguard/host-raw@1',
    collector_uid: 0,
    host: { name, os: 'test', kernel: 'test' },
    rsync: { version_line: 'rsync  version 3.5.0  protocol version 32', package: '' },
    processes: [],
    listeners: [],
    units: [],
    defaults: [],
    secrets: [],
    errors: [],
    files: [{ path: '/etc/rsyncd.conf', exists: true, dir: false, mode: '644', uid: 0, gid: 0, size: text.length, text }],
    ...over,
  };
}
