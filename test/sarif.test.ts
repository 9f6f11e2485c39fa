/**
 * SARIF as GitHub code scanning takes it: valid by schema, by the Multitool with GitHub's rules, and by
 * the checks no validator does; deterministic; fingerprints that survive a moved line; `results: []` when
 * clean. The checker is shown to reject broken logs, so a green run means something.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type * as Sarif from 'sarif';
import { CORPUS, corpusTest } from './support/corpus.ts';
import { githubProblems, multitoolProblems, sarifProblems, schemaProblems } from './support/sarif-check.ts';

const CLI = resolve('dist/cli.js');

function scanSarif(cwd: string, ...args: string[]): { code: number | null; text: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'scan', ...args, '--format', 'sarif'], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20 });
  return { code: r.status, text: r.stdout, stderr: r.stderr };
}

/** The rule a result belongs to: its descriptor id is `RSYNC-002/critical` when raised above the base. */
const ruleOf = (r: Sarif.Result) => r.ruleId?.split('/')[0];

const sarif = suite('SARIF for GitHub code scanning');

sarif('the examples pass the schema, the Multitool with GitHub rules, and our own checks', () => {
  const r = scanSarif(process.cwd(), 'examples');
  assert.is(r.code, 1, r.stderr);
  assert.equal(sarifProblems(r.text), []);
  const log = JSON.parse(r.text) as Sarif.Log;
  assert.ok((log.runs[0]?.results?.length ?? 0) > 20, 'the examples have findings, else this proves little');
});

corpusTest(sarif, 'the shared corpus passes all three checks too', () => {
  const r = scanSarif(CORPUS, '.', '--fail-on', 'none');
  assert.ok(r.code === 0 || r.code === 2, r.stderr);
  assert.equal(sarifProblems(r.text), []);
});

sarif('the checker itself rejects a broken log (so a pass means something)', () => {
  const broken = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'x', rules: [{ id: 'R1', properties: { 'security-severity': 'high' } }] } },
        results: [{ ruleId: 'R1', ruleIndex: 0, level: 'critical', message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'rsync://host/mod' } } }] }],
      },
    ],
  };
  assert.ok(
    schemaProblems(broken).some((p) => p.includes('level')),
    'ajv catches the bad level',
  );
  assert.ok(githubProblems(broken as unknown as Sarif.Log).some((p) => p.includes('security-severity')));
  // The Multitool says nothing at all about a log whose only fault is an enum (hence ajv); without one it
  // reports the non-file URI and the missing region and descriptions.
  const noEnum = {
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'R1' }] } }, results: [{ ruleId: 'R1', ruleIndex: 0, message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'rsync://host/mod' } } }] }] }],
  };
  const found = multitoolProblems(JSON.stringify(noEnum));
  for (const rule of ['GH1003', 'GH1005', 'GH2012'])
    assert.ok(
      found.some((p) => p.startsWith(rule)),
      `${rule} in ${found.join('; ')}`,
    );
});

sarif('a clean scan still uploads a run, with results: [] so alerts close', () => {
  const r = scanSarif(process.cwd(), 'examples/hardened');
  assert.is(r.code, 0, r.stderr);
  const log = JSON.parse(r.text) as Sarif.Log;
  assert.equal(log.runs[0]?.results, []);
  assert.is(log.runs[0]?.automationDetails?.id, 'rsyncguard/');
  assert.equal(sarifProblems(r.text), []);
});

sarif('the same input gives the same bytes, and --category names the run', () => {
  const a = scanSarif(process.cwd(), 'examples');
  const b = scanSarif(process.cwd(), 'examples');
  assert.is(a.text, b.text);
  const c = scanSarif(process.cwd(), 'examples', '--category', 'infra/rsync/');
  assert.is((JSON.parse(c.text) as Sarif.Log).runs[0]?.automationDetails?.id, 'infra/rsync/');
});

sarif('moving a finding down the file keeps its fingerprint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fp-'));
  const conf = '[up]\n    path = /srv/up\n    read only = no\n    comment = uploads\n';
  writeFileSync(join(dir, 'rsyncd.conf'), conf);
  const before = JSON.parse(scanSarif(dir).text) as Sarif.Log;
  writeFileSync(join(dir, 'rsyncd.conf'), `# uploads from the build farm\n# reviewed\n\n${conf}`);
  const after = JSON.parse(scanSarif(dir).text) as Sarif.Log;
  const fp = (log: Sarif.Log) => log.runs[0]?.results?.find((x) => ruleOf(x) === 'RSYNC-002');
  assert.is(fp(after)?.locations?.[0]?.physicalLocation?.region?.startLine, (fp(before)?.locations?.[0]?.physicalLocation?.region?.startLine ?? 0) + 3);
  assert.ok(fp(before)?.partialFingerprints?.['primaryLocationLineHash']);
  assert.is(fp(after)?.partialFingerprints?.['primaryLocationLineHash'], fp(before)?.partialFingerprints?.['primaryLocationLineHash']);
});

sarif('waived findings are left out, or included as suppressed with --sarif-suppressions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-supp-'));
  writeFileSync(join(dir, 'rsyncd.conf'), '[up]\n    path = /srv/up\n# rsyncguard: ignore RSYNC-002 drop box, reviewed\n    read only = no\n');
  const plain = JSON.parse(scanSarif(dir).text) as Sarif.Log;
  assert.not.ok(plain.runs[0]?.results?.some((x) => ruleOf(x) === 'RSYNC-002'));
  const withSupp = JSON.parse(scanSarif(dir, '--sarif-suppressions').text) as Sarif.Log;
  const s = withSupp.runs[0]?.results?.find((x) => ruleOf(x) === 'RSYNC-002');
  assert.is(s?.suppressions?.[0]?.kind, 'external');
  assert.match(s?.suppressions?.[0]?.justification ?? '', 'drop box');
});

sarif('a raised finding points at a descriptor of its rule that carries the raised severity and says why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-raised-'));
  writeFileSync(join(dir, 'rsyncd.conf'), '[up]\n    path = /srv/up\n    read only = no\n');
  const text = scanSarif(dir).text;
  const run = (JSON.parse(text) as Sarif.Log).runs[0];
  const rules = run?.tool.driver.rules ?? [];
  const res = run?.results?.find((x) => ruleOf(x) === 'RSYNC-002');
  assert.is(res?.ruleId, 'RSYNC-002/critical');
  const raised = rules[res?.ruleIndex ?? -1];
  const base = rules.find((r) => r.id === 'RSYNC-002');
  assert.is(raised?.id, 'RSYNC-002/critical');
  assert.is(raised?.properties?.['security-severity'], '9.5');
  assert.is(raised?.defaultConfiguration?.level, 'error');
  assert.is(raised?.name, base?.name);
  assert.equal(raised?.shortDescription, base?.shortDescription);
  assert.match(raised?.help?.text ?? '', 'Reported as critical');
  assert.match(raised?.help?.markdown ?? '', 'any host on the network can write to it');
  assert.is(base?.properties?.['security-severity'], '8.1');
  assert.equal(sarifProblems(text), []);
});

sarif('parse diagnostics travel as tool notifications', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-notes-'));
  writeFileSync(join(dir, 'rsyncd.conf'), '[m]\n    path = /srv/m\n    read_only = no\n');
  const log = JSON.parse(scanSarif(dir).text) as Sarif.Log;
  const notes = log.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
  assert.ok(notes.some((n) => n.descriptor?.id === 'unknown-parameter' && n.locations?.[0]?.physicalLocation?.region?.startLine === 3));
});

sarif.run();
