/**
 * loadparm.c's state machine over lexer events: global context vs module context, the running defaults
 * (`Vars`), module creation by copying them, `&include` push/reset/pop and `&merge` in place.
 * Reference: shared/reference/rsyncd.md §1.2, §1.3, §1.6, §1.7.
 */
import { createHash } from 'node:crypto';
import { diagnostic, type Diagnostic, type Location } from '../common/index.ts';
import { fileNotes } from './file-notes.ts';
import { inlineWaivers, type InlineWaiver } from './inline-waivers.ts';
import { publicDeclarations, type PublicDeclaration } from './public-declarations.ts';
import { lexRsyncdConf } from './rsyncd-lexer.ts';
import { lookupNearParam, lookupParam, PARAMS, squash, strwiEq } from './rsyncd-params.ts';
import type { ConfigSource } from '../common/index.ts';
import { storeValue, type Assigned } from './rsyncd-store.ts';
import { redactName, redactUnknownName } from './redact.ts';

export type Vars = Map<string, Assigned>;

export interface Section {
  /** The module's current name (header spelling, or a `name =` rename). */
  name: Assigned;
  header: Location;
  /** Later headers that re-open this module (rsyncd.md §1.2: getsectionbyname finds it again): its lines follow them too. */
  reopened: Location[];
  /** Values copied from the running defaults when the header was first seen, then the module's own. */
  params: Vars;
}

export interface LoadResult {
  /** pm_process() returned success. */
  ok: boolean;
  /** The parse that failed, and where. */
  fatal?: Diagnostic;
  /** Final running defaults and globals (after every include was popped). */
  vars: Vars;
  sections: Section[];
  diagnostics: Diagnostic[];
  files: { path: string; sha256: string }[];
  /** Some include was not followed, so the picture may be incomplete. */
  partial: boolean;
  /** rsyncguard's own limit stopped the parse (see MAX_INCLUDE_DEPTH): the result says nothing about rsync. */
  limit?: Diagnostic;
  inlineWaivers: InlineWaiver[];
  /** `# rsyncguard: public <reason>` comments of every file read (public-declarations.ts). */
  publicDeclarations: PublicDeclaration[];
}

/**
 * rsync itself has no depth limit (params.c include_config → pm_process recurses, each level keeping its
 * FILE open): a chain works until the daemon runs out of descriptors (RLIMIT_NOFILE, 1024 by default for a
 * service), and a cycle recurses until that or the stack gives out — the include then fails. A real rsync
 * 3.5.0 daemon serves a 40-deep chain. These limits are rsyncguard's own safety margin, not rsync's: a
 * configuration that reaches one is reported as not evaluated, never as a result.
 */
export const MAX_INCLUDE_DEPTH = 128;
/** Includes that fan out (a directory of files that each include the directory again) grow exponentially. */
export const MAX_INCLUDED_FILES = 2000;

/** `limit`: rsyncguard stopped following includes for its own safety; nothing about the result can be trusted. */
type Outcome = 'ok' | 'fail' | 'stop' | 'limit';

export function loadConfig(path: string, bytes: Uint8Array, source: ConfigSource, opts: { globalsOnly: boolean }): LoadResult {
  const loader = new Loader(source, opts.globalsOnly);
  const outcome = loader.parseFile(path, bytes, []);
  return {
    ok: outcome !== 'fail',
    ...(loader.fatal ? { fatal: loader.fatal } : {}),
    ...(loader.limit ? { limit: loader.limit } : {}),
    vars: loader.vars,
    sections: loader.sections,
    diagnostics: loader.diagnostics,
    files: loader.files,
    partial: loader.partial,
    inlineWaivers: loader.inlineWaivers,
    publicDeclarations: loader.publicDeclarations,
  };
}

class Loader {
  vars: Vars = new Map();
  sections: Section[] = [];
  diagnostics: Diagnostic[] = [];
  files: { path: string; sha256: string }[] = [];
  partial = false;
  inlineWaivers: InlineWaiver[] = [];
  publicDeclarations: PublicDeclaration[] = [];
  fatal: Diagnostic | undefined;
  limit: Diagnostic | undefined;
  private stack: Vars[] = [];
  private inGlobal = true;
  private current = -1;
  /** squash(name) → index of the last module with that name, kept in step with renames. */
  private byName = new Map<string, number>();

  constructor(
    private readonly source: ConfigSource,
    private readonly globalsOnly: boolean,
  ) {}

  parseFile(path: string, bytes: Uint8Array, chain: string[]): Outcome {
    this.files.push({ path, sha256: createHash('sha256').update(bytes).digest('hex') });
    if (!this.globalsOnly) {
      this.diagnostics.push(...fileNotes(bytes, path));
      const inline = inlineWaivers(bytes, path);
      this.inlineWaivers.push(...inline.waivers);
      this.diagnostics.push(...inline.diagnostics);
      const declared = publicDeclarations(bytes, path);
      this.publicDeclarations.push(...declared.declarations);
      this.diagnostics.push(...declared.diagnostics);
    }
    for (const ev of lexRsyncdConf(bytes, path)) {
      // A globals-only (startup) parse stops at the first '[' of any kind, even a broken one.
      if (this.globalsOnly && (ev.kind === 'section' || (ev.kind === 'fatal' && ev.header))) return 'stop';
      switch (ev.kind) {
        case 'section':
          if (!this.doSection(ev.name, ev.at)) return 'fail';
          break;
        case 'param':
          this.doParameter(ev.name, ev.value, ev.at, ev.valueAt);
          break;
        case 'directive': {
          const outcome = this.doDirective(ev.name, ev.value, ev.at, [...chain, path]);
          if (outcome !== 'ok') return outcome;
          break;
        }
        case 'warning':
          this.diagnostics.push(diagnostic('warning', ev.code, ev.message, ev.at));
          break;
        case 'fatal':
          return this.fail(diagnostic('fatal', ev.code, ev.message, ev.at));
        case 'nul-end':
          this.diagnostics.push(diagnostic('warning', 'nul-ends-file', 'A NUL byte at the start of a line ends the file for rsync; everything after it is ignored.', ev.at, 'Remove the NUL byte (the file may be binary or corrupted).'));
          break;
      }
    }
    return 'ok';
  }

  private stopAtLimit(d: Diagnostic): Outcome {
    this.diagnostics.push(d);
    this.limit ??= d;
    return 'limit';
  }

  private fail(d: Diagnostic): Outcome {
    this.diagnostics.push(d);
    this.fatal ??= d;
    return 'fail';
  }

  /** loadparm.c do_section. */
  private doSection(name: string, at: Location): boolean {
    const isGlobal = strwiEq(name, 'global');
    this.inGlobal = isGlobal;
    if (isGlobal) return true;
    if (name.includes('/')) {
      this.fail(diagnostic('fatal', 'invalid-section-name', `Invalid section name in configuration file: ${redactName(name)} (module names cannot contain '/').`, at, 'Rename the module; until then rsync fails every connection.'));
      return false;
    }
    // getsectionbyname: the last module whose current (possibly renamed) name is strwiEQ-equal.
    const existing = this.byName.get(squash(name));
    if (existing !== undefined) {
      this.current = existing;
      this.sections[existing]?.reopened.push(at);
      return true;
    }
    this.sections.push({ name: { value: name, raw: name, at, origin: 'module' }, header: at, reopened: [], params: this.snapshotDefaults() });
    this.current = this.sections.length - 1;
    this.byName.set(squash(name), this.current);
    return true;
  }

  /** init_section copies the running defaults, non-NULL table defaults included (they stay captured). */
  private snapshotDefaults(): Vars {
    const copy: Vars = new Map();
    for (const spec of PARAMS) {
      if (spec.class !== 'local') continue;
      const set = this.vars.get(spec.name);
      if (set) copy.set(spec.name, set);
      else if (spec.default !== null && (spec.type === 'string' || spec.type === 'path')) {
        copy.set(spec.name, { value: spec.default, raw: String(spec.default), at: null, origin: 'default' });
      }
    }
    return copy;
  }

  /** loadparm.c do_parameter. */
  private doParameter(name: string, value: string, at: Location, valueAt: Location): void {
    const spec = lookupParam(name);
    if (!spec) {
      this.diagnostics.push(unknownParameter(name, at));
      return;
    }
    const section = this.inGlobal ? undefined : this.sections[this.current];
    if (section && spec.class === 'global') {
      this.diagnostics.push(diagnostic('warning', 'global-in-module', `Global parameter ${name} found in module section! (ignored)`, at, `Move "${spec.name}" before the first module or into a [global] section.`));
      return;
    }
    const target = section ? section.params : this.vars;
    const origin = section ? 'module' : 'global';
    const stored = storeValue(spec, value, valueAt, origin, target.get(spec.name));
    this.diagnostics.push(...stored.diagnostics);
    if (!stored.value) return;
    if (section && spec.name === 'name') this.rename(section, stored.value);
    target.set(spec.name, stored.value);
  }

  private rename(section: Section, name: Assigned): void {
    section.name = name;
    // Renames are rare: rebuild the index (later modules win, as the backwards search does).
    this.byName = new Map(this.sections.map((sec, i) => [squash(String(sec.name.value)), i] as const));
  }

  private doDirective(name: string, value: string, at: Location, chain: string[]): Outcome {
    const lower = name.toLowerCase();
    if (lower !== '&include' && lower !== '&merge') {
      return this.fail(diagnostic('fatal', 'unknown-directive', `Unknown directive: ${name}.`, at, 'Only &include and &merge exist.'));
    }
    const manage = lower === '&include' && !this.globalsOnly;
    const from = chain[chain.length - 1] ?? '';
    const target = this.source.resolve(value, from);
    if ((target.kind === 'file' || target.kind === 'dir') && target.note !== undefined) {
      this.diagnostics.push(diagnostic('info', 'include-relative', target.note, at));
    }
    switch (target.kind) {
      case 'missing':
        return this.fail(diagnostic('fatal', 'include-missing', `unable to stat config file "${value}": ${target.reason}`, at, 'Create the file or directory, or remove the directive.'));
      case 'other':
        return this.fail(diagnostic('fatal', 'include-not-regular', `"${value}" is neither a file nor a directory.`, at));
      case 'not-followed':
        this.partial = true;
        this.diagnostics.push(diagnostic(target.level ?? 'info', target.level === 'warning' ? 'include-refused' : 'include-not-followed', `${name} ${value} was not followed: ${target.reason}.`, at));
        return 'ok';
      case 'unreadable':
        return this.stopAtLimit(diagnostic('fatal', 'evaluation-limit', `Not evaluated: ${name} ${value} could not be read: ${target.reason}.`, at, 'Make the file readable (and a sensible size), or exclude this configuration.'));
      case 'file':
        return this.includeFiles([target], manage, at, chain);
      case 'dir': {
        // params.c include_config: the pattern follows the directive alone; the startup parse (no section
        // callback) only skips the push/pop, so `&include DIR` reads *.conf there too.
        const suffix = lower === '&include' ? '.conf' : '.inc';
        // readdir + wildmatch("*.conf"), sorted with strcmp: dot-files included, byte order.
        const names = target.entries.filter((e) => e.endsWith(suffix)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        const files = [];
        for (const entry of names) {
          // Resolved relative to the directory itself: a source that maps absolute daemon paths (a repository,
          // an image) must not map the directory's own path a second time.
          const child = this.source.resolve(entry, `${target.path.replace(/\/+$/, '')}/.`);
          if (child.kind === 'not-followed') {
            this.partial = true;
            this.diagnostics.push(diagnostic(child.level ?? 'info', child.level === 'warning' ? 'include-refused' : 'include-not-followed', `${name} ${value}: ${entry} was not followed: ${child.reason}.`, at));
            continue;
          }
          if (child.kind === 'unreadable')
            return this.stopAtLimit(diagnostic('fatal', 'evaluation-limit', `Not evaluated: ${name} ${value}: ${entry} could not be read: ${child.reason}.`, at, 'Make the file readable (and a sensible size), or exclude this configuration.'));
          if (child.kind !== 'file') return this.fail(diagnostic('fatal', 'include-unreadable', `unable to open config file "${entry}" in ${value}`, at));
          files.push(child);
        }
        return this.includeFiles(files, manage, at, chain);
      }
    }
  }

  private includeFiles(files: { path: string; bytes: Uint8Array }[], manage: boolean, at: Location, chain: string[]): Outcome {
    if (files.length === 0) return 'ok';
    let outcome: Outcome = 'ok';
    for (const [j, file] of files.entries()) {
      if (manage) this.pushOrReset(j === 0);
      if (chain.includes(file.path)) {
        const loop = chain.slice(chain.indexOf(file.path)).map(baseName);
        outcome = this.fail(
          diagnostic(
            'fatal',
            'include-cycle',
            `${baseName(file.path)} includes itself (${[...loop, baseName(file.path)].join(' → ')}): rsync recurses until it runs out of file descriptors or stack, and the include fails.`,
            at,
            'Remove the include that closes the loop.',
          ),
        );
        break;
      }
      if (chain.length >= MAX_INCLUDE_DEPTH || this.files.length >= MAX_INCLUDED_FILES) {
        const what = chain.length >= MAX_INCLUDE_DEPTH ? `the include chain is deeper than the ${MAX_INCLUDE_DEPTH} files rsyncguard follows` : `the configuration includes more than the ${MAX_INCLUDED_FILES} files rsyncguard reads`;
        outcome = this.stopAtLimit(diagnostic('fatal', 'evaluation-limit', `Not evaluated: ${what} (rsync itself has no such limit and would go on reading).`, at, 'Flatten the includes, or scan the files the chain includes on their own.'));
        break;
      }
      outcome = this.parseFile(file.path, file.bytes, chain);
      if (outcome !== 'ok') break;
    }
    if (manage) this.pop();
    return outcome;
  }

  /** do_section("]push"/"]reset"): save (or go back to) the state before the include, in global context. */
  private pushOrReset(first: boolean): void {
    this.inGlobal = true;
    if (first) this.stack.push(new Map(this.vars));
    else this.vars = new Map(this.stack[this.stack.length - 1]);
  }

  private pop(): void {
    this.inGlobal = true;
    this.vars = this.stack.pop() ?? this.vars;
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function unknownParameter(name: string, at: Location): Diagnostic {
  const near = lookupNearParam(name);
  const hint = near ? `Did you mean "${near.name}"? rsync ignores underscores nowhere: the line has no effect.` : 'rsync ignores this line.';
  return diagnostic('warning', 'unknown-parameter', `Unknown parameter "${redactUnknownName(name)}" (ignored).`, at, hint);
}
