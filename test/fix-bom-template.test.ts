/**
 * Lines rsync reads differently from how they look (adversarial review of issue 16): a UTF-8 BOM is not special
 * to rsync (rsyncd.md §1.1), so `<BOM>auth users = alice` is an unknown parameter and the module stays anonymous;
 * a Jinja comment `{# … #}` is template syntax, so a line holding one is never rewritten by a fix.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './support/fix-run.ts';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fix-bom-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

interface Json {
  targets: { findings: { rule_id: string; module: string | null; location: { line: number } }[] }[];
}

const t = suite('fix: BOM and template comments');

t('a BOM before "auth users = alice": rsync ignores the line, so the writable module is anonymous and fixed as such', () => {
  const dir = repo({ 'rsyncd.conf': '\ufeffauth users = alice\nsecrets file = /etc/s\nuse chroot = yes\n[up]\npath = /srv/up\nread only = no\n' });
  const json = JSON.parse(cli(dir, ['scan', '.', '--format', 'json', '--fail-on', 'none']).stdout) as Json;
  const ids = json.targets[0]?.findings.map((f) => f.rule_id) ?? [];
  assert.ok(ids.includes('RSYNC-002'), ids.join(' '));
  assert.not.ok(ids.includes('RSYNC-025'), ids.join(' '));
  const patch = cli(dir, ['fix', '.', '--rules', 'RSYNC-002']).stdout;
  assert.match(patch, /\n-read only = no\n\+read only = yes\n/);
  assert.not.match(patch, /\n[-+]\ufeff/, 'the BOM line is not edited');
});

t('a BOM before "use chroot = no": rsync ignores the line, so there is nothing to fix there', () => {
  const dir = repo({ 'rsyncd.conf': '\ufeffuse chroot = no\n[up]\npath = /srv/up\nread only = yes\n' });
  const r = cli(dir, ['fix', '.', '--rules', 'RSYNC-040']);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.not.match(r.stdout, /use chroot = yes/);
});

t('a Jinja comment after a value: the line is template syntax, never rewritten, and RSYNC-009 there is left to a person', () => {
  for (const [file, text] of [
    ['rsyncd.conf.j2', 'use chroot = yes\n[up]\npath = /srv/up\nread only = no {# uploads from CI #}\n'],
    // No template extension: the `{# … #}` itself makes the file a template (the parser's `template` note).
    ['rsyncd.conf', 'use chroot = yes\n[up]\npath = /srv/up\nlist = no {# hidden #}\n'],
  ] as const) {
    const dir = repo({ [file]: text });
    const r = cli(dir, ['fix', '.', '--rules', 'RSYNC-009']);
    assert.match(r.stdout, /RSYNC-009 \[up\]: .*holds a template expression; it is never rewritten/, r.stdout);
    assert.not.match(r.stdout, /\n[-+](read only|list) = /, r.stdout);
    assert.not.match(r.stdout, /\n\+#\}/, r.stdout);
  }
});

t.run();
