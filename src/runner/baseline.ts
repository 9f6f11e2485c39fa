/**
 * `--baseline FILE` (issue 17): an earlier rsyncguard JSON report or SARIF log, read under a cap and
 * validated field by field into the baseline's findings. Anything else is one located error; no message
 * quotes the file's text (it could be any file, a secrets file named by mistake included), only where in
 * the document the problem is.
 */
import { describeJsonError, fail, isObject, MiB, ok, UserError, type InputSpec, type Location, type Result } from '../common/index.ts';
import { SEVERITIES, VULNERABILITY_ID, type Severity } from '../engine/index.ts';
import type { Baseline, BaselineFinding } from '../report/index.ts';
import { readInputFile } from '../sources/index.ts';

// V8 cannot hold a longer string than about 512 MiB; a fleet's JSON report carries every facts document.
const BASELINE_INPUT: InputSpec = {
  what: 'the baseline',
  maxBytes: 500 * MiB,
  hint: 'Pass a report an earlier run wrote with --format json or --format sarif (SARIF is the smaller: it holds no facts).',
};

const HINT = BASELINE_INPUT.hint;

/**
 * JSON.parse holds every value as an object of about 70 bytes (measured: 10 million empty lists, 745 MB
 * RSS, 7 s), so a dense file far under the byte cap (330 MB of `[]`) exhausts the heap and aborts. A real
 * report has about 28 values per KiB (about 15 million at the byte cap); past this many the file is
 * refused before it is parsed, with a located error instead of an abort.
 */
export const MAX_BASELINE_VALUES = 20_000_000;

/** The JSON values a document holds, roughly (lists, objects and commas outside strings); stops past `limit`. */
export function countJsonValues(bytes: Uint8Array, limit: number): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b || c === 0x2c) {
      n++;
      if (n > limit) return n;
    }
  }
  return n;
}

/** A field that is not what it should be, named by its place in the document (never by its value). */
class Invalid {
  constructor(
    readonly at: string,
    readonly problem: string,
  ) {}
}

const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);

function str(v: unknown, at: string): string {
  if (typeof v !== 'string') throw new Invalid(at, 'is not a string');
  return v;
}

function strOrNull(v: unknown, at: string): string | null {
  if (v === null || v === undefined) return null;
  return str(v, at);
}

function severity(v: unknown, at: string): Severity {
  if (!isSeverity(v)) throw new Invalid(at, `is not one of ${SEVERITIES.join(', ')}`);
  return v;
}

function cves(v: unknown, at: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((id) => typeof id === 'string' && VULNERABILITY_ID.test(id))) throw new Invalid(at, 'is not a list of CVE ids');
  const ids = [...new Set(v as string[])].sort();
  return ids.length > 0 ? ids : undefined;
}

/**
 * A finding's secrets entry (Finding.entry), when the file carries one naming a shown name (`user "joe"`).
 * Anything else is dropped: a report from an earlier build may give a withheld name a tag
 * (`user #3fa2`, a hash of what is the password), which is neither repeated (absent findings) nor matched on.
 */
function entryOf(v: unknown, at: string): { entry?: string } {
  const entry = strOrNull(v, at);
  return entry === null || !/^(user|group) "/.test(entry) ? {} : { entry };
}

function location(v: unknown, at: string): Location | null {
  if (v === null || v === undefined) return null;
  if (!isObject(v) || typeof v['file'] !== 'string' || !Number.isInteger(v['line']) || !Number.isInteger(v['column'])) throw new Invalid(at, 'is not {file, line, column} or null');
  return { file: v['file'], line: v['line'] as number, column: v['column'] as number };
}

function list(v: unknown, at: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Invalid(at, 'is not a list');
  return v;
}

/** A finding of a JSON report (rsyncguard/report@1), as json.ts writes it. */
function jsonFinding(v: unknown, at: string, reported: boolean): BaselineFinding {
  if (!isObject(v)) throw new Invalid(at, 'is not an object');
  const rule_id = str(v['rule_id'], `${at}.rule_id`);
  const c = cves(v['cves'], `${at}.cves`);
  return {
    rule_id,
    title: strOrNull(v['title'], `${at}.title`) ?? rule_id,
    severity: severity(v['severity'], `${at}.severity`),
    message: str(v['message'], `${at}.message`),
    target: str(v['target'], `${at}.target`),
    module: strOrNull(v['module'], `${at}.module`),
    path: str(v['path'], `${at}.path`),
    location: location(v['location'], `${at}.location`),
    ...(c ? { cves: c } : {}),
    ...entryOf(v['entry'], `${at}.entry`),
    fingerprint: strOrNull(v['fingerprint'], `${at}.fingerprint`),
    reported,
  };
}

/** The targets an rsyncguard JSON report lists under `errors` (a host unreachable then, an image not read). */
function jsonErrors(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [i, e] of list(doc['errors'], 'errors').entries()) {
    if (!isObject(e)) throw new Invalid(`errors[${i}]`, 'is not an object');
    out.push(str(e['target'], `errors[${i}].target`));
  }
  return out;
}

/** The targets of a SARIF run's `target-error` notifications ("TARGET: message", as sarif.ts writes them). */
function sarifErrors(run: Record<string, unknown>, at: string): string[] {
  const out: string[] = [];
  for (const [i, inv] of list(run['invocations'], `${at}.invocations`).entries()) {
    if (!isObject(inv)) throw new Invalid(`${at}.invocations[${i}]`, 'is not an object');
    for (const n of list(inv['toolExecutionNotifications'], `${at}.invocations[${i}].toolExecutionNotifications`)) {
      if (!isObject(n) || !isObject(n['descriptor']) || n['descriptor']['id'] !== 'target-error' || !isObject(n['message'])) continue;
      const text = n['message']['text'];
      const cut = typeof text === 'string' ? text.indexOf(': ') : -1;
      if (typeof text === 'string' && cut > 0) out.push(text.slice(0, cut));
    }
  }
  return out;
}

function fromJsonReport(doc: Record<string, unknown>): BaselineFinding[] {
  const out: BaselineFinding[] = [];
  for (const [i, t] of list(doc['targets'], 'targets').entries()) {
    const at = `targets[${i}]`;
    if (!isObject(t)) throw new Invalid(at, 'is not an object');
    for (const [j, f] of list(t['findings'], `${at}.findings`).entries()) out.push(jsonFinding(f, `${at}.findings[${j}]`, true));
    // Kept only for the numbering of equal identities, which runs over every finding.
    for (const [key, name] of [
      ['waived', 'waived'],
      ['declared_public', 'declared_public'],
    ] as const) {
      for (const [j, w] of list(t[key], `${at}.${name}`).entries()) {
        if (!isObject(w)) throw new Invalid(`${at}.${name}[${j}]`, 'is not an object');
        out.push(jsonFinding(w['finding'], `${at}.${name}[${j}].finding`, false));
      }
    }
  }
  return out;
}

function sarifLocation(r: Record<string, unknown>, at: string): Location | null {
  const first = list(r['locations'], `${at}.locations`)[0];
  if (first === undefined) return null;
  const physical = isObject(first) ? first['physicalLocation'] : undefined;
  const artifact = isObject(physical) ? physical['artifactLocation'] : undefined;
  const region = isObject(physical) ? physical['region'] : undefined;
  if (!isObject(artifact) || typeof artifact['uri'] !== 'string') throw new Invalid(`${at}.locations[0].physicalLocation.artifactLocation.uri`, 'is not a string');
  let file: string;
  try {
    file = decodeURI(artifact['uri']);
  } catch {
    throw new Invalid(`${at}.locations[0].physicalLocation.artifactLocation.uri`, 'is not a valid URI');
  }
  const line = isObject(region) && Number.isInteger(region['startLine']) ? (region['startLine'] as number) : 1;
  const column = isObject(region) && Number.isInteger(region['startColumn']) ? (region['startColumn'] as number) : 1;
  return { file, line, column };
}

/** A result of an rsyncguard SARIF log: its properties carry what the identity is made of. */
function sarifFinding(r: unknown, at: string, titles: Map<string, string>): BaselineFinding | null {
  if (!isObject(r)) throw new Invalid(at, 'is not an object');
  // A log written with a baseline lists what was gone then: those are not findings of that run.
  if (r['baselineState'] === 'absent' || r['kind'] === 'pass') return null;
  const p = r['properties'];
  if (!isObject(p)) throw new Invalid(`${at}.properties`, 'is missing: the log was not written by rsyncguard');
  const rule_id = str(p['rule'], `${at}.properties.rule`);
  const c = cves(p['cves'], `${at}.properties.cves`);
  const prints = r['partialFingerprints'];
  const suppressions = r['suppressions'];
  return {
    rule_id,
    title: titles.get(typeof r['ruleId'] === 'string' ? r['ruleId'] : rule_id) ?? rule_id,
    severity: severity(p['severity'], `${at}.properties.severity`),
    message: strOrNull(p['message'], `${at}.properties.message`),
    target: str(p['target'], `${at}.properties.target`),
    module: strOrNull(p['module'], `${at}.properties.module`),
    path: str(p['facts_path'], `${at}.properties.facts_path`),
    location: sarifLocation(r, at),
    ...(c ? { cves: c } : {}),
    ...entryOf(p['entry'], `${at}.properties.entry`),
    fingerprint: isObject(prints) ? strOrNull(prints['primaryLocationLineHash'], `${at}.partialFingerprints.primaryLocationLineHash`) : null,
    reported: !(Array.isArray(suppressions) && suppressions.length > 0),
  };
}

function fromSarif(doc: Record<string, unknown>, errors: string[]): BaselineFinding[] {
  const out: BaselineFinding[] = [];
  const runs = list(doc['runs'], 'runs');
  // Any tool's empty log would otherwise be "a baseline with no findings", and nothing says rsyncguard wrote it.
  if (runs.length === 0) throw new Invalid('runs', 'is empty: nothing says rsyncguard wrote the log (a SARIF log of another tool cannot be a baseline)');
  for (const [i, run] of runs.entries()) {
    const at = `runs[${i}]`;
    if (!isObject(run)) throw new Invalid(at, 'is not an object');
    const driver = isObject(run['tool']) ? run['tool']['driver'] : undefined;
    if (!isObject(driver) || driver['name'] !== 'rsyncguard') throw new Invalid(`${at}.tool.driver.name`, 'is not rsyncguard: a SARIF log of another tool cannot be a baseline');
    const titles = new Map<string, string>();
    for (const rule of list(driver['rules'], `${at}.tool.driver.rules`)) {
      const short = isObject(rule) && isObject(rule['shortDescription']) ? rule['shortDescription']['text'] : undefined;
      if (isObject(rule) && typeof rule['id'] === 'string' && typeof short === 'string') titles.set(rule['id'], short);
    }
    for (const [j, r] of list(run['results'], `${at}.results`).entries()) {
      const f = sarifFinding(r, `${at}.results[${j}]`, titles);
      if (f !== null) out.push(f);
    }
    errors.push(...sarifErrors(run, at));
  }
  return out;
}

/** The findings of a parsed baseline document, or where it is not what a baseline must be. */
export function parseBaseline(doc: unknown, source: string): Result<Baseline> {
  try {
    if (isObject(doc) && doc['schema'] === 'rsyncguard/report@1') return ok(withErrors({ source, findings: fromJsonReport(doc) }, jsonErrors(doc)));
    if (isObject(doc) && doc['version'] === '2.1.0' && Array.isArray(doc['runs'])) {
      const errors: string[] = [];
      const findings = fromSarif(doc, errors);
      return ok(withErrors({ source, findings }, errors));
    }
  } catch (e) {
    if (e instanceof Invalid) return fail(new UserError(`the baseline is not a report rsyncguard can compare with: ${e.at} ${e.problem}`, source, HINT));
    throw e;
  }
  return fail(new UserError('the baseline is neither an rsyncguard JSON report (schema rsyncguard/report@1) nor a SARIF 2.1.0 log', source, HINT));
}

function withErrors(b: Baseline, errors: string[]): Baseline {
  return errors.length > 0 ? { ...b, errors: [...new Set(errors)] } : b;
}

/** Read `path` (a regular file under the cap) and parse it. */
export function readBaseline(path: string): Result<Baseline> {
  const bytes = readInputFile(path, BASELINE_INPUT);
  if (!bytes.ok) return bytes;
  if (countJsonValues(bytes.value, MAX_BASELINE_VALUES) > MAX_BASELINE_VALUES) {
    return fail(new UserError(`the baseline holds more than ${MAX_BASELINE_VALUES.toLocaleString('en')} JSON values, more than can be read into memory`, path, 'Use a SARIF baseline (it holds no facts), or a JSON report of fewer targets.'));
  }
  // Windows PowerShell (Out-File, Set-Content -Encoding utf8) starts UTF-8 files with a byte order mark.
  const b = bytes.value;
  const body = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return fail(new UserError(`cannot read the baseline: ${describeJsonError(e)}`, path, HINT));
  }
  return parseBaseline(doc, path);
}
