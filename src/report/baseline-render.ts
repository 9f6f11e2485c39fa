/**
 * What text and Markdown say about a baseline (issue 17): the counts (new, updated, unchanged, fixed) and
 * the findings gone since, each with where it was. Callers pass a report already escaped for people
 * (escapeAllText): the baseline's findings come from a file and may hold anything.
 */
import { formatLocation } from '../common/index.ts';
import type { Finding } from '../engine/index.ts';
import type { BaselineComparison } from './baseline-model.ts';
import type { Paint } from './colour.ts';
import { markdownCode, markdownText } from './markdown-escape.ts';

/** A long list of fixed findings is summed up: the JSON report and SARIF have every one. */
export const MAX_ABSENT_SHOWN = 50;

/** Where a gone finding was: its file and line, after its target when that is not the file (a host, an image). */
function place(a: BaselineComparison['absent'][number]): string {
  if (!a.location) return a.target;
  return a.target === a.location.file ? formatLocation(a.location) : `${a.target} ${formatLocation(a.location)}`;
}

/** The "not known" clause: baseline findings of targets not (fully) read this run, neither fixed nor matched. */
export function notKnownClause(b: BaselineComparison): string {
  return b.not_evaluated ? `; ${b.not_evaluated} not known (their targets could not be evaluated or fully read this run: not fixed, not matched)` : '';
}

/** What the counts alone would not say: why some `new` findings may be old, and a baseline that matches nothing here. */
export function baselineCaveats(b: BaselineComparison): string[] {
  const out: string[] = [];
  if (b.not_scanned) {
    const n = b.not_scanned;
    out.push(`${n} finding${n === 1 ? '' : 's'} of the baseline ${n === 1 ? 'is' : 'are'} in files this run left out (--exclude, or outside the paths given): not counted as fixed.`);
  }
  if (b.new_not_evaluated_in_baseline) {
    const n = b.new_not_evaluated_in_baseline;
    out.push(`${n} of the new findings ${n === 1 ? 'is' : 'are'} on targets the baseline had not evaluated (its errors name them): they may be old, but nothing proves they were known, so they count as new.`);
  }
  if (b.renamed) out.push("The baseline's file names were written from another directory; they were matched to this run's by their path.");
  if (b.no_shared_target) out.push("The baseline's targets share nothing with this run's: was it written for other paths, from another directory or for another repository?");
  return out;
}

export function baselineSentence(b: BaselineComparison): string {
  const c = b.counts;
  return `Since the baseline ${b.source}: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.absent} fixed${notKnownClause(b)}.`;
}

/** The tag after a finding: only what changed is tagged, an unchanged finding reads as before. */
export function baselineTag(f: Pick<Finding, 'baseline_state'>): string {
  return f.baseline_state === 'new' ? ' [new]' : f.baseline_state === 'updated' ? ' [updated]' : '';
}

export function baselineTextLines(b: BaselineComparison, p: Paint): string[] {
  const out = [p.bold(baselineSentence(b)), ...baselineCaveats(b).map((line) => `  ${line}`)];
  for (const a of b.absent.slice(0, MAX_ABSENT_SHOWN)) {
    out.push(`  ${p.dim('fixed')}    ${a.rule_id} ${place(a)} ${a.message}`);
  }
  if (b.absent.length > MAX_ABSENT_SHOWN) out.push(`  ${p.dim(`and ${b.absent.length - MAX_ABSENT_SHOWN} more fixed (the JSON report lists every one)`)}`);
  return out;
}

export function baselineMarkdownLines(b: BaselineComparison): string[] {
  const c = b.counts;
  const out = [
    '### Since the baseline',
    '',
    `${markdownText(`Compared with ${b.source}:`)} **${c.new} new**, ${c.updated} updated, ${c.unchanged} unchanged, **${c.absent} fixed**${notKnownClause(b)}.`,
    '',
    ...baselineCaveats(b).flatMap((line) => [`> ${line}`, '']),
  ];
  if (b.absent.length > 0) {
    out.push('| fixed | rule | where | finding |', '|---|---|---|---|');
    for (const a of b.absent.slice(0, MAX_ABSENT_SHOWN)) {
      const where = markdownCode(place(a));
      out.push(`| ✅ ${a.severity} | ${a.rule_id} | ${where} | ${markdownText(a.message)} |`);
    }
    if (b.absent.length > MAX_ABSENT_SHOWN) out.push('', `…and ${b.absent.length - MAX_ABSENT_SHOWN} more (the JSON report lists every one).`);
    out.push('');
  }
  return out;
}
