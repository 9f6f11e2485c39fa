/**
 * The Action's job summary (issue 14, part 7): the fix column is the first full sentence
 * of each rule's help, rows come most severe first (then rule, file, line), and a capped
 * table counts what it left out, per rule.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo, Severity } from '../src/engine/index.ts';
import { fixSentence, type Report, toJobSummary } from '../src/report/index.ts';

const summary = suite('job summary');

const RULES: RuleInfo[] = JSON.parse(readFileSync('dist/rules.json', 'utf8')).rules ?? JSON.parse(readFileSync('dist/rules.json', 'utf8'));

summary('the fix of every rule in dist/rules.json is one complete sentence of its help', () => {
  assert.ok(RULES.length > 50);
  for (const r of RULES) {
    const fix = fixSentence(r.help, r.description);
    const where = `${r.id}: ${JSON.stringify(fix)}`;
    assert.match(fix, /[.!?]\)?$/, `${where} ends a sentence`);
    assert.match(fix, /^[A-Z`(]/, `${where} starts one`);
    assert.not.match(fix, /^(Prefer|Avoid)\b[^:]*:/, `${where} is a snippet label`);
    assert.not.match(fix, /```|^#|\*\*|\n/, `${where} has no markdown markup`);
    assert.is((fix.match(/`/g) ?? []).length % 2, 0, `${where} closes its inline code`);
    // Not cut: the sentence is a prefix of the help's prose (line breaks folded), or ends where its lead-in did.
    const prose = r.help.replace(/\s+/g, ' ');
    assert.ok(prose.includes(fix.replace(/[.:]? `[^`]*`(, `[^`]*`)*\.$/, '').replace(/\.$/, '')), `${where} comes from the help`);
  }
});

summary('sentences end at . ! ? outside code, not after "e.g." or inside a version number', () => {
  assert.is(fixSentence('Prefer:\n```ini\nlist = no\n```', 'Hide it. More.'), 'Hide it.');
  assert.is(fixSentence('## Fix\nUse long passwords (e.g. `openssl rand 24`), one\nper user. Then reload.'), 'Use long passwords (e.g. `openssl rand 24`), one per user.');
  assert.is(fixSentence('Upgrade to 3.4.0 or later. Then restart.'), 'Upgrade to 3.4.0 or later.');
  assert.is(fixSentence('Run `rsync --daemon .` and bind to loopback:\n```ini\naddress = 127.0.0.1\n```'), 'Run `rsync --daemon .` and bind to loopback: `address = 127.0.0.1`.');
  assert.is(fixSentence('Add a drop-in:\n```ini\n[Service]\na=1\nb=2\nc=3\n```'), 'Add a drop-in.');
  assert.is(fixSentence('Avoid:\n```ini\nx = 1\n```\nPrefer (a drop box):\n```\ny\n```\nSay what it is for!'), 'Say what it is for!');
});

function finding(rule: string, severity: Severity, file: string, line: number): Finding {
  return { rule_id: rule, title: rule, severity, context: null, message: `${rule} at ${file}:${line}`, target: file, module: null, path: '', location: { file, line, column: 1 } };
}

const FINDINGS = [
  finding('RSYNC-048', 'low', 'a.conf', 9),
  finding('RSYNC-001', 'high', 'b.conf', 4),
  finding('RSYNC-048', 'low', 'a.conf', 3),
  finding('RSYNC-012', 'low', 'b.conf', 2),
  finding('RSYNC-002', 'critical', 'b.conf', 7),
  finding('RSYNC-001', 'high', 'a.conf', 5),
  finding('RSYNC-048', 'low', 'b.conf', 1),
];

function report(findings: Finding[]): Report {
  const targets = [{ target: 'repo', kind: 'repo', findings, waived: [], notes: [] }] as unknown as Report['targets'];
  return { tool: { name: 'rsyncguard', version: '0' }, rules: RULES, targets, errors: [], expired_waivers: [] };
}

const rows = (md: string): string[] => [...md.matchAll(/^\| (critical|high|medium|low) \| (RSYNC-\d+) \|[^|]*\| (\d+) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

summary('summary rows come most severe first, then by rule and line, under files ordered by their worst finding', () => {
  const md = toJobSummary(report(FINDINGS));
  // b.conf holds the critical finding, so its table comes first.
  assert.equal(rows(md), ['critical RSYNC-002 7', 'high RSYNC-001 4', 'low RSYNC-012 2', 'low RSYNC-048 1', 'high RSYNC-001 5', 'low RSYNC-048 3', 'low RSYNC-048 9']);
  assert.ok(md.indexOf('### `b.conf`') < md.indexOf('### `a.conf`'), 'the file with the critical finding comes first');
  assert.match(md, '| Keep modules read-only, or require a login where uploads are needed. |');
  assert.not.match(md, 'more:');
});

summary('a capped summary keeps the most severe rows and counts the rest per rule', () => {
  const md = toJobSummary(report(FINDINGS), 3);
  // The cap takes the three most severe over all files (a.conf's high finding, not b.conf's low ones).
  assert.equal(rows(md), ['critical RSYNC-002 7', 'high RSYNC-001 4', 'high RSYNC-001 5']);
  assert.match(md, '… and 4 more: RSYNC-048 ×3, RSYNC-012 ×1. See code scanning or the SARIF file.');
});

summary('notes every format shows (a file skipped by its kind, an include not followed) are in the summary too; rsync warnings are not', () => {
  const r = report(FINDINGS);
  const target = r.targets[0];
  if (!target) throw new Error('no target');
  target.notes = [
    { level: 'note', code: 'not-analyzed', message: 'Skipped: a supervisord configuration.', location: { file: 'supervisord.ini', line: 1, column: 1 } },
    { level: 'warning', code: 'include-not-followed', message: '&include /etc/rsyncd.d was not followed.', location: { file: 'a.conf', line: 2, column: 1 } },
    { level: 'warning', code: 'unknown-parameter', message: 'Unknown parameter "colour" (ignored).', location: { file: 'a.conf', line: 3, column: 1 } },
  ];
  const md = toJobSummary(r);
  assert.match(md, '### Notes');
  assert.match(md, '- **note** `supervisord.ini:1`: Skipped: a supervisord configuration.');
  assert.match(md, '- **warning** `a.conf:2`: &include /etc/rsyncd.d was not followed.');
  assert.not.match(md, 'colour');
});

summary.run();
