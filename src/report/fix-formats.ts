/**
 * The formats of `rsyncguard fix` by name, like the report registries (formats.ts): the CLI's --format
 * choices, its help and the Action read this table. Each renders the verified fixes of every target; SARIF and
 * Markdown are the scan's own report with the fixes attached (results carry `fixes`, findings get
 * ```suggestion blocks), so a fix is always shown beside the finding it removes. One line adds a format.
 */
import type { TargetFixes } from '../fix/index.ts';
import { toAnsible } from './fix-ansible.ts';
import { toFixDiff } from './fix-diff.ts';
import type { FormatRegistry, RenderContext } from './formats.ts';
import { toHtml } from './html/index.ts';
import { toMarkdown } from './markdown.ts';
import type { Report } from './model.ts';
import { toSarif } from './sarif.ts';

/** What a fix format may need beyond the fixes: the scan report they belong to (SARIF, Markdown) and its texts. */
export interface FixContext extends RenderContext {
  report: Report;
  /** Host fixes (fix --inventory/--collected): target → inventory host and group, for the ansible format. */
  hostOf?: (target: string) => string;
  groupOf?: (target: string) => string;
}

/** The report with each target's fixes set from `fixes` (by target name), whatever it carried before. */
export function withFixes(report: Report, fixes: readonly TargetFixes[]): Report {
  const byTarget = new Map(fixes.map((f) => [f.target, f]));
  return {
    ...report,
    targets: report.targets.map((t) => {
      const { fixes: _old, ...rest } = t;
      const f = byTarget.get(t.target);
      return f ? { ...rest, fixes: f } : rest;
    }),
  };
}

export const FIX_FORMATS = {
  diff: {
    // ctx unused, but named so every entry takes the same two arguments when called by name.
    render: (fixes, _ctx) => toFixDiff(fixes),
    extension: '.patch',
    mediaType: 'text/x-diff',
    description: 'A unified diff per file (git apply, patch -p1); hunks name the rules they fix',
  },
  sarif: {
    render: (fixes, ctx) => toSarif(withFixes(ctx.report, fixes), { category: ctx.category, suppressions: ctx.suppressions, texts: ctx.texts, warn: ctx.warn }),
    extension: '.sarif',
    mediaType: 'application/sarif+json',
    description: 'The scan as SARIF 2.1.0, each fixed result with its `fixes` (artifact changes)',
  },
  markdown: {
    render: (fixes, ctx) => toMarkdown(withFixes(ctx.report, fixes), { explain: ctx.explain === true }),
    extension: '.md',
    mediaType: 'text/markdown',
    description: 'The scan for a pull request, each fix as a GitHub suggestion block',
  },
  ansible: {
    // Without hosts (fix of files), one play for `all` with the paths as the facts name them.
    render: (fixes, ctx) => toAnsible([...fixes], ctx.hostOf && ctx.groupOf ? { hostOf: ctx.hostOf, groupOf: ctx.groupOf } : { hostOf: null, groupOf: () => 'all' }),
    extension: '.yml',
    mediaType: 'application/yaml',
    description: 'An Ansible playbook per inventory group (lineinfile/replace on the exact swept lines, backup, --check --diff friendly)',
  },
  html: {
    render: (fixes, ctx) => toHtml(withFixes(ctx.report, fixes), ctx, ctx.hostOf && ctx.groupOf ? { hostOf: ctx.hostOf, groupOf: ctx.groupOf } : null),
    extension: '.html',
    mediaType: 'text/html',
    description: 'The scan as one self-contained page, each finding with its verified fix and the patch per target',
  },
} as const satisfies FormatRegistry<readonly TargetFixes[], FixContext>;

export type FixFormatName = keyof typeof FIX_FORMATS;
