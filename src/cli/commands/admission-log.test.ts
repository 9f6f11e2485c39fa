import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../../engine/index.ts';
import { escapeControls } from '../../report/index.ts';
import type { AdmissionDecision, ImageOutcome } from '../../runner/index.ts';
import { bufferReviewLines, flushLog, imageEntry, logEvent, logReview, type ReviewContext } from './admission-log.ts';

/** Every write to stderr from now until `restore`, each as it came. */
function captureStderr(): { writes: string[]; restore: () => void } {
  const writes: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  return { writes, restore: () => (process.stderr.write = write) };
}

/** What `run` wrote to stderr, each write as it came. */
function stderrOf(run: () => void): string[] {
  const captured = captureStderr();
  try {
    run();
  } finally {
    captured.restore();
  }
  return captured.writes;
}

const withoutTime = (line: string) => line.replace(/^\{"time":"[^"]*"/, '{"time":""');

const finding: Finding = { rule_id: 'RSYNC-001', title: 't', severity: 'high', context: null, message: 'writable module\u2028with a separator', target: 'img', module: null, path: '', location: null };
const outcomes: ImageOutcome[] = [
  { subject: 'image "reg/a:1"', image: 'reg/a:1', digest: 'sha256:aaaa', kind: 'allowed', below: 0 },
  // Names a review chose may hold what JSON leaves raw (C1 controls, line separators): escaped in the line.
  { subject: 'image "reg/b\u0085\u2028"', image: 'reg/b\u0085\u2028', digest: 'sha256:bbbb', kind: 'allowed', below: 2 },
  { subject: 'image "reg/c"', image: 'reg/c', kind: 'unevaluated', reason: 'HTTP 503\u202e', timedOut: true },
  { subject: 'image "reg/d"', image: 'reg/d', digest: 'sha256:dddd', kind: 'denied', findings: [{ ...finding }] },
  { subject: 'container c0', kind: 'unevaluated', reason: 'image is empty' },
];
const decision: AdmissionDecision = { uid: 'uid-\u0085', verdict: 'deny', mode: 'warn', allowed: true, message: 'm', warnings: [], outcomes };
const ctx: ReviewContext = { kind: 'Pod', namespace: 'ns\u2029', durationMs: 1.234 };

const review = suite('logReview');

review('writes the line logEvent writes for the same fields, images included', () => {
  // The review's own strings escaped as for a message (a line a terminal prints acts on none of them).
  const expected = stderrOf(() =>
    logEvent('info', 'admission review', { uid: escapeControls('uid-\u0085'), kind: 'Pod', namespace: escapeControls('ns\u2029'), mode: 'warn', decision: 'deny', allowed: true, duration_ms: 1.2, images: outcomes.map(imageEntry) }),
  );
  // Twice: the second line takes the allowed images' entries from what the first one kept.
  for (let i = 0; i < 2; i++) {
    const got = stderrOf(() => logReview(decision, ctx));
    assert.is(got.length, 1, 'one write per review');
    assert.is(withoutTime(got[0] ?? ''), withoutTime(expected[0] ?? ''));
    assert.not.match(got[0] ?? '', /[\u0085\u2028\u2029\u202e]/);
    const line = JSON.parse(got[0] ?? '') as { images: { image: string; outcome: string }[] };
    assert.equal(
      line.images.map((e) => [e.image, e.outcome]),
      [
        ['reg/a:1', 'clean'],
        ['reg/b\\x85\\u2028', 'clean'],
        ['reg/c', 'timeout'],
        ['reg/d', 'denied'],
        ['container c0', 'error'],
      ],
    );
  }
});

review('an image logged with another digest is not taken for the one logged before', () => {
  const line = (digest: string) => JSON.parse(stderrOf(() => logReview({ ...decision, outcomes: [{ subject: 'image "reg/a:1"', image: 'reg/a:1', digest, kind: 'allowed', below: 0 }] }, ctx))[0] ?? '') as { images: { digest: string }[] };
  assert.is(line('sha256:aaaa').images[0]?.digest, 'sha256:aaaa');
  assert.is(line('sha256:ffff').images[0]?.digest, 'sha256:ffff');
});

/** The uid of each review line in what was written. */
const uidsOf = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { uid: string }).uid);

review('while the webhook serves, review lines wait and are written together, in order, before any other event', async () => {
  const stop = bufferReviewLines(20);
  try {
    const held = stderrOf(() => {
      logReview({ ...decision, uid: 'first' }, ctx);
      logReview({ ...decision, uid: 'second' }, ctx);
    });
    assert.equal(held, [], 'nothing written at once');
    // Another event writes what waits first, then itself, in one turn: a warning is never held back.
    const withWarning = stderrOf(() => logEvent('warn', 'request refused'));
    assert.is(withWarning.length, 2);
    assert.equal(uidsOf(withWarning[0] ?? ''), ['first', 'second']);
    assert.match(withWarning[1] ?? '', /"msg":"request refused"/);
    // Alone, a line is written once its time is up.
    const timed = captureStderr();
    try {
      logReview({ ...decision, uid: 'third' }, ctx);
      assert.is(timed.writes.length, 0);
      await new Promise((r) => setTimeout(r, 60));
      assert.is(timed.writes.length, 1);
      assert.match(timed.writes[0] ?? '', /"uid":"third"/);
    } finally {
      timed.restore();
    }
  } finally {
    stop();
  }
});

review('a large backlog of held lines is written at once, and stopping writes what is left', () => {
  const stop = bufferReviewLines(60_000);
  let stopped = false;
  try {
    const writes = stderrOf(() => {
      for (let i = 0; i < 400; i++) logReview({ ...decision, uid: `u${i}` }, ctx);
    });
    // Each write is a full 64 KiB of lines or more; what is left waits, and is written on stopping.
    assert.ok(writes.length >= 1);
    for (const w of writes) assert.ok(w.length >= 64 << 10, `a write of ${w.length} characters`);
    const left = stderrOf(() => {
      stop();
      stopped = true;
    });
    assert.is(left.length, 1);
    assert.ok((left[0] ?? '').length < 64 << 10);
    assert.equal(
      uidsOf([...writes, ...left].join('')),
      Array.from({ length: 400 }, (_, i) => `u${i}`),
    );
    // After stopping, a line is written as it comes.
    assert.is(stderrOf(() => logReview(decision, ctx)).length, 1);
    assert.equal(stderrOf(flushLog), []);
  } finally {
    if (!stopped) stop();
  }
});

review.run();
