/**
 * Where a result is shown, and its alert identity for GitHub code scanning: `primaryLocationLineHash` derived from what a finding is about
 * (rule, target, file, module, the facts path with a module's index replaced by its name), never from the
 * text of the line it is shown at, so comments, blank lines, indentation and a module moved within the
 * file keep every alert open. Findings with the same identity (a name twice in one secrets file) are
 * numbered in file order, as GitHub numbers equal line hashes (`hash:n`).
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
export function anchorOf(f: Pick<Finding, 'location' | 'target'>): At {
  return f.location ?? { file: f.target.replace(/[:@]/g, '_').replace(/^\/+/, ''), line: 1, column: 1 };
}

/**
 * The finding's identity as a string; the file is the one the finding is shown in.
 *
 * A version finding (RSYNC-070/071/072: it has CVE ids) is about the daemon's rsync, not about the module
 * that happens to make it reachable first: its identity is the daemon's (`daemon`, `rsync.version`) and
 * its CVE ids (two CVEs at one line are two alerts), so reordering, adding or removing modules keeps it.
 *
 * An entry of a secrets file (RSYNC-032/033/034) whose name is shown is told apart from the file's other
 * entries by who it is, not by its order: the finding's `entry`, set by the engine from the facts —
 * `user "joe"`. A finding read back without `entry` (an older report) falls back to the name its message
 * prints, which is the same string. A name the report withholds (it is the password, or may be a secret)
 * contributes nothing — no hash or tag of it may leave, since a few hex digits of an unsalted hash of a weak
 * password give the password back from a list of common ones — so such entries are numbered in file order
 * (fingerprints()): an entry with a shown name added above one leaves its fingerprint, another withheld entry
 * added above it takes it. Every other finding keeps its identity.
 */
export function identityOf(f: Finding, file: string): string {
  if (f.cves && f.cves.length > 0) return JSON.stringify(['v1', f.rule_id, f.target, file, 'daemon', 'rsync.version', [...f.cves].sort().join(',')]);
  const path = f.path.replace(/modules\[\d+\]/g, () => `modules[${JSON.stringify(f.module ?? '')}]`);
  const entry = entryOf(f);
  return JSON.stringify(['v1', f.rule_id, f.target, file, f.module ?? 'daemon', path, ...(entry === null ? [] : [`entry ${entry}`])]);
}

/** A secrets-file entry finding's facts path (policies/rsyncguard/rules/secrets). */
const ENTRY_PATH = /^secrets\[\d+\]\.entries$/;

/**
 * The entry a secrets-file entry finding is about: its `entry` (`user "joe"`), else — a finding
 * read back from an older report — the name its message prints (the same string), or null when it names none.
 */
export function entryOf(f: Pick<Finding, 'path' | 'message' | 'entry'>): string | null {
  if (!ENTRY_PATH.test(f.path)) return null;
  if (f.entry !== undefined) return f.entry;
  const m = /\b(user|group) "([^"]*)"/.exec(f.message);
  return m ? `${m[1]} ${JSON.stringify(m[2])}` : null;
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
