/**
 * Progress as a user meets it (issue 18): on a real terminal (a pseudo-terminal from util-linux `script`),
 * scan, eval and image draw one line on standard error, redrawn in place and erased before they finish; in a
 * pipe, a redirected report or under --quiet, not one byte of it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { layerTar, ociLayout } from './hostile/support/images.ts';

const MAIN = resolve('src/cli/main.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
const ERASE = '\r\u001b[K';

const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

/** The test runner's colour setting would make node warn on standard error: the CLI decides colour alone. */
const { FORCE_COLOR: _, ...ENV } = process.env;

/** The CLI with standard error (and standard output) on a pseudo-terminal; what the terminal received. */
function inTerminal(args: string[], env: Record<string, string> = {}): { code: number | null; screen: string } {
  const command = [process.execPath, '--import', TSX, MAIN, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 120_000, env: { ...ENV, NO_COLOR: '1', TERM: 'xterm', ...env } });
  assert.is(r.error, undefined, 'util-linux script runs');
  return { code: r.status, screen: r.stdout };
}

/** The CLI with pipes, as CI runs it. */
function inPipe(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20, env: { ...ENV, NO_COLOR: '1', TERM: 'xterm' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The lines a terminal showed, each redraw on its own: what followed each `\r`. */
const redraws = (screen: string): string[] =>
  screen
    .split(ERASE)
    .slice(1)
    .map((s) => s.split(/\r?\n/)[0] ?? '');

const work = mkdtempSync(join(tmpdir(), 'rsyncguard-progress-'));
const repo = join(work, 'repo');
// Enough configs that evaluation takes a few tenths of a second: several redraws, a rate and a time left.
for (let i = 0; i < 300; i++) {
  mkdirSync(join(repo, `site${i}`), { recursive: true });
  writeFileSync(join(repo, `site${i}`, 'rsyncd.conf'), `[m${i}]\n    path = /srv/${i}\n    read only = no\n`);
}

const tty = suite('progress on a terminal, never in a pipe');
tty.after(() => rmSync(work, { recursive: true, force: true }));

tty('scan on a terminal: files found, then evaluated (with rate and time left once known), erased before the report', () => {
  const out = join(work, 'scan.json');
  const r = inTerminal(['scan', repo, '--format', 'json', '--output', out, '--fail-on', 'none']);
  assert.is(r.code, 0, r.screen);
  const lines = redraws(r.screen);
  assert.ok(
    lines.some((l) => /^scan: looking in .*repo… [\d,]+ files? found$/.test(l)),
    lines.join('\n'),
  );
  // Targets are evaluated while the walk still finds more (a streamed scan): the total is what was found so far.
  const evaluated = lines.filter((l) => /^scan: [\d,]+\/[\d,]+ evaluated(, [\d,]+\/s(, (about .+|under a second) left)?)?$/.test(l));
  const totals = evaluated.map((l) => Number(/\/([\d,]+) /.exec(l)?.[1]?.replace(/,/g, '')));
  assert.ok(
    totals.every((t, i) => t <= 300 && (i === 0 || t >= (totals[i - 1] ?? 0))),
    evaluated.join('\n'),
  );
  // The rate and time left need a quarter second of evaluation (src/cli/progress.test.ts checks them): on a fast
  // machine the run may be over first, so only their form is held here.
  assert.ok(evaluated.length >= 1, lines.join('\n'));
  // The line is erased at the end: nothing but the erase follows the last redraw.
  assert.ok(r.screen.endsWith(ERASE), JSON.stringify(r.screen.slice(-80)));
  // The report file holds the report only.
  const report = readFileSync(out, 'utf8');
  assert.not.match(report, '\u001b');
  assert.is((JSON.parse(report) as { summary: { targets: number } }).summary.targets, 300);
});

tty('at most ten redraws a second', () => {
  const started = Date.now();
  const r = inTerminal(['scan', repo, '--format', 'json', '--output', join(work, 'rate.json'), '--fail-on', 'none']);
  const seconds = (Date.now() - started) / 1000;
  const n = redraws(r.screen).length;
  // Every redraw but the first waits 100 ms for the one before, over the run's wall time (process start included).
  assert.ok(n >= 1 && n <= Math.ceil(seconds * 10) + 1, `${n} redraws in ${seconds} s`);
});

tty('a pipe gets no progress at all: standard error is empty and the report is clean', () => {
  const r = inPipe(['scan', repo, '--format', 'json', '--fail-on', 'none']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, '');
  assert.not.match(r.stdout, '\u001b');
  assert.not.match(r.stdout, 'evaluated,');
});

tty('--quiet and -q silence it on a terminal, and so does TERM=dumb', () => {
  for (const [args, env] of [
    [['--quiet'], {}],
    [['-q'], {}],
    [[], { TERM: 'dumb' }],
  ] as const) {
    const r = inTerminal(['scan', repo, '--format', 'json', '--output', join(work, 'quiet.json'), '--fail-on', 'none', ...args], env);
    assert.is(r.code, 0, r.screen);
    assert.is(r.screen, '', `${args.join(' ')} ${JSON.stringify(env)}`);
  }
});

tty('the text report on the same terminal starts on a clean line', () => {
  const r = inTerminal(['scan', join(repo, 'site1'), '--fail-on', 'none']);
  // Whatever progress was drawn is erased, and the report follows the erase directly.
  const report = r.screen.slice(r.screen.lastIndexOf(ERASE) + ERASE.length);
  assert.match(report, /^site1\/rsyncd\.conf|^.*rsyncd\.conf/);
  assert.match(report, /1 target: /);
});

tty('eval on a terminal counts the documents it evaluates', () => {
  const facts = join(work, 'facts.json');
  const made = inPipe(['facts', join(repo, 'site0', 'rsyncd.conf')]);
  assert.is(made.code, 0, made.stderr);
  const doc = JSON.parse(made.stdout) as { target: { id: string; display: string } };
  // One real document as 300 targets of their own (eval refuses a target named twice).
  const docs = Array.from({ length: 300 }, (_, i) => ({ ...doc, target: { ...doc.target, id: `site${i}/rsyncd.conf`, display: `site${i}/rsyncd.conf` } }));
  writeFileSync(facts, JSON.stringify(docs));
  const r = inTerminal(['eval', facts, '--format', 'json', '--output', join(work, 'eval.json'), '--fail-on', 'none']);
  assert.is(r.code, 0, r.screen);
  const lines = redraws(r.screen);
  assert.ok(
    lines.some((l) => /^eval: [\d,]+\/300 evaluated/.test(l)),
    lines.join('\n'),
  );
  assert.is(inPipe(['eval', facts, '--format', 'json', '--fail-on', 'none']).stderr, '');
});

tty('image on a terminal shows layers and bytes while it indexes', async () => {
  const layers = [];
  for (let i = 0; i < 3; i++) layers.push(await layerTar([{ name: `opt/filler${i}`, body: 'x'.repeat(200_000) }]));
  layers.push(await layerTar([{ name: 'etc/rsyncd.conf', body: '[pub]\n    path = /srv/pub\n' }]));
  const layout = ociLayout(join(work, 'oci'), layers, { Cmd: ['rsync', '--daemon', '--no-detach'] });
  const r = inTerminal(['image', layout, '--format', 'json', '--output', join(work, 'image.json'), '--fail-on', 'none']);
  assert.is(r.code, 0, r.screen);
  const lines = redraws(r.screen);
  assert.ok(
    lines.some((l) => /^image: layer [1-4]\/4, [\d.]+ (B|kB|MB) read/.test(l)),
    lines.join('\n'),
  );
  assert.ok(r.screen.endsWith(ERASE));
  const piped = inPipe(['image', layout, '--format', 'json', '--fail-on', 'none']);
  assert.is(piped.stderr, '');
});

tty('an image that cannot be read leaves no line behind either', () => {
  const junk = join(work, 'not-an-image.tar');
  writeFileSync(junk, 'not a tar archive\n');
  const r = inTerminal(['image', junk, '--format', 'json', '--output', join(work, 'junk.json')]);
  assert.is(r.code, 2, r.screen);
  assert.ok(r.screen === '' || r.screen.endsWith(ERASE), JSON.stringify(r.screen));
});

tty.run();
