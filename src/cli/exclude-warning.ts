/**
 * A --exclude pattern that matched nothing (a typo, a path outside the PATHs, a link the glob would have to
 * follow) is said, not a silent no-op (adv2 #11); the hint says how patterns are read.
 */
export function unmatchedExcludeWarning(command: string, patterns: readonly string[]): string {
  const them = patterns.length === 1 ? 'it matched' : 'they matched';
  return `rsyncguard ${command}: warning: --exclude ${patterns.join(', ')}: ${them} nothing under the paths scanned (globs are relative to each PATH; a directory leaves out everything under it)`;
}
