/**
 * What every fix format must agree on (adversarial review of issue 16, findings 5, 6, 8, 10): a follow-up
 * fix (of a finding the scan never reported, raised by another fix) is named as such and its edits travel with
 * the fix that raised it in SARIF, so applying every SARIF fix gives the patch's text; Markdown suggestions
 * never overlap, and committing them all gives the patch's text; findings without a safe fix carry the
 * suggested text; --output never overwrites a file the run reads (columns: src/parse/byte-reader.test.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type * as Sarif from 'sarif';
import { cli } from './support/fix-run.ts';
import { sarifProblems } from './support/sarif-check.ts';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-followups-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** RSYNC-004's `hosts deny = *` makes [m] a restricted module in the listing: a RSYNC-005 the scan did not report. */
const RESTRICTS = '[m]\n\tpath = /srv/x\n\thosts allow = 10.0.0.1\n\thosts deny = 10.0.0.2\n\tread only = no\n';
/** The insertion after `use chroot = no` (RSYNC-050) sits on the line RSYNC-040 replaces. */
const ADJACENT = 'uid = root\r\ngid = root\r\nuse chroot = no\r\n\r\n[up]\r\n  path = /srv/up\r\n  read only = no\r\n';

/** Every replacement of every result's fixes, each distinct one once, applied as a SARIF consumer would (UTF-16 columns, last first). */
function applyAllSarif(text: string, log: Sarif.Log, uri: string): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (line: number, column: number) => (starts[line - 1] ?? text.length) + column - 1;
  const seen = new Map<string, { from: number; to: number; text: string }>();
  for (const r of log.runs[0]?.results ?? []) {
    for (const f of r.fixes ?? []) {
      for (const c of f.artifactChanges) {
        if (c.artifactLocation.uri !== uri) continue;
        for (const rep of c.replacements ?? []) {
          const d = rep.deletedRegion;
          const span = { from: offset(d.startLine ?? 1, d.startColumn ?? 1), to: offset(d.endLine ?? d.startLine ?? 1, d.endColumn ?? 1), text: rep.insertedContent?.text ?? '' };
          seen.set(JSON.stringify(span), span);
        }
      }
    }
  }
  let out = text;
  for (const s of [...seen.values()].sort((a, b) => b.from - a.from || b.to - a.to)) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}

/** The patched text, from `fix --write` in a copy. */
function patched(files: Record<string, string>, file: string): string {
  const dir = repo(files);
  const w = cli(dir, ['fix', '--write']);
  assert.is(w.status, 1, w.stderr);
  return readFileSync(join(dir, file), 'utf8');
}

const t = suite('fix formats agree');

t('a follow-up fix (RSYNC-005 raised by the RSYNC-004 fix) is named in the diff and Markdown, and SARIF carries its edit', () => {
  const dir = repo({ 'rsyncd.conf': RESTRICTS });
  const scanned = cli(dir, ['scan', '.', '--format', 'json', '--fail-on', 'none']);
  assert.not.match(scanned.stdout, /RSYNC-005/, 'the scan reports no RSYNC-005');
  const diff = cli(dir, ['fix']);
  assert.match(diff.stdout, '+\tlist = no');
  assert.match(diff.stdout, /# {3}Follow-up: after the RSYNC-004 fix \(\[m\] hosts deny = \*\), the configuration would have a RSYNC-005 finding the scan did not report/);
  const md = cli(dir, ['fix', '--format', 'markdown']);
  assert.match(md.stdout, /> Follow-up: after the RSYNC-004 fix/);
  const sarif = cli(dir, ['fix', '--format', 'sarif']);
  assert.equal(sarifProblems(sarif.stdout), []);
  const log = JSON.parse(sarif.stdout) as Sarif.Log;
  const r004 = (log.runs[0]?.results ?? []).find((r) => r.ruleId === 'RSYNC-004');
  assert.match(r004?.fixes?.[0]?.description?.text ?? '', /Follow-up: .*RSYNC-005/);
  assert.is(applyAllSarif(RESTRICTS, log, 'rsyncd.conf'), patched({ 'rsyncd.conf': RESTRICTS }, 'rsyncd.conf'));
});

t('Markdown: edits on the same or touching lines are one suggestion; committing every suggestion gives the patch', () => {
  const dir = repo({ 'rsyncd.conf': ADJACENT });
  const md = cli(dir, ['fix', '--format', 'markdown']).stdout;
  const blocks = [...md.matchAll(/`rsyncd\.conf:(\d+)(?:-(\d+))?` \([^)]*\):\n\n```suggestion\n([\s\S]*?)\n```/g)].map((m) => ({ start: Number(m[1]), end: Number(m[2] ?? m[1] ?? 0), lines: (m[3] ?? '').split('\n') }));
  assert.ok(blocks.length >= 2, md);
  const taken = new Set<number>();
  for (const b of blocks) {
    for (let i = b.start; i <= b.end; i++) {
      assert.not.ok(taken.has(i), `two suggestions on line ${i}:\n${md}`);
      taken.add(i);
    }
  }
  assert.match(md, /```suggestion\nuid = nobody\ngid = nogroup\nuse chroot = yes\ntransfer logging = yes\n```/);
  const lines = ADJACENT.replace(/\r\n$/, '').split('\r\n');
  for (const b of [...blocks].sort((x, y) => y.start - x.start)) lines.splice(b.start - 1, b.end - b.start + 1, ...b.lines);
  assert.is(`${lines.join('\r\n')}\r\n`, patched({ 'rsyncd.conf': ADJACENT }, 'rsyncd.conf'));
});

t('findings without a safe fix carry the suggested text: Markdown lists it, SARIF has it in properties', () => {
  const dir = repo({ 'rsyncd.conf': RESTRICTS });
  const md = cli(dir, ['fix', '--format', 'markdown']).stdout;
  assert.match(md, /- RSYNC-003 \[m\]: .*; suggested: `hosts allow = <your network, e\.g\. 192\.0\.2\.0\/24>`, `hosts deny = \*`/);
  const sarif = cli(dir, ['scan', '.', '--format', 'sarif', '--fail-on', 'none']).stdout;
  assert.equal(sarifProblems(sarif), []);
  const r003 = (JSON.parse(sarif) as Sarif.Log).runs[0]?.results?.find((r) => r.ruleId === 'RSYNC-003');
  const p = r003?.properties as { rsyncguard_fix?: { reason: string; suggested?: string } };
  assert.match(p.rsyncguard_fix?.reason ?? '', /operator's choice/);
  assert.is(p.rsyncguard_fix?.suggested, 'hosts allow = <your network, e.g. 192.0.2.0/24>\nhosts deny = *');
  const fixedOne = (JSON.parse(sarif) as Sarif.Log).runs[0]?.results?.find((r) => r.ruleId === 'RSYNC-004');
  assert.ok(fixedOne?.fixes, 'RSYNC-004 has a fix');
  assert.is((fixedOne?.properties as { rsyncguard_fix?: unknown } | undefined)?.rsyncguard_fix, undefined, 'a fixed finding has no "no safe fix" entry');
});

t('--output naming a config the run reads is refused before anything is written (with and without --write)', () => {
  const inc = '[b]\n  path = /y\n  read only = no\n';
  const dir = repo({ 'rsyncd.conf': RESTRICTS, 'etc/main.conf': '[a]\n  path = /x\n  read only = yes\n&include inc.d\n', 'etc/inc.d/b.inc': inc });
  for (const extra of [[], ['--write']]) {
    const r = cli(dir, ['fix', '--output', 'rsyncd.conf', ...extra]);
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, /a file this run reads or writes/);
    assert.is(readFileSync(join(dir, 'rsyncd.conf'), 'utf8'), RESTRICTS);
  }
  // An included file is read too.
  const viaInclude = cli(dir, ['fix', 'etc', '--output', 'etc/inc.d/b.inc']);
  assert.is(viaInclude.status, 2, viaInclude.stdout + viaInclude.stderr);
  assert.is(readFileSync(join(dir, 'etc/inc.d/b.inc'), 'utf8'), inc);
  const elsewhere = cli(dir, ['fix', '--output', 'fix.patch']);
  assert.is(elsewhere.status, 1, elsewhere.stderr);
  assert.match(readFileSync(join(dir, 'fix.patch'), 'utf8'), /\+\thosts deny = \*/);
});

t.run();
