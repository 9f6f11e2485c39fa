/**
 * Verified fixes in SARIF and Markdown. SARIF: the log still passes the schema, the Multitool with GitHub's
 * rules and our checks; a result carries exactly the fixes that name its finding (by identity, not by line);
 * and each fix's replacements, applied to the original file as a SARIF consumer would, give the same text as
 * the fix's own edits (CRLF, tabs, no final newline, insertions, deletions). Markdown: suggestion blocks
 * anchored on the lines they replace.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type * as Sarif from 'sarif';
import { DEFAULT_RSYNC_VERSION, today } from '../src/common/index.ts';
import { applyEdits, findingKey, sameFinding, type TargetFixes } from '../src/fix/index.ts';
import { FIX_FORMATS, type FixContext, toMarkdown, withFixes } from '../src/report/index.ts';
import { fixRepository, parseVersion, policiesFor, type FixRun } from '../src/runner/index.ts';
import { cli } from './support/fix-run.ts';
import { sarifProblems } from './support/sarif-check.ts';

const REPO: Record<string, string> = {
  'crlf/rsyncd.conf': 'uid = root\r\nuse chroot = no\r\n\r\n[drop]\r\n\tpath = /srv/drop\r\n\tread only = no\r\n\tlist = yes\r\n',
  'noeol/rsyncd.conf': '[pub]\n  path = /srv/pub\n  read only = false\n  strict modes = no',
  'tabs/rsyncd.conf': '# header\n\tuid = 0\n[m]\n\tpath = /m\n\twrite only = no\n\tread only = no # uploads\n\thosts allow = 10.0.0.0/8\n\thosts deny = 10.0.0.9\n',
};

async function fixed(files: Record<string, string>): Promise<{ run: FixRun; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fixsarif-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  const version = parseVersion(DEFAULT_RSYNC_VERSION);
  const policies = await policiesFor(undefined);
  if (!version.ok || !policies.ok) throw new Error('setup');
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const r = await fixRepository(['.'], { exclude: [], daemonUser: 'root', rsyncVersion: version.value, rsyncVersionGiven: false, today: today(), policies: policies.value, waiverFile: undefined, inlineWaivers: true });
    if (!r.ok) throw r.error;
    return { run: r.value, dir };
  } finally {
    process.chdir(cwd);
  }
}

const ctxOf = (run: FixRun): FixContext => ({ colour: false, texts: run.texts, category: 'rsyncguard/', suppressions: false, warn: () => {}, report: run.report });
const fixesOf = (run: FixRun): TargetFixes[] => run.report.targets.flatMap((t) => (t.fixes ? [t.fixes] : []));

/** A SARIF consumer applying one artifact change: regions by line and UTF-16 column, last first. */
function applySarif(text: string, change: Sarif.ArtifactChange): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (line: number, column: number) => (starts[line - 1] ?? text.length) + column - 1;
  const spans = (change.replacements ?? []).map((r) => {
    const d = r.deletedRegion;
    return { from: offset(d.startLine ?? 1, d.startColumn ?? 1), to: offset(d.endLine ?? d.startLine ?? 1, d.endColumn ?? 1), text: r.insertedContent?.text ?? '' };
  });
  let out = text;
  for (const s of spans.sort((a, b) => b.from - a.from)) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}

const sarif = suite('verified fixes in SARIF and Markdown');

sarif('fix --format sarif: valid SARIF; results carry the fixes that name them; replacements give the edits’ text', async () => {
  const { run } = await fixed(REPO);
  const fixes = fixesOf(run);
  assert.ok(fixes.reduce((n, t) => n + t.verified.length, 0) >= 6, JSON.stringify(fixes.map((t) => [t.target, t.verified.map((v) => v.summary), t.rejected.map((r) => r.reason)])));
  const text = FIX_FORMATS.sarif.render(fixes, ctxOf(run));
  assert.equal(sarifProblems(text), []);
  const log = JSON.parse(text) as Sarif.Log;
  const results = log.runs[0]?.results ?? [];
  let carried = 0;
  for (const r of results) {
    const p = r.properties as { rule: string; target: string; module?: string; facts_path: string; cves?: string[] };
    const key = { rule_id: p.rule, target: p.target, module: p.module ?? null, path: p.facts_path, ...(p.cves ? { cves: p.cves } : {}) };
    const t = fixes.find((x) => x.target === p.target);
    const expected = (t?.verified ?? []).filter((v) => v.fixes.some((k) => sameFinding(k, key)));
    assert.is(r.fixes?.length ?? 0, expected.length, `${p.rule} ${p.facts_path}`);
    for (const [i, f] of (r.fixes ?? []).entries()) {
      const v = expected[i];
      assert.ok(v && t, 'a fix for a finding no verified fix names');
      // A follow-up (a fix of a finding the scan never reported, raised by this fix) travels with it.
      const edits = [...v.edits, ...t.verified.filter((u) => u !== v && (u.follows ?? []).some((id) => v.rule_ids.includes(id))).flatMap((u) => u.edits)];
      for (const change of f.artifactChanges) {
        const file = decodeURI(change.artifactLocation.uri ?? '');
        const before = t.files.find((x) => x.file === file)?.before ?? '';
        assert.is(
          applySarif(before, change),
          applyEdits(
            before,
            edits.filter((e) => e.file === file),
          ),
          `${v.summary} in ${file}`,
        );
      }
      carried++;
    }
  }
  assert.ok(carried >= 6, `${carried} results with fixes`);
});

sarif('a fix is attached by identity: another finding on the same line gets none', async () => {
  const { run } = await fixed({ 'rsyncd.conf': 'uid = root\nuse chroot = no\n[m]\n\tpath = /m\n\tread only = no\n' });
  const t = run.report.targets[0];
  assert.ok(t);
  // Line 1 holds the global findings (max connections, transfer logging, …) and the uid one.
  const sameLine = t.findings.filter((f) => f.location?.line === 1);
  const chosen = sameLine.find((f) => f.rule_id === 'RSYNC-042');
  const other = sameLine.find((f) => f.rule_id !== 'RSYNC-042');
  assert.ok(chosen && other, JSON.stringify(sameLine.map((f) => f.rule_id)));
  const only: TargetFixes = {
    target: t.target,
    verified: [{ fixes: [findingKey(chosen)], rule_ids: [chosen.rule_id], parameter: 'read only', summary: 'uid = nobody', notes: [], edits: [{ file: 'rsyncd.conf', start: 1, end: 1, lines: ['uid = nobody'] }], access: { modules: [], fields: [] } }],
    rejected: [],
    unfixed: [],
    commands: [],
    files: [{ file: 'rsyncd.conf', before: run.texts.get('rsyncd.conf') ?? '', after: '' }],
  };
  const log = JSON.parse(FIX_FORMATS.sarif.render([only], ctxOf(run))) as Sarif.Log;
  const byRule = (id: string) => (log.runs[0]?.results ?? []).find((r) => (r.properties as { rule: string }).rule === id);
  assert.is(byRule(chosen.rule_id)?.fixes?.length, 1);
  assert.is(byRule(other.rule_id)?.fixes, undefined);
});

sarif('markdown: a suggestion block per edit, anchored on the replaced line or the line before an insertion; tabs kept', async () => {
  const { run } = await fixed(REPO);
  const md = toMarkdown(withFixes(run.report, fixesOf(run)));
  assert.match(md, /### Suggested fixes/);
  assert.match(md, /`tabs\/rsyncd.conf:\d+(-\d+)?` \(replace[^)]*\):\n\n```suggestion\n\t/);
  assert.match(md, /`crlf\/rsyncd.conf:6` \(replace; RSYNC-002\):\n\n```suggestion\n\tread only = yes\n```/);
  assert.not.match(md, /\r/);
  // Without fixes the Markdown is what it was.
  assert.not.match(toMarkdown(withFixes(run.report, [])), /Suggested fixes/);
  assert.is(FIX_FORMATS.markdown.render(fixesOf(run), ctxOf(run)), md);
});

sarif('scan: SARIF and Markdown carry the verified fixes by default, --fixes no leaves them out and changes nothing else', async () => {
  const { dir } = await fixed(REPO);
  const withFixes = cli(dir, ['scan', '.', '--format', 'sarif', '--fail-on', 'none']);
  const without = cli(dir, ['scan', '.', '--format', 'sarif', '--fail-on', 'none', '--fixes', 'no']);
  assert.is(withFixes.status, 0, withFixes.stderr);
  assert.equal(sarifProblems(withFixes.stdout), []);
  const log = JSON.parse(withFixes.stdout) as Sarif.Log;
  const results = log.runs[0]?.results ?? [];
  assert.ok(results.filter((r) => r.fixes).length >= 6);
  for (const r of results) {
    delete r.fixes;
    // Findings without a safe fix say why, with the suggested text, only when there are fixes.
    if (r.properties) delete r.properties['rsyncguard_fix'];
  }
  assert.equal(log, JSON.parse(without.stdout));
  const md = cli(dir, ['scan', '.', '--format', 'markdown', '--fail-on', 'none']);
  assert.match(md.stdout, /```suggestion\n/);
  assert.not.match(cli(dir, ['scan', '.', '--format', 'json', '--fail-on', 'none']).stdout, /"fixes"/);
  assert.match(cli(dir, ['scan', '.', '--format', 'json', '--fail-on', 'none', '--fixes', 'yes']).stdout, /"fixes"/);
});

sarif.run();
