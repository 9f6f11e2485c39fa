/**
 * The edits that set, remove or rewrite one parameter where rsync reads its effective value
 * (shared/reference/rsyncd.md §1.6): the module's own line, the global line every affected module inherits,
 * or a new line in the module's section when the value comes from rsync's default or from a global line other
 * modules also inherit. Every rule planner builds its edits here, so all of them follow the same placement.
 */
import type { FactsDocument, ModuleFacts } from '../facts/index.ts';
import { firstHeader, hasTemplateExpr, isTemplateFile, lineKind, logicalEnd, paramLines, sectionEnd, sectionIndent, slice, splitLines } from './lines.ts';
import type { LineEdit } from './types.ts';

export type Param = ModuleFacts['params'][string];

/** What a planner reads: the facts, the run's texts (display path → text), and the modules each rule already reports. */
export interface PlanContext {
  doc: FactsDocument;
  texts: ReadonlyMap<string, string>;
  /** The other targets of the run: a line one of their modules also reads (a shared `&merge` file) is never edited for this one. */
  others?: readonly FactsDocument[];
}

/** Edits and the modules (by name) whose effective value they change; or why no edit can be made. */
export type Placed = { edits: LineEdit[]; modules: string[]; rewrote?: { file: string; line: number } } | { unfixed: string };

/** A parameter line as the file writes it: keep the name, indentation and spacing around `=` as written. */
export function rewriteLine(first: string, name: string, value: string): string {
  const eq = first.indexOf('=');
  if (lineKind(first) !== 'param' || eq < 0) return `${/^[ \t]*/.exec(first)?.[0] ?? ''}${name} = ${value}`;
  const gap = /^[ \t]*/.exec(first.slice(eq + 1))?.[0] ?? '';
  return `${first.slice(0, eq + 1)}${gap === '' ? ' ' : gap}${value}`;
}

function linesOf(ctx: PlanContext, file: string | null): string[] | null {
  if (file === null) return null;
  const text = ctx.texts.get(file);
  return text === undefined ? null : splitLines(text);
}

/** A template: by its name (.j2, .erb, …), or by its content, as the parser noted it (a `template` diagnostic). */
export function templateFile(ctx: PlanContext, file: string): boolean {
  return isTemplateFile(file) || ctx.doc.config.diagnostics.some((d) => d.code === 'template' && d.file === file);
}

/** A template file's line that holds an expression is never rewritten: the rendered text is unknown here. */
export function templated(ctx: PlanContext, file: string, lines: readonly string[], start: number, end: number): boolean {
  return templateFile(ctx, file) && slice(lines, start, end).some(hasTemplateExpr);
}

/** Replace (or, with `value` null, delete) the logical line holding `p`. */
export function editParamLine(ctx: PlanContext, p: Param, name: string, value: string | null): LineEdit | string {
  const lines = linesOf(ctx, p.file);
  if (p.file === null || p.line === null || lines === null) return `the file holding "${name}" (${p.file ?? 'unknown'}) is not available to edit`;
  const first = lines[p.line - 1];
  if (first === undefined || lineKind(first) !== 'param') return `line ${p.line} of ${p.file} is not the "${name}" line the facts name`;
  const end = logicalEnd(lines, p.line);
  if (templated(ctx, p.file, lines, p.line, end)) return `${p.file}:${p.line} holds a template expression; it is never rewritten`;
  return { file: p.file, start: p.line, end, lines: value === null ? [] : [rewriteLine(first, name, value)] };
}

/** Insert `name = value` into a module's section: after `after` (a line of that section) or right after its header. */
export function insertInModule(ctx: PlanContext, mod: ModuleFacts, name: string, value: string, after?: Param): LineEdit | string {
  const file = mod.header.file;
  const lines = linesOf(ctx, file);
  if (lines === null) return `the file holding [${mod.name}] (${file}) is not available to edit`;
  const headerEnd = logicalEnd(lines, mod.header.line);
  if (templated(ctx, file, lines, mod.header.line, headerEnd)) return `the header of [${mod.name}] (${file}:${mod.header.line}) is a template expression; its section is generated`;
  const indent = sectionIndent(lines, mod.header.line);
  const anchor = after !== undefined && after.origin === 'module' && after.file === file && after.line !== null && after.line > mod.header.line ? logicalEnd(lines, after.line) : headerEnd;
  return { file, start: anchor + 1, end: anchor, lines: [`${indent}${name} = ${value}`] };
}

/**
 * Insert `name = value` as the last line of a module's (first) section: after an `&merge` there that sets the
 * value for other modules too, so the module's own line is read last and wins (rsyncd.md §1.6).
 */
export function appendToModule(ctx: PlanContext, mod: ModuleFacts, name: string, value: string): LineEdit | string {
  const file = mod.header.file;
  const lines = linesOf(ctx, file);
  if (lines === null) return `the file holding [${mod.name}] (${file}) is not available to edit`;
  const headerEnd = logicalEnd(lines, mod.header.line);
  if (templated(ctx, file, lines, mod.header.line, headerEnd)) return `the header of [${mod.name}] (${file}:${mod.header.line}) is a template expression; its section is generated`;
  let last = headerEnd;
  for (let n = headerEnd + 1; n <= sectionEnd(lines, mod.header.line); n = logicalEnd(lines, n) + 1) {
    const kind = lineKind(lines[n - 1] ?? '');
    if (kind === 'param' || kind === 'directive') last = logicalEnd(lines, n);
  }
  return { file, start: last + 1, end: last, lines: [`${sectionIndent(lines, mod.header.line)}${name} = ${value}`] };
}

/**
 * Whether a line holding `name` (file:line of `p`) is also where a module outside `covered` takes its value:
 * another module of this target (a shared `&merge` file, or a global line), or any module of another target
 * reading the same file. Editing it would change those modules without the fix saying so.
 */
export function sharedBeyond(ctx: PlanContext, name: string, p: Param, covered: ReadonlySet<string>, self?: ModuleFacts): boolean {
  const reads = (m: ModuleFacts): boolean => {
    const q = m.params[name];
    return q !== undefined && q.origin !== 'default' && q.file === p.file && q.line === p.line;
  };
  if (ctx.doc.config.modules.some((m) => m !== self && reads(m) && !covered.has(m.name))) return true;
  return (ctx.others ?? []).some((d) => d.config.modules.some(reads) || (d.config.global[name] !== undefined && d.config.global[name]?.file === p.file && d.config.global[name]?.line === p.line));
}

/** Insert a daemon-wide `name = value` into the main file's global part: after its last global parameter line, else before the first header. */
export function insertInGlobal(ctx: PlanContext, name: string, value: string): LineEdit | string {
  const file = ctx.doc.config.files[0]?.path ?? null;
  const lines = linesOf(ctx, file);
  if (file === null || lines === null) return 'the main configuration file is not available to edit';
  // Before the first header or `&include`/`&merge`: a file read there may define modules, whose booleans are
  // copied from the global values when they are first seen (rsyncd.md §1.6), so a later global line is too late.
  const header = firstBoundary(lines);
  const globals = paramLines(lines, 1, header === null ? lines.length : header - 1);
  const last = globals[globals.length - 1];
  const at = last !== undefined ? logicalEnd(lines, last) + 1 : (header ?? lines.length + 1);
  const indent = last !== undefined ? (/^[ \t]*/.exec(lines[last - 1] ?? '')?.[0] ?? '') : '';
  return { file, start: at, end: at - 1, lines: [`${indent}${name} = ${value}`] };
}

/** The first header or `&include`/`&merge` line of the file (1-based), or null when it has none. */
function firstBoundary(lines: readonly string[]): number | null {
  const header = firstHeader(lines);
  for (let n = 1; n <= (header ?? lines.length); n = logicalEnd(lines, n) + 1) {
    if (lineKind(lines[n - 1] ?? '') === 'directive') return n;
  }
  return header;
}

/** The modules that take `name` from the global line `p` (same file and line). */
export function inheritors(doc: FactsDocument, name: string, p: Param): ModuleFacts[] {
  return doc.config.modules.filter((m) => {
    const q = m.params[name];
    return q !== undefined && q.origin === 'global' && q.file === p.file && q.line === p.line;
  });
}

export interface SetOptions {
  /** Modules (by name) this fix is meant for: a global line is edited only when every module inheriting it is one of them. */
  covered: ReadonlySet<string>;
  /** Where a new module line goes (the module's `hosts allow` for `hosts deny`); right after the header otherwise. */
  after?: (mod: ModuleFacts) => Param | undefined;
  /** Remove the module's (or shared global) line instead of rewriting it; a module that inherits from elsewhere gets `value` written. */
  remove?: boolean;
}

/** Set `name = value` for `mod` where rsync reads it (see the file comment). */
export function setModuleParam(ctx: PlanContext, mod: ModuleFacts, name: string, value: string, opts: SetOptions): Placed {
  const p = mod.params[name];
  if (p !== undefined && p.origin === 'module') {
    // A line in a file other modules `&merge` too: this module gets its own last line instead (finding 1 of adv16a).
    if (sharedBeyond(ctx, name, p, opts.covered, mod)) {
      const own = appendToModule(ctx, mod, name, value);
      return typeof own === 'string' ? { unfixed: `${p.file}:${p.line} is read by other modules too, and ${own}` } : { edits: [own], modules: [mod.name] };
    }
    const e = editParamLine(ctx, p, name, opts.remove === true ? null : value);
    const sharers = ctx.doc.config.modules.filter((m) => m !== mod && m.params[name]?.origin === 'module' && m.params[name]?.file === p.file && m.params[name]?.line === p.line);
    return typeof e === 'string' ? { unfixed: e } : { edits: [e], modules: [...new Set([mod.name, ...sharers.map((m) => m.name)])].sort() };
  }
  if (p !== undefined && p.origin === 'global' && p.line !== null) {
    const heirs = inheritors(ctx.doc, name, p);
    if (heirs.length > 0 && heirs.every((m) => opts.covered.has(m.name)) && !sharedBeyond(ctx, name, p, opts.covered)) {
      const e = editParamLine(ctx, p, name, opts.remove === true ? null : value);
      if (typeof e !== 'string') return { edits: [e], modules: [...new Set(heirs.map((m) => m.name))].sort() };
    }
  }
  const bad = badBooleanLine(ctx, mod, name, value);
  if (bad !== null) return bad;
  const e = insertInModule(ctx, mod, name, value, opts.after?.(mod));
  return typeof e === 'string' ? { unfixed: e } : { edits: [e], modules: [mod.name] };
}

/**
 * The module's own `name = … # comment` line rsync ignored (a badly formed boolean): rewritten, its comment
 * moved above, rather than a new line next to it that a later fix of that line (RSYNC-009) would contradict.
 */
function badBooleanLine(ctx: PlanContext, mod: ModuleFacts, name: string, value: string): Placed | null {
  // The module's lines run after its header and after each header that re-opens it (rsyncd.md §1.2).
  const runs = [mod.header, ...(mod.reopened ?? [])].map((h) => ({ h, lines: linesOf(ctx, h.file) }));
  const within = (x: { file: string; line: number }) => runs.find(({ h, lines }) => lines !== null && x.file === h.file && x.line > h.line && x.line <= sectionEnd(lines, h.line));
  const d = ctx.doc.config.diagnostics.find((x) => x.code === 'comment-in-boolean' && x.message.includes(`for "${name}"`) && within(x) !== undefined);
  const lines = d === undefined ? null : (within(d)?.lines ?? null);
  if (d === undefined || lines === null) return null;
  const file = d.file;
  const first = lines[d.line - 1];
  if (d === undefined || first === undefined || logicalEnd(lines, d.line) !== d.line || templated(ctx, file, lines, d.line, d.line)) return null;
  const written = first.slice(first.indexOf('=') + 1);
  const cut = written.search(/\s[#;]/);
  if (cut < 0) return null;
  const indent = /^[ \t]*/.exec(first)?.[0] ?? '';
  const edit = { file, start: d.line, end: d.line, lines: [`${indent}${written.slice(cut).trim()}`, rewriteLine(first, name, value)] };
  return { edits: [edit], modules: [mod.name], rewrote: { file, line: d.line } };
}

/** Set a daemon-wide `name = value`: its global line when it has one, else a new line in the main file's global part. */
export function setGlobalParam(ctx: PlanContext, name: string, value: string): Placed {
  const p = ctx.doc.config.global[name];
  if (p !== undefined && p.origin === 'global' && (ctx.others ?? []).length > 0 && sharedBeyond(ctx, name, p, new Set(ctx.doc.config.modules.map((m) => m.name)))) {
    return { unfixed: `${p.file}:${p.line} is read by another configuration too, which this fix would change without saying so` };
  }
  const e = p !== undefined && p.origin === 'global' ? editParamLine(ctx, p, name, value) : insertInGlobal(ctx, name, value);
  return typeof e === 'string' ? { unfixed: e } : { edits: [e], modules: [] };
}

/** The module a finding is about: by name, the one requests reach (a shadowed duplicate is never served). */
export function findModule(doc: FactsDocument, name: string | null): ModuleFacts | undefined {
  if (name === null) return undefined;
  return doc.config.modules.find((m) => m.name === name && !m.shadowed) ?? doc.config.modules.find((m) => m.name === name);
}

/** The module index a module finding's path names (`config.modules[3].params.x`), so a shadowed one is found too. */
export function moduleOfPath(doc: FactsDocument, path: string): ModuleFacts | undefined {
  const m = /^config\.modules\[(\d+)\]/.exec(path);
  return m === null ? undefined : doc.config.modules[Number(m[1])];
}
