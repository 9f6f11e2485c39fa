/**
 * A header naming an existing module re-opens it (rsyncd.md §1.2: `[UP]` after `[up]` is [up] again): a
 * finding on a line after it belongs to that module, and a fix edits the re-opened section's line rather than
 * adding a second one to the first section (adversarial review of issue 16).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './support/fix-run.ts';

const CONF = 'use chroot = yes\n[up]\npath = /srv/up\nauth users = alice\nsecrets file = /etc/s\n[other]\npath = /srv/o\n[UP]\nlist = no # hide it\n';

function repo(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-reopen-'));
  writeFileSync(join(dir, 'rsyncd.conf'), text);
  return dir;
}

const t = suite('fix: re-opened sections');

t('the facts name the re-opening header, and RSYNC-009 on a line after it is reported under that module', () => {
  const dir = repo(CONF);
  const json = JSON.parse(cli(dir, ['scan', '.', '--format', 'json', '--fail-on', 'none']).stdout) as {
    targets: { findings: { rule_id: string; module: string | null; location: { line: number } }[] }[];
  };
  const f = json.targets[0]?.findings.find((x) => x.rule_id === 'RSYNC-009');
  assert.equal([f?.module, f?.location.line], ['up', 9]);
  const facts = JSON.parse(cli(dir, ['facts', 'rsyncd.conf']).stdout) as { config: { modules: { name: string; reopened?: unknown }[] } };
  assert.equal(
    facts.config.modules.map((m) => [m.name, m.reopened]),
    [
      ['up', [{ file: 'rsyncd.conf', line: 8, column: 1 }]],
      ['other', undefined],
    ],
  );
});

t('RSYNC-005 with RSYNC-009: the re-opened section\'s line is rewritten, [up] gets no second "list" line', () => {
  const r = cli(repo(CONF), ['fix', '.', '--rules', 'RSYNC-005,RSYNC-009']);
  assert.is(r.status, 1, r.stdout + r.stderr);
  assert.not.match(r.stdout, /# RSYNC-00[59]: \[other\]/);
  assert.match(r.stdout, /\n \[UP\]\n-list = no # hide it\n\+# hide it\n\+list = no\n/);
  assert.is(r.stdout.match(/\n\+\s*list = /g)?.length, 1, r.stdout);
});

t('RSYNC-009 alone keeps what rsync reads today ([up] listed) and names [up]', () => {
  const r = cli(repo(CONF), ['fix', '.', '--rules', 'RSYNC-009']);
  assert.match(r.stdout, /# RSYNC-009: \[up\] list: .*\(yes\)/);
  assert.match(r.stdout, /\n-list = no # hide it\n\+# hide it\n\+list = yes\n/);
});

t.run();
