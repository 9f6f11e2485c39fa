/**
 * Where a result is shown, and its alert identity for GitHub code scanning: `primaryLocationLineHash` derived from what a finding is about
 * (rule, target, file, module, the facts path with a module's index replaced by its name), never from the
 * text of the line it is shown at, so comments, blank lines, indentation and a module moved within the
 * file keep every alert open. Findings with the same identity (entries of one secrets file) are numbered
 * in file order, as GitHub numbers equal line hashes (`hash:n`).
 *
 * Hosts (issue 17 §4): a host's findings are its own alerts, even where every host shows them at the same
 * `etc/rsyncd.conf`. A host target is named `<host>:<path>` (facts/daemon.ts; sweep names it by the
 * inventory, eval by the document, and eval refuses two documents that name one target), so the host is a
 * component of the identity through the target, and every fingerprint a fleet had stays as it was.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/index.ts';

export interface At {
  file: string;
  line: number;
  column: number;
}

/**
 * Where a finding is shown: where the policy placed it, as every other format shows it. Findings without a
 * file are anchored at line 1 of a path made from their target (no ":" allowed). The identity does not
 * depend on the line, so a later, better anchor would keep every alert.
 */
export function anchorOf(f: Finding): At {
  return f.location ?? { file: f.target.replace(/[:@]/g, '_').replace(/^\/+/, ''), line: 1, column: 1 };
}

/**
 * The finding's identity as a string; the file is the one the finding is shown in. A version finding's CVE
 * ids are part of it (two CVEs at one line are two alerts); other findings keep the identity they had.
 */
export function identityOf(f: Finding, file: string): string {
  const path = f.path.replace(/modules\[\d+\]/g, () => `modules[${JSON.stringify(f.module ?? '')}]`);
  const cves = f.cves && f.cves.length > 0 ? [[...f.cves].sort().join(',')] : [];
  return JSON.stringify(['v1', f.rule_id, f.target, file, f.module ?? 'daemon', path, ...cves]);
}

/** The host of a host target (`<host>:<path>`, facts/daemon.ts): a host name has no "/" and a path starts with one. */
export function hostOfTarget(target: string): string {
  const at = target.indexOf(':/');
  return at > 0 ? target.slice(0, at) : target;
}

/** One fingerprint per finding, by object; `fileOf` gives the file each is shown in. */
export function fingerprints(findings: readonly Finding[], fileOf: (f: Finding) => string): Map<Finding, string> {
  const ordered = [...findings].sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  for (const f of ordered) {
    const hex = createHash('sha256')
      .update(identityOf(f, fileOf(f)))
      .digest('hex')
      .slice(0, 16);
    const n = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, n);
    out.set(f, `${hex}:${n}`);
  }
  return out;
}
