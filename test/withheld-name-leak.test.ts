/**
 * A secrets-file name the report withholds (it equals the password, or may be a secret) leaves in no form: not
 * the name, and nothing derived from it — no hash, no tag, no part of one. A few hex digits of an unsalted hash
 * of a weak password are enough to find it again in a list of common passwords, so an entry's finding carries
 * no `entry`, the facts no `name_tag`, and no format prints a `user #…` stand-in.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const TSX = import.meta.resolve('tsx');
const MAIN = resolve('src/cli/main.ts');

function rg(cwd: string, args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Withheld: carol's and the group ops's passwords are their names; the token may be a secret itself. */
const WITHHELD: [kind: 'user' | 'group', name: string][] = [
  ['user', 'carol'],
  ['group', 'ops'],
  ['user', 'API_TOKEN=Zq7canary'],
];

/** The hex forms a name could have left in: its SHA-256, SHA-1 and MD5, alone and as `kind:name`. */
function digests(kind: string, name: string): string[] {
  return ['sha256', 'sha1', 'md5'].flatMap((algo) => [name, `${kind}:${name}`].map((input) => createHash(algo).update(input).digest('hex')));
}

test('no output of any format, nor the facts, holds a withheld name or anything derived from it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-withheld-leak-'));
  mkdirSync(join(dir, 'etc'));
  writeFileSync(join(dir, 'rsyncd.conf'), 'secrets file = /etc/rsyncd.secrets\n[m]\npath=/srv\nauth users = alice, @ops\nhosts allow = 10.0.0.0/8\n');
  writeFileSync(join(dir, 'etc', 'rsyncd.secrets'), 'alice:Xk29vLq0aP3zrTqq\ncarol:carol\n@ops:ops\nAPI_TOKEN=Zq7canary:pw\ndave:short1\n');

  const outputs = new Map<string, string>();
  for (const format of ['json', 'sarif', 'gitlab', 'junit', 'text', 'markdown', 'csv', 'html']) outputs.set(format, rg(dir, ['scan', '.', '-q', '--fail-on', 'none', '-f', format]));
  outputs.set('facts', rg(dir, ['facts', 'rsyncd.conf', '--root', '.']));

  // The findings are there (one per weak entry), each told by its line: the check looks at real reports.
  assert.match(outputs.get('text') ?? '', /the user on line 2 has its own name as password/);
  assert.match(outputs.get('text') ?? '', /user "dave"/);

  for (const [format, out] of outputs) {
    assert.not.match(out, /carol|Zq7canary|API_TOKEN/, format);
    assert.not.match(out, /\b(user|group) #/, `${format}: a stand-in for a withheld name`);
    assert.not.match(out, /name_tag/, format);
    for (const [kind, name] of WITHHELD) {
      for (const hex of digests(kind, name)) {
        assert.not.ok(out.includes(`#${hex.slice(0, 4)}`), `${format}: #${hex.slice(0, 4)} (of ${kind} ${name})`);
        assert.not.ok(out.includes(hex.slice(0, 8)), `${format}: ${hex.slice(0, 8)} (of ${kind} ${name})`);
      }
    }
  }

  // The facts carry the mask and nothing more for a withheld name; a shown name as it is.
  const facts = JSON.parse(outputs.get('facts') ?? '{}') as { secrets: { entries: Record<string, unknown>[] }[] };
  const entries = facts.secrets.flatMap((s) => s.entries);
  assert.equal(
    entries.map((e) => e['name']),
    ['alice', '********', '********', '********', 'dave'],
  );
  for (const e of entries) assert.not.ok('name_tag' in e, JSON.stringify(e));

  // The JSON report's findings: a shown name's entry is named, a withheld one's has no `entry` at all.
  const report = JSON.parse(outputs.get('json') ?? '{}') as { targets: { findings: { rule_id: string; location: { line: number } | null; entry?: string }[] }[] };
  const weak = report.targets.flatMap((t) => t.findings).filter((f) => f.rule_id === 'RSYNC-032');
  assert.equal(weak.map((f) => [f.location?.line, f.entry]).sort(), [
    [2, undefined],
    [3, undefined],
    [4, undefined],
    [5, 'user "dave"'],
  ]);
});

test.run();
