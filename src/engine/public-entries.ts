/**
 * `.rsyncguard.yaml` `public:` entries: the same declaration as a `# rsyncguard: public <reason>` comment,
 * for configs the operator cannot or will not annotate (a generated file, a host). Each entry names a path
 * glob (matched like a waiver's `path`), optionally one module, and a reason; a malformed entry is an error
 * with its line, never ignored.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { fail, ok, UserError, type Result } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import { globMatch } from './glob.ts';

export interface PublicEntry {
  path: string;
  module: string | null;
  reason: string;
  file: string;
  line: number;
}

const KEYS = new Set(['path', 'module', 'reason']);
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const HINT = 'Write each public entry as "- path: <glob>" with "reason: <why it is meant for everyone>" and, optionally, "module: <name>".';

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
    const { path, module, reason } = raw;
    if (typeof path !== 'string' || path === '') return error(line, 'a public entry needs "path" (a glob of the config files it covers)');
    if (module !== undefined && module !== null && (typeof module !== 'string' || module === '')) return error(line, '"module" must be a module name');
    const why = typeof reason === 'string' ? reason.replace(CONTROLS, ' ').trim() : '';
    if (why === '') return error(line, `the public entry for "${path}" gives no "reason": it would declare nothing`);
    entries.push({ path, module: typeof module === 'string' ? module : null, reason: why, file, line });
  }
  return ok(entries);
}

/**
 * The document with every module an entry covers declared public (source "config"). A comment in the
 * config wins over an entry: it sits beside the module and is what the operator last wrote there.
 */
export function declarePublic(facts: FactsDocument, entries: readonly PublicEntry[]): FactsDocument {
  if (entries.length === 0) return facts;
  const fileTarget = facts.target.kind === 'file' ? facts.target.id : null;
  const modules = facts.config.modules.map((m) => {
    if (m.declared_public) return m;
    const e = entries.find((x) => (x.module === null || x.module === m.name) && ((fileTarget !== null && globMatch(x.path, fileTarget)) || globMatch(x.path, m.header.file)));
    return e ? { ...m, declared_public: { reason: e.reason, source: 'config' as const, file: e.file, line: e.line } } : m;
  });
  return { ...facts, config: { ...facts.config, modules } };
}
