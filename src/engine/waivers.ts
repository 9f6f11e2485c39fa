/**
 * Waivers: accepted risks, each with a reason and an expiry date. A waiver file that is malformed is an
 * error, never ignored; an expired waiver stops working and is reported; a waived finding is kept and
 * reported as waived. Inline waivers come from `# rsyncguard: ignore RSYNC-### reason` comments.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { COMPLIANCE, fail, ok, UserError, type Result } from '../common/index.ts';
import type { FactsDocument } from '../facts/index.ts';
import type { Finding } from './finding.ts';
import { globMatch, targetMatch } from './glob.ts';

export interface Waiver {
  rule: string;
  reason: string;
  expires: string | null;
  path?: string;
  host?: string;
  image?: string;
  module?: string;
  /** Only findings about this CVE (RSYNC-070/071/072 carry `cves`): one accepted vulnerability, not the whole rule. */
  cve?: string;
  /** Where the waiver was written: `file:line`. */
  source: string;
}

export interface WaivedFinding {
  finding: Finding;
  waiver: { rule: string; reason: string; expires: string | null; source: string };
}

/**
 * A waiver of a compliance control judged per target rather than per finding: `rule: cis:<recommendation>`
 * (e.g. `cis:rsync-service` with `host: mirror*` says the host is meant to serve rsync). It waives no finding;
 * the compliance section (src/report/compliance.ts) shows the control as waived for the targets it selects.
 */
export interface WaivedControl {
  control: string;
  reason: string;
  expires: string | null;
  source: string;
}

export const CONTROL_WAIVER = /^cis:([a-z0-9-]+)$/;

export interface WaiverOutcome {
  findings: Finding[];
  waived: WaivedFinding[];
  /** Waivers past their date: they no longer apply. */
  expired: Waiver[];
}

const KEYS = new Set(['rule', 'reason', 'expires', 'path', 'host', 'image', 'module', 'cve']);

/** A CVE id, or the data file's id for a flaw upstream gave none (NO-CVE-3.4.2-PROXYv2). */
const CVE_ID = /^(CVE-\d{4}-\d{4,}|NO-CVE-[A-Za-z0-9.-]+)$/;

/** `.rsyncguard.yaml`: `waivers: [{rule, reason, expires, path|host|image|module}]`. */
export function parseWaiverFile(text: string, file: string): Result<Waiver[]> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number => (node?.range ? counter.linePos(node.range[0]).line : 1);
  const error = (line: number, message: string) => fail(new UserError(message, `${file}:${line}`, 'Fix the waiver file: every waiver needs rule, reason and expires (YYYY-MM-DD).'));
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return error(e?.linePos?.[0]?.line ?? 1, `invalid YAML: ${e?.message.split('\n')[0] ?? 'parse error'}`);
  }
  const root = doc.contents;
  if (root === null) return ok([]);
  if (!isMap(root)) return error(lineOf(root), 'the waiver file must be a mapping with a "waivers" list');
  const list = root.get('waivers', true);
  if (list === undefined || list === null) return ok([]);
  if (!isSeq(list)) return error(lineOf(root), '"waivers" must be a list');
  const waivers: Waiver[] = [];
  for (const item of list.items) {
    const line = lineOf(item as Node);
    if (!isMap(item)) return error(line, 'each waiver must be a mapping');
    const raw: Record<string, unknown> = {};
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      if (!KEYS.has(key)) return error(line, `unknown waiver field "${key}" (fields: ${[...KEYS].join(', ')})`);
      const value = (pair.value as { value?: unknown } | null)?.value;
      raw[key] = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    }
    const w = toWaiver(raw, `${file}:${line}`);
    if (typeof w === 'string') return error(line, w);
    waivers.push(w);
  }
  return ok(waivers);
}

function toWaiver(raw: Record<string, unknown>, source: string): Waiver | string {
  const { rule, reason, expires } = raw;
  const control = typeof rule === 'string' ? CONTROL_WAIVER.exec(rule)?.[1] : undefined;
  const recommendations = Object.keys(COMPLIANCE.cis.recommendations);
  if (control !== undefined && !recommendations.includes(control)) return `"${String(rule)}" names no CIS recommendation (known: ${recommendations.map((r) => `cis:${r}`).join(', ')})`;
  if (control !== undefined && raw['module'] !== undefined) return `${String(rule)}: a control is judged per target; "module" does not apply`;
  if (typeof rule !== 'string' || (control === undefined && !/^[A-Z][A-Z0-9]*-\d+$/.test(rule))) return `"rule" must be a rule id like RSYNC-001, or a CIS recommendation like cis:rsync-service`;
  if (typeof reason !== 'string' || reason.trim() === '') return `${rule}: "reason" is required`;
  if (expires === undefined || expires === null) return `${rule}: "expires" is required: the date (YYYY-MM-DD) after which the waiver no longer applies`;
  const date = typeof expires === 'string' ? expires : typeof expires === 'number' ? String(expires) : undefined;
  if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return `${rule}: "expires" must be a date (YYYY-MM-DD)`;
  const w: Waiver = { rule, reason: reason.trim(), expires: date, source };
  if (raw['cve'] !== undefined && (typeof raw['cve'] !== 'string' || !CVE_ID.test(raw['cve']))) return `${rule}: "cve" must be one CVE id like CVE-2026-43617 (rsyncguard rules --cves lists them)`;
  if (raw['cve'] !== undefined && control !== undefined) return `${rule}: a control waiver takes no "cve"`;
  for (const key of ['path', 'host', 'image', 'module', 'cve'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || v === '') return `${rule}: "${key}" must be a non-empty string`;
    w[key] = v;
  }
  return w;
}

/** The inline waivers a facts document carries, as waivers bound to one file and line. */
function inlineWaivers(facts: FactsDocument): (Waiver & { file: string; line: number; global: boolean })[] {
  return facts.config.inline_waivers.map((w) => ({ rule: w.rule, reason: w.reason, expires: null, source: `${w.file}:${w.line}`, file: w.file, line: w.target_line, global: beforeFirstModule(facts, w.file, w.line) }));
}

/** The line lies above every module header of its file: in the daemon-wide part. */
function beforeFirstModule(facts: FactsDocument, file: string, line: number): boolean {
  return facts.config.modules.every((m) => m.header.file !== file || m.header.line > line);
}

/**
 * A daemon-wide finding about a parameter the file never sets is shown at the top of the file, where no
 * comment can sit above it: a waiver comment in the daemon-wide part of that file (before the first module
 * header) applies to it.
 */
function atFileTop(f: Finding): boolean {
  return f.module === null && f.location !== null && f.location.line === 1 && f.location.column === 1;
}

/**
 * A finding about a setting many modules inherit is waived by `module:` waivers when they name every one
 * of those modules: the waivers written for the per-module findings it replaced keep their meaning.
 */
function everyRelatedModule(active: Waiver[], facts: FactsDocument, f: Finding): Waiver | undefined {
  if (!f.related || f.related.length === 0) return undefined;
  const covering = f.related.map((r) => active.find((w) => w.rule === f.rule_id && w.cve === undefined && w.module === r.module && selects(withoutModule(w), facts, f)));
  return covering.every((w) => w !== undefined) ? covering[0] : undefined;
}

export function applyWaivers(facts: FactsDocument, findings: Finding[], fileWaivers: Waiver[], opts: { inline: boolean }): WaiverOutcome {
  const today = facts.context.today;
  const expired = fileWaivers.filter((w) => w.expires !== null && w.expires < today);
  const active = fileWaivers.filter((w) => !expired.includes(w));
  const inline = opts.inline ? inlineWaivers(facts) : [];
  const kept: Finding[] = [];
  const waived: WaivedFinding[] = [];
  for (const f of findings) {
    const byLine = inline.find((w) => w.rule === f.rule_id && f.location?.file === w.file && (f.location.line === w.line || (w.global && atFileTop(f))));
    const byFile = byLine ? undefined : (active.find((w) => w.rule === f.rule_id && w.cve === undefined && selects(w, facts, f)) ?? everyRelatedModule(active, facts, f) ?? everyCve(active, facts, f));
    const w = byLine ?? byFile;
    if (w) waived.push({ finding: f, waiver: { rule: w.rule, reason: w.reason, expires: w.expires, source: w.source } });
    else kept.push(f);
  }
  return { findings: kept, waived, expired };
}

/** The active control waivers (`rule: cis:…`) whose host, image or path selects this target. */
export function controlWaivers(facts: FactsDocument, fileWaivers: Waiver[]): WaivedControl[] {
  const today = facts.context.today;
  return fileWaivers.filter((w) => CONTROL_WAIVER.test(w.rule) && !(w.expires !== null && w.expires < today) && selectsTarget(w, facts)).map((w) => ({ control: w.rule, reason: w.reason, expires: w.expires, source: w.source }));
}

/**
 * An `image:` selector against an image target: its id (`<repository>:<config path>`, or the repository
 * alone), or the reference as the user typed it (`oci:/path/oci:img`, `registry.example/rsync:1.0`).
 */
function imageSelected(pattern: string, facts: FactsDocument): boolean {
  if (facts.target.kind !== 'image') return false;
  return targetMatch(pattern, facts.target.id) || (facts.image !== null && globMatch(pattern, facts.image.ref));
}

function selectsTarget(w: Waiver, facts: FactsDocument): boolean {
  const kind = facts.target.kind;
  if (w.path !== undefined && !(kind === 'file' && globMatch(w.path, facts.target.id))) return false;
  if (w.host !== undefined && !(kind === 'host' && targetMatch(w.host, facts.target.id))) return false;
  if (w.image !== undefined && !imageSelected(w.image, facts)) return false;
  return true;
}

/**
 * A `path:` waiver selects a finding by its target or by the file it is located in. A secrets file several
 * configs name is reported once, on the first of them (src/parse/repo-secrets.ts), but it is each of theirs:
 * a waiver for one config must not silence it for the others. Its findings are waived by a `path:` that names
 * the secrets file itself, or that selects every config naming it (`named_by`).
 */
function pathSelects(pattern: string, facts: FactsDocument, f: Finding): boolean {
  if (f.location !== null && globMatch(pattern, f.location.file)) return true;
  if (!globMatch(pattern, facts.target.id)) return false;
  const shared = f.location === null ? undefined : facts.secrets.find((s) => s.named_by !== undefined && s.file === f.location?.file);
  return shared?.named_by === undefined || shared.named_by.every((config) => globMatch(pattern, config));
}

/**
 * `cve:` waivers: a finding is waived when each CVE it names has one (RSYNC-070 lists several in one
 * finding; waiving one of them must not hide the others).
 */
function everyCve(active: Waiver[], facts: FactsDocument, f: Finding): Waiver | undefined {
  if (!f.cves || f.cves.length === 0) return undefined;
  const modules = [f.module, ...(f.related ?? []).map((r) => r.module)];
  const forCve = (c: string) => active.filter((w) => w.rule === f.rule_id && w.cve === c && selects(withoutModule(w), facts, f));
  // A module-scoped CVE waiver covers a finding only when every module it is reported for is named.
  const covering = f.cves.map((c) => {
    const ws = forCve(c);
    return ws.find((w) => w.module === undefined) ?? (modules.every((m) => ws.some((w) => w.module === m)) ? ws[0] : undefined);
  });
  return covering.every((w) => w !== undefined) ? covering[0] : undefined;
}

function withoutModule(w: Waiver): Waiver {
  const { module: _module, ...rest } = w;
  return rest;
}

/** Every selector a waiver names must match; a waiver with none applies to every target. */
function selects(w: Waiver, facts: FactsDocument, f: Finding): boolean {
  const kind = facts.target.kind;
  if (w.path !== undefined && !(kind === 'file' && pathSelects(w.path, facts, f))) return false;
  if (w.host !== undefined && !(kind === 'host' && targetMatch(w.host, facts.target.id))) return false;
  if (w.image !== undefined && !imageSelected(w.image, facts)) return false;
  if (w.module !== undefined && f.module !== w.module) return false;
  return true;
}
