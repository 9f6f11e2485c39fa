/**
 * The engine's limits as a scan reports them (issue 20): a config too large for the built-in policy's memory
 * fails alone, named, exit 2, with the reason in every format, and the other configs are reported; a --policy
 * directory's runtime error names the user's file, the same on every run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const MAIN = resolve('src/cli/main.ts');
// The runs happen in a temporary directory: tsx is named by its path, not looked up from there.
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
// The pinned OPA (built by scripts/opa.sh) stands in for the opa a user has on PATH.
execFileSync('scripts/opa.sh', ['version']);
const OPA = resolve('.cache/bin/opa');

function rg(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', timeout: 240_000, maxBuffer: 256 * 2 ** 20, env: { ...process.env, NO_COLOR: '1', RSYNCGUARD_OPA: OPA } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** n modules with users, hosts, a secrets file and a comment each: 20,000 of them are about 3.3 MB. */
function rich(n: number): string {
  const parts = ['uid = root\nuse chroot = no\n'];
  for (let i = 0; i < n; i++) parts.push(`[m${i}]\npath = /srv/m${i}\nread only = no\nhosts allow = 10.0.${i % 256}.0/24 host${i}.example\nauth users = u${i}, @g${i}:rw\nsecrets file = /etc/s\ncomment = module number ${i}\n`);
  return parts.join('');
}

const REASON = 'too large to evaluate (20,000 modules, 1 GiB policy memory): split it or exclude it (--exclude)';

const limits = suite('engine limits in a scan');

limits('a config too large for the policy memory fails alone, named, exit 2, with the reason in every format', () => {
  const repo = mkdtempSync(join(tmpdir(), 'rg-too-large-'));
  for (const d of ['a', 'big']) mkdirSync(join(repo, d));
  writeFileSync(join(repo, 'a', 'rsyncd.conf'), '[pub]\n    path = /srv/pub\n    read only = no\n');
  writeFileSync(join(repo, 'big', 'rsyncd.conf'), rich(20_000));
  const json = rg(repo, 'scan', '.', '-f', 'json');
  assert.is(json.code, 2, json.stderr);
  const report = JSON.parse(json.stdout) as { targets: { target: string; findings: unknown[] }[]; errors: { target: string; message: string; hint?: string }[] };
  assert.equal(
    report.errors.map((e) => [e.target, e.message]),
    [['big/rsyncd.conf', REASON]],
  );
  assert.not.match(report.errors[0]?.hint ?? '', 'policy built-in');
  const a = report.targets.find((t) => t.target === 'a/rsyncd.conf');
  assert.ok(a && a.findings.length > 0, 'the other config is reported');
  for (const format of ['sarif', 'text', 'markdown']) {
    const r = rg(repo, 'scan', '.', '-f', format);
    assert.is(r.code, 2, `${format}: ${r.stderr}`);
    const out = r.stdout + r.stderr;
    assert.ok(out.includes('big/rsyncd.conf') && out.includes('too large to evaluate (20,000 modules, 1 GiB policy memory)'), `${format}: ${out.slice(0, 2000)}`);
  }
});

limits("a --policy directory's runtime error names the user's file, the same on every run", () => {
  const pol = mkdtempSync(join(tmpdir(), 'rg-pol-'));
  mkdirSync(join(pol, 'team'));
  // Two complete definitions of one value that both hold for a module named "clash": a runtime conflict.
  writeFileSync(
    join(pol, 'team', 'clash.rego'),
    `# METADATA
# title: Clash
package rsyncguard.custom.clash

import data.rsyncguard.lib

level := "one" if {
\tsome mod in input.config.modules
\tmod.name == "clash"
}

level := "two" if {
\tsome mod in input.config.modules
\tmod.name == "clash"
}

# METADATA
# title: Clashing rule
# custom:
#   id: CLASH-001
#   severity: low
#   help: none
findings contains f if {
\tsome i, mod in input.config.modules
\tlevel == "one"
\tf := lib.module_finding("CLASH-001", i, "path", "clash")
}
`,
  );
  const repo = mkdtempSync(join(tmpdir(), 'rg-pol-scan-'));
  writeFileSync(join(repo, 'rsyncd.conf'), '[clash]\n    path = /srv/clash\n');
  const messages = [1, 2].map(() => {
    const r = rg(repo, 'scan', '.', '-f', 'json', '--policy', pol);
    assert.is(r.code, 2, r.stderr);
    const report = JSON.parse(r.stdout) as { errors: { message: string; hint?: string }[] };
    return report.errors.map((e) => `${e.message} | ${e.hint}`).join('\n');
  });
  assert.match(messages[0] ?? '', `${join(pol, 'team', 'clash.rego')}:`);
  assert.not.match(messages[0] ?? '', 'rsyncguard-policy-');
  assert.is(messages[1], messages[0]);
});

limits.run();
