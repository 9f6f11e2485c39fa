/**
 * The README and the contributor docs say things the code can contradict without anyone noticing: how many
 * rules there are, which npm scripts exist, what the first commands do. These tests read the prose and hold
 * it to the catalog (dist/rules.json, which the policies stage keeps equal to the Rego METADATA) and to
 * package.json, so a stale sentence fails the fast loop instead of misleading a reader.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve('.');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The prose a reader meets first: the README, the contributor guide and docs/ (docs/rules.md included). */
const PROSE = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
].filter((f) => existsSync(join(ROOT, f)));

function catalogSize(): number {
  const catalog: unknown = JSON.parse(read('dist/rules.json'));
  const rules = typeof catalog === 'object' && catalog !== null && 'rules' in catalog ? catalog.rules : undefined;
  if (!Array.isArray(rules)) throw new Error('dist/rules.json has no "rules" array: rebuild it with npm run build:policies');
  return rules.length;
}

function scripts(): Map<string, unknown> {
  const pkg: unknown = JSON.parse(read('package.json'));
  const s = typeof pkg === 'object' && pkg !== null && 'scripts' in pkg ? pkg.scripts : undefined;
  return new Map(typeof s === 'object' && s !== null ? Object.entries(s) : []);
}

/** "57 rules", "the 57 built-in rules"; not "GH1001–GH1007 rules", where the number is part of a name. */
const RULE_COUNT = /(?<![\w–-])(\d+) (?:built-in )?rules\b/g;

const counts = suite('the rule count in the docs');

counts('README states the number of rules in the catalog', () => {
  const stated = [...read('README.md').matchAll(RULE_COUNT)].map((m) => Number(m[1]));
  assert.ok(stated.length > 0, 'README.md no longer says how many rules there are: say it, this test keeps it true');
  assert.equal(
    stated,
    stated.map(() => catalogSize()),
    `README.md says ${stated.join(', ')} rules; dist/rules.json has ${catalogSize()}`,
  );
});

counts('no other doc states a different number of rules', () => {
  const n = catalogSize();
  for (const file of PROSE) {
    for (const m of read(file).matchAll(RULE_COUNT)) assert.is(Number(m[1]), n, `${file} says ${m[1]} rules; dist/rules.json has ${n}`);
  }
});

counts.run();

const commands = suite('the commands the docs tell people to run');

commands('every `npm run NAME` and `npm test` in the docs is a script in package.json', () => {
  const known = scripts();
  for (const file of PROSE) {
    for (const m of read(file).matchAll(/\bnpm (?:run(?: --silent)? ([\w-]+(?::[\w-]+)*)|(test)\b)/g)) {
      const name = m[1] ?? m[2] ?? '';
      assert.ok(typeof known.get(name) === 'string', `${file} tells people to run "npm ${m[1] ? 'run ' : ''}${name}", which package.json does not define`);
    }
  }
});

commands("README's first block runs the examples from the committed dist/ and names the test command", () => {
  const block = /```sh\n([\s\S]*?)```/.exec(read('README.md'))?.[1] ?? '';
  const lines = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  assert.equal(lines, ['node dist/cli.js scan examples/', 'npm test'], "README's first code block changed: update this test with it");
  const scan = spawnSync(process.execPath, ['dist/cli.js', 'scan', 'examples/', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  // The examples are insecure on purpose: findings at or above high make the exit status 1, never 2.
  assert.is(scan.status, 1, scan.stderr);
  const report: unknown = JSON.parse(scan.stdout);
  assert.ok(typeof report === 'object' && report !== null && 'targets' in report && Array.isArray(report.targets) && report.targets.length > 0, 'the scan of examples/ found no targets');
  assert.is(scripts().get('test'), 'bash scripts/test-all.sh');
});

commands('README links the contributor guide', () => {
  assert.ok(read('README.md').includes('(CONTRIBUTING.md)'), 'README.md should link CONTRIBUTING.md');
  assert.ok(existsSync(join(ROOT, 'CONTRIBUTING.md')));
});

commands.run();
