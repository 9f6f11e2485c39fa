/** Fix hints as users read them (issue 18): a "fix:" line under each finding in text, `fix` in JSON, a Markdown column. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const LOGIN = 'Require a login for every module that is not a deliberate public mirror.';

function scan(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-hints-'));
writeFileSync(join(dir, 'rsyncd.conf'), '[data]\n    path = /srv/data\n    read only = no\n');

const hints = suite('fix hints');
hints.after(() => rmSync(dir, { recursive: true, force: true }));

hints('text: every finding line is followed by one fix line, the first sentence of its rule’s help', () => {
  const r = scan(dir, '--fail-on', 'none');
  assert.is(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const findings = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s+(CRITICAL|HIGH|MEDIUM|LOW)\s+RSYNC-\d{3}/.test(l));
  assert.ok(findings.length >= 3, r.stdout);
  for (const [l, i] of findings) assert.match(lines[i + 1] ?? '', /^ {13}fix: \S.*[.!?]$/, l);
  assert.is(lines.filter((l) => /^\s+fix: /.test(l)).length, findings.length);
  const login = findings.find(([l]) => l.includes('RSYNC-001'));
  assert.ok(login, 'RSYNC-001 fires on a writable module without a login');
  if (login) assert.is(lines[login[1] + 1]?.trim(), `fix: ${LOGIN}`);
  assert.not.match(r.stdout, '```', 'no snippet fence');
});

hints('--no-hints leaves the fix lines out and changes nothing else', () => {
  const shown = scan(dir, '--fail-on', 'none');
  const hidden = scan(dir, '--fail-on', 'none', '--no-hints');
  assert.is(hidden.code, 0);
  assert.not.match(hidden.stdout, 'fix:');
  assert.is(
    shown.stdout
      .split('\n')
      .filter((l) => !/^\s+fix: /.test(l))
      .join('\n'),
    hidden.stdout,
  );
});

hints('JSON: every finding carries `fix`, the same sentence as the text shows', () => {
  const r = scan(dir, '--fail-on', 'none', '--format', 'json');
  const doc = JSON.parse(r.stdout) as { targets: { findings: { rule_id: string; fix: unknown }[] }[] };
  const findings = doc.targets.flatMap((t) => t.findings);
  assert.ok(findings.length >= 3);
  for (const f of findings) assert.type(f.fix, 'string', f.rule_id);
  assert.is(findings.find((f) => f.rule_id === 'RSYNC-001')?.fix, LOGIN);
  // --no-hints is about the text lines: JSON keeps the field.
  assert.match(scan(dir, '--fail-on', 'none', '--format', 'json', '--no-hints').stdout, `"fix": "${LOGIN}"`);
});

hints('Markdown: the findings table has a fix column, filled on every row', () => {
  const r = scan(dir, '--fail-on', 'none', '--format', 'markdown', '--fixes', 'no');
  const table = r.stdout.split('\n').filter((l) => l.startsWith('| '));
  assert.is(table[0], '| severity | rule | where | finding | fix |');
  const rows = table.slice(1).filter((l) => /\| RSYNC-\d{3}/.test(l));
  assert.ok(rows.length >= 3);
  for (const row of rows) assert.match(row, /\| [^|]*[.!?] \|$/, row);
  assert.ok(rows.some((row) => row.includes('RSYNC-001') && row.endsWith(`| ${LOGIN} |`)));
});

hints.run();
