/**
 * Hand-made verified fixes for the fix formats' tests: the after-text comes from the fix stage's own
 * applyEdits, so the formats are tested against exactly what `fix --write` would write.
 */
import { applyEdits, type LineEdit, type TargetFixes, type VerifiedFix } from '../../src/fix/index.ts';

export function verified(rule: string, module: string | null, summary: string, edits: LineEdit[], notes: string[] = []): VerifiedFix {
  const file = edits[0]?.file ?? 'rsyncd.conf';
  return {
    fixes: [{ rule_id: rule, target: file, module, path: module ? `config.modules[0].params.${summary}` : 'config.global' }],
    rule_ids: [rule],
    parameter: summary.split('=')[0]?.trim() ?? '',
    summary: module ? `[${module}] ${summary}` : summary,
    notes,
    edits,
    access: { modules: module ? [module] : [], fields: [] },
  };
}

/** A target's fixes over `files` (path → original text), the after-text made by applying every edit. */
export function targetFixes(target: string, files: Record<string, string>, fixes: VerifiedFix[], extra: Partial<TargetFixes> = {}): TargetFixes {
  return {
    target,
    verified: fixes,
    rejected: [],
    unfixed: [],
    commands: [],
    files: Object.entries(files).map(([file, before]) => ({
      file,
      before,
      after: applyEdits(
        before,
        fixes.flatMap((f) => f.edits.filter((e) => e.file === file)),
      ),
    })),
    ...extra,
  };
}
