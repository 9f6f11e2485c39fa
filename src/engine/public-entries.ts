/**
 * `.rsyncguard.yaml` `public:` entries: the same declaration as a `# rsyncguard: public <reason>` comment,
 * for configs the operator cannot or will not annotate (a generated file, a host). Each entry selects like a
 * waiver: `path` (a glob of the file the module header is in), `host` or `image` (a glob of the target), at
 * least one of them, optionally one `module`, and a reason. A malformed entry is an error with its line,
 * never ignored; an entry that matches no module is reported (like an expired waiver), never silent.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { fail, ok, UserError, type Result } from '../common/index.ts';
import type { FactsDocument, ModuleFacts } from '../facts/index.ts';
import { globMatch, targetMatch } from './glob.ts';

export interface PublicEntry {
  path: string | null;
  host: string | null;
  image: string | null;
  module: string | null;
  reason: string;
  file: string;
  line: number;
}

const KEYS = new Set(['path', 'host', 'image', 'module', 'reason']);
const SELECTORS = ['path', 'host', 'image', 'module'] as const;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const HINT = 'Write each public entry as "- path: <glob>" (or "host: <glob>" / "image: <glob>", which a host or image needs) with "reason: <why it is meant for everyone>" and, optionally, "module: <name>".';

export function parsePublicEntries(text: string, file: string): Result<PublicEntry[]> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf = (node: unknown): number => {
    const range = (node as Node | null | undefined)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  const error = (line: number, message: string) => fail(new UserError(message, `${file}:${line}`, HINT));
  // YAML errors are the waiver parser's to report (it reads the same file first).
  if (doc.errors.length > 0 || !isMap(doc.contents)) return ok([]);
  const list = doc.contents.get('public', true);
  if (list === undefined || list === null) return ok([]);
  if (!isSeq(list)) return error(lineOf(list), '"public" must be a list of entries');
  const entries: PublicEntry[] = [];
  for (const item of list.items) {
    const line = lineOf(item);
    if (!isMap(item)) return error(line, 'each public entry must be a mapping');
    const raw: Record<string, unknown> = {};
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      if (!KEYS.has(key)) return error(line, `unknown public entry field "${key}" (fields: ${[...KEYS].join(', ')})`);
      raw[key] = (pair.value as { value?: unknown } | null)?.value;
    }
    const selected: Record<(typeof SELECTORS)[number], string | null> = { path: null, host: null, image: null, module: null };
    for (const key of SELECTORS) {
      const v = raw[key];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string' || v === '') return error(line, `"${key}" must be a non-empty string`);
      selected[key] = v;
    }
    const { path, host, image, module } = selected;
    if (path === null && host === null && image === null) return error(line, 'a public entry needs "path" (a glob of the config files it covers), "host" or "image"');
    const why = typeof raw['reason'] === 'string' ? raw['reason'].replace(CONTROLS, ' ').trim() : '';
    if (why === '') return error(line, `the public entry for "${path ?? host ?? image}" gives no "reason": it would declare nothing`);
    entries.push({ path, host, image, module, reason: why, file, line });
  }
  return ok(entries);
}

/**
 * Every selector the entry names must match. `path` is the file the module header is in, never the target
 * that includes it: an included file's modules (a drop-in added later, another team's) are not declared by
 * an entry for the including file, as a comment there would not declare them. A host or an image is only
 * selected by `host`/`image`: every host's config is `etc/rsyncd.conf`, so a path alone would declare every
 * host of a fleet public. There the path may be written as on the machine (`/etc/rsyncd.conf`).
 */
export function entryCovers(e: PublicEntry, facts: FactsDocument, m: ModuleFacts): boolean {
  const { kind, id } = facts.target;
  const named = (glob: string) => targetMatch(glob, id);
  if (e.module !== null && e.module !== m.name) return false;
  if (e.host !== null && !(kind === 'host' && named(e.host))) return false;
  if (e.image !== null && !(kind === 'image' && named(e.image))) return false;
  if (kind !== 'file' && e.host === null && e.image === null) return false;
  const path = kind === 'file' ? e.path : e.path?.replace(/^\/+/, '');
  return path === null || path === undefined || globMatch(path, m.header.file);
}

/**
 * The document with every module an entry covers declared public (source "config"). A comment in the
 * config wins over an entry: it sits beside the module and is what the operator last wrote there.
 */
export function declarePublic(facts: FactsDocument, entries: readonly PublicEntry[]): FactsDocument {
  if (entries.length === 0) return facts;
  const modules = facts.config.modules.map((m) => {
    if (m.declared_public) return m;
    const e = entries.find((x) => entryCovers(x, facts, m));
    return e ? { ...m, declared_public: { reason: e.reason, source: 'config' as const, file: e.file, line: e.line } } : m;
  });
  return { ...facts, config: { ...facts.config, modules } };
}

/** The entries that cover some module of this target (a comment there may still win). */
export function usedPublicEntries(facts: FactsDocument, entries: readonly PublicEntry[]): PublicEntry[] {
  return entries.filter((e) => facts.config.modules.some((m) => entryCovers(e, facts, m)));
}
