/**
 * A secrets-file entry's finding whose name is shown is known by who the entry is, not by its order in the
 * file (adv1 #11): a new weak entry written above an old one leaves the old finding's fingerprint as it was in
 * SARIF, the JSON report, --baseline and GitLab Code Quality. An entry whose name the report withholds (its
 * password is its name) leaves nothing of that name in any output — not even a hash or tag of it — so such
 * entries are numbered in file order: a shown-name entry added above one leaves its fingerprint, another
 * withheld entry added above it takes it (the honest limit, docs/baselines.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const TSX = import.meta.resolve('tsx');
const MAIN = resolve('src/cli/main.ts');

function rg(cwd: string, args: string[]): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout };
}

interface Issue {
  check_name: string;
  fingerprint: string;
  location: { lines: { begin: number } };
}
interface SarifLog {
  runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
}
interface JsonReport {
  targets: { findings: { rule_id: string; location: { line: number } | null; fingerprint: string; baseline_state?: string }[] }[];
}

/** Line → fingerprint of the RSYNC-032 findings of each format. */
function prints(dir: string): { gitlab: Map<number, string>; sarif: Map<number, string>; json: Map<number, string>; all: string } {
  const gitlab = rg(dir, ['scan', '.', '-q', '-f', 'gitlab']).stdout;
  const sarif = rg(dir, ['scan', '.', '-q', '-f', 'sarif']).stdout;
  const json = rg(dir, ['scan', '.', '-q', '-f', 'json']).stdout;
  return {
    gitlab: new Map((JSON.parse(gitlab) as Issue[]).filter((i) => i.check_name === 'RSYNC-032').map((i) => [i.location.lines.begin, i.fingerprint])),
    sarif: new Map(
      (JSON.parse(sarif) as SarifLog).runs
        .flatMap((r) => r.results)
        .filter((r) => r.ruleId.startsWith('RSYNC-032'))
        .map((r) => [r.locations[0]?.physicalLocation.region.startLine ?? 0, r.partialFingerprints['primaryLocationLineHash'] ?? '']),
    ),
    json: new Map(
      (JSON.parse(json) as JsonReport).targets
        .flatMap((t) => t.findings)
        .filter((f) => f.rule_id === 'RSYNC-032')
        .map((f) => [f.location?.line ?? 0, f.fingerprint]),
    ),
    all: `${gitlab}${sarif}${json}`,
  };
}

/** The RSYNC-032 findings' baseline state by line, against each baseline file. */
function states(dir: string, baseline: string): [number | undefined, string | undefined][] {
  const r = JSON.parse(rg(dir, ['scan', '.', '-q', '-f', 'json', '--baseline', baseline]).stdout) as JsonReport;
  return r.targets
    .flatMap((t) => t.findings)
    .filter((f) => f.rule_id === 'RSYNC-032')
    .map((f): [number | undefined, string | undefined] => [f.location?.line, f.baseline_state])
    .sort();
}

/** A repository whose secrets file has two strong entries each for alice and bob, then carol:carol (line 5). */
function repository(): { dir: string; before: ReturnType<typeof prints> } {
  const dir = mkdtempSync(join(tmpdir(), 'rg-entry-identity-'));
  mkdirSync(join(dir, 'etc'));
  writeFileSync(join(dir, 'rsyncd.conf'), 'secrets file = /etc/rsyncd.secrets\n[m]\npath=/srv\nauth users = alice, bob\nhosts allow = 10.0.0.0/8\n');
  const strong = (user: string, c: string) => `${user}:${c}k29vLq0aP3zrTqq\n`;
  writeFileSync(join(dir, 'etc', 'rsyncd.secrets'), `${strong('alice', 'X')}${strong('alice', 'Y')}${strong('bob', 'Z')}${strong('bob', 'W')}carol:carol\n`);
  const before = prints(dir);
  writeFileSync(join(dir, 'base.json'), rg(dir, ['scan', '.', '-q', '-f', 'json']).stdout);
  writeFileSync(join(dir, 'base.sarif'), rg(dir, ['scan', '.', '-q', '-f', 'sarif']).stdout);
  return { dir, before };
}

const prepend = (dir: string, line: string) => writeFileSync(join(dir, 'etc', 'rsyncd.secrets'), `${line}\n${readFileSync(join(dir, 'etc', 'rsyncd.secrets'), 'utf8')}`);

test('a weak entry with a shown name written above a withheld one: the old finding keeps its fingerprint everywhere, the new one is new', () => {
  const { dir, before } = repository();
  // dave:short1 above everything (weak: short; its name is shown): carol's line moves from 5 to 6.
  prepend(dir, 'dave:short1');
  const after = prints(dir);
  for (const format of ['gitlab', 'sarif', 'json'] as const) {
    const carol = before[format].get(5);
    assert.ok(carol, `${format}: carol's finding before`);
    assert.is(after[format].get(6), carol, `${format}: carol's finding keeps its fingerprint`);
    assert.ok(after[format].get(1), `${format}: dave's finding`);
    assert.is.not(after[format].get(1), carol, `${format}: dave's finding is another one`);
  }
  // carol's name is withheld (her password is her name): it appears nowhere, nor any tag standing for it.
  assert.not.match(after.all, /carol|user #|group #/);
  assert.match(after.all, /user \\"dave\\"/);

  for (const baseline of ['base.json', 'base.sarif']) {
    assert.equal(
      states(dir, baseline),
      [
        [1, 'new'],
        [6, 'unchanged'],
      ],
      baseline,
    );
  }
  // A JSON report without fingerprints is matched by recomputing them from its findings.
  const stripped = readFileSync(join(dir, 'base.json'), 'utf8').replace(/\n\s*"fingerprint": "[^"]*",?/g, '');
  assert.not.match(stripped, /"fingerprint"/);
  writeFileSync(join(dir, 'old.json'), stripped);
  const text = rg(dir, ['scan', '.', '-q', '--baseline', 'old.json']).stdout;
  assert.match(text, /user "dave".*\[new\]/);
  assert.match(text, /line 6 has its own name as password\.\n/);
});

test('a withheld entry written above another withheld one takes its fingerprint: nothing of either name may tell them apart', () => {
  const { dir, before } = repository();
  // erin:erin above everything: withheld too, so the two are numbered in file order (erin :1, carol :2).
  prepend(dir, 'erin:erin');
  const after = prints(dir);
  for (const format of ['gitlab', 'sarif', 'json'] as const) {
    const carol = before[format].get(5);
    assert.ok(carol, `${format}: carol's finding before`);
    assert.is(after[format].get(1), carol, `${format}: erin's finding has the fingerprint carol's had`);
    assert.ok(after[format].get(6), `${format}: carol's finding`);
    assert.is.not(after[format].get(6), carol, `${format}: carol's finding now has the next number`);
  }
  assert.not.match(after.all, /carol|erin|user #|group #/);
  for (const baseline of ['base.json', 'base.sarif']) {
    // erin's is matched to carol's old finding (the message's line is not compared), carol's is "new".
    assert.equal(
      states(dir, baseline),
      [
        [1, 'unchanged'],
        [6, 'new'],
      ],
      baseline,
    );
  }
});

test.run();
