/**
 * What a target name says about where a finding lives (issue 17 §1, review findings 4, 8, 10): the scope a
 * run evaluated or did not. A baseline finding is only "fixed" when this run evaluated its scope; a finding
 * now is only provably new when the baseline evaluated its scope. Target names differ between the runner's
 * errors and the findings (an image's error names the reference, its findings the repository; an
 * unreadable host document's error names the file, its findings the host), so scopes are compared, and an
 * error that names no scope either run knows makes every scope this run has no target for "not known".
 */

/** A host's targets are `HOST:/path`, an image's `REPOSITORY:/path`; a repository file is its own scope. */
export function scopeOf(target: string): string {
  const i = target.indexOf(':/');
  return i > 0 ? target.slice(0, i) : target;
}

/** An image reference's repository (`docker.io/x/y:tag` → `docker.io/x/y`, `x@sha256:…` → `x`), else the name. */
function withoutTag(ref: string): string {
  const at = ref.indexOf('@');
  const base = at > 0 ? ref.slice(0, at) : ref;
  const colon = base.lastIndexOf(':');
  return colon > base.lastIndexOf('/') ? base.slice(0, colon) : base;
}

/**
 * Whether a baseline finding's target was not evaluated this run: an error names it or its scope, or some
 * error names nothing this run or the baseline knows (an unreadable image or document whose repository or
 * host could not be learnt) and this run has no target in the finding's scope.
 */
export function notEvaluatedNow(errors: readonly { target: string }[], targetsNow: readonly string[], baselineTargets: readonly string[]): (target: string) => boolean {
  const named = new Set<string>();
  for (const e of errors) named.add(e.target).add(scopeOf(e.target)).add(withoutTag(e.target));
  const present = new Set(targetsNow.map(scopeOf));
  const known = new Set([...targetsNow, ...baselineTargets, ...targetsNow.map(scopeOf), ...baselineTargets.map(scopeOf)]);
  const unplaced = errors.some((e) => !known.has(e.target) && !known.has(scopeOf(e.target)) && !known.has(withoutTag(e.target)));
  return (target) => named.has(target) || named.has(scopeOf(target)) || (unplaced && !present.has(scopeOf(target)));
}

/** Whether a target now was not evaluated by the baseline run (its errors named it or its scope). */
export function notEvaluatedInBaseline(baselineErrors: readonly string[]): (target: string) => boolean {
  const named = new Set<string>();
  for (const e of baselineErrors) named.add(e).add(scopeOf(e)).add(withoutTag(e));
  return (target) => named.size > 0 && (named.has(target) || named.has(scopeOf(target)));
}

/**
 * Repository targets are named from the working directory (`r2/rsyncd.conf` from /tmp, `rsyncd.conf` from
 * inside r2): the same file scanned from elsewhere has another name. When the baseline and this run share
 * no target, but one side's names are the other's with one directory prefix added, this returns that
 * rewrite of the baseline's names (baseline name → name now), else null. Only plain relative paths count
 * (never `host:/path`): hosts and images are named the same from anywhere.
 */
export interface Rebase {
  rename: (name: string) => string;
  /**
   * How many directories up from here the baseline was written, when its names carry a prefix this run's
   * lack (written from the parent): a name without that prefix lies outside this run's directory, `../` × up.
   */
  up: number;
}

export function baselineRebase(targetsNow: readonly string[], baselineTargets: readonly string[]): Rebase | null {
  const now = new Set(targetsNow.filter(isRepoPath));
  const then = new Set(baselineTargets.filter(isRepoPath));
  if (now.size === 0 || then.size === 0) return null;
  for (const t of then) if (now.has(t)) return null;
  const candidates = new Map<string, number>();
  const count = (key: string) => candidates.set(key, (candidates.get(key) ?? 0) + 1);
  for (const b of then) {
    for (const n of now) {
      if (b.endsWith(`/${n}`)) count(`-${b.slice(0, b.length - n.length)}`);
      else if (n.endsWith(`/${b}`)) count(`+${n.slice(0, n.length - b.length)}`);
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [k, c] of candidates) {
    if (c > bestCount) {
      best = k;
      bestCount = c;
    }
  }
  if (best === null) return null;
  const prefix = best.slice(1);
  if (!best.startsWith('-')) return { rename: (name) => (isRepoPath(name) ? `${prefix}${name}` : name), up: 0 };
  return { rename: (name) => (isRepoPath(name) && name.startsWith(prefix) ? name.slice(prefix.length) : name), up: prefix.split('/').filter((p) => p !== '').length };
}

/** Where a baseline name the rebase left alone is from here: a repository path lies `up` directories above. */
export function unrenamedFromHere(name: string, rebase: Rebase): string {
  return rebase.up > 0 && isRepoPath(name) ? `${'../'.repeat(rebase.up)}${name}` : name;
}

function isRepoPath(name: string): boolean {
  return name !== '' && !name.startsWith('/') && !name.includes(':');
}
