/**
 * Whether git could give its view of a checkout. A scan asks git which files it would track (discover.ts:
 * what .gitignore leaves out is not scanned) and which mode each was committed with (RSYNC-030); where git
 * fails it walks the tree instead, which is right outside a checkout. But a checkout git cannot read looks
 * like one and is scanned differently, so that is said: a worktree or submodule whose git directory is not
 * mounted (its `.git` file points outside the container's /work), a `.git` directory git refuses.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The note code: shown in every format (src/report/model.ts ALWAYS_SHOWN). */
export const GIT_UNREADABLE = 'git-unreadable';

/** The nearest `.git` (file or directory) at root or above it, as git would look for it. */
function nearestDotGit(root: string): string | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    try {
      lstatSync(join(dir, '.git'));
      return join(dir, '.git');
    } catch {
      // Not here: one level up.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Why git could not read the checkout root is in, or undefined when it could (or when there is no `.git`:
 * not a checkout). Asked only when the scan got nothing from git, so a working checkout never runs git twice.
 */
export function gitUnreadable(root: string): string | undefined {
  const dotGit = nearestDotGit(root);
  if (dotGit === undefined) return undefined;
  let said = '';
  try {
    // The same guards as discover.ts's git: no bare repository found by walking up, no fsmonitor.
    execFileSync('git', ['-c', 'safe.bareRepository=explicit', '-c', 'core.fsmonitor=false', '-C', root, 'rev-parse', '--is-inside-work-tree'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 30_000,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    });
    return undefined;
  } catch (e) {
    const stderr = e instanceof Error && 'stderr' in e ? String(e.stderr ?? '') : '';
    said = stderr.split('\n').find((l) => l.trim() !== '') ?? (e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'git is not installed' : '');
  }
  const shown = relative(process.cwd(), dotGit) || dotGit;
  // Reports escape what they show; git's own words are kept to one line here.
  const why = said === '' ? '' : ` (${said.trim()})`;
  return `git could not read ${shown.startsWith('..') ? dotGit : shown}${why}, so the tree was walked instead: .gitignore and the modes files were committed with are not used, and this scan may report files a scan with git leaves out.`;
}
