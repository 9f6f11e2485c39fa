/**
 * Why a rule has no automatic fix, and what a person would write instead: the remedy is a choice rsyncguard
 * cannot make for the operator (who may log in, which networks may connect, which release to install).
 */
import { cveEntry } from '../common/index.ts';
import type { Finding } from '../engine/index.ts';

const BY_RULE: Readonly<Record<string, { why: string; suggestion: string | null }>> = {
  'RSYNC-001': { why: "who may log in is the operator's choice", suggestion: 'auth users = <user>\nsecrets file = /etc/rsyncd.secrets' },
  'RSYNC-003': { why: "which networks may connect is the operator's choice", suggestion: 'hosts allow = <your network, e.g. 192.0.2.0/24>\nhosts deny = *' },
  'RSYNC-007': { why: 'the addresses behind the host names are not known here', suggestion: "hosts allow = <the hosts' addresses or CIDR ranges>" },
  'RSYNC-011': { why: 'the right connection limit depends on the host', suggestion: 'max connections = <limit, e.g. 10>' },
  'RSYNC-020': { why: "the secrets file and its users are the operator's to create", suggestion: 'secrets file = /etc/rsyncd.secrets' },
  'RSYNC-032': { why: 'a password is never written by rsyncguard', suggestion: null },
  'RSYNC-033': { why: 'a password is never written by rsyncguard', suggestion: null },
  'RSYNC-045': { why: "which directory to export instead is the operator's choice", suggestion: 'path = <a directory holding only what clients need>' },
  'RSYNC-047': { why: "what the hook does is the operator's to judge", suggestion: null },
};

/** The newest fixed release among a finding's CVEs, for "upgrade to …". */
function upgradeTo(f: Finding): string | null {
  const fixed = (f.cves ?? []).map((id) => cveEntry(id)?.fixed).filter((v): v is string => v !== undefined);
  const num = (v: string): number[] => v.split('.').map(Number);
  const newer = (a: string, b: string): boolean => {
    const [x, y] = [num(a), num(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
    return false;
  };
  return fixed.reduce<string | null>((best, v) => (best === null || newer(v, best) ? v : best), null);
}

export function unfixedText(f: Finding): { reason: string; suggestion: string | null } {
  if (f.rule_id === 'RSYNC-070') {
    const to = upgradeTo(f);
    return { reason: 'no automatic fix for RSYNC-070: only an upgrade fixes it', suggestion: to === null ? null : `upgrade rsync to ${to} or later (or the distribution's package that carries the fixes)` };
  }
  const known = BY_RULE[f.rule_id];
  return { reason: `no automatic fix for ${f.rule_id}: ${known?.why ?? 'the change depends on choices rsyncguard cannot make for you'}`, suggestion: known?.suggestion ?? null };
}
