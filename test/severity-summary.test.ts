/** --severity hides findings; every report format counts what it hid, so a filtered report never reads as clean (issue 18). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const MAIN = resolve('src/cli/main.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

function scan(...args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, 'scan', ...args, '--fail-on', 'none', '--fixes', 'no'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  assert.is(r.status, 0, r.stderr);
  return r.stdout;
}

const dir = mkdtempSync(join(tmpdir(), 'rsyncguard-severity-'));
writeFileSync(join(dir, 'rsyncd.conf'), '[data]\n    path = /srv/data\n    read only = no\n');

const hidden = suite('--severity: what was hidden is counted');
hidden.after(() => rmSync(dir, { recursive: true, force: true }));

hidden('text, Markdown and JSON say how many findings of other severities were left out', () => {
  const all = JSON.parse(scan(dir, '--format', 'json')) as { targets: { findings: { severity: string }[] }[] };
  const others = all.targets.flatMap((t) => t.findings).filter((f) => f.severity !== 'critical').length;
  assert.ok(others > 0);
  const json = JSON.parse(scan(dir, '--format', 'json', '--severity', 'CRITICAL')) as { summary: { severity_filter?: { severities: string[]; hidden: number } } };
  assert.equal(json.summary.severity_filter, { severities: ['critical'], hidden: others });
  const line = `${others} findings of other severities not shown (--severity critical).`;
  assert.is(scan(dir, '--severity', 'critical').trimEnd().split('\n').at(-1), line);
  assert.match(scan(dir, '--severity', 'critical', '--format', 'markdown'), `\n${line}\n`);
  // Unfiltered, nothing is said.
  assert.not.match(scan(dir), 'not shown');
  assert.is((JSON.parse(scan(dir, '--format', 'json')) as { summary: Record<string, unknown> }).summary['severity_filter'], undefined);
});

hidden.run();
