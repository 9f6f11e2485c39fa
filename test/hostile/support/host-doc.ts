/** A valid collector document (rsyncguard/host-raw@1) for a host serving an anonymous writable module named MODULE. */
export function rawDoc(name: string, module = 'pub'): Record<string, unknown> {
  const text = `[${module}]\n    path = /srv\n    read only = no\n`;
  return {
    schema: 'rsyncguard/host-raw@1',
    collector_uid: 0,
    host: { name, os: 'test', kernel: 'test' },
    rsync: { version_line: '', package: '' },
    processes: [],
    listeners: [],
    units: [],
    defaults: [],
    secrets: [],
    errors: [],
    files: [{ path: '/etc/rsyncd.conf', exists: true, dir: false, mode: '644', uid: 0, gid: 0, size: text.length, text }],
  };
}
