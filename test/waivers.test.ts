/** Waivers as users write them: a .rsyncguard.yaml next to the code, and comments in the config. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const CLI = resolve('dist/cli.js');

interface JsonReport {
  targets: { findings: { rule_id: string }[]; waived: { finding: { rule_id: string }; waiver: { reason: string; source: string } }[] }[];
  expired_waivers: { rule: string }[];
}

function project(conf: string, waivers?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-waivers-'));
  writeFileSync(join(dir, 'rsyncd.conf'), conf);
  if (waivers !== undefined) writeFileSync(join(dir, '.rsyncguard.yaml'), waivers);
  return dir;
}

function evalIn(dir: string, ...args: string[]) {
  const facts = spawnSync(process.execPath, [CLI, 'facts', 'rsyncd.conf'], { cwd: dir, encoding: 'utf8' });
  const r = spawnSync(process.execPath, [CLI, 'eval', '-', '--format', 'json', ...args], { cwd: dir, input: facts.stdout, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, report: r.stdout ? (JSON.parse(r.stdout) as JsonReport) : undefined };
}

const UPLOAD = '[up]\n    path = /srv/up\n    read only = no\n';
const has = (r: JsonReport | undefined, id: string) => r?.targets[0]?.findings.some((f) => f.rule_id === id) ?? false;

const waivers = suite('waivers from .rsyncguard.yaml and inline comments');

waivers('a waiver in .rsyncguard.yaml moves the finding to "waived", with its reason', () => {
  const dir = project(UPLOAD, 'waivers:\n  - rule: RSYNC-002\n    module: up\n    reason: scanner drop box, reviewed\n    expires: 2099-01-01\n');
  const r = evalIn(dir);
  assert.not.ok(has(r.report, 'RSYNC-002'));
  const w = r.report?.targets[0]?.waived.find((x) => x.finding.rule_id === 'RSYNC-002');
  assert.is(w?.waiver.reason, 'scanner drop box, reviewed');
  assert.is(w?.waiver.source, '.rsyncguard.yaml:2');
});

waivers('an expired waiver no longer applies and is reported', () => {
  const dir = project(UPLOAD, 'waivers:\n  - rule: RSYNC-002\n    reason: temporary\n    expires: 2020-01-01\n');
  const r = evalIn(dir);
  assert.ok(has(r.report, 'RSYNC-002'));
  assert.equal(
    r.report?.expired_waivers.map((w) => w.rule),
    ['RSYNC-002'],
  );
  assert.is(r.code, 1);
});

waivers('a malformed waiver file stops the run with exit 2 and names file and line', () => {
  const dir = project(UPLOAD, 'waivers:\n  - rule: RSYNC-002\n    expires: 2099-01-01\n');
  const r = evalIn(dir);
  assert.is(r.code, 2);
  assert.match(r.stderr, '.rsyncguard.yaml:2');
  assert.match(r.stderr, 'reason');
});

waivers('an inline waiver above the parameter waives it, unless --no-inline-waivers', () => {
  const dir = project('[up]\n    path = /srv/up\n# rsyncguard: ignore RSYNC-002 scanner drop box, reviewed\n    read only = no\n');
  assert.not.ok(has(evalIn(dir).report, 'RSYNC-002'));
  assert.ok(has(evalIn(dir, '--no-inline-waivers').report, 'RSYNC-002'));
});

waivers.run();
