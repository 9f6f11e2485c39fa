/**
 * Every entry under a root, for a tree git does not describe. Links are listed, never followed (a committed
 * `up -> /` would walk the machine), and a directory that cannot be listed is returned by name: a scan that
 * skipped it silently would call a tree clean that it never read.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export interface WalkedTree {
  /** Paths relative to the root, "/"-separated: files, links and special files (not directories). */
  entries: string[];
  /** Directories that could not be listed, relative to the root, with why. */
  unreadable: { path: string; reason: string }[];
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

function reasonOf(e: unknown): string {
  const code = e instanceof Error && 'code' in e ? String(e.code) : '';
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code !== '' ? code : String(e);
}

export function walkTree(root: string): WalkedTree {
  const out: WalkedTree = { entries: [], unreadable: [] };
  const pending = [''];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    let list: Dirent[];
    try {
      list = readdirSync(join(root, rel), { withFileTypes: true });
    } catch (e) {
      out.unreadable.push({ path: rel === '' ? '.' : rel, reason: reasonOf(e) });
      continue;
    }
    for (const d of list) {
      const path = rel === '' ? d.name : `${rel}/${d.name}`;
      if (d.isDirectory()) {
        if (!SKIPPED_DIRS.has(d.name)) pending.push(path);
      } else {
        out.entries.push(path);
      }
    }
  }
  return out;
}
