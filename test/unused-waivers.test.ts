/**
 * A waiver of the waiver file that selects nothing in a run (a rule waiver that waives no finding, a
 * control waiver that selects no target) is named in every format: it looks as if it worked, and does not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const CLI = resolve('dist/cli.js');
const t = suite('waivers that waive nothing');

t('text, SARIF, Markdown and JSON name the unused rule and control waivers; a used one is not named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-unused-waivers-'));
  writeFileSync(join(dir, 'rsyncd.conf'), '[pub]\n  path = /srv\n  read only = no\n');
  writeFileSync(
    join(dir, 'w.yaml'),
    [
      'waivers:',
      '  - rule: RSYNC-001',
      '    path: "nowhere/*.conf"',
      '    reason: typo in the path',
      '    expires: 2099-01-01',
      '  - rule: cis:rsync-service',
      '    image: "oci:/no/such/oci:img"',
      '    reason: the mirror image',
      '    expires: 2099-01-01',
      '  - rule: RSYNC-011',
      '    reason: used',
      '    expires: 2099-01-01',
      '',
    ].join('\n'),
  );
  const run = (format: string) => spawnSync(process.execPath, [CLI, 'scan', 'rsyncd.conf', '--waivers', 'w.yaml', '--format', format], { cwd: dir, encoding: 'utf8' });
  // Colour (the test runner may force it) is not part of what is said.
  const text = { stdout: run('text').stdout.replace(/\x1b\[[0-9;]*m/g, '') };
  assert.match(text.stdout, /unused waiver at w\.yaml:2: The waiver RSYNC-001 \(path nowhere\/\*\.conf\) matched nothing in this run/);
  assert.match(text.stdout, /unused waiver at w\.yaml:6: The waiver cis:rsync-service \(image oci:\/no\/such\/oci:img\) matched nothing/);
  assert.not.match(text.stdout, 'unused waiver at w.yaml:10');
  const sarif = run('sarif').stdout;
  assert.match(sarif, '"waiver-unused"');
  assert.match(sarif, 'The waiver RSYNC-001');
  assert.match(run('markdown').stdout, '### Waivers that waive nothing');
  const json = JSON.parse(run('json').stdout) as { summary: { unused_waivers: number }; unused_waivers: { source: string }[] };
  assert.is(json.summary.unused_waivers, 2);
  assert.equal(
    json.unused_waivers.map((w) => w.source),
    ['w.yaml:2', 'w.yaml:6'],
  );
});

t.run();
