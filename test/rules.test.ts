/**
 * Every rule of the catalog against its fixtures, through the real compiled policy: fires.conf raises it
 * exactly at the marked places, quiet.conf (the fixed config) does not. Plus the bundled CLI pipeline
 * `facts F | eval -` on one fixture, as users run it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { builtinPolicy, PolicyEngine, type Finding } from '../src/engine/index.ts';
import { validateFacts } from '../src/facts/index.ts';
import { expectations, loadRuleFixtures, RULE_FIXTURES } from './support/rule-fixtures.ts';

const source = builtinPolicy();
if (!source.ok) throw source.error;
const loaded = await PolicyEngine.load(source.value);
if (!loaded.ok) throw loaded.error;
const engine = loaded.value;
const fixtures = loadRuleFixtures();

function findingsOf(facts: Parameters<PolicyEngine['evaluate']>[0]): Finding[] {
  const r = engine.evaluate(facts);
  if (!r.ok) throw r.error;
  return r.value;
}

const catalog = suite('the rule catalog');

catalog('every rule has a fires and a quiet fixture, and every fixture a rule', () => {
  const ids = source.value.rules.map((r) => r.id);
  const fixtureIds = [...new Set(fixtures.map((f) => f.rule))];
  assert.equal(fixtureIds, [...ids].sort());
  for (const id of ids) {
    assert.ok(
      fixtures.some((f) => f.rule === id && f.kind === 'fires'),
      `${id} has no fires.conf`,
    );
    assert.ok(
      fixtures.some((f) => f.rule === id && f.kind === 'quiet'),
      `${id} has no quiet.conf`,
    );
  }
});

catalog('every fixture gives a schema-valid facts document', () => {
  const bad = fixtures.map((f) => ({ f, v: validateFacts(f.facts) })).filter(({ v }) => !v.ok);
  assert.equal(
    bad.map(({ f, v }) => `${f.rule}/${f.kind}: ${v.ok ? '' : v.errors.join('; ')}`),
    [],
  );
});

catalog('every rule has an id, a title, a severity, a CWE, help and a reference', () => {
  for (const r of source.value.rules) {
    assert.match(r.id, /^RSYNC-\d{3}$/);
    assert.ok(r.title && r.cwe.startsWith('CWE-') && r.help.length > 20 && r.help_uri, r.id);
    assert.ok(Number(r.security_severity) > 0 && Number(r.security_severity) <= 10, r.id);
  }
});

catalog('security-severity stays inside the band of each severity (critical >= 9, high 7-8.9, medium 4-6.9, low < 4)', () => {
  const bands = { critical: [9, 10], high: [7, 8.9], medium: [4, 6.9], low: [0.1, 3.9] } as const;
  const outside = source.value.rules.filter((r) => {
    const [lo, hi] = bands[r.severity];
    const n = Number(r.security_severity);
    return !(n >= lo && n <= hi);
  });
  assert.equal(
    outside.map((r) => `${r.id} ${r.severity} ${r.security_severity}`),
    [],
  );
});

catalog.run();

const rules = suite('each rule on its fixtures');

for (const fx of fixtures) {
  if (fx.kind === 'fires') {
    rules(`${fx.rule} fires on its fixture, exactly at the marked places`, () => {
      const found = findingsOf(fx.facts).filter((f) => f.rule_id === fx.rule);
      assert.ok(found.length > 0, `${fx.rule} did not fire`);
      assert.ok(fx.expect.length > 0, 'the fixture marks no expectation');
      const places = (xs: { file: string | undefined; line: number | undefined }[]): string[] => [...new Set(xs.map((x) => `${x.file}:${x.line}`))].sort();
      assert.equal(places(found.map((f) => ({ file: f.location?.file, line: f.location?.line }))), places(fx.expect));
    });
  } else {
    rules(`${fx.rule} stays quiet on the fixed configuration`, () => {
      const found = findingsOf(fx.facts).filter((f) => f.rule_id === fx.rule);
      assert.equal(
        found.map((f) => f.message),
        [],
      );
    });
  }
}

rules.run();

const marks = suite('the # expect marks');

marks('read the next line, or a named file and line', () => {
  assert.equal(expectations('RSYNC-001', '# expect RSYNC-001\n[m]\n# expect RSYNC-001 at other.secrets:3\n'), [
    { rule: 'RSYNC-001', file: 'fires.conf', line: 2 },
    { rule: 'RSYNC-001', file: 'other.secrets', line: 3 },
  ]);
});

marks('refuse a mark that names another rule than the fixture', () => {
  assert.throws(() => expectations('RSYNC-001', '# expect RSYNC-002\n[m]\n'), /expects RSYNC-002, but the fixture is for RSYNC-001/);
});

marks('refuse a mark they cannot read, such as the old "anywhere"', () => {
  assert.throws(() => expectations('RSYNC-030', '# expect RSYNC-030 anywhere\n'), /cannot read/);
  assert.throws(() => expectations('RSYNC-030', '# expect RSYNC-30\n'), /cannot read/);
});

marks.run();

const pipeline = suite('facts | eval, as a user runs it');

pipeline('reports RSYNC-002 at the parameter line and exits 1 (high at the default --fail-on)', () => {
  const conf = join(RULE_FIXTURES, 'RSYNC-002', 'fires.conf');
  const facts = spawnSync(process.execPath, ['dist/cli.js', 'facts', conf], { encoding: 'utf8' });
  assert.is(facts.status, 0, facts.stderr);
  const r = spawnSync(process.execPath, ['dist/cli.js', 'eval', '-', '--format', 'json'], { input: facts.stdout, encoding: 'utf8' });
  assert.is(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { targets: { findings: Finding[] }[] };
  const f = report.targets[0]?.findings.find((x) => x.rule_id === 'RSYNC-002');
  assert.is(f?.location?.line, 4);
  assert.ok(f?.location?.file.endsWith('RSYNC-002/fires.conf'));
});

pipeline('--fail-on none exits 0 even with findings', () => {
  const conf = join(RULE_FIXTURES, 'RSYNC-002', 'fires.conf');
  const facts = spawnSync(process.execPath, ['dist/cli.js', 'facts', conf], { encoding: 'utf8' });
  const r = spawnSync(process.execPath, ['dist/cli.js', 'eval', '-', '--fail-on', 'none'], { input: facts.stdout, encoding: 'utf8' });
  assert.is(r.status, 0);
  assert.match(r.stdout, 'RSYNC-002');
});

pipeline('an invalid facts file is exit 2 and named, and does not hide a valid one', () => {
  const conf = join(RULE_FIXTURES, 'RSYNC-002', 'fires.conf');
  const facts = spawnSync(process.execPath, ['dist/cli.js', 'facts', conf], { encoding: 'utf8' });
  const r = spawnSync(process.execPath, ['dist/cli.js', 'eval', '-', 'test/fixtures/hosts', '--format', 'json'], { input: facts.stdout, encoding: 'utf8' });
  assert.is(r.status, 2);
  const report = JSON.parse(r.stdout) as { targets: unknown[]; errors: { target: string }[] };
  assert.is(report.targets.length, 1);
  assert.is(report.errors[0]?.target, 'test/fixtures/hosts');
});

pipeline.run();
