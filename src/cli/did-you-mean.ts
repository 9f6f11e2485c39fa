/**
 * "did you mean --format?" for a mistyped option or command (issue 18): the names within two edits of what
 * was typed, or that it is the start of (`--fail` → `--fail-on`). Only the closest few are offered, never a
 * list of everything.
 */
import { editDistance } from '../common/index.ts';

/** The best candidates for `typed`, closest first (at most three); none when nothing is close. */
export function closestNames(typed: string, names: readonly string[]): string[] {
  // No name is this long: a pasted blob gets no suggestion, and no quadratic work.
  if (typed.length > 64) return [];
  const word = typed.toLowerCase();
  // Two edits of a two-letter word reach any two-letter name: short words only match by a prefix.
  const maxEdits = word.length <= 3 ? 1 : 2;
  const scored = names
    .map((name) => ({ name, d: editDistance(word, name), prefix: word.length >= 2 && name.startsWith(word) }))
    .filter((c) => c.d <= maxEdits || c.prefix)
    .sort((a, b) => a.d - b.d);
  const close = scored.filter((c) => c.d <= maxEdits);
  return (close.length > 0 ? close : scored).slice(0, 3).map((c) => c.name);
}

/** "; did you mean X?" / "; did you mean X or Y?", or nothing. */
export function didYouMean(typed: string, names: readonly string[], show: (name: string) => string = (n) => n): string {
  const best = closestNames(typed, names).map(show);
  if (best.length === 0) return '';
  const last = best.pop();
  return `; did you mean ${best.length > 0 ? `${best.join(', ')} or ${last}` : last}?`;
}
