/**
 * Fixes for values rsync reads differently from how they look (shared/reference/rsyncd.md §1.1, §1.4):
 * a comment inside a value (RSYNC-009) and `refuse options` separated by commas or tabs (RSYNC-010).
 * A comment fix never changes what the daemon does without saying so: the value is written as rsync reads it
 * today, and the note says which written words were never in effect.
 */
import type { Finding } from '../../engine/index.ts';
import { unknownRefuseNames } from '../../facts/index.ts';
import { lineKind, logicalEnd, splitLines } from '../lines.ts';
import { moduleOfPath, rewriteLine, setModuleParam, templated } from '../plan-edits.ts';
import { coveredBy, fromPlaced, type Outcome, type RuleContext, type RulePlanner, unfixed } from '../plan-types.ts';
import { findingKey, type LineEdit } from '../types.ts';
import { listed, whom } from './access.ts';

/** Where a value's comment starts: whitespace then `#` or `;` (rsync has no inline comments, so it is part of the value). */
const COMMENT = /\s[#;]/;

/** Lists whose words rsync splits: the words before the comment are written, the stray ones dropped (and named). */
const LISTS = new Set(['hosts allow', 'hosts deny', 'auth users', 'refuse options']);

/** The logical line at `file:line`, unless it is missing or a template expression; the reason otherwise. */
function lineAt(ctx: RuleContext, file: string, line: number): { lines: string[]; end: number } | string {
  const text = ctx.texts.get(file);
  if (text === undefined) return `${file} is not available to edit`;
  const lines = splitLines(text);
  if (lineKind(lines[line - 1] ?? '') !== 'param') return `line ${line} of ${file} is not a parameter line`;
  const end = logicalEnd(lines, line);
  if (templated(ctx, file, lines, line, end)) return `${file}:${line} holds a template expression; it is never rewritten`;
  return { lines, end };
}

/** The comment on its own line above (same indentation), then the value line or nothing. */
function moved(file: string, line: number, end: number, first: string, comment: string, valueLine: string | null): LineEdit {
  const indent = /^[ \t]*/.exec(first)?.[0] ?? '';
  return { file, start: line, end, lines: [`${indent}${comment}`, ...(valueLine === null ? [] : [valueLine])] };
}

/** RSYNC-009 on a boolean: the diagnostic says which value stayed; that value is written, the comment moved up. */
function commentInBoolean(f: Finding, ctx: RuleContext): Outcome[] {
  const loc = f.location;
  const d = loc === null ? undefined : ctx.doc.config.diagnostics.find((x) => x.code === 'comment-in-boolean' && x.file === loc.file && x.line === loc.line);
  const name = d === undefined ? undefined : /for "([^"]+)"/.exec(d.message)?.[1];
  const kept = d === undefined ? undefined : /the value stays ([^.\s]+)\./.exec(d.message)?.[1];
  if (loc === null || name === undefined || kept === undefined) return [unfixed(f, 'no automatic fix for RSYNC-009: the diagnostic does not name the parameter', null)];
  const at = lineAt(ctx, loc.file, loc.line);
  if (typeof at === 'string') return [unfixed(f, `no automatic fix for RSYNC-009: ${at}`, null)];
  if (at.end > loc.line) return [unfixed(f, 'no automatic fix for RSYNC-009: the value is continued over several lines', null)];
  const first = at.lines[loc.line - 1] as string;
  const written = first.slice(first.indexOf('=') + 1);
  const cut = written.search(COMMENT);
  if (cut < 0) return [unfixed(f, 'no automatic fix for RSYNC-009: the comment is on a continuation line', null)];
  const meant = written.slice(0, cut).trim();
  const comment = written.slice(cut).trim();
  const value = kept === 'true' ? 'yes' : kept === 'false' ? 'no' : null;
  const where = f.module === null ? 'the global section' : `[${f.module}]`;
  const today = value === null ? `"${name}" stays unset` : `"${name} = ${value}"`;
  return [
    {
      candidate: {
        fixes: [findingKey(f)],
        parameter: name,
        summary: `${where} ${name}: comment moved to its own line, value kept as rsync reads it (${value ?? 'unset'})`,
        notes: [
          `"${name} = ${meant}" was never in effect: rsync read the comment as part of the value, found no boolean and kept ${today}. The line now says what the daemon does today; write "${name} = ${meant}" yourself if that is what you meant.`,
        ],
        edits: [moved(loc.file, loc.line, at.end, first, comment, value === null ? null : rewriteLine(first, name, value))],
        access: { modules: [], fields: [] },
      },
    },
  ];
}

/**
 * The value as the file writes it (continuation pieces joined as rsync joins them, rsyncd.md §1.1), or null when
 * the file or line is not there. An edit is built from this text, never from the facts' value: the facts mask
 * `auth users` options that could be passwords, and that mask must not be written back into the config.
 */
function writtenValue(ctx: RuleContext, file: string, line: number): string | null {
  const text = ctx.texts.get(file);
  if (text === undefined) return null;
  const lines = splitLines(text);
  const first = lines[line - 1];
  if (first === undefined || lineKind(first) !== 'param' || !first.includes('=')) return null;
  const pieces = lines.slice(line - 1, logicalEnd(lines, line));
  const joined = pieces.map((l, i) => (i < pieces.length - 1 ? l.replace(/\\\s*$/, '') : l)).join('');
  return joined.slice(joined.indexOf('=') + 1).trim();
}

/** A value split at its comment: the words before it and the comment (empty when there is none). */
function splitComment(value: string): { meant: string; comment: string } {
  const cut = value.search(COMMENT);
  return cut < 0 ? { meant: '', comment: '' } : { meant: value.slice(0, cut).trim(), comment: value.slice(cut).trim() };
}

/** RSYNC-009 on a list or path: a list keeps the words before the comment (the stray words are named); a path or name is left to a person. */
function commentInValue(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  const name = f.path.slice(f.path.indexOf('.params.') + '.params.'.length);
  const p = mod?.params[name];
  if (mod === undefined || p === undefined || p.file === null || p.line === null || typeof p.value !== 'string') return [unfixed(f, 'no automatic fix for RSYNC-009: the parameter is not in the facts', null)];
  // Reasons and suggestions quote the facts (masked, safe to show); the edit quotes the file (verbatim).
  const shown = splitComment(p.value);
  const suggestion = `${shown.comment}\n${name} = ${shown.meant}`;
  if (!LISTS.has(name)) {
    return [unfixed(f, `no automatic fix for RSYNC-009: rsync uses "${p.value}" as the ${name} today, comment included; dropping the comment changes which ${name} the daemon uses`, suggestion)];
  }
  if (shown.meant === '') return [unfixed(f, `no automatic fix for RSYNC-009: nothing precedes the comment, and an empty "${name}" means something else`, suggestion)];
  const at = lineAt(ctx, p.file, p.line);
  if (typeof at === 'string') return [unfixed(f, `no automatic fix for RSYNC-009: ${at}`, suggestion)];
  const written = writtenValue(ctx, p.file, p.line);
  const { meant, comment } = splitComment(written ?? '');
  if (meant === '') return [unfixed(f, `no automatic fix for RSYNC-009: ${p.file}:${p.line} does not hold the value the facts name`, suggestion)];
  const first = at.lines[p.line - 1] as string;
  // Named from the facts' value (masked: an `auth users` word after the comment may be user:password).
  const stray = shown.comment.split(/[\s,]+/).filter((w) => w !== '');
  const honoured = stray.filter((w) => !/^[#;]+$/.test(w) && (name !== 'refuse options' || unknownRefuseNames(w).length === 0));
  const kept = honoured[0];
  if (kept !== undefined && name !== 'hosts allow') {
    // Dropping a refused option, a denied host or a user changes what the daemon does: a person decides.
    const what = name === 'refuse options' ? 'an option to refuse' : name === 'hosts deny' ? 'a host to deny' : kept.startsWith('@') ? 'a group' : 'a user';
    const meantWord = name === 'refuse options' ? 'option' : name === 'hosts deny' ? 'host' : kept.startsWith('@') ? 'group' : 'user';
    const both = `${shown.comment}\n${name} = ${shown.meant}\n# or, keeping what rsync reads today:\n${name} = ${[shown.meant, ...honoured].join(' ')}`;
    return [unfixed(f, `no automatic fix for RSYNC-009: rsync reads "${kept}" as ${what} today; decide whether the comment or the ${meantWord} is meant`, both)];
  }
  const dropped = stray.map((w) => `"${w}"`).join(', ');
  const lose = name === 'hosts allow' && honoured.length > 0 ? ` They are host names rsync resolves today: clients matching them lose access to [${mod.name}].` : '';
  return [
    {
      candidate: {
        fixes: [findingKey(f)],
        parameter: name,
        summary: `[${mod.name}] ${name}: comment moved to its own line`,
        notes: [`rsync read the comment's words as entries of "${name}" too (${dropped}); they are no longer in the list, which now holds only "${shown.meant}".${lose}`],
        edits: [moved(p.file, p.line, at.end, first, comment, rewriteLine(first, name, meant))],
        // Dropping stray host or user words can change who is admitted; the verifier holds it to these fields.
        access: { modules: [mod.name], fields: name.startsWith('hosts') ? ['open_to_any_host', 'host_allowed', 'anonymous_read', 'anonymous_write', 'read', 'write'] : name === 'auth users' ? ['read', 'write'] : [] },
      },
    },
  ];
}

function commentInside(f: Finding, ctx: RuleContext): Outcome[] {
  return f.path === 'config.diagnostics' ? commentInBoolean(f, ctx) : commentInValue(f, ctx);
}

/** RSYNC-010: `refuse options` split on commas or tabs → the same names separated by spaces, as rsync splits them. */
function refuseSpaces(f: Finding, ctx: RuleContext): Outcome[] {
  const mod = moduleOfPath(ctx.doc, f.path);
  const v = mod?.params['refuse options']?.value;
  if (mod === undefined || typeof v !== 'string') return [unfixed(f, 'no automatic fix for RSYNC-010: the parameter is not in the facts', null)];
  const value = v
    .split(/[\s,]+/)
    .filter((w) => w !== '')
    .join(' ');
  const placed = setModuleParam(ctx, mod, 'refuse options', value, { covered: coveredBy(ctx, f.rule_id) });
  return [
    fromPlaced(ctx, f, placed, {
      parameter: 'refuse options',
      summary: `${whom(mod, placed)} refuse options = ${value}`,
      notes: [`rsync splits "refuse options" on spaces only, so these names refused nothing until now; from now on clients using them get an error from ${listed(mod, placed)}.`],
      suggestion: `[${mod.name}]\n    refuse options = ${value}`,
      fields: [],
    }),
  ];
}

export const VALUE_PLANNERS: Readonly<Record<string, RulePlanner>> = {
  'RSYNC-009': commentInside,
  'RSYNC-010': refuseSpaces,
};
