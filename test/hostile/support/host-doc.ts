import { hostRawDoc } from '../../support/host-doc.ts';

/** A valid collector document (rsyncguard/host-raw@1) for a host serving an anonymous writable module named MODULE. */
export function rawDoc(name: string, module = 'pub'): Record<string, unknown> {
  return hostRawDoc(name, `[${module}]\n    path = /srv\n    read only = no\n`, { rsync: { version_line: '', package: '' } });
}
