import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytes, countLine, duration, MIN_REDRAW_MS, pace, Progress } from './progress.ts';

/** A terminal (or a pipe) that records what it is sent, and a clock the test moves. */
function setup(isTTY: boolean, opts: { quiet?: boolean; term?: string; columns?: number } = {}) {
  const written: string[] = [];
  let t = 1000;
  const progress = new Progress({
    quiet: opts.quiet === true,
    stream: { isTTY, columns: opts.columns ?? 80, write: (s) => (written.push(s), true) },
    env: { TERM: opts.term ?? 'xterm' },
    now: () => t,
  });
  const tick = (ms: number): void => {
    t += ms;
  };
  return { progress, written, tick };
}

const line = suite('Progress');

line('draws one line in place on a terminal, and erases it at the end', () => {
  const { progress, written, tick } = setup(true);
  progress.update(() => 'scan: 1 file found');
  tick(MIN_REDRAW_MS);
  progress.update(() => 'scan: 2 files found');
  progress.clear();
  assert.equal(written, ['\r\x1b[Kscan: 1 file found', '\r\x1b[Kscan: 2 files found', '\r\x1b[K']);
});

line('writes nothing at all to a pipe or a file, to TERM=dumb, or under --quiet', () => {
  for (const s of [setup(false), setup(true, { term: 'dumb' }), setup(true, { quiet: true })]) {
    s.progress.update(() => 'x');
    s.progress.clear();
    assert.is(s.progress.active, false);
    assert.equal(s.written, []);
  }
});

line('redraws at most ten times a second, and never builds a line it drops', () => {
  const { progress, written, tick } = setup(true);
  let built = 0;
  for (let i = 0; i < 1000; i++) {
    progress.update(() => `n ${++built}`);
    tick(1);
  }
  // One second of updates every millisecond: ten redraws, one per 100 ms.
  assert.is(written.length, 10);
  assert.is(built, 10);
});

line('cuts a line to the terminal width (a wrapped line cannot be redrawn) and escapes controls', () => {
  const { progress, written } = setup(true, { columns: 30 });
  progress.update(() => `scan: reading ${'d/'.repeat(40)}\x1b[2J`);
  const drawn = written[0]?.slice('\r\x1b[K'.length) ?? '';
  assert.ok(drawn.length <= 29, drawn);
  assert.ok(drawn.endsWith('…'));
  const { progress: p2, written: w2 } = setup(true);
  p2.update(() => 'a\x1b[2Jb');
  assert.is(w2[0], '\r\x1b[Ka\\x1b[2Jb');
});

line('a warning erases the line first, stands on its own line, and is silenced by --quiet', () => {
  const { progress, written } = setup(true);
  progress.update(() => 'scan: 5 files found');
  progress.warn('rsyncguard scan: warning: x\x07');
  progress.update(() => 'scan: 6 files found');
  assert.equal(written, ['\r\x1b[Kscan: 5 files found', '\r\x1b[K', 'rsyncguard scan: warning: x\\x07\n', '\r\x1b[Kscan: 6 files found']);
  const quiet = setup(true, { quiet: true });
  quiet.progress.warn('rsyncguard scan: warning: x');
  assert.equal(quiet.written, []);
  // Not a terminal: the warning still comes (only the line is for terminals).
  const pipe = setup(false);
  pipe.progress.warn('w');
  assert.equal(pipe.written, ['w\n']);
});

const figures = suite('progress figures');

figures('rate and time left from the count so far', () => {
  assert.equal(pace(500, 2000, 0, 1000), { rate: '500/s', left: 'about 3 s left' });
  assert.equal(pace(0, 2000, 0, 1000), { rate: '0/s', left: null });
  assert.equal(pace(5, 2000, 0, 100), { rate: null, left: null }, 'no guess in the first quarter second');
  assert.equal(pace(1990, 2000, 0, 1000), { rate: '1,990/s', left: 'under a second left' });
  assert.equal(pace(10, undefined, 0, 1000), { rate: '10/s', left: null });
  assert.is(countLine('scan', 800, 2000, pace(800, 2000, 0, 2000)), 'scan: 800/2,000 evaluated, 400/s, about 3 s left');
  assert.is(countLine('eval', 3, undefined, pace(3, undefined, 0, 1000)), 'eval: 3 evaluated, 3/s');
  assert.is(countLine('image', 1, 1, pace(1, 1, 0, 0)), 'image: 1/1 evaluated');
});

figures('durations and sizes read at a glance', () => {
  assert.is(duration(3.4), '3 s');
  assert.is(duration(125), '2 min 05 s');
  assert.is(duration(3780), '1 h 03 min');
  assert.is(bytes(512), '512 B');
  assert.is(bytes(12_345_678), '12.3 MB');
  assert.is(bytes(2_500_000_000), '2.5 GB');
});

line.run();
figures.run();
