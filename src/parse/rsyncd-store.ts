/**
 * One assignment, as do_parameter stores it, with its provenance. A rejected value stores nothing, so
 * the previous (inherited or default) value stays — the behaviour that makes `list = no # hide` list.
 */
import { diagnostic, type Diagnostic, type Location } from '../common/index.ts';
import { HOOK_PARAMS, type ParamSpec } from './rsyncd-params.ts';
import { atoi, parseBoolean, parseFacility, percentVars, stripTrailingSlashes } from './rsyncd-values.ts';

export type Value = string | number | boolean | 'unset' | null;

export interface Assigned {
  value: Value;
  /** The text as written (after rsync's own line handling). */
  raw: string;
  /** Where it was written; null for a table default. */
  at: Location | null;
  origin: 'module' | 'global' | 'default';
}

export interface Stored {
  value?: Assigned;
  diagnostics: Diagnostic[];
}

export function storeValue(spec: ParamSpec, raw: string, at: Location, origin: 'module' | 'global', previous: Assigned | undefined): Stored {
  const diagnostics: Diagnostic[] = [];
  const vars = percentVars(raw);
  if (vars.length > 0) {
    const when = spec.type === 'string' || spec.type === 'path' ? 'when the value is used' : 'while the file is parsed';
    diagnostics.push(diagnostic('info', 'percent-var', `"${spec.name}" uses ${vars.map((v) => `%${v}%`).join(', ')}, which rsync expands from its environment ${when}; rsyncguard leaves it unexpanded.`, at));
  }
  const assigned = (value: Value): Stored => ({ value: { value, raw, at, origin }, diagnostics });
  switch (spec.type) {
    case 'string':
      warnInlineComment(spec, raw, at, diagnostics);
      return assigned(raw);
    case 'path':
      warnInlineComment(spec, raw, at, diagnostics);
      return assigned(stripTrailingSlashes(raw));
    case 'integer':
      if (!/^\s*[+-]?\d/.test(raw)) {
        diagnostics.push(diagnostic('info', 'integer-not-number', `"${spec.name} = ${raw}" is not a number; rsync reads it as ${atoi(raw)} (atoi), silently.`, at));
      }
      return assigned(atoi(raw));
    case 'enum': {
      const facility = parseFacility(raw);
      return facility === undefined ? { diagnostics } : assigned(facility);
    }
    case 'bool':
    case 'bool3': {
      const b = parseBoolean(raw, spec.type === 'bool3');
      if (b !== undefined) return assigned(b);
      const kept = previous ? String(previous.value) : String(spec.default);
      const hasComment = /\s[#;]/.test(raw);
      const comment = hasComment ? ' rsync has no inline comments: the comment made the value invalid.' : '';
      diagnostics.push(
        diagnostic(
          'warning',
          hasComment ? 'comment-in-boolean' : 'bad-boolean',
          `Badly formed boolean in configuration file: "${raw}" for "${spec.name}"; the value stays ${kept}.${comment}`,
          at,
          `Write "${spec.name} = yes" or "${spec.name} = no" on a line of its own, comments on their own line.`,
        ),
      );
      return { diagnostics };
    }
  }
}

/** Strings keep '#' and ';' verbatim; a space before them usually means someone meant a comment. */
function warnInlineComment(spec: ParamSpec, raw: string, at: Location, out: Diagnostic[]): void {
  // A hook's value is a shell command: `;` separates commands and `#` is the shell's comment, both meant.
  if (HOOK_PARAMS.has(spec.name)) return;
  const m = /\s([#;].*)$/.exec(raw);
  if (!m) return;
  out.push(diagnostic('warning', 'inline-comment', `"${spec.name}" includes "${m[1]}" in its value: rsync has no inline comments.`, at, 'Move the comment to a line of its own.'));
}
